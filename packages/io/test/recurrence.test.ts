// The rule screen and the invented-date check of the bounded recurrence expansion (issue 16.2), on hand-worked rules.
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { StepBudget, StepLimitReached, ruleProblem, satisfiesRule } from "../src/importers/recurrence.js";

const rule = (text: string): ICAL.Recur => ICAL.Recur.fromString(text);
const day = (text: string): ICAL.Time => ICAL.Time.fromDateString(text);

describe("ruleProblem", () => {
  it.each([
    ["FREQ=SECONDLY;BYMONTH=2", "too-frequent"],
    ["FREQ=MINUTELY", "too-frequent"],
    ["FREQ=HOURLY;INTERVAL=6", "too-frequent"],
    // February has at most 29 days; -30 counts from the end, so also needs 30 days
    ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "impossible"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-30", "impossible"],
    // April, June, September and November have 30 days
    ["FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31", "impossible"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", undefined],
    ["FREQ=MONTHLY;BYMONTH=2,4;BYMONTHDAY=30", undefined],
    ["FREQ=MONTHLY;BYMONTHDAY=31", undefined],
    ["FREQ=WEEKLY;BYDAY=MO,WE", undefined],
  ])("%s → %s", (text, expected) => {
    expect(ruleProblem(rule(text))).toBe(expected);
  });

  it("also screens rules built from data, which ical.js's text parser would refuse", () => {
    expect(ruleProblem(new ICAL.Recur({ freq: "YEARLY", byyearday: [367] }))).toBe("impossible");
    expect(ruleProblem(new ICAL.Recur({ freq: "YEARLY", byweekno: [-54] }))).toBe("impossible");
    expect(ruleProblem(new ICAL.Recur({ freq: "YEARLY", bymonth: [13] }))).toBe("impossible");
    expect(ruleProblem(new ICAL.Recur({ freq: "DAILY", interval: 0 }))).toBe("impossible");
  });
});

describe("satisfiesRule", () => {
  const start = day("2023-01-31");
  it("rejects the 1 March that stands for 29 February in a common year, keeps 29 February 2024", () => {
    const r = rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29");
    expect(satisfiesRule(r, start, day("2023-03-01"))).toBe(false);
    expect(satisfiesRule(r, start, day("2024-02-29"))).toBe(true);
  });
  it("checks negative month days against the month's length: -1 is 28 February 2023, 29 February 2024", () => {
    const r = rule("FREQ=MONTHLY;BYMONTHDAY=-1");
    expect([satisfiesRule(r, start, day("2023-02-28")), satisfiesRule(r, start, day("2024-02-28")), satisfiesRule(r, start, day("2024-02-29"))]).toEqual([true, false, true]);
  });
  it("checks weekdays (2024-02-29 is a Thursday) and, for a plain monthly rule, DTSTART's day", () => {
    expect(satisfiesRule(rule("FREQ=DAILY;BYDAY=TH"), start, day("2024-02-29"))).toBe(true);
    expect(satisfiesRule(rule("FREQ=DAILY;BYDAY=1MO"), start, day("2024-02-29"))).toBe(false);
    expect(satisfiesRule(rule("FREQ=MONTHLY"), start, day("2023-03-03"))).toBe(false);
    expect(satisfiesRule(rule("FREQ=MONTHLY"), start, day("2023-03-31"))).toBe(true);
  });
});

describe("StepBudget", () => {
  it("charges steps per series and per file, and refuses a step that would pass either, charging nothing", () => {
    const b = new StepBudget(3, 5);
    b.step(2);
    expect(() => b.step(2)).toThrow(StepLimitReached);
    b.startSeries();
    b.step(3);
    expect(b.used).toBe(5);
    b.startSeries();
    const e = (() => {
      try {
        b.step();
      } catch (x) {
        return x as StepLimitReached;
      }
      return undefined;
    })();
    expect([e?.scope, e?.limit, b.used]).toEqual(["file", 5, 5]);
  });
});
