// Where records end in text without quotes is found by native search, not character by character
// (input/csv-rows.ts). Whatever the text and however it is cut into chunks, the rows, their lines and the
// problems listed must be exactly those of the character-by-character scan.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { readCsvRows } from "../src/input/csv-rows.js";
import { ProblemLog } from "../src/importers/options.js";

interface Read {
  rows: [number, string[]][];
  problems: [string, number | undefined, number | undefined][];
  thrown: string | undefined;
}

/** The text as a stream of UTF-8 chunks cut at the given sizes (cycled). */
function chunked(text: string, sizes: number[]): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return (async function* () {
    for (let i = 0, k = 0; i < bytes.length; k++) {
      const n = sizes[k % sizes.length]!;
      yield bytes.subarray(i, i + n);
      i += n;
    }
  })();
}

async function read(text: string, sizes: number[], searchLines: boolean, strict: boolean): Promise<Read> {
  const log = new ProblemLog("test", "t.csv", strict);
  const rows: [number, string[]][] = [];
  let thrown: string | undefined;
  try {
    await readCsvRows(sizes.length ? chunked(text, sizes) : text, log, (cells, line) => rows.push([line, cells]), undefined, { searchLines });
  } catch (e) {
    if (!(e instanceof TiegraphError)) throw e;
    thrown = `${e.message} @${e.line}:${e.column}`;
  }
  return { rows, problems: log.problems.map((p) => [p.message, p.line, p.column]), thrown };
}

/** Pieces that matter to the scanner: quotes, separators, every line break, white space before a quote. */
const PIECES = ['"', '""', ",", "\r\n", "\n", "\r", " ", "\t", "a", "bc", "é", "2024-01-02", "p1,p2,x\r\n", "p3,p4,y\n"];

describe("record ends found by search", () => {
  it("give the rows, lines and problems of the character scan, lenient and strict, however the text is cut (random texts)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 }), fc.boolean(), async (pieces, sizes, strict) => {
        const text = pieces.join("");
        expect(await read(text, sizes, true, strict)).toEqual(await read(text, sizes, false, strict));
      }),
      { numRuns: 3000 },
    );
  });

  it("give the same rows over several blocks with CRLF, lone CR and a quoted row with line breaks in the middle", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `p${i},p${i + 1},information,${i % 5 === 0 ? "x;y" : ""}${i % 1000 === 7 ? "\r" : "\r\n"}`);
    rows[30_001] = 'p30001,"two\r\nlines",meeting,\r\n';
    const text = "from,to,kind,tags\r\n" + rows.join("");
    const fast = await read(text, [65_536], true, false);
    expect(fast).toEqual(await read(text, [65_536], false, false));
    expect(fast.rows).toHaveLength(60_001);
    expect(fast.problems).toEqual([]);
    // header on line 1, row i on line i + 2; the quoted row spans two lines, so rows after it are one line further on
    expect(fast.rows[30_002]).toEqual([30_003, ["p30001", "two\r\nlines", "meeting", ""]]);
    expect(fast.rows[30_003]).toEqual([30_005, ["p30002", "p30003", "information", ""]]);
  });
});
