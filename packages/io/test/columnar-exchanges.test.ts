// An exchanges CSV read into columns (`columnar: true`, what `tiegraph import` does) must give what reading
// it into records gives: the same problems at import (code, line, column, message), the same problems at
// merge, and the same network. Generated networks are exported to CSV with confidential rows, tags and notes,
// then bad rows, quoted fields and duplicate ids are put in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExchangeRows, Network, TiegraphError, generateNetwork, type Exchange } from "@tiegraph/core";
import { emptyImport, exportExchangesCsv, exportPeopleCsv, importExchangesCsv, importPeopleCsv, mergeInto, type ImportedNetwork } from "@tiegraph/io";

/** Rows (12 columns: id,date,from,to,kind,value,minutes,format,introduced,tags,confidential,note) that break a rule or are written unusually. */
const ODD_ROWS = [
  ",2024-01-02,ghost,p1,favour,,,,,,,", // unknown person (found at merge)
  ",2024-02-30,p1,p2,favour,,,,,,,", // no such date
  ",2024-01-03,p2,p2,favour,,,,,,,", // self-exchange
  ",2024-01-04,p1,p2,party,,,,,,,", // unknown kind
  ",2024-01-05,p1,p2,favour,-3,,,,,,", // negative value
  ',2024-01-06,p1,p2, "information" ,,,,,,,', // spaces before a quote
  ",2024-01-07,p1,p3,introduction,,,,p1,,,", // introduces its own giver
  ",2024-01-08,p1,p2,favour,,,,p3,,,", // introduced on a favour
  ",2024-01-09,p1,p2,introduction,,,,ghost,,,", // introduces someone unknown (found at merge)
  "x1,2024-01-10,p1,p2,favour,,,,,,,", // an explicit id…
  "x1,2024-01-11,p2,p1,favour,,,,,,,", // …used twice
  "#x,2024-01-12,p1,p2,favour,,,,,,,", // an id that could be a position
  `,2024-01-13,p1,p2,meeting,,,${"f".repeat(41)},,,,`, // a format too long
  'x2,2024-01-14,p1,p2,meeting,,30,"coffee, long",,"a;b",true,"said, ""quietly"""', // quoted cells with commas and quotes
  ",2024-01-15,p2,p3,gesture,2.5,,,,deal; launch ,no,", // tags with spaces, explicit value
  ",2024-01-16,p3,p1,favour,,,,,,maybe,", // not a boolean
];

/** An exchanges CSV of a generated network, with `odd` rows put in at the given places. */
function exchangesCsv(seed: number, people: number, odd: readonly (readonly [number, string])[]): { people: string; exchanges: string } {
  const source = generateNetwork({ seed, people, exchanges: people * 4, ego: false, confidentialShare: 0.2 });
  const lines = exportExchangesCsv(source, { includeConfidential: true, includeNotes: true }).split("\r\n");
  for (const [at, row] of odd) lines.splice(1 + (at % lines.length), 0, row);
  return { people: exportPeopleCsv(source), exchanges: lines.join("\r\n") };
}

/** The error a strict import of `csv` throws (fails the test when none is thrown). */
async function strictError(csv: string, columnar: boolean): Promise<TiegraphError> {
  try {
    await importExchangesCsv(csv, { file: "ex.csv", strict: true, columnar });
  } catch (e) {
    return e as TiegraphError;
  }
  throw new Error("the strict import threw nothing");
}

const summary = (imp: ImportedNetwork) => imp.problems.map((p) => [p.code, p.line, p.column, p.message]);

describe("exchanges read into columns", () => {
  it("give the problems and the network that records give, on generated CSVs with odd rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 5, max: 30 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ODD_ROWS)), { maxLength: 10 }), async (seed, n, odd) => {
        const csv = exchangesCsv(seed, n, odd);
        const run = async (columnar: boolean) => {
          const people = await importPeopleCsv(csv.people, { file: "people.csv" });
          const exchanges = await importExchangesCsv(csv.exchanges, { file: "exchanges.csv", columnar });
          const net = new Network();
          const report = mergeInto(net, [people, exchanges]);
          return { exchanges, net, report };
        };
        const records = await run(false);
        const columns = await run(true);
        expect(columns.exchanges.exchanges).toEqual([]);
        expect(columns.exchanges.exchangeRows!.length).toBe(records.exchanges.exchanges.length);
        expect(summary(columns.exchanges)).toEqual(summary(records.exchanges));
        expect(columns.report.problems.map((p) => [p.code, p.file, p.line, p.message])).toEqual(records.report.problems.map((p) => [p.code, p.file, p.line, p.message]));
        expect(columns.report.exchangesAdded).toBe(records.report.exchangesAdded);
        expect(columns.net.toData()).toEqual(records.net.toData());
      }),
      { numRuns: 40 },
    );
  });

  it("read back as the records read the other way", async () => {
    const csv = exchangesCsv(7, 12, ODD_ROWS.map((row, i) => [i * 5, row] as const));
    const records = await importExchangesCsv(csv.exchanges, { file: "exchanges.csv" });
    const rows = (await importExchangesCsv(csv.exchanges, { file: "exchanges.csv", columnar: true })).exchangeRows!;
    const back = Array.from({ length: rows.length }, (_, i) => rows.record(i));
    expect(back).toEqual(records.exchanges);
    expect(Array.from({ length: rows.length }, (_, i) => rows.lineOf(i))).toEqual(records.origins.exchanges.map((o) => o.line));
    // the quoted row: its commas and doubled quotes are the cells' own
    expect(back.find((e) => e.id === "x2")).toEqual({ date: "2024-01-14", from: "p1", to: "p2", kind: "meeting", id: "x2", minutes: 30, format: "coffee, long", tags: ["a", "b"], note: 'said, "quietly"', confidential: true });
  });

  it("throw the first bad row in strict mode, with its file, line and column, as records do", async () => {
    const csv = "kind,from,to,date,introduced\ninformation,a,b,2024-01-02,\nintroduction,a,b,2024-01-03,a\nfavour,c,c,2024-01-04,\n";
    const err = (columnar: boolean) => strictError(csv, columnar);
    const [a, b] = [await err(false), await err(true)];
    expect(b).toBeInstanceOf(TiegraphError);
    expect([b.code, b.file, b.line, b.column, b.message]).toEqual([a.code, a.file, a.line, a.column, a.message]);
    expect([b.code, b.line, b.column]).toEqual(["invalid-field", 3, 5]);
  });

  it("stop in strict mode at the first bad line, whichever rule it breaks (records stop at a bad cell first)", async () => {
    // line 2 breaks a model rule (self-exchange), line 3 a cell rule (a negative value)
    const csv = "date,from,to,kind,value\n2024-01-02,a,a,favour,\n2024-01-03,a,b,favour,-1\n";
    const err = (columnar: boolean) => strictError(csv, columnar);
    expect([(await err(true)).code, (await err(true)).line]).toEqual(["self-exchange", 2]);
    expect([(await err(false)).code, (await err(false)).line]).toEqual(["invalid-value", 3]);
  });

  it("are re-pointed at the people they were merged into, and become records to merge into a network that has exchanges", async () => {
    // an import with its own people (as LinkedIn or a calendar has): "ann2" is merged into "ann" by e-mail
    const make = (columnar: boolean): ImportedNetwork => {
      const imp = emptyImport("exchanges-csv", "in.csv", false);
      imp.people.push({ id: "ann2", name: "A. N.", emails: ["ann@example.org"] }, { id: "cy", name: "Cy" });
      imp.origins.people.push({ file: "in.csv", line: 2 }, { file: "in.csv", line: 3 });
      const list: Exchange[] = [
        { date: "2024-03-01", kind: "favour", from: "ann2", to: "cy" },
        { date: "2024-03-02", kind: "favour", from: "ann2", to: "ann" }, // ann and ann2 are one person once merged
        { date: "2024-03-03", kind: "introduction", from: "cy", to: "me", introduced: "ann2" },
        { date: "2024-03-04", kind: "information", from: "me", to: "ann", tags: ["x"], id: "e9" },
      ];
      if (!columnar) {
        imp.exchanges.push(...list);
        imp.origins.exchanges.push(...list.map((_, i) => ({ file: "in.csv", line: 10 + i })));
      } else {
        const rows = new ExchangeRows("in.csv");
        list.forEach((e, i) => expect(rows.add(e, 10 + i)).toEqual([]));
        imp.exchangeRows = rows;
      }
      return imp;
    };
    const base = (withExchange: boolean) => {
      const net = Network.from({ people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann", emails: ["ann@example.org"] }] });
      if (withExchange) net.addExchange({ date: "2024-03-01", kind: "favour", from: "ann", to: "me" });
      return net;
    };
    for (const withExchange of [false, true]) {
      const [a, b] = [base(withExchange), base(withExchange)];
      const ra = mergeInto(a, make(false));
      const rb = mergeInto(b, make(true));
      expect(rb.problems.map((p) => [p.code, p.line, p.message])).toEqual(ra.problems.map((p) => [p.code, p.line, p.message]));
      expect(rb.problems.map((p) => [p.code, p.line])).toEqual([["self-exchange", 11]]);
      expect(rb.exchangesAdded).toBe(3);
      expect(b.toData()).toEqual(a.toData());
      expect(b.exchangeAt(b.exchangeCount - 2).introduced).toBe("ann");
    }
  });
});
