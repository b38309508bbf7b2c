// Every parser, fed thousands of random and mutated inputs, returns an import or throws a TiegraphError: never another error, never a hang.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Network, TiegraphError } from "@tiegraph/core";
import { decryptText, importAffiliationsCsv, importCalendar, importExchangesCsv, importLinkedInConnections, importPeopleCsv, importVCard, mergeInto, type ImportedNetwork } from "@tiegraph/io";
import { fixtureText } from "./fixtures.js";

type Reader = (text: string, strict: boolean) => Promise<ImportedNetwork>;

const PARSERS: [string, string, Reader][] = [
  ["people CSV", "people.csv", (t, strict) => importPeopleCsv(t, { strict })],
  ["exchanges CSV", "exchanges.csv", (t, strict) => importExchangesCsv(t, { strict })],
  ["affiliations CSV", "affiliations.csv", (t, strict) => importAffiliationsCsv(t, { strict })],
  ["LinkedIn", "Connections.csv", (t, strict) => importLinkedInConnections(t, { strict })],
  ["vCard", "contacts.vcf", (t, strict) => importVCard(t, { strict })],
  ["calendar", "calendar.ics", (t, strict) => importCalendar(t, { strict, from: "2020-01-01", to: "2024-12-31", maxOccurrences: 200 })],
];

/** Fragments that matter to the formats: quotes, separators, line breaks, component and property names. */
const TOKENS = ['"', ",", ";", ":", "\\", "\r\n", "\n", "\r", "\uFEFF", "=", "'", "BEGIN:VCARD\r\n", "END:VCARD\r\n", "BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "END:VCALENDAR", "RRULE:FREQ=SECONDLY\r\n", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n", "RRULE:FREQ=DAILY;INTERVAL=0\r\n", "EXDATE:garbage\r\n", "DTSTART:99999999T999999\r\n", "DTEND;VALUE=DATE:20240101\r\n", "TZID=Nowhere/Nothing", "RECURRENCE-ID:20240401T100000\r\n", "ORG:;;;\r\n", "FN:\r\n", "VERSION:2.1\r\n", "2024-02-30", "12 Mar 2024", "#1", "-1", "NaN", "1e309", "\u0000", "\uD800"];

const mutation = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 })) }),
  fc.record({ op: fc.constant("delete" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant("repeat" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 300 }) }),
);

interface Mutation {
  op: "insert" | "delete" | "repeat";
  at: number;
  text?: string;
  length?: number;
}

function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = Math.floor(m.at * t.length);
    if (m.op === "insert") t = t.slice(0, at) + m.text! + t.slice(at);
    else if (m.op === "delete") t = t.slice(0, at) + t.slice(at + m.length!);
    else t = t.slice(0, at) + t.slice(at, at + m.length!) + t.slice(at);
  }
  return t;
}

/** Runs a reader: it must resolve, or reject with a TiegraphError; a lenient result must also merge. */
async function check(reader: Reader, text: string, strict: boolean): Promise<void> {
  let result: ImportedNetwork;
  try {
    result = await reader(text, strict);
  } catch (e) {
    if (e instanceof TiegraphError) return;
    throw e;
  }
  expect(result.problems.every((p) => p instanceof TiegraphError && typeof p.line === "number")).toBe(true);
  try {
    mergeInto(new Network(), result);
  } catch (e) {
    if (!(e instanceof TiegraphError)) throw e;
  }
}

describe("parsers under fuzzing", () => {
  for (const [name, file, reader] of PARSERS) {
    it(`${name}: random text`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 200 }), fc.array(fc.constantFrom(...TOKENS, "a", "1", " "), { maxLength: 80 }).map((xs) => xs.join(""))), fc.boolean(), (text, strict) => check(reader, text, strict)),
        { numRuns: 700 },
      );
    });
    it(`${name}: mutated real files`, async () => {
      const original = fixtureText(file);
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), (ms, strict) => check(reader, mutate(original, ms), strict)),
        { numRuns: name === "calendar" ? 400 : 700 },
      );
    });
  }

  it("encrypted files: random and mangled envelopes are decrypt-failed", async () => {
    const envelope = fc.record({
      format: fc.oneof(fc.constant("tiegraph-encrypted"), fc.string()),
      version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
      kdf: fc.record({ name: fc.constantFrom("PBKDF2", "scrypt"), hash: fc.constantFrom("SHA-256", "SHA-1"), iterations: fc.oneof(fc.constant(100_000), fc.integer(), fc.double()), salt: fc.oneof(fc.base64String(), fc.string()) }, { requiredKeys: [] }),
      cipher: fc.record({ name: fc.constantFrom("AES-GCM", "AES-CBC"), iv: fc.oneof(fc.base64String(), fc.string()), tagLength: fc.constantFrom(128, 96) }, { requiredKeys: [] }),
      data: fc.oneof(fc.base64String(), fc.string()),
    }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), envelope.map((e) => JSON.stringify(e))), async (text) => {
        const e = await decryptText(text, "pw").then(() => undefined, (err: unknown) => err);
        expect(e).toBeInstanceOf(TiegraphError);
        expect((e as TiegraphError).code).toBe("decrypt-failed");
      }),
      { numRuns: 300 },
    );
  });
});
