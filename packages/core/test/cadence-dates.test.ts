// The cadence clock across time zones and date boundaries. Dates are calendar
// dates: a touch counts on the day it was written down, "today" is the
// caller's wall-calendar date, and the clock counts whole calendar days.
import { describe, expect, it } from "vitest";
import { Network, TiegraphError, calendarDate, relationshipCadences, type Exchange } from "@tiegraph/core";

const oneContact = (exchanges: Omit<Exchange, "from" | "to" | "kind">[], cadenceDays: number) =>
  Network.from({
    ego: "me",
    people: [{ id: "me", name: "Me" }, { id: "x", name: "X", cadenceDays }],
    exchanges: exchanges.map((e) => ({ kind: "meeting", from: "me", to: "x", ...e })),
  });

describe("calendarDate", () => {
  it("gives the wall-calendar date of an instant in a time zone", () => {
    const instant = new Date("2024-06-14T03:30:00Z");
    expect(calendarDate(instant, "America/New_York")).toBe("2024-06-13"); // 23:30 EDT
    expect(calendarDate(instant, "Europe/Berlin")).toBe("2024-06-14"); // 05:30 CEST
    expect(calendarDate(instant, "UTC")).toBe("2024-06-14");
    expect(calendarDate(instant.getTime(), "Asia/Kolkata")).toBe("2024-06-14"); // 09:00 IST
    // the two ends of the dateline: 17:30 on the 14th at UTC+14, 16:30 on the 13th at UTC−11
    expect(calendarDate(instant, "Pacific/Kiritimati")).toBe("2024-06-14");
    // 10:30 UTC is already 00:30 on the 15th at UTC+14
    expect(calendarDate(new Date("2024-06-14T10:30:00Z"), "Pacific/Kiritimati")).toBe("2024-06-15");
    expect(calendarDate(instant, "Pacific/Pago_Pago")).toBe("2024-06-13");
  });

  it("rejects unknown zones and invalid instants", () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(TiegraphError);
        return (e as TiegraphError).code;
      }
      throw new Error("expected a TiegraphError");
    };
    expect(codeOf(() => calendarDate(new Date(), "Mars/Olympus_Mons"))).toBe("invalid-option");
    expect(codeOf(() => calendarDate(new Date(Number.NaN), "UTC"))).toBe("invalid-date");
    expect(() => calendarDate(Number.NaN)).toThrow(/invalid instant/);
  });
});

describe("the cadence clock across time zones", () => {
  // kim-like contact: every 14 days, last seen 2024-05-30 → due 2024-06-13
  const net = oneContact([{ date: "2024-05-30" }], 14);

  it("reads the same instant as two dates, and so two statuses", () => {
    const instant = new Date("2024-06-14T03:30:00Z");
    const inNewYork = relationshipCadences(net, { asOf: calendarDate(instant, "America/New_York") })[0]!;
    const inBerlin = relationshipCadences(net, { asOf: calendarDate(instant, "Europe/Berlin") })[0]!;
    expect(inNewYork).toMatchObject({ dueDate: "2024-06-13", daysLeft: 0, status: "due", overdueDays: 0 });
    expect(inBerlin).toMatchObject({ dueDate: "2024-06-13", daysLeft: -1, status: "overdue", overdueDays: 1 });
  });

  it("keeps a touch on the date it was written, whatever its offset", () => {
    // 23:30 in New York is 04:30 the next day in UTC: the touch still counts on 2024-05-30
    const a = oneContact([{ date: "2024-05-30T23:30:00-04:00" }], 14);
    const b = oneContact([{ date: "2024-05-30T00:15:00+14:00" }], 14);
    const c = oneContact([{ date: "2024-05-30 12:00" }], 14);
    for (const n of [a, b, c]) expect(relationshipCadences(n, { asOf: "2024-06-13" })[0]).toMatchObject({ lastTouch: "2024-05-30", dueDate: "2024-06-13", status: "due" });
  });

  it("counts calendar days across daylight-saving changes", () => {
    // Berlin springs forward on 2024-03-31: from 2024-03-30 12:00 to 2024-04-01 00:30 local is 35.5 hours, but two calendar days
    const n = oneContact([{ date: "2024-03-30T12:00:00+01:00" }], 2);
    const today = calendarDate(new Date("2024-04-01T00:30:00+02:00"), "Europe/Berlin");
    expect(today).toBe("2024-04-01");
    expect(relationshipCadences(n, { asOf: today })[0]).toMatchObject({ daysSinceTouch: 2, dueDate: "2024-04-01", daysLeft: 0, status: "due" });
    // New York falls back on 2024-11-03 (a 25-hour day): still one day
    const m = oneContact([{ date: "2024-11-02" }], 1);
    expect(relationshipCadences(m, { asOf: calendarDate(new Date("2024-11-04T04:59:00Z"), "America/New_York") })[0]).toMatchObject({ daysSinceTouch: 1, status: "due" });
    expect(relationshipCadences(m, { asOf: calendarDate(new Date("2024-11-04T05:00:00Z"), "America/New_York") })[0]).toMatchObject({ daysSinceTouch: 2, status: "overdue", overdueDays: 1 });
  });
});

describe("the cadence clock across date boundaries", () => {
  // [last touch, cadence days, due date]: each due date is a calendar fact
  const cases: [string, number, string][] = [
    ["2024-01-31", 30, "2024-03-01"], // 2024 is a leap year: January 31 + 30 = March 1
    ["2023-01-31", 30, "2023-03-02"], // … and 2023 is not
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 365, "2025-02-28"], // a year after a leap day
    ["2024-12-20", 14, "2025-01-03"], // across New Year
    ["2024-12-31", 1, "2025-01-01"],
    ["2100-02-28", 1, "2100-03-01"], // 2100 is not a leap year
    ["2000-02-28", 1, "2000-02-29"], // 2000 is
    ["2024-06-01", 10.5, "2024-06-12"], // fractional cadences round up to whole days
  ];
  for (const [last, cadence, due] of cases) {
    it(`${last} + ${cadence} days is due ${due}`, () => {
      const n = oneContact([{ date: last }], cadence);
      const onDue = relationshipCadences(n, { asOf: due })[0]!;
      expect(onDue).toMatchObject({ dueDate: due, daysLeft: 0, status: "due" });
      expect(onDue.daysSinceTouch).toBe(Math.ceil(cadence));
      // the day before the due date (within the 7-day window) is due, the day after is overdue by one
      const dayAfter = relationshipCadences(n, { asOf: addOneDay(due) })[0]!;
      expect(dayAfter).toMatchObject({ status: "overdue", overdueDays: 1 });
    });
  }

  it("moves from on-time to due exactly seven days before the due date", () => {
    // due 2024-03-01 (after the leap day): on 2024-02-23 it is 7 days ahead (on time), on 2024-02-24 six (due)
    const n = oneContact([{ date: "2024-01-31" }], 30);
    expect(relationshipCadences(n, { asOf: "2024-02-23" })[0]).toMatchObject({ daysLeft: 7, status: "on-time" });
    expect(relationshipCadences(n, { asOf: "2024-02-24" })[0]).toMatchObject({ daysLeft: 6, status: "due" });
  });

  it("resets the clock with any touch, of any kind, in either direction", () => {
    const base = [{ date: "2024-01-01" }];
    for (const kind of ["information", "favour", "gesture", "meeting", "connection"] as const) {
      for (const [from, to] of [["me", "x"], ["x", "me"]]) {
        const n = Network.from({
          ego: "me",
          people: [{ id: "me", name: "Me" }, { id: "x", name: "X", cadenceDays: 30 }, { id: "y", name: "Y" }],
          exchanges: [...base.map((e) => ({ ...e, kind: "meeting" as const, from: "me", to: "x" })), { date: "2024-02-15", kind, from: from!, to: to! }],
        });
        expect(relationshipCadences(n, { asOf: "2024-03-01", contacts: ["x"] })[0]).toMatchObject({ lastTouch: "2024-02-15", dueDate: "2024-03-16", status: "on-time" });
      }
    }
    // an introduction of x by y to me is a touch with y, not with x
    const intro = Network.from({
      ego: "me",
      people: [{ id: "me", name: "Me" }, { id: "x", name: "X", cadenceDays: 30 }, { id: "y", name: "Y" }],
      exchanges: [{ date: "2024-01-01", kind: "meeting", from: "me", to: "x" }, { date: "2024-02-15", kind: "introduction", from: "y", to: "me", introduced: "x" }],
    });
    // due 2024-01-31; 2024-03-01 is 29 (February) + 1 days later
    expect(relationshipCadences(intro, { asOf: "2024-03-01", contacts: ["x"] })[0]).toMatchObject({ lastTouch: "2024-01-01", status: "overdue", overdueDays: 30 });
  });
});

function addOneDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
