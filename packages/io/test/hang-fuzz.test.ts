// Issue 16 fuzz and hang suite: generated inputs for every importer finish with a result or a typed error, and
// the work is bounded by counted steps (never by time): calendars report the expansion steps they spent, CSV
// readers read at most one row per line, network files are scanned without recursion.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TiegraphError, parseNetworkFile } from "@tiegraph/core";
import { importAffiliationsCsv, importCalendar, importExchangesCsv, importLinkedInConnections, importPeopleCsv, importVCard, type ImportedNetwork } from "@tiegraph/io";

const EGO = { id: "me", name: "Me", emails: ["me@example.com"] };
const STEPS = { maxSeriesSteps: 5_000, maxFileSteps: 20_000 };

/** Runs an import: a result, or a TiegraphError (returned); anything else fails the test. */
async function outcome(run: () => Promise<ImportedNetwork>): Promise<ImportedNetwork | TiegraphError> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof TiegraphError) return e;
    throw e;
  }
}

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const list = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.uniqueArray(arb, { minLength: 1, maxLength: 3 });

/** RRULEs of every frequency and part, possible, rare and impossible ones alike. */
const rrule = fc
  .record(
    {
      FREQ: fc.constantFrom("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"),
      INTERVAL: fc.integer({ min: 1, max: 4 }),
      COUNT: fc.integer({ min: 1, max: 3000 }),
      BYMONTH: list(fc.integer({ min: 1, max: 12 })),
      BYMONTHDAY: list(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: -31, max: -1 }))),
      BYDAY: list(fc.tuple(fc.option(fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0), { nil: undefined }), fc.constantFrom(...DAYS)).map(([n, d]) => `${n ?? ""}${d}`)),
      BYYEARDAY: list(fc.oneof(fc.integer({ min: 1, max: 366 }), fc.integer({ min: -366, max: -1 }))),
      BYWEEKNO: list(fc.integer({ min: 1, max: 53 })),
      BYSETPOS: list(fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0)),
    },
    { requiredKeys: ["FREQ"] },
  )
  .map((r) => ({ parts: r, text: Object.entries(r).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`).join(";") }));

const dtstart = fc.record({ year: fc.integer({ min: 1990, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
const pad = (n: number): string => String(n).padStart(2, "0");

function ics(start: { year: number; month: number; day: number }, rule: string, attendees: number): string {
  const people = Array.from({ length: attendees }, (_, i) => `ATTENDEE;CN=P${i}:mailto:p${i}@example.com`);
  return ["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:x", `DTSTART:${start.year}${pad(start.month)}${pad(start.day)}T090000Z`, "DURATION:PT1H", "ORGANIZER:mailto:me@example.com", ...people, `RRULE:${rule}`, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
}

describe("calendar fuzz: generated RRULEs finish within the step budget and invent no dates", () => {
  it("every generated rule", async () => {
    await fc.assert(
      fc.asyncProperty(dtstart, rrule, async (start, rule) => {
        const r = await outcome(() => importCalendar(ics(start, rule.text, 1), { ego: EGO, from: "1990-01-01", to: "2035-12-31", ...STEPS }));
        if (r instanceof TiegraphError) return;
        expect(r.steps).toBeLessThanOrEqual(STEPS.maxFileSteps);
        const first = `${start.year}-${pad(start.month)}-${pad(start.day)}`;
        for (const e of r.exchanges) {
          if (e.date === first) continue;
          const [y, m, d] = e.date.split("-").map(Number) as [number, number, number];
          const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
          if (rule.parts.BYMONTH) expect(rule.parts.BYMONTH).toContain(m);
          if (rule.parts.BYMONTHDAY) expect(rule.parts.BYMONTHDAY.some((k) => (k > 0 ? k === d : length + k + 1 === d))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("huge attendee lists with long series stay within the meeting bound", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 400 }), fc.boolean(), async (attendees, count, contacts) => {
        const r = await outcome(() => importCalendar(ics({ year: 2024, month: 1, day: 1 }, `FREQ=DAILY;COUNT=${count}`, attendees), { ego: EGO, from: "2024-01-01", to: "2025-12-31", largeEventContacts: contacts, maxMeetings: 20_000, ...STEPS }));
        expect(r).not.toBeInstanceOf(TiegraphError);
        const result = r as ImportedNetwork;
        expect(result.exchanges.length).toBeLessThanOrEqual(20_000);
        expect(result.steps).toBeLessThanOrEqual(STEPS.maxFileSteps);
        if (!contacts && attendees > 8) expect(result.exchanges).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

/** A generated CSV: rows of cells, with quotes dropped in anywhere (some never closed). */
const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '"x', 'a"b', '""', '"q, r"', "\r\n", "=1+1", "\t-1", " "));
const csvBody = fc.tuple(fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 40 }), fc.constantFrom("\n", "\r\n", "\r")).map(([rows, eol]) => rows.map((r) => r.join(",")).join(eol));

const CSV_IMPORTERS: [string, string, (t: string, strict: boolean) => Promise<ImportedNetwork>][] = [
  ["people CSV", "id,name,organisation,role,notes", (t, strict) => importPeopleCsv(t, { strict })],
  ["exchanges CSV", "date,from,to,kind,note", (t, strict) => importExchangesCsv(t, { strict })],
  ["affiliations CSV", "person,organisation,role", (t, strict) => importAffiliationsCsv(t, { strict })],
  ["LinkedIn", "First Name,Last Name,URL,Email Address,Company,Position,Connected On", (t, strict) => importLinkedInConnections(t, { strict })],
];

describe("CSV fuzz: unterminated quotes and stray ones end in a typed error or a result, one row per line at most", () => {
  for (const [name, header, read] of CSV_IMPORTERS) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(csvBody, fc.boolean(), async (body, strict) => {
          const text = `${header}\n${body}\n`;
          const lines = text.split(/\r\n|\n|\r/).length;
          const r = await outcome(() => read(text, strict));
          if (r instanceof TiegraphError) {
            expect(r.line).toBeGreaterThanOrEqual(1);
            expect(r.line).toBeLessThanOrEqual(lines);
            return;
          }
          expect(r.records).toBeLessThanOrEqual(lines);
          expect(r.problems.every((p) => p instanceof TiegraphError && p.line! >= 1 && p.line! <= lines)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("vCard fuzz: cards with control characters, broken lines and unclosed components", () => {
  it("ends in a typed error or a result whose names hold no control character", async () => {
    const line = fc.oneof(fc.constantFrom("BEGIN:VCARD", "END:VCARD", "VERSION:4.0", "VERSION:3.0", "FN:", "N:;;;;", "ORG:;;"), fc.string({ unit: "binary", maxLength: 12 }).map((s) => `FN:${s}`), fc.string({ unit: "binary", maxLength: 12 }).map((s) => `ORG:${s}`));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const r = await outcome(() => importVCard(lines.join("\r\n")));
        if (r instanceof TiegraphError) return;
        for (const n of [...r.people.map((p) => p.name), ...r.organisations.map((o) => o.name)]) expect(/[\u0000-\u001f\u007f-\u009f]/.test(n)).toBe(false); // eslint-disable-line no-control-regex
      }),
      { numRuns: 200 },
    );
  });
});

describe("network JSON fuzz: deep and unclosed brackets give a typed error with a line", () => {
  it("any nesting of [ and { , closed or not", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("[", "{", '{"a":', "]", "}", ",", "1", '"x"'), { maxLength: 40 }), fc.integer({ min: 0, max: 20_000 }), (tokens, depth) => {
        const text = `{"format":"tiegraph","version":1,"people":${"[".repeat(depth)}${tokens.join("")}`;
        try {
          parseNetworkFile(text, { file: "n.json" });
        } catch (e) {
          expect(e).toBeInstanceOf(TiegraphError);
          expect((e as TiegraphError).file).toBe("n.json");
          expect((e as TiegraphError).line).toBe(1);
          return;
        }
      }),
      { numRuns: 100 },
    );
  });
});
