// Issue 16.2: calendars whose recurrences hung the importer or invented dates. Every case finishes within
// the step budget (counted, never timed) and says which series hit which bound, by file and line.
import { describe, expect, it } from "vitest";
import { importCalendar, type ImportWarning } from "@tiegraph/io";

const EGO = { id: "me", name: "Me", emails: ["me@example.com"] };

/** One VEVENT (lines 2–8 of the calendar, after BEGIN:VCALENDAR) with the given extra lines. */
function event(uid: string, start: string, extra: string[], attendees = ["ATTENDEE;CN=Ann:mailto:ann@example.com"]): string[] {
  return ["BEGIN:VEVENT", `UID:${uid}`, `DTSTART:${start}`, "DURATION:PT30M", "ORGANIZER:mailto:me@example.com", ...attendees, ...extra, "END:VEVENT"];
}
const calendar = (...events: string[][]): string => ["BEGIN:VCALENDAR", "VERSION:2.0", ...events.flat(), "END:VCALENDAR", ""].join("\r\n");
const codes = (ws: readonly ImportWarning[]): [string, number, number | undefined][] => ws.map((w) => [w.code, w.line, w.limit ?? w.count]);

describe("importCalendar bounds (issue 16.2)", () => {
  it("the 222-byte calendar: FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 counts its first start only and says why", async () => {
    const ics = calendar(event("feb30", "20240105T090000Z", ["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"]));
    const r = await importCalendar(ics, { ego: EGO, from: "2024-01-01", to: "2030-12-31", file: "feb30.ics" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-01-05"]);
    expect(r.warnings).toEqual([{ code: "recurrence-impossible", file: "feb30.ics", line: 3, record: 'event "feb30" at line 3' }]);
  });

  it("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 invents no meetings on 1–2 March", async () => {
    const ics = calendar(event("y30", "20000210T090000Z", ["RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"]));
    const r = await importCalendar(ics, { ego: EGO, from: "2000-01-01", to: "2024-12-31" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2000-02-10"]);
    expect(codes(r.warnings)).toEqual([["recurrence-impossible", 3, undefined]]);
  });

  it("29 February yearly: only leap years, the rolled-over 1 March dates dropped and counted", async () => {
    // DTSTART 2023-01-31 (not on the rule), then 29 Feb 2024 and 2028; ical.js also yields 2023-03-01, which is dropped.
    const ics = calendar(event("leap", "20230131T090000Z", ["RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"]));
    const r = await importCalendar(ics, { ego: EGO, from: "2023-01-01", to: "2029-12-31" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2023-01-31", "2024-02-29", "2028-02-29"]);
    expect(codes(r.warnings)).toEqual([["recurrence-invented-dates", 3, 1]]);
  });

  it("SECONDLY, MINUTELY and HOURLY rules with BY parts are not expanded", async () => {
    const ics = calendar(
      event("s", "20240101T090000Z", ["RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"]),
      event("m", "20240102T090000Z", ["RRULE:FREQ=MINUTELY;BYHOUR=9;BYDAY=MO"]),
      event("h", "20240103T090000Z", ["RRULE:FREQ=HOURLY;INTERVAL=1"]),
    );
    const r = await importCalendar(ics, { ego: EGO, from: "2024-01-01", to: "2024-12-31" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
    expect(codes(r.warnings)).toEqual([
      ["recurrence-too-frequent", 3, undefined],
      ["recurrence-too-frequent", 11, undefined],
      ["recurrence-too-frequent", 19, undefined],
    ]);
  });

  it("a rule the screen lets through but no date satisfies stops at the series step budget", async () => {
    // Week 1 of a year is never in June: ical.js's DAILY iterator would search forever inside one next().
    const ics = calendar(event("never", "20240101T090000Z", ["RRULE:FREQ=DAILY;BYWEEKNO=1;BYMONTH=6"]));
    const r = await importCalendar(ics, { ego: EGO, from: "2024-01-01", to: "2024-12-31", maxSeriesSteps: 5000 });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-01-01"]);
    expect(codes(r.warnings)).toEqual([["series-step-limit", 3, 5000]]);
  });

  it("a rare but possible rule (Monday 29 February) is cut by the step budget, keeping what it found", async () => {
    // Daily search from 2000: 29 Feb falls on a Monday in 2016 (5,901 days on) and 2044 (10,227 days more). ical.js
    // spends about 5 steps a day, so the default 100,000 steps reach 2016 and not 2044.
    const ics = calendar(event("rare", "20000103T090000Z", ["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"]));
    const r = await importCalendar(ics, { ego: EGO, from: "2000-01-01", to: "2050-12-31" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2000-01-03", "2016-02-29"]);
    expect(codes(r.warnings)).toEqual([["series-step-limit", 3, 100_000]]);
  });

  it("2,000 endless daily series stop at the file's occurrence bound, naming the series where it was reached", async () => {
    const events = Array.from({ length: 2000 }, (_, i) => event(`d${i}`, "20200101T090000Z", ["RRULE:FREQ=DAILY"]));
    const r = await importCalendar(calendar(...events), { ego: EGO, from: "2020-01-01", to: "2024-12-31", maxOccurrences: 1000, maxFileOccurrences: 5000 });
    // five series of 1,000 occurrences each; the sixth (at line 3 + 5 × 8) reaches the bound
    expect(r.exchanges).toHaveLength(5000);
    expect(codes(r.warnings)).toEqual([
      ...[0, 1, 2, 3, 4].map((k): [string, number, number] => ["series-occurrence-limit", 3 + 8 * k, 1000]),
      ["file-occurrence-limit", 43, 5000],
    ]);
  });

  it("endless series also stop at the file's step budget, named at the series where it ran out", async () => {
    const events = Array.from({ length: 3 }, (_, i) => event(`d${i}`, "20200101T090000Z", ["RRULE:FREQ=DAILY"]));
    const r = await importCalendar(calendar(...events), { ego: EGO, from: "2020-01-01", to: "2024-12-31", maxFileSteps: 8000 });
    // the first series ends at its 1,000 occurrences; the second runs out of file steps part-way; the third is not expanded
    expect(codes(r.warnings)).toEqual([
      ["series-occurrence-limit", 3, 1000],
      ["file-step-limit", 11, 8000],
    ]);
    expect(r.exchanges.slice(0, 1000).every((e, i) => e.date === new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10))).toBe(true);
    expect(r.exchanges.length).toBeGreaterThan(1000);
    expect(r.exchanges.length).toBeLessThan(2000);
  });

  it("20,000 attendees × COUNT=1000: a large event makes no contacts and no meetings by default, and is counted", async () => {
    const attendees = Array.from({ length: 20_000 }, (_, i) => `ATTENDEE;CN=P${i}:mailto:p${i}@example.com`);
    const ics = calendar(event("big", "20240101T090000Z", ["RRULE:FREQ=DAILY;COUNT=1000"], attendees), event("small", "20240102T090000Z", [], ["ATTENDEE;CN=P1:mailto:p1@example.com"]));
    const r = await importCalendar(ics, { ego: EGO, from: "2024-01-01", to: "2026-12-31" });
    expect(r.people.map((p) => p.name)).toEqual(["P1"]);
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-01-02"]);
    // 20,000 participants, P1 is a contact through the small meeting
    expect(r.largeEvents).toEqual({ limit: 8, events: 1, attendees: 19_999 });
  });

  it("with largeEventContacts, the same file stops at the file's meeting bound", async () => {
    const attendees = Array.from({ length: 20_000 }, (_, i) => `ATTENDEE;CN=P${i}:mailto:p${i}@example.com`);
    const ics = calendar(event("big", "20240101T090000Z", ["RRULE:FREQ=DAILY;COUNT=1000"], attendees));
    const r = await importCalendar(ics, { ego: EGO, from: "2024-01-01", to: "2026-12-31", largeEventContacts: true, maxMeetings: 50_000 });
    // two occurrences of 20,000 meetings fit under 50,000; the third would not
    expect(r.exchanges).toHaveLength(40_000);
    expect(codes(r.warnings)).toEqual([["file-meeting-limit", 3, 50_000]]);
    expect(r.largeEvents).toBeUndefined();
  });

  it("rejects bounds that are not whole numbers ≥ 1", async () => {
    await expect(importCalendar("", { maxFileSteps: 0 })).rejects.toMatchObject({ code: "invalid-option", problem: "invalid maxFileSteps" });
    await expect(importCalendar("", { largeEventSize: 2.5 })).rejects.toMatchObject({ code: "invalid-option", problem: "invalid largeEventSize" });
  });
});
