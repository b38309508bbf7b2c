// The .ics export of a weekly plan: RFC 5545 structure, escaping, folding at
// 75 octets without splitting characters, CRLF, determinism; and a reference
// parser (ical.js, a dependency of @tiegraph/io) reads back what was written.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { TiegraphError, planToIcs, type WeeklyPlan } from "@tiegraph/core";

const plan: WeeklyPlan = {
  week: "2026-10-05",
  jobSearch: false,
  budgetMinutes: 120,
  usedMinutes: 120,
  external: { share: 0.3, target: 0.5, status: "below" },
  items: [
    {
      person: "ann",
      name: "Ann O'Brien; Ph.D., \\ Esq.",
      format: "coffee",
      minutes: 45,
      reasons: [
        { code: "owe", given: 1, received: 3.5, souring: false },
        { code: "external", share: 0.3, target: 0.5 },
      ],
      offer: ["pricing", "cloud-costs"],
      slot: { date: "2026-10-05", start: "08:30", end: "09:15" },
    },
    {
      person: "zoë/ü 1",
      name: "Zoë Ünal-Mäkinen",
      format: "lunch",
      minutes: 75,
      reasons: [{ code: "dormant", peakStrength: 0.8, daysSinceTouch: 1, lastTouch: "2026-10-04" }],
      offer: [],
      // long enough to fold several times, with two-byte characters around the 75-octet boundaries
      prompt: { code: "no-match", interests: ["é".repeat(80) + "\nsecond line\ttabbed\u0007bell"] },
      slot: { date: "2026-10-06", start: "12:30", end: "13:45" },
    },
    { person: "cy", name: "Cy", format: "call", minutes: 30, reasons: [{ code: "due", dueDate: "2026-10-05", overdueDays: 0, cadence: { days: 30, source: "tier", tier: "active" } }], offer: [], prompt: { code: "ask-needs" } },
  ],
};

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("planToIcs", () => {
  const ics = planToIcs(plan);

  it("writes CRLF lines of at most 75 octets, folded on character boundaries", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const physical = ics.split("\r\n").slice(0, -1);
    for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75);
    // the long description really was folded, and no replacement characters appear (no split UTF-8 sequence)
    expect(physical.filter((l) => l.startsWith(" ")).length).toBeGreaterThanOrEqual(2);
    expect(ics).not.toContain("\uFFFD");
    expect(unfold(ics)).toContain("é".repeat(80));
  });

  it("has the calendar's and each event's required properties", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines.slice(0, 4)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tiegraph//weekly plan//EN", "CALSCALE:GREGORIAN"]);
    expect(lines.at(-2)).toBe("END:VCALENDAR");
    // one event per slotted item: cy has no slot
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((l) => l === "END:VEVENT")).toHaveLength(2);
    expect(lines).toContain("UID:plan-2026-10-05-ann@tiegraph.invalid");
    expect(lines).toContain(`UID:plan-2026-10-05-${encodeURIComponent("zoë/ü 1")}@tiegraph.invalid`);
    // DTSTAMP in UTC; slots as floating local times
    expect(lines.filter((l) => l === "DTSTAMP:20261005T000000Z")).toHaveLength(2);
    expect(lines).toContain("DTSTART:20261005T083000");
    expect(lines).toContain("DTEND:20261005T091500");
    expect(lines).toContain("DTSTART:20261006T123000");
    expect(lines).toContain("DTEND:20261006T134500");
    expect(lines.filter((l) => l === "STATUS:TENTATIVE")).toHaveLength(2);
  });

  it("escapes TEXT values", () => {
    const lines = unfold(ics).split("\r\n");
    expect(lines).toContain("SUMMARY:Coffee with Ann O'Brien\\; Ph.D.\\, \\\\ Esq.");
    // the reasons and the offer in core's words (one per line), escaped; "1 day", not "1 days"
    expect(lines).toContain("DESCRIPTION:You owe them: they gave you 3.5 and you gave 1.0 (recency-weighted\\; a tip is 1\\, a favour 3): repay before you ask.\\nExternal contact: 30% of your ties are outside your organisation\\, below your 50% target.\\nOffer: pricing\\, cloud-costs");
    const zoe = lines.find((l) => l.startsWith("DESCRIPTION:Dormant"))!;
    // newline escaped, tab kept, the bell dropped, the prompt on its own line
    expect(zoe).toBe(`DESCRIPTION:Dormant tie worth reconnecting: once strong (peak strength 0.80)\\, silent for 1 day since 2026-10-04. Reconnected dormant ties bring fresh knowledge (Levin\\, Walter & Murnighan 2011).\\nThey are after ${"é".repeat(80)}\\nsecond line\ttabbedbell\\; you hold nothing on it yet: ask who could help\\, or what else they need.`);
  });

  it("is deterministic by default and takes a stamp, a domain and no reasons when asked", () => {
    expect(planToIcs(plan)).toBe(ics);
    const other = unfold(planToIcs(plan, { stamp: new Date("2026-10-04T17:05:09.123Z"), uidDomain: "example.org", includeReasons: false, prodId: "-//Me//Mine//EN" }));
    expect(other).toContain("DTSTAMP:20261004T170509Z");
    expect(other).toContain("UID:plan-2026-10-05-ann@example.org");
    expect(other).toContain("PRODID:-//Me//Mine//EN");
    expect(other).not.toContain("DESCRIPTION");
  });

  it("rejects a bad stamp or domain", () => {
    expect(() => planToIcs(plan, { stamp: new Date(Number.NaN) })).toThrow(TiegraphError);
    expect(() => planToIcs(plan, { uidDomain: "a b;c" })).toThrow(/uidDomain/);
  });

  it("reads back with a reference iCalendar parser (ical.js)", async () => {
    const root = join(import.meta.dirname, "..", "..", "..");
    const ICAL = (await import(pathToFileURL(join(root, "packages", "io", "node_modules", "ical.js", "dist", "ical.js")).href)).default;
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    const events = cal.getAllSubcomponents("vevent").map((v: unknown) => new ICAL.Event(v));
    expect(events.map((e: { summary: string }) => e.summary)).toEqual(["Coffee with Ann O'Brien; Ph.D., \\ Esq.", "Lunch with Zoë Ünal-Mäkinen"]);
    expect(events[0].description).toBe("You owe them: they gave you 3.5 and you gave 1.0 (recency-weighted; a tip is 1, a favour 3): repay before you ask.\nExternal contact: 30% of your ties are outside your organisation, below your 50% target.\nOffer: pricing, cloud-costs");
    expect(events[1].description).toBe(`Dormant tie worth reconnecting: once strong (peak strength 0.80), silent for 1 day since 2026-10-04. Reconnected dormant ties bring fresh knowledge (Levin, Walter & Murnighan 2011).\nThey are after ${"é".repeat(80)}\nsecond line\ttabbedbell; you hold nothing on it yet: ask who could help, or what else they need.`);
    expect(events[1].uid).toBe(`plan-2026-10-05-${encodeURIComponent("zoë/ü 1")}@tiegraph.invalid`);
    expect(events[0].startDate.toString()).toBe("2026-10-05T08:30:00");
    expect(events[0].endDate.toString()).toBe("2026-10-05T09:15:00");
    expect(events[0].startDate.zone.tzid).toBe("floating");
    expect(events[1].duration.toSeconds()).toBe(75 * 60);
  });
});
