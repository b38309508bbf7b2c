// An exchanges CSV imported into columns from bytes or a file is read straight from its bytes
// (importers/exchanges-csv-bytes.ts); whatever the bytes, the rows, their lines, the people's order, the
// problems (code, line, column, record, words) and the merged network must be exactly those of reading it
// the general way (`direct: false`), in lenient and in strict mode, whatever the block size. Rows not
// plainly written are handed to the general reading: the harness below counts which.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, ExchangeRows, EXCHANGE_KINDS, TiegraphError, serializeNetwork } from "@tiegraph/core";
import { CsvColumns } from "../src/importers/csv-columns.js";
import { exchangesCsvLayout, readExchangesCsvBytes } from "../src/importers/exchanges-csv-bytes.js";
import { EXCHANGES_CSV_COLUMNS, importExchangesCsv, type ExchangesCsvOptions } from "../src/importers/exchanges-csv.js";
import { mergeInto } from "../src/merge/merge-into.js";
import { ProblemLog } from "../src/importers/options.js";

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Everything an import shows: rows as records with their lines, the rows' people, problems, the merged network (or the strict error). */
async function outcome(source: Uint8Array | Blob, options: ExchangesCsvOptions): Promise<unknown> {
  try {
    const imp = await importExchangesCsv(source, { file: "ex.csv", columnar: true, ...options });
    const rows = imp.exchangeRows!;
    const people = rows.people;
    const net = Network.from({ people: people.filter((id) => id !== "ghost").map((id) => ({ id, name: id })) });
    const report = mergeInto(net, [imp]);
    return {
      records: imp.records,
      rows: Array.from({ length: rows.length }, (_, i) => [rows.lineOf(i), rows.record(i)]),
      people,
      problems: imp.problems.map(described),
      merged: report.problems.map(described),
      network: serializeNetwork(net),
    };
  } catch (e) {
    if (!(e instanceof TiegraphError)) throw e;
    return { error: described(e) };
  }
}

const described = (p: TiegraphError): unknown => [p.code, p.file, p.line, p.column, p.record, p.message];

/** The outcome read directly and the general way, from bytes and from a file, lenient and strict. */
async function expectSameBothWays(csv: string | Uint8Array, blockSize?: number, batchRows?: number): Promise<void> {
  const bytes = typeof csv === "string" ? bytesOf(csv) : csv;
  for (const strict of [false, true]) {
    const general = await outcome(bytes, { strict, direct: false });
    const options: ExchangesCsvOptions = { strict };
    if (blockSize !== undefined) options.blockSize = blockSize;
    if (batchRows !== undefined) options.batchRows = batchRows;
    expect(await outcome(bytes, options)).toEqual(general);
    expect(await outcome(new Blob([bytes as Uint8Array<ArrayBuffer>]), options)).toEqual(general);
  }
}

/** The lines the direct reading hands to the general reading (the header among them), read with a bare handler. */
async function generalLines(csv: string, blockSize?: number, batchRows?: number): Promise<number[]> {
  const log = new ProblemLog("test", "ex.csv", false);
  const lines: number[] = [];
  let columns: CsvColumns<(typeof EXCHANGES_CSV_COLUMNS)[number]> | undefined;
  await readExchangesCsvBytes(bytesOf(csv), {
    rows: new ExchangeRows("ex.csv"),
    log,
    onRow: (cells, line) => {
      lines.push(line);
      columns ??= CsvColumns.fromHeader(cells, EXCHANGES_CSV_COLUMNS, ["date", "from", "to", "kind"], log, line);
    },
    layout: () => columns && exchangesCsvLayout(columns.width, (k) => columns!.column(k)),
    onProblems: () => {},
    blockSize,
    batchRows,
  });
  return lines;
}

const HEADER = "id,date,from,to,kind,value,minutes,format,introduced,tags,confidential,note";
const PLAIN = ",2024-03-01,ann,bo,favour,,,,,,,";

/** Cells of each column: mostly plain, some that the direct reading leaves to the general one, some that a rule refuses. */
const ID_CHARS = ["a", "b", "n", "0", "7", "-", "_", ".", "é", "ß", "李", "😀", "'", " ", "\u00a0", "\u3000", "=", "#"];
const personId = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("ann", "bo", "cy", "me", "zoë", "李四", "p1", "😀x", "ghost") },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 0, maxLength: 5 }) },
);
const CELLS: Record<(typeof EXCHANGES_CSV_COLUMNS)[number], fc.Arbitrary<string>> = {
  date: fc.oneof({ weight: 9, arbitrary: fc.constantFrom("2024-03-01", "2024-03-02", "2023-12-31", "2024-02-29") }, { weight: 1, arbitrary: fc.constantFrom("", "2024-02-30", "2024-3-1", "2024-03-12T10:00", "2024-03-12 ", "'2024-03-01") }),
  from: personId,
  to: personId,
  introduced: fc.oneof({ weight: 6, arbitrary: fc.constant("") }, { weight: 4, arbitrary: personId }),
  kind: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...EXCHANGE_KINDS) }, { weight: 1, arbitrary: fc.constantFrom("", "Favour", "INTRODUCTION", "party", " meeting") }),
  value: fc.constantFrom("", "", "", "0", "2", "1.5", "-1", "abc", "1e3", "0x10", "-0", "Infinity"),
  minutes: fc.constantFrom("", "", "", "30", "45.5", "-5", "x"),
  confidential: fc.constantFrom("", "", "true", "false", "yes", "no", "y", "n", "1", "0", "TRUE", "Yes", "maybe"),
  tags: fc.constantFrom("", "", "a", "sales-leads", "a;b", "é;李", "a; b", "a;;b", "a;", ";", "x\u00a0"),
  format: fc.constantFrom("", "", "coffee", "lunch", "call", "x".repeat(41)),
  id: fc.oneof({ weight: 8, arbitrary: fc.constant("") }, { weight: 2, arbitrary: fc.constantFrom("x1", "x2", "#3", "é1", "'=1") }),
  note: fc.constantFrom("", "", "hi", "naïve", "a;b", "tab\there", "\u0001"),
};

/** A header of the required columns and some optional ones in any order (perhaps an unknown one), and rows of cells for it. */
const csvFile = fc
  .tuple(fc.subarray(["value", "minutes", "confidential", "note", "id", "format", "tags", "introduced"] as const), fc.boolean(), fc.integer({ min: 0, max: 1000 }))
  .chain(([optional, extra, seed]) => {
    const names: string[] = ["date", "from", "to", "kind", ...optional];
    if (extra) names.push("mood");
    // a seeded shuffle, so the order is part of the counterexample
    for (let i = names.length - 1; i > 0; i--) {
      const j = (seed * (i + 7)) % (i + 1);
      [names[i], names[j]] = [names[j]!, names[i]!];
    }
    const cell = (name: string): fc.Arbitrary<string> => (name === "mood" ? fc.constantFrom("", "ok", "  ", '"q"') : CELLS[name as keyof typeof CELLS]);
    const row = fc.oneof(
      { weight: 20, arbitrary: fc.tuple(...names.map(cell)).map((cells) => cells.join(",")) },
      // blank lines, white space only, one cell short, one more cell (empty or not), a quoted cell
      { weight: 1, arbitrary: fc.constantFrom("", "   ", "2024-03-01,ann", `${"2024-03-01,ann,bo,favour,".repeat(1)}${",".repeat(Math.max(0, names.length - 4))}`, `${",".repeat(names.length)}x`) },
      { weight: 1, arbitrary: fc.tuple(...names.map(cell)).map((cells) => cells.map((c, i) => (i === 1 ? `"${c}"` : c)).join(",")) },
      // a cell written the way spreadsheets write notes with commas, quotes or line breaks, and malformed ones
      {
        weight: 3,
        arbitrary: fc.tuple(fc.tuple(...names.map(cell)), fc.nat(names.length - 1), fc.constantFrom('"a, b"', '"say ""hi"""', '"two\nlines"', '"cr\r\nlf"', '"lone\rcr"', '""', ' "spaced, out"', '"a"b', 'a"b', '"open', '"x""', '"é, 李"', '\t"tab\nbed"', ' "sp\nace"', 'x "no\nquote"', '"tab\there, x"', '"ctl\u0001"', '"del\u007f"')).map(([cells, k, quoted]) => cells.map((c, i) => (i === k ? quoted : c)).join(",")),
      },
    );
    return fc.record({
      header: fc.constant(names.join(",")),
      rows: fc.array(row, { maxLength: 30 }),
      breaks: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
      finalBreak: fc.boolean(),
      blockSize: fc.constantFrom(undefined, 1, 7, 64),
      // rows read together: one at a time, a few (batches that fill and are read between other lines), the default
      batchRows: fc.constantFrom(undefined, 1, 2, 3, 8),
      // none, Excel's one, or two (the general reading drops both)
      mark: fc.constantFrom("", "", "\ufeff", "\ufeff\ufeff"),
    });
  });

describe("exchanges CSV read straight from bytes", () => {
  it("give what the general reading gives, on generated files (ids, optional columns in any order, tags, flags, CRLF/LF, byte order marks)", async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async ({ header, rows, breaks, finalBreak, blockSize, batchRows, mark }) => {
        const lines = [header, ...rows];
        let text = mark;
        lines.forEach((line, i) => {
          const last = i === lines.length - 1;
          text += line + (last && !finalBreak ? "" : breaks === "mixed" ? ["\n", "\r\n", "\n", "\r"][i % 4] : breaks);
        });
        await expectSameBothWays(text, blockSize, batchRows);
      }),
      { numRuns: 300 },
    );
  });

  it("read plainly written rows directly, at any block size: only the header goes the general way", async () => {
    const csv = `${HEADER}\r\n${PLAIN}\r\nx1,2024-03-02,zoë,李四,introduction,2,30,coffee,ann,é;李,Yes,naïve\r\n,2024-03-03,bo,ann,meeting,1e3,,lunch,,a,0,\r\n`;
    for (const blockSize of [undefined, 1, 5, 40]) expect(await generalLines(csv, blockSize)).toEqual([1]);
    await expectSameBothWays(csv);
  });

  it("read rows scanned in batches as one at a time, whatever lines fall between the batches or end them", async () => {
    // 400 rows between 500 people (the people's table grows and is rehashed on the way), and among them records
    // the general reading takes (a quoted line break, a cell with a space before it; a plainly quoted note on a
    // row with a spaced date, scanned with the batch, then handed over with the record after it, which has a
    // quoted note too: the rows after those two are scanned again), blank lines, rows a rule refuses (ann to ann)
    // and notes quoted plainly (read directly)
    const lines = [HEADER];
    for (let i = 1; i <= 400; i++) {
      if (i % 37 === 0) lines.push(`,2024-03-04,p${i},p${i + 1},favour,,,,,"a\nb",,`);
      else if (i % 53 === 0) lines.push("");
      else if (i % 61 === 0) lines.push(",2024-03-05,ann,ann,favour,,,,,,,");
      else if (i % 71 === 0) lines.push(`, 2024-03-05,p${i},p1,favour,,,,,,,`);
      else if (i % 41 === 0) lines.push(`, 2024-03-05,p${i},p1,favour,,,,,,,"a, b"`);
      else if (i % 41 === 1) lines.push(`,2024-03-05,p${i},p1,favour,,,,,,,"c, d"`);
      else if (i % 29 === 0) lines.push(`,2024-03-06,p${(i * 7) % 500},p${i},favour,,,,,,,"a, b"`);
      else lines.push(`,2024-03-0${1 + (i % 3)},p${(i * 13) % 500},p${(i * 17 + 3) % 500},information,,30,,,t${i % 4},,`);
    }
    const csv = lines.join("\n") + "\n";
    const oneByOne = await generalLines(csv, undefined, 1);
    // the header, the 10 quoted line breaks' records (rows 37 … 370), the 5 spaced ones (rows 71 … 355, none also
    // a multiple of 37, 53 or 61), and the 9 spaced with a quoted note (rows 41 … 369, none a multiple of the others)
    // with the 8 rows after them (42 … 329; row 370 is among the 10)
    expect(oneByOne.length).toBe(1 + 10 + 5 + 9 + 8);
    for (const batchRows of [undefined, 2, 3, 36, 127, 128, 129, 1000]) {
      for (const blockSize of [undefined, 100, 4096]) {
        // (a block's end may cut a run of records with quotes short: the same lines at the same block size)
        expect(await generalLines(csv, blockSize, batchRows)).toEqual(blockSize === undefined ? oneByOne : await generalLines(csv, blockSize, 1));
        await expectSameBothWays(csv, blockSize, batchRows);
      }
    }
  });

  it("read back every field as written", async () => {
    const csv = `${HEADER}\nx1,2024-03-02,zoë,李四,introduction,2,30,coffee,ann,é;李,yes,naïve\n,2024-03-03,bo,ann,meeting,1.5,,lunch,,a,false,\n`;
    const rows = (await importExchangesCsv(bytesOf(csv), { columnar: true })).exchangeRows!;
    expect([rows.record(0), rows.record(1)]).toEqual([
      { id: "x1", date: "2024-03-02", from: "zoë", to: "李四", kind: "introduction", value: 2, minutes: 30, format: "coffee", introduced: "ann", tags: ["é", "李"], note: "naïve", confidential: true },
      { date: "2024-03-03", from: "bo", to: "ann", kind: "meeting", value: 1.5, format: "lunch", tags: ["a"] },
    ]);
    expect(rows.people).toEqual(["zoë", "李四", "ann", "bo"]);
    // an ArrayBuffer reads the same
    const fromBuffer = (await importExchangesCsv(bytesOf(csv).buffer as ArrayBuffer, { columnar: true })).exchangeRows!;
    expect([fromBuffer.record(0), fromBuffer.record(1)]).toEqual([rows.record(0), rows.record(1)]);
  });

  // each row below is put between plain rows; `general` says which of its lines the general reading reads
  const TRIGGERS: [string, string][] = [
    ["a space before a cell", ",2024-03-04, ann,bo,favour,,,,,,,"],
    ["a space after a cell", ",2024-03-04,ann,bo ,favour,,,,,,,"],
    ["a tab", ",2024-03-04,ann,bo,favour,,,,,,,\tx"],
    ["a control character", ",2024-03-04,ann,bo\u0001,favour,,,,,,,"],
    ["a no-break space ending a cell", ",2024-03-04,ann,bo\u00a0,favour,,,,,,,"],
    ["an ideographic space ending a cell", ",2024-03-04,ann,bo\u3000,favour,,,,,,,"],
    ["a byte order mark ending a cell", ",2024-03-04,ann,bo\ufeff,favour,,,,,,,"],
    ["a formula guard", ",2024-03-04,ann,'-bo,favour,,,,,,,"],
    ["an apostrophe", ",2024-03-04,ann,'bo,favour,,,,,,,"],
    ["a lone CR", ",2024-03-04,ann,bo,favour,,,,,,,\r,2024-03-05,bo,ann,favour,,,,,,,"],
    ["a lone CR inside a row as wide as the header", ",2024-03-04,ann,bo\rx,favour,,,,,,,"],
    ["one cell too many", ",2024-03-04,ann,bo,favour,,,,,,,,"],
    ["one cell too few", ",2024-03-04,ann,bo,favour,,,,,,"],
    ["an empty date", ",,ann,bo,favour,,,,,,,"],
    ["a date with a time", ",2024-03-04T10:00:00Z,ann,bo,favour,,,,,,,"],
    ["a date that is no day", ",2024-02-30,ann,bo,favour,,,,,,,"],
    ["an empty giver", ",2024-03-04,,bo,favour,,,,,,,"],
    ["a kind in capitals", ",2024-03-04,ann,bo,Favour,,,,,,,"],
    ["an unknown kind", ",2024-03-04,ann,bo,party,,,,,,,"],
    ["a negative value", ",2024-03-04,ann,bo,favour,-2,,,,,,"],
    ["minutes that are no number", ",2024-03-04,ann,bo,meeting,,half,,,,,"],
    ["a flag that does not read", ",2024-03-04,ann,bo,favour,,,,,,maybe,"],
    ["a tag list with a space", ",2024-03-04,ann,bo,favour,,,,,a; b,,"],
    ["a tag list with an empty item", ",2024-03-04,ann,bo,favour,,,,,a;;b,,"],
  ];
  it.each(TRIGGERS)("hand a row with %s to the general reading, and read on directly", async (_, row) => {
    const csv = `${HEADER}\n${PLAIN}\n${row}\n${PLAIN}\n`;
    const lines = await generalLines(csv);
    expect(lines[0]).toBe(1);
    expect(lines.slice(1).every((l) => l === 3 || (row.includes("\r") && l === 4))).toBe(true);
    await expectSameBothWays(csv);
    await expectSameBothWays(csv.replaceAll("\n", "\r\n"));
  });

  it("hand a row with bytes that are not UTF-8 to the general reading (read as U+FFFD)", async () => {
    const parts = [bytesOf(`${HEADER}\n${PLAIN}\n,2024-03-04,ann,b`), Uint8Array.of(0xff, 0xc3), bytesOf(`,favour,,,,,,,\n,2024-03-05,bo,\u00e9`), Uint8Array.of(0xed, 0xa0, 0x80), bytesOf(",favour,,,,,,,\n")];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    await expectSameBothWays(bytes);
    await expectSameBothWays(bytes, 3);
  });

  it("hand a record with a quote to the general reading, with the records after it that have one, and read on directly", async () => {
    const rest = `,2024-03-04,ann,bo,favour,,,,,"a\nb",,\n${PLAIN}\n,2024-03-05,ann,ann,favour,,,,,,,\n`;
    const csv = `${HEADER}\n${PLAIN}\n\n${rest}`;
    // the record on lines 4-5 goes the general way; line 6 is read directly again, and line 7 (refused by a rule) too
    expect(await generalLines(csv)).toEqual([1, 4]);
    for (const blockSize of [undefined, 1, 7, 40]) expect(await generalLines(csv, blockSize)).toEqual([1, 4]);
    await expectSameBothWays(csv);
    // quoted cells closed before a comma or the line's end, without quotes, line breaks or control characters
    // inside, are read directly (a note with a comma, a quoted date, an empty quoted id); a doubled quote is not
    const run = `${HEADER}\n"",2024-03-01,ann,bo,favour,,,,,,,"a, b"\n,"2024-03-02",bo,ann,information,,,,,,,\n\n${PLAIN}\n,2024-03-03,ann,bo,favour,,,,,,,"say ""hi"""\r\n${PLAIN}\r\n`;
    expect(await generalLines(run)).toEqual([1, 6]);
    for (const blockSize of [undefined, 1, 9, 64]) expect(await generalLines(run, blockSize)).toEqual([1, 6]);
    await expectSameBothWays(run);
    await expectSameBothWays(run, 9);
    // records with quotes that are not read directly, one after another, go to the general reading together
    const together = `${HEADER}\n,2024-03-01,ann,bo,favour,,,,,,," x"\n,2024-03-02,ann,bo,favour,,,,,,,"a""b"\n${PLAIN}\n`;
    expect(await generalLines(together)).toEqual([1, 2, 3]);
    await expectSameBothWays(together);
    // a quote after a lone \r on one line: the record the \r ends goes the general way, the next one (a plain quoted cell) directly
    const lone = `${HEADER}\n${PLAIN}\r,2024-03-02,ann,bo,favour,,,,,,,"x"\n${PLAIN}\n`;
    expect(await generalLines(lone)).toEqual([1, 2]);
    const loneOdd = `${HEADER}\n${PLAIN}\r,2024-03-02,ann,bo,favour,,,,,,,"x""y"\n${PLAIN}\n`;
    expect(await generalLines(loneOdd)).toEqual([1, 2, 3]);
    await expectSameBothWays(loneOdd);
    for (const blockSize of [undefined, 1, 5, 64]) await expectSameBothWays(lone, blockSize);
    // a lone \r ending a record before one with a quote at the end of the file (no line break): two records, not one
    const twoAtEnd = `from,kind,note,confidential,to,date,mood\n"a, b",information,,,ann,2024-03-01,\n,information,,,ann,,ok\rann,"a, b",,,ann,2024-03-01,`;
    expect(await generalLines(twoAtEnd)).toEqual([1, 3, 4]);
    await expectSameBothWays(twoAtEnd);
    // text after a closing quote, a quote inside an unquoted cell, spaces before an opening quote: the general reading's verdicts
    await expectSameBothWays(`${HEADER}\n${PLAIN}\n,2024-03-04,ann,bo,favour,,,,,,,"a"b\n${PLAIN}\n,2024-03-04,ann,bo,favour,,,,,,,a"b\n${PLAIN}\n,2024-03-04,ann,bo,favour,,,,,,,  "c, d"\n${PLAIN}\n`);
    // an unclosed quote stops the read where it opens, in lenient mode too
    await expectSameBothWays(`${HEADER}\n${PLAIN}\n,2024-03-04,ann,"bo,favour,,,,,,,\n${PLAIN}\n`);
    // a line that starts with U+FEFF keeps it when the general reading starts there
    await expectSameBothWays(`${HEADER}\n${PLAIN}\n\ufeffx1,2024-03-04,ann,"bo",favour,,,,,,,\n`);
  });

  it("drop a byte order mark opening the file and read the rest directly; two, the general way whole", async () => {
    // one mark (Excel's "CSV UTF-8"): only the header goes the general way, as in any file
    expect(await generalLines(`\ufeff${HEADER}\n${PLAIN}\n${PLAIN}\n`)).toEqual([1]);
    for (const blockSize of [1, 2, 3, 4, 5, 6, 7, 64]) expect(await generalLines(`\ufeff${HEADER}\n${PLAIN}\n${PLAIN}\n`, blockSize)).toEqual([1]);
    // two marks (the general reading drops both): the general way whole
    expect(await generalLines(`\ufeff\ufeff${HEADER}\n${PLAIN}\n${PLAIN}\n`)).toEqual([1, 2, 3]);
    // a header with a quote goes the general way, the rows after it directly
    expect(await generalLines(`"date",from,to,kind\n2024-03-01,ann,bo,favour\n`)).toEqual([1]);
    await expectSameBothWays(`\ufeff${HEADER}\n${PLAIN}\n`);
    for (const blockSize of [1, 3, 4, 6, 64]) await expectSameBothWays(`\ufeff${HEADER}\r\n${PLAIN}\r\n,2024-02-30,ann,bo,favour,,,,,,,\r\n`, blockSize);
    await expectSameBothWays(`\ufeff\ufeff${HEADER}\n${PLAIN}\n`);
    await expectSameBothWays(`\ufeff"date",from,to,kind\n2024-03-01,ann,bo,favour\n`);
    await expectSameBothWays(`\ufeff\ufeffdate,from,to,kind\n2024-03-01,ann,bo,favour\n`);
    await expectSameBothWays("\ufeff");
    await expectSameBothWays("\ufeffdate");
    await expectSameBothWays(`"date",from,to,kind\n2024-03-01,ann,bo,favour\n`);
    // a header with spaces, a column twice, an unknown column: read the general way, the rows directly
    const odd = ` date ,from,to,kind,kind,mood\n2024-03-01,ann,bo,favour,x,ok\n`;
    expect(await generalLines(odd)).toEqual([1]);
    await expectSameBothWays(odd);
  });

  it("list the problems of rows the model's rules refuse as the general reading lists them, people numbered alike", async () => {
    const csv = [
      HEADER,
      ",2024-03-04,ann,ann,favour,,,,,,,", // self-exchange
      ",2024-03-04,cy,bo,favour,,,,dee,,,", // introduced on a favour: cy, bo and dee named in the rules' order
      ",2024-03-04,bo,cy,introduction,,,,bo,,,", // introduces its own giver
      "x1,2024-03-04,ann,bo,favour,,,,,,,",
      "x1,2024-03-05,bo,ann,favour,,,,,,,", // an id used twice
      "#2,2024-03-05,bo,ann,favour,,,,,,,", // an id that could be a position
      `,2024-03-05,bo,ann,meeting,,,${"f".repeat(41)},,,,`, // a format too long
      ",2024-03-05,eve,ghost,favour,,,,,,,", // unknown at merge
    ].join("\n");
    expect(await generalLines(csv)).toEqual([1]);
    await expectSameBothWays(csv);
    const imp = await importExchangesCsv(bytesOf(csv), { columnar: true });
    expect(imp.problems.map((p) => [p.code, p.line])).toEqual([
      ["self-exchange", 2],
      ["invalid-field", 3],
      ["invalid-field", 4],
      ["duplicate-id", 6],
      ["invalid-field", 7],
      ["invalid-field", 8],
    ]);
    expect(imp.exchangeRows!.people).toEqual(["ann", "cy", "bo", "dee", "eve", "ghost"]);
  });

  it("report progress by bytes read, up to the whole file, and count every record", async () => {
    const csv = `${HEADER}\n${PLAIN}\n${PLAIN}\n,2024-03-04,ann,"bo",favour,,,,,,,\n${PLAIN}\n`;
    const seen: [number, number | undefined, number][] = [];
    const imp = await importExchangesCsv(bytesOf(csv), { columnar: true, blockSize: 16, onProgress: (p) => seen.push([p.read, p.total, p.records]) });
    const size = bytesOf(csv).length;
    expect(imp.records).toBe(5);
    expect(seen.at(-1)).toEqual([size, size, 5]);
    expect(seen.every(([read], i) => read <= size && (i === 0 || read >= seen[i - 1]![0]))).toBe(true);
  });

  it("end on any bytes: an empty file, a file of line breaks, one long line", async () => {
    await expectSameBothWays("");
    await expectSameBothWays("\n\r\n\n");
    await expectSameBothWays("\r");
    await expectSameBothWays(`${HEADER}\n${"x".repeat(5000)}`, 3);
    await expectSameBothWays(`${HEADER}`, 2);
  });
});
