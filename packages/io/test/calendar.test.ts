import { describe, expect, it } from "vitest";
import { Network, TiegraphError } from "@tiegraph/core";
import { calendarEgoOf, importCalendar, mergeInto } from "@tiegraph/io";
import { fixture } from "./fixtures.js";

const EGO = { id: "me", name: "Me", emails: ["me@example.com"] };
const YEAR = { from: "2024-01-01", to: "2024-12-31" };

/** The fixture holds (see fixtures/README.md):
 * coffee with Ann 2024-03-05 08:30–09:15 (45 min); a weekly 1:1 with Bruno from 2024-04-01, COUNT=6,
 * 04-15 excluded, 04-22 moved to 04-23 14:00–14:30 (so 04-01, 04-08, 04-23, 04-29, 05-06); lunch
 * organised by Chidi 05-10 (75 min); an all-hands organised by Amir with 8 more attendees and a room
 * 05-15; a cancelled catch-up 05-20; a private drink with Yuki 06-03; a sync Bruno declined 06-05
 * (Ann only, 30 min); a UTC call with Dana 2024-06-11T23:30Z (30 min); a dentist appointment with
 * nobody; a 2031 meeting; an all-day offsite organised by Ann 07-01. */
describe("importCalendar", () => {
  it("turns events into meetings with each other participant, expanding recurrences", async () => {
    const r = await importCalendar(fixture("calendar.ics"), { ...YEAR, ego: EGO, file: "calendar.ics", largeEventContacts: true });
    expect(r.problems).toEqual([]);
    const oneToOne = r.exchanges.filter((e) => e.value === undefined).map((e) => [e.date, e.from, e.to, e.minutes ?? null, e.confidential ?? false]);
    expect(oneToOne).toEqual([
      ["2024-03-05", "me", "ann-lee", 45, false],
      ["2024-04-01", "me", "bruno-costa", 60, false],
      ["2024-04-08", "me", "bruno-costa", 60, false],
      ["2024-04-23", "me", "bruno-costa", 30, false],
      ["2024-04-29", "me", "bruno-costa", 60, false],
      ["2024-05-06", "me", "bruno-costa", 60, false],
      ["2024-05-10", "chidi-okafor", "me", 75, false],
      ["2024-06-03", "me", "yuki-nakamura", 60, true],
      ["2024-06-05", "me", "ann-lee", 30, false],
      ["2024-06-11", "me", "dana-smith", 30, false],
      ["2024-07-01", "ann-lee", "me", null, false],
    ]);
    // the all-hands: 9 other people (room and ego left out) > 5, so each meeting weighs 5/9
    const group = r.exchanges.filter((e) => e.value !== undefined);
    expect(group).toHaveLength(9);
    expect(group.every((e) => e.date === "2024-05-15" && e.minutes === 60 && Math.abs(e.value! - 5 / 9) < 1e-12)).toBe(true);
    expect(group.filter((e) => e.to === "me").map((e) => e.from)).toEqual(["amir"]);
    expect(r.people.find((p) => p.id === "ann-lee")).toEqual({ id: "ann-lee", name: "Ann Lee", emails: ["ann.lee@acme.example"] });
    expect(r.people.some((p) => p.emails?.includes("me@example.com"))).toBe(false);
    expect(r.exchanges.some((e) => e.note !== undefined)).toBe(false);
  });

  it("skips group events on request, dates UTC times in a time zone, and keeps summaries when asked", async () => {
    const r = await importCalendar(fixture("calendar.ics"), { ...YEAR, ego: EGO, groupEvents: "skip", timeZone: "Europe/London", summaries: true, largeEventContacts: true });
    expect(r.exchanges).toHaveLength(11);
    expect(r.notes).toContain("1 group events (more than 5 other participants) skipped");
    // 23:30 UTC on 11 June is 00:30 BST on 12 June
    expect(r.exchanges.find((e) => e.to === "dana-smith")!.date).toBe("2024-06-12");
    expect(r.exchanges.find((e) => e.date === "2024-04-23")!.note).toBe("Bruno / Me weekly (moved)");
    const ny = await importCalendar(fixture("calendar.ics"), { ...YEAR, ego: EGO, timeZone: "America/New_York" });
    expect(ny.exchanges.find((e) => e.to === "dana-smith")!.date).toBe("2024-06-11");
  });

  it("counts only the date range", async () => {
    const r = await importCalendar(fixture("calendar.ics"), { ego: EGO, from: "2024-04-05", to: "2024-04-30" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-04-08", "2024-04-23", "2024-04-29"]);
    const future = await importCalendar(fixture("calendar.ics"), { ego: EGO, from: "2030-01-01", to: "2031-12-31" });
    expect(future.exchanges.map((e) => [e.date, e.to])).toEqual([["2031-01-01", "ann-lee"]]);
  });

  it("infers ego's address when none is given, and says so", async () => {
    const r = await importCalendar(fixture("calendar.ics"), { ...YEAR, largeEventContacts: true });
    // named for the CLI user as well as the library caller (it said "pass ego.emails", a library option, to both)
    expect(r.notes[0]).toBe("ego's address taken to be me@example.com (present in most events); to say otherwise, give ego's addresses (the CLI's --ego-email, the library's ego.emails; or import it into a network whose ego has them: the CLI's --into, the page's network file opened with it)");
    expect(r.exchanges).toHaveLength(20);
  });

  it("leaves the all-hands (9 other participants, more than 8) out by default and says so", async () => {
    const r = await importCalendar(fixture("calendar.ics"), { ...YEAR, ego: EGO });
    expect(r.exchanges.some((e) => e.date === "2024-05-15")).toBe(false);
    // Amir and the 8 attendees are in no other event: none becomes a person
    expect(r.largeEvents).toEqual({ limit: 8, events: 1, attendees: 9 });
    expect(r.people.some((p) => p.id === "amir")).toBe(false);
    const nine = await importCalendar(fixture("calendar.ics"), { ...YEAR, ego: EGO, largeEventSize: 9 });
    expect(nine.exchanges.filter((e) => e.date === "2024-05-15")).toHaveLength(9);
  });

  it("caps the occurrences of an endless series", async () => {
    const ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20200101T090000Z\r\nDTEND:20200101T091500Z\r\nRRULE:FREQ=DAILY\r\nORGANIZER:mailto:me@example.com\r\nATTENDEE;CN=Ann:mailto:ann@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const r = await importCalendar(ics, { ego: EGO, to: "2030-01-01", maxOccurrences: 50 });
    expect(r.exchanges).toHaveLength(50);
    expect(r.exchanges[49]!.date).toBe("2020-02-19");
    expect(r.warnings).toEqual([{ code: "series-occurrence-limit", file: undefined, line: 2, record: 'event "x" at line 2', limit: 50 }]);
    expect(r.notes[0]).toContain("only the first 50 occurrences");
  });

  it("reports a broken event with its lines and keeps the others", async () => {
    const ics = [
      "BEGIN:VCALENDAR",
      "BEGIN:VEVENT",
      "UID:ok",
      "DTSTART:20240101T090000Z",
      "DTEND:20240101T100000Z",
      "ATTENDEE;CN=Ann:mailto:ann@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:bad",
      "DTSTART;TZID=Europe/London 20240102T090000",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:backwards",
      "DTSTART:20240103T090000Z",
      "DTEND:20240103T080000Z",
      "ATTENDEE;CN=Bo:mailto:bo@example.com",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const r = await importCalendar(ics, { ego: EGO, ...YEAR, file: "cal.ics" });
    expect(r.exchanges.map((e) => e.to)).toEqual(["ann"]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ["parse-error", 8],
      ["invalid-range", 12],
    ]);
    await expect(importCalendar(ics, { ego: EGO, ...YEAR, strict: true })).rejects.toThrow(/line 8|:8/);
  });

  it("rejects bad options", async () => {
    await expect(importCalendar("", { timeZone: "Mars/Olympus" })).rejects.toThrow(TiegraphError);
    await expect(importCalendar("", { from: "2024-13-01" })).rejects.toThrow(/invalid from date/);
  });

  it("merges into a network whose ego is someone else: meetings go to that ego", async () => {
    const net = Network.from({ ego: "sam", people: [{ id: "sam", name: "Sam", emails: ["me@example.com"] }, { id: "ann", name: "Ann Lee", emails: ["ann.lee@acme.example"] }] });
    const report = mergeInto(net, await importCalendar(fixture("calendar.ics"), { ...YEAR, ego: EGO }));
    expect(report.ego).toBe("sam");
    expect(report.merged).toEqual([{ incoming: "ann-lee", name: "Ann Lee", into: "ann", by: "email", origin: { file: undefined, line: 26 } }]); // the coffee event begins on line 26
    expect(net.exchangesBetween("sam", "ann").map((i) => net.exchangeAt(i).date)).toEqual(["2024-03-05", "2024-06-05", "2024-07-01"]);
  });
});

describe("importCalendar on a file of another kind", () => {
  it("throws invalid-format naming the file when there is no BEGIN:VCALENDAR (an address book given as a calendar)", async () => {
    const vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.com\r\nEND:VCARD\r\n";
    const err = await importCalendar(vcf, { file: "contacts.vcf" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TiegraphError);
    expect((err as TiegraphError).code).toBe("invalid-format");
    expect((err as TiegraphError).message).toContain("contacts.vcf:1");
    expect((err as TiegraphError).message).toContain("BEGIN:VCALENDAR");
    // an empty calendar is a calendar
    const r = await importCalendar("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", { file: "empty.ics" });
    expect([r.records, r.problems.length, r.exchanges.length]).toEqual([0, 0, 0]);
  });
});

describe("importCalendar: ego's inferred address", () => {
  const event = (uid: string, day: string, organizer: string, attendees: string[]): string[] => [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTART:${day}T100000Z`,
    `DTEND:${day}T110000Z`,
    `ORGANIZER;CN=${organizer.split("@")[0]}:mailto:${organizer}`,
    ...attendees.map((a) => `ATTENDEE;CN=${a.split("@")[0]};PARTSTAT=ACCEPTED:mailto:${a}`),
    "END:VEVENT",
  ];
  const calendar = (...events: string[][]): string => ["BEGIN:VCALENDAR", "VERSION:2.0", ...events.flat(), "END:VCALENDAR", ""].join("\r\n");

  it("imported into a network whose ego has addresses (calendarEgoOf), tells ego apart by them where they cannot be inferred", async () => {
    const network = Network.from({ people: [{ id: "ann", name: "Ann", emails: ["Ann@Example.com", "ann@home.example"] }, { id: "bo", name: "Bo" }], ego: "ann" });
    const ego = calendarEgoOf(network);
    expect(ego).toEqual({ id: "ann", name: "Ann", emails: ["Ann@Example.com", "ann@home.example"] });
    // one meeting Ann organised for two others: her address is in one event of one, so it cannot be inferred
    const ics = calendar(event("d", "20250409", "ann@example.com", ["eve@contoso.com", "frank@contoso.com"]));
    const guessed = await importCalendar(ics, { file: "outlook.ics", to: "2025-12-31" });
    expect(guessed.notes.some((n) => n.startsWith("could not tell ego's address"))).toBe(true);
    // Ann counted as an attendee of her own meeting: a contact of the import's ego
    expect(guessed.exchanges.map((e) => [e.from, e.to]).sort()).toEqual([["ann", "me"], ["me", "eve"], ["me", "frank"]]);
    const told = await importCalendar(ics, { file: "outlook.ics", to: "2025-12-31", ego: ego! });
    expect(told.notes.filter((n) => n.includes("ego's address"))).toEqual([]);
    expect(told.people.map((p) => p.id).sort()).toEqual(["eve", "frank"]);
    expect(told.exchanges.map((e) => [e.from, e.to]).sort()).toEqual([["ann", "eve"], ["ann", "frank"]]);
    mergeInto(network, told);
    expect(network.people().map((p) => p.id).sort()).toEqual(["ann", "bo", "eve", "frank"]);
    // no ego, or an ego without an address: nothing to tell ego apart by
    expect(calendarEgoOf(Network.from({ people: [{ id: "ann", name: "Ann" }], ego: "ann" }))).toBeUndefined();
    expect(calendarEgoOf(Network.from({ people: [{ id: "ann", name: "Ann", emails: ["ann@example.com"] }] }))).toBeUndefined();
  });

  it("is kept on ego, so a second calendar where it cannot be inferred does not make ego a contact of themself", async () => {
    const google = calendar(
      event("a", "20250106", "me@example.com", ["me@example.com", "alice@example.com"]),
      event("b", "20250113", "bruno@example.com", ["me@example.com", "bruno@example.com"]),
      event("c", "20250120", "me@example.com", ["me@example.com", "carla@example.com"]),
    );
    const first = await importCalendar(google, { file: "google.ics", to: "2025-12-31" });
    expect(first.ego?.emails).toEqual(["me@example.com"]);
    const network = new Network();
    mergeInto(network, first);
    expect(network.person("me")?.emails).toEqual(["me@example.com"]);
    // one Outlook meeting: ego's address cannot be inferred from it alone
    const outlook = calendar(event("d", "20250409", "me@example.com", ["eve@contoso.com", "frank@contoso.com"]));
    const second = await importCalendar(outlook, { file: "outlook.ics", to: "2025-12-31" });
    expect(second.notes).toContain("could not tell ego's address among the attendees; every attendee was counted (give ego's addresses: the CLI's --ego-email, the library's ego.emails; or import it into a network whose ego has them: the CLI's --into, the page's network file opened with it)");
    mergeInto(network, second);
    expect(network.people().map((p) => p.id).sort()).toEqual(["alice", "bruno", "carla", "eve", "frank", "me"]);
    const all = Array.from({ length: network.exchangeCount }, (_, i) => network.exchangeAt(i));
    expect(all.filter((e) => e.date === "2025-04-09").map((e) => [e.from, e.to])).toEqual([
      ["me", "eve"],
      ["me", "frank"],
    ]);
  });
});
