// Importing into a new network checks each record once at import time and once in the pass that applies it
// (Network.apply with problems: "skip"). That must give what the old way gave: the whole batch checked,
// the bad records and their dependents left out (withoutProblems), the rest applied. Generated networks are
// exported to CSV, bad rows are put in, and both ways must agree on the network (toData) and the problems.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, checkBatch, generateNetwork, problemError, type NetworkData, type RecordLines } from "@tiegraph/core";
import { withoutProblems } from "@tiegraph/core/internal";
import { exportExchangesCsv, exportPeopleCsv, importExchangesCsv, importPeopleCsv, mergeInto } from "@tiegraph/io";

/** Rows that break a rule: unknown people, a bad date, a self-exchange, an unknown kind, a bad value; one written for csv-parse (spaces before a quote). */
const BAD_ROWS = [
  ",2024-01-02,ghost,p1,favour,,,,,,",
  ",2024-02-30,p1,p2,favour,,,,,,",
  ",2024-01-03,p2,p2,favour,,,,,,",
  ",2024-01-04,p1,p2,party,,,,,,",
  ",2024-01-05,p1,p2,favour,-3,,,,,",
  ',2024-01-06,p1,p2, "information" ,,,,,,',
  ",2024-01-07,p1,p3,introduction,,,,p1,,",
];

describe("one check, one applying pass", () => {
  it("gives the network and problems of the old check-then-apply, on generated CSVs with bad rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 5, max: 40 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_ROWS)), { maxLength: 8 }), async (seed, people, bad) => {
        const source = generateNetwork({ seed, people, exchanges: people * 4, ego: false, confidentialShare: 0.2 });
        const peopleCsv = exportPeopleCsv(source);
        const lines = exportExchangesCsv(source, { includeConfidential: true }).split("\r\n");
        for (const [at, row] of bad) lines.splice(1 + (at % lines.length), 0, row);
        const exchangesCsv = lines.join("\r\n");

        // the new way
        const a = await importPeopleCsv(peopleCsv, { file: "people.csv" });
        const b = await importExchangesCsv(exchangesCsv, { file: "exchanges.csv" });
        const net = new Network();
        const report = mergeInto(net, [a, b]);

        // the old way: check the whole batch, leave out the bad records and their dependents, apply the rest
        const a2 = await importPeopleCsv(peopleCsv, { file: "people.csv" });
        const b2 = await importExchangesCsv(exchangesCsv, { file: "exchanges.csv" });
        const whole: NetworkData = { organisations: a2.organisations, people: a2.people, affiliations: a2.affiliations, exchanges: b2.exchanges };
        const recordLines: RecordLines = { organisations: a2.origins.organisations, people: a2.origins.people, affiliations: a2.origins.affiliations, exchanges: b2.origins.exchanges };
        const found = checkBatch(new Network(), whole, { lines: recordLines });
        const left = withoutProblems(new Network(), whole, found, { lines: recordLines });
        const old = Network.from(left.batch);

        expect(net.toData()).toEqual(old.toData());
        const oldProblems = [...a2.problems, ...b2.problems, ...[...found, ...left.dependents].map((p) => problemError(p, "tiegraph/io/merge"))];
        expect(report.problems.map((p) => p.message)).toEqual(oldProblems.map((p) => p.message));
        expect(report.exchangesAdded).toBe(old.exchangeCount);
        // every bad row is listed (the spaced quote is only unusual writing, not a problem)
        expect(report.problems.length).toBeGreaterThanOrEqual(bad.filter(([, row]) => !row.includes('"')).length);
      }),
      { numRuns: 40 },
    );
  });
});
