// A quoted cell with text after its closing quote (`p1,"broken" quote,x`) made csv-parse drop every later row of the block.
import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { importPeopleCsv } from "@tiegraph/io";
import { ProblemLog } from "../src/importers/options.js";
import { readCsvRows } from "../src/input/csv-rows.js";

function chunked(text: string, size: number): AsyncIterable<Uint8Array> {
  return (async function* () {
    for (let i = 0; i < text.length; i += size) yield new TextEncoder().encode(text.slice(i, i + size));
  })();
}

/** `id,name` then `count` rows p0..p{count-1}; row `bad` (0-based) is written with text after its closing quote. */
function peopleText(count: number, bad: number[]): string {
  const rows = Array.from({ length: count }, (_, i) => (bad.includes(i) ? `p${i},"broken" quote` : `p${i},Person ${i}`));
  return `id,name\n${rows.join("\n")}\n`;
}

describe("text after a closing quote loses no later row", () => {
  it("the issue's row, in one block: the bad row is listed at its line, every other row read", async () => {
    const log = new ProblemLog("csv", "f.csv", false);
    const lines: number[] = [];
    const text = 'a,b,c\np1,"broken" quote,x\np2,y,z\np3,"q",w\n';
    const rows = await readCsvRows(text, log, (_f, line) => lines.push(line));
    expect(lines).toEqual([1, 3, 4]);
    expect(rows).toBe(3);
    expect(log.problems.map((p) => [p.code, p.line])).toEqual([["parse-error", 2]]);
  });

  it("30,000 rows as one string (several blocks), a bad row early: 29,999 people read, 1 problem at its line", async () => {
    const text = peopleText(30000, [10]);
    const r = await importPeopleCsv(text, { file: "people.csv" });
    // header on line 1, row i on line i + 2: the bad row p10 on line 12
    expect(r.people.length).toBe(29999);
    expect(r.people.some((p) => p.id === "p10")).toBe(false);
    expect(r.people[r.people.length - 1]!.id).toBe("p29999");
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([["parse-error", 12]]);
  });

  it("streamed in small chunks, a bad row in each of several blocks: each listed, every other row read", async () => {
    const bad = [5, 14000, 14001, 29990];
    const text = peopleText(30000, bad);
    const r = await importPeopleCsv(chunked(text, 4093), { file: "people.csv" });
    expect(r.people.length).toBe(30000 - bad.length);
    expect(new Set(r.people.map((p) => p.id)).size).toBe(30000 - bad.length);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual(bad.map((i) => ["parse-error", i + 2]));
  });

  it("rows after the bad one that need csv-parse (quoted cells with spaces before the quote) are read too", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => (i === 3 ? `p${i},"broken" quote` : `p${i}, "Person, ${i}"`));
    const r = await importPeopleCsv(`id,name\n${rows.join("\n")}\n`, { file: "people.csv" });
    expect(r.people.length).toBe(1999);
    expect(r.people.find((p) => p.id === "p4")?.name).toBe("Person, 4");
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([["parse-error", 5]]);
  });

  it("every other row bad, over several blocks: each bad row listed at its line, each good row read", async () => {
    const bad = Array.from({ length: 15000 }, (_, i) => 2 * i + 1); // rows 1, 3, …, 29999
    const r = await importPeopleCsv(chunked(peopleText(30000, bad), 8191), { file: "people.csv" });
    expect(r.people.map((p) => p.id)).toEqual(Array.from({ length: 15000 }, (_, i) => `p${2 * i}`));
    expect(r.problems.map((p) => p.line)).toEqual(bad.map((i) => i + 2));
    expect(new Set(r.problems.map((p) => p.code))).toEqual(new Set(["parse-error"]));
  });

  it("strict mode stops at the bad row with a typed error naming file and line", async () => {
    // row i is on line i + 2 (header on line 1)
    for (const [text, line] of [[peopleText(30000, [10]), 12], [peopleText(3, [1]), 3]] as const) {
      let caught: unknown;
      try {
        await importPeopleCsv(chunked(text, 997), { file: "people.csv", strict: true });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(TiegraphError);
      const e = caught as TiegraphError;
      expect([e.code, e.file]).toEqual(["parse-error", "people.csv"]);
      expect(e.line).toBe(line);
    }
  });
});
