// A file of a million bad rows must cost a count, not a million errors: importers and mergeInto take
// `maxProblems`, list at most that many problems and count the rest, and skip the same records either way.
// Checked against the unbounded import on generated CSVs with bad rows (same network, the same first
// problems, the same count), by hand on Network.apply, and for the list that once overflowed the stack.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, TiegraphError, generateNetwork } from "@tiegraph/core";
import { emptyImport, exportExchangesCsv, exportPeopleCsv, importExchangesCsv, importPeopleCsv, mergeInto } from "@tiegraph/io";

/** Rows that break a rule: unknown people (one, two, three), a bad date, a self-exchange, an unknown kind, a bad value. */
const BAD_ROWS = [
  ",2024-01-02,ghost,p1,favour,,,,,,",
  ",2024-01-02,ghost,spook,favour,,,,,,",
  ",2024-01-08,ghost,spook,introduction,,,,wraith,,",
  ",2024-02-30,p1,p2,favour,,,,,,",
  ",2024-01-03,p2,p2,favour,,,,,,",
  ",2024-01-04,p1,p2,party,,,,,,",
  ",2024-01-05,p1,p2,favour,-3,,,,,",
];
/** People rows that break a rule (a bad cadence), so the exchanges naming them are left out as dependents. */
const BAD_PEOPLE = ["p1,Bad Cadence,,,,,,,-4", "p2,Also Bad,,,,,,,zero"];

describe("maxProblems: the same import, fewer problems kept", () => {
  it("gives the unbounded import's network, its first problems and its count, for any bound", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 5, max: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_ROWS)), { maxLength: 12 }),
        fc.subarray(BAD_PEOPLE),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        async (seed, people, bad, badPeople, max, columnar) => {
          const source = generateNetwork({ seed, people, exchanges: people * 4, ego: false });
          const peopleLines = exportPeopleCsv(source).split("\r\n");
          // a bad row for p1 / p2 replaces the good one, so their exchanges depend on a refused person
          for (const row of badPeople) {
            const id = row.slice(0, row.indexOf(","));
            const at = peopleLines.findIndex((l) => l.startsWith(`${id},`));
            if (at > 0) peopleLines[at] = row + ",".repeat(Math.max(0, peopleLines[0]!.split(",").length - row.split(",").length));
          }
          const lines = exportExchangesCsv(source, { includeConfidential: true }).split("\r\n");
          for (const [at, row] of bad) lines.splice(1 + (at % lines.length), 0, row);
          const peopleCsv = peopleLines.join("\r\n");
          const exchangesCsv = lines.join("\r\n");

          const run = async (bound: number | undefined) => {
            const o = bound === undefined ? {} : { maxProblems: bound };
            const a = await importPeopleCsv(peopleCsv, { file: "people.csv", ...o });
            const b = await importExchangesCsv(exchangesCsv, { file: "exchanges.csv", columnar, ...o });
            const net = new Network();
            const report = mergeInto(net, [a, b], o);
            return { net, report, importCounts: [a.problemCount, b.problemCount], importLists: [a.problems.length, b.problems.length] };
          };
          const all = await run(undefined);
          const some = await run(max);
          expect(some.net.toData()).toEqual(all.net.toData());
          expect(some.report.exchangesAdded).toBe(all.report.exchangesAdded);
          expect(some.report.added).toEqual(all.report.added);
          // unbounded, the count is the list; bounded, the count is the same and the list its first `max`
          expect(all.report.problemCount).toBe(all.report.problems.length);
          expect(some.report.problemCount).toBe(all.report.problemCount);
          expect(some.report.problems.map((p) => p.message)).toEqual(all.report.problems.slice(0, max).map((p) => p.message));
          // each import counts all of its problems and keeps at most `max`
          expect(some.importCounts).toEqual(all.importCounts);
          expect(some.importLists).toEqual(all.importLists.map((n) => Math.min(n, max)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("Network.apply with maxProblems, by hand", () => {
  // people: ann, bob, and cy with a bad cadence (refused); exchanges:
  //   #0 ann → bob          good
  //   #1 ann → zed          1 problem (zed unknown)
  //   #2 yan → zed          2 problems (yan, zed unknown)
  //   #3 bob → ann, 2024-02-30   1 problem (date)
  //   #4 cy → ann           dependent (cy left out for her own problem)
  //   #5 ann → cy           dependent
  // problems: cy's cadence, #1 to, #2 from, #2 to, #3 date = 5; dependents: #4, #5 = 2; applied: #0 only
  const batch = {
    people: [{ id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }, { id: "cy", name: "Cy", cadenceDays: -4 }],
    exchanges: [
      { date: "2024-03-01", kind: "favour" as const, from: "ann", to: "bob" },
      { date: "2024-03-02", kind: "favour" as const, from: "ann", to: "zed" },
      { date: "2024-03-03", kind: "favour" as const, from: "yan", to: "zed" },
      { date: "2024-02-30", kind: "favour" as const, from: "bob", to: "ann" },
      { date: "2024-03-04", kind: "favour" as const, from: "cy", to: "ann" },
      { date: "2024-03-05", kind: "favour" as const, from: "ann", to: "cy" },
    ],
  };

  it("lists the first problems, counts them all and applies what the unbounded apply applies", () => {
    const whole = new Network();
    const all = whole.apply(batch, { problems: "skip" });
    expect(all.problems.length).toBe(5);
    expect(all.problemCount).toBe(5);
    expect(all.dependents.length).toBe(2);
    expect(all.dependentCount).toBe(2);
    for (const max of [0, 1, 2, 4, 5, 9]) {
      const net = new Network();
      const some = net.apply(batch, { problems: "skip", maxProblems: max });
      expect(some.problemCount).toBe(5);
      expect(some.problems).toEqual(all.problems.slice(0, max));
      expect(some.dependentCount).toBe(2);
      expect(some.dependents).toEqual(all.dependents.slice(0, max));
      expect(net.toData()).toEqual(whole.toData());
      expect(net.people().map((p) => p.id)).toEqual(["ann", "bob"]);
      expect(net.exchangeCount).toBe(1);
    }
  });

  it("refuses with a count; throwing lists every problem whatever the bound", () => {
    const net = new Network();
    const refused = net.apply(batch, { problems: "refuse", maxProblems: 1 });
    expect(refused.problems.length).toBe(1);
    expect(refused.problemCount).toBe(5);
    expect(net.personCount).toBe(0);
    let thrown: unknown;
    try {
      net.apply(batch, { maxProblems: 1 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TiegraphError);
    expect((thrown as TiegraphError).problems.length).toBe(5);
    expect(net.personCount).toBe(0);
  });
});

describe("many problems at once", () => {
  it("an import holding 300,000 problems merges without overflowing the stack, every one counted", () => {
    const imp = emptyImport("exchanges-csv", "big.csv", false);
    const error = new TiegraphError("tiegraph/io/exchanges-csv", "invalid-date", "invalid date", { file: "big.csv", line: 2 });
    imp.problems = new Array<TiegraphError>(300_000).fill(error);
    imp.problemCount = 300_000;
    imp.records = 300_001;
    const report = mergeInto(new Network(), imp);
    expect(report.problems.length).toBe(300_000);
    expect(report.problemCount).toBe(300_000);
    const bounded = mergeInto(new Network(), imp, { maxProblems: 20 });
    expect(bounded.problems.length).toBe(20);
    expect(bounded.problemCount).toBe(300_000);
  });

  it("100,000 rows naming people nobody imported keep 20 problems and count 200,000 (two per row)", async () => {
    const rows = ["date,from,to,kind"];
    for (let i = 0; i < 100_000; i++) rows.push(`2024-01-${String(1 + (i % 28)).padStart(2, "0")},a${i},b${i},favour`);
    const imp = await importExchangesCsv(rows.join("\n") + "\n", { file: "ex.csv", columnar: true, maxProblems: 20 });
    expect(imp.problemCount).toBe(0);
    expect(imp.exchangeRows?.length).toBe(100_000);
    const net = new Network();
    const report = mergeInto(net, imp, { maxProblems: 20 });
    expect(report.problemCount).toBe(200_000);
    expect(report.problems.length).toBe(20);
    expect(report.problems[0]!.message).toBe('tiegraph/io/merge: ex.csv:2 exchange #0 /exchanges/0/from: unknown person "a0", expected the id of a person in the network or this batch');
    expect(report.problems[1]!.message).toContain('/exchanges/0/to: unknown person "b0"');
    expect(report.exchangesAdded).toBe(0);
    expect(net.exchangeCount).toBe(0);
  });
});
