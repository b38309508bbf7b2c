// Plainly written records are read without csv-parse (input/plain-records.ts). Whatever the text, the rows,
// their lines and the problems listed must be exactly those of reading every block with csv-parse.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { readCsvRows } from "../src/input/csv-rows.js";
import { readPlainRecords } from "../src/input/plain-records.js";
import { ProblemLog } from "../src/importers/options.js";

interface Read {
  rows: [number, string[]][];
  problems: string[];
  thrown: string | undefined;
}

async function read(text: string, plain: boolean, strict: boolean): Promise<Read> {
  const log = new ProblemLog("test", "t.csv", strict);
  const rows: [number, string[]][] = [];
  let thrown: string | undefined;
  try {
    await readCsvRows(text, log, (cells, line) => rows.push([line, cells]), undefined, { plain });
  } catch (e) {
    if (!(e instanceof TiegraphError)) throw e;
    thrown = e.message;
  }
  return { rows, problems: log.problems.map((p) => p.message), thrown };
}

/** Pieces that matter to CSV: quotes, separators, every line break, trimmed and untrimmed white space, a lone surrogate. */
const PIECES = ['"', '""', ",", "\r\n", "\n", "\r", " ", "\t", "\f", "\u00a0", "a", "bc", "é", "'=1", "\uD800", '"x, y"', "2024-01-02"];

describe("plainly written CSV records", () => {
  it("read as csv-parse reads them: same cells, lines and problems, lenient and strict (random texts)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.boolean(), async (pieces, strict) => {
        const text = pieces.join("");
        expect(await read(text, true, strict)).toEqual(await read(text, false, strict));
      }),
      { numRuns: 3000 },
    );
  });

  it("read a file of several blocks the same way, with a row in the middle that only csv-parse reads", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `p${i}, "Name ${i}, Jr" ,${i % 7 === 0 ? '"said ""hi"""' : "x"}\r\n`);
    rows[12_345] = 'p12345,  "spaced"  ,x\r\n'; // spaces before an opening quote: not plain
    const text = "id,name,note\r\n" + rows.join("");
    const fast = await read(text, true, false);
    expect(fast).toEqual(await read(text, false, false));
    expect(fast.rows).toHaveLength(40_001);
    expect(fast.problems).toHaveLength(0);
    expect(fast.rows[12_346]).toEqual([12_347, ["p12345", "spaced", "x"]]);
    expect(fast.rows[8]).toEqual([9, ["p7", "Name 7, Jr", 'said "hi"']]);
  });

  it("stops at the first record not written plainly and says where", () => {
    const seen: [number, string[]][] = [];
    expect(readPlainRecords('a,"b, c"\r\n\n d ,e\n', 1, (cells, line) => seen.push([line, cells]))).toEqual({ end: 17, line: 4 });
    expect(seen).toEqual([
      [1, ["a", "b, c"]],
      [3, ["d", "e"]],
    ]);
    expect(readPlainRecords('a,b\nx"y,z\n', 5, () => undefined)).toEqual({ end: 4, line: 6 });
    expect(readPlainRecords('a,"two\nlines"\nb,"c" d\n', 1, () => undefined)).toEqual({ end: 14, line: 3 });
  });
});
