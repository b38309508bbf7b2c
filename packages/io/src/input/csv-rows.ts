/**
 * CSV rows from any text source, streamed. Plainly written records are read
 * directly (plain-records.ts); csv-parse reads the rest, from the first
 * record of a block that is written any other way. This module feeds them
 * blocks of whole records. A block ends at a line break
 * outside a quoted cell, found by a small scanner that knows where quoted
 * cells open (a `"` at the start of a cell; one inside an unquoted cell is
 * text) and close (a `"` not doubled). Each block is parsed on its own, so
 * memory stays at one block. A broken record spoils only itself: after an
 * error csv-parse may read on wrongly (text after a closing quote made it
 * drop the rest of the block), so the block is read again from the record
 * after the broken one, and every later row is still read.
 * Line breaks are read as they are (`\r\n`, `\n` or a lone `\r` end a row),
 * so a `\r\n` inside a quoted cell stays in the cell; csv-parse counts each
 * such `\r` as a line, which the row numbering takes back out. Spaces around
 * unquoted cells are trimmed; quoted cells keep theirs.
 *
 * A quoted cell that never closes would swallow every later row into one
 * cell: that stops the read with a `parse-error` at the line and column where
 * the quote opens, saying how many rows it swallowed, in lenient mode too
 * (on the last line it spoils only its own row, which is skipped and listed).
 */
import { CsvError, parse } from "#csv-sync";
import type { ProblemLog } from "../importers/options.js";
import { readPlainRecords } from "./plain-records.js";
import { sourceSize, textChunks, type ReadProgress, type TextSource } from "./text-source.js";

/** Blocks are cut once they reach this many characters. */
const BLOCK = 1 << 18;
/** Longest quoted cell read (characters, 8 Mi): a longer one is taken for an unclosed quote and stops the read. */
export const MAX_QUOTED_CELL = 1 << 23;

/** Where the scanner is: at a cell's start, in an unquoted cell, in a quoted cell, or just after a `"` in one. */
const enum Scan {
  CellStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/** Called once per non-blank row with its fields and the line it starts on. */
export type CsvRowHandler = (fields: string[], line: number) => void;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Options of {@link readCsvRows}. */
export interface CsvRowsOptions {
  /**
   * Read plainly written records directly (default true). False sends every
   * block through csv-parse: the rows are the same, only slower (tests compare the two).
   */
  plain?: boolean;
  /**
   * Find where records end in text without quotes by native search (default
   * true). False scans every character: the rows are the same, only slower
   * (tests compare the two).
   */
  searchLines?: boolean;
  /**
   * Line of the source's first character (default 1): a source that starts
   * mid-file, at a record (as when the direct reading of an exchanges CSV
   * hands the rest of a file over), numbers its rows and problems as lines
   * of the whole file, and keeps a U+FEFF it opens with as text.
   */
  startLine?: number;
}

/**
 * Reads CSV rows from a source. Blank rows are skipped; malformed rows
 * (unclosed or stray quotes) go to the log, which throws in strict mode.
 * `onRow` may throw to stop the read. The cells of a row are the handler's
 * to keep.
 *
 * @example
 * ```ts
 * await readCsvRows("a,b\n1,\"x, y\"\n", log, (fields, line) => console.log(line, fields));
 * // 1 ["a", "b"]   2 ["1", "x, y"]
 * ```
 */
export async function readCsvRows(source: TextSource, log: ProblemLog, onRow: CsvRowHandler, onProgress?: (p: ReadProgress) => void, options: CsvRowsOptions = {}): Promise<number> {
  const plain = options.plain !== false;
  const searchLines = options.searchLines !== false;
  const sourceLine = options.startLine ?? 1;
  const total = sourceSize(source);
  let read = 0;
  let rows = 0;
  let pending = "";
  let scanned = 0; // characters of `pending` already scanned
  let state = Scan.CellStart as Scan;
  let scanLine = sourceLine; // line of pending[scanned]
  let cell = 0; // 0-based cell of the record being scanned
  let open = { line: 0, column: 0, at: 0 }; // where the quoted cell being scanned opened (`at`: offset in pending)
  let cut = -1; // end (exclusive) of the last complete record in `pending`
  let cutLine = sourceLine; // line of pending[cut]
  let firstLine = sourceLine; // line number of pending[0]

  const parseBlock = (whole: string): void => {
    rows += readCsvBlock(whole, firstLine, log, onRow, plain);
  };

  const flush = (upTo: number): void => {
    const block = pending.slice(0, upTo);
    pending = pending.slice(upTo);
    scanned -= upTo;
    open.at -= upTo;
    cut = -1;
    parseBlock(block);
    firstLine = cutLine;
  };

  // The rows before the open record are read first, so strict mode still stops at the file's first problem.
  const unclosed = (problem: string): never => {
    if (cut > 0) flush(cut);
    return log.fatal("parse-error", problem, { line: open.line, column: open.column, record: `row at line ${open.line}` }, 'a closing " for the quoted cell (a " inside a quoted cell is written "")');
  };

  /**
   * Most text has no quote: up to the last `\n` of `pending`, text with no `"` and no lone `\r` only ends
   * records at each `\n`, so the scanner's state there is known without reading it character by character
   * (native searches instead: the same cut, lines and state as the loop in {@link scan}).
   */
  const skipPlainLines = (): void => {
    if (!searchLines || state === Scan.Quoted) return;
    const last = pending.lastIndexOf("\n");
    if (last < scanned) return;
    const quote = pending.indexOf('"', scanned);
    if (quote >= 0 && quote < last) return;
    let lines = 0;
    for (let j = pending.indexOf("\n", scanned); j >= 0 && j <= last; j = pending.indexOf("\n", j + 1)) lines++;
    for (let j = pending.indexOf("\r", scanned); j >= 0 && j < last; j = pending.indexOf("\r", j + 1)) {
      if (pending.charCodeAt(j + 1) !== 10) return; // a lone \r ends a line too: the loop counts it
    }
    scanLine += lines;
    cut = last + 1;
    cutLine = scanLine;
    cell = 0;
    state = Scan.CellStart;
    scanned = last + 1;
  };

  /** Scans `pending` on from `scanned`; a `\r` at the very end waits for the next chunk (it may be a `\r\n`) unless `final`. */
  const scan = (final: boolean): void => {
    skipPlainLines();
    let i = scanned;
    for (; i < pending.length; i++) {
      let c = pending.charCodeAt(i);
      if (c === 13 && state !== Scan.Quoted) {
        // A line break outside a quoted cell: \r\n (the \n ends it) or a lone \r (read as \n).
        if (i + 1 === pending.length && !final) break;
        if (pending.charCodeAt(i + 1) === 10) continue;
        c = 10;
      }
      if (c === 10) scanLine++;
      switch (state) {
        case Scan.CellStart:
        case Scan.Unquoted:
        case Scan.QuoteInQuoted:
          if (c === 44) {
            state = Scan.CellStart;
            cell++;
          } else if (c === 10) {
            state = Scan.CellStart;
            cell = 0;
            cut = i + 1;
            cutLine = scanLine;
          } else if (c === 34 && state === Scan.CellStart) {
            state = Scan.Quoted;
            open = { line: scanLine, column: cell + 1, at: i };
          } else if (c === 34 && state === Scan.QuoteInQuoted) {
            state = Scan.Quoted; // "" inside a quoted cell
          } else if (!(state === Scan.CellStart && (c === 32 || c === 9))) {
            state = Scan.Unquoted; // spaces before a cell's opening quote are trimmed, as csv-parse does
          }
          break;
        default:
          if (c === 34) state = Scan.QuoteInQuoted;
      }
    }
    scanned = i;
  };

  for await (const chunk of textChunks(source, (r) => (read = r), { lineBreaks: "keep", byteOrderMark: sourceLine === 1 ? "drop" : "keep" })) {
    pending += chunk;
    scan(false);
    if (state === Scan.Quoted && pending.length - open.at > MAX_QUOTED_CELL) {
      unclosed(`unclosed quote: the quoted cell opened here runs past ${MAX_QUOTED_CELL} characters (line ${scanLine} so far), swallowing ${scanLine - open.line} rows`);
    }
    if (cut >= BLOCK) flush(cut);
    onProgress?.({ read, total, records: rows });
  }
  scan(true);
  if (state === Scan.Quoted) {
    // Every line after the opening one went into the cell (a final line break starts no row). A quote
    // left open on the last line spoils that row only: it is reported like any malformed row.
    const swallowed = (/[\r\n]$/.test(pending) ? scanLine - 1 : scanLine) - open.line;
    if (swallowed > 0) unclosed(`unclosed quote: the quoted cell opened here runs to the end of the file, swallowing ${swallowed} rows`);
    if (cut > 0) flush(cut);
    pending = "";
    log.report("parse-error", "unclosed quote: the quoted cell opened here runs to the end of the file, swallowing 0 rows", { line: open.line, column: open.column, record: `row at line ${open.line}` }, 'a closing " for the quoted cell (a " inside a quoted cell is written "")');
  }
  if (pending.length) flush(pending.length);
  onProgress?.({ read, total, records: rows });
  return rows;
}

/**
 * Reads the rows of `block`, whole records of a CSV (cut where
 * {@link readCsvRows} cuts blocks: at a line break outside a quoted cell)
 * whose first starts on line `firstLine`, exactly as `readCsvRows` reads
 * them: plainly written records directly (unless `plain` is false), the rest
 * with csv-parse, a malformed record spoiling only itself (listed in the
 * log, which throws in strict mode). Blank rows are skipped. Returns the
 * number of rows handed to `onRow`.
 *
 * @example
 * ```ts
 * readCsvBlock('1,"x, y"\n2,z\n', 5, log, (fields, line) => console.log(line, fields)); // 2
 * // 5 ["1", "x, y"]   6 ["2", "z"]
 * ```
 */
export function readCsvBlock(whole: string, firstLine: number, log: ProblemLog, onRow: CsvRowHandler, plain = true): number {
  let rows = 0;
  let block = whole;
  let startLine = firstLine;
  if (plain) {
    const done = readPlainRecords(whole, firstLine, (cells, line) => {
      rows++;
      onRow(cells, line);
    });
    if (done.end === whole.length) return rows;
    block = whole.slice(done.end);
    startLine = done.line;
  }
  let parsed = parseRecords(block, startLine);
  // After some errors (text after a closing quote) csv-parse reads on in a state of its own and drops the
  // rest of the block unreported. So a block with an error keeps the records before its first error and is
  // read again from the record after the one holding it, records cut where the block scanner cuts: an error
  // spoils its own record only. The rest is read in windows of records that start at one record after each
  // error and double while no error comes, so a block of many bad rows costs one short read per bad row.
  if (parsed.errors.length > 0) {
    const spans = recordSpans(block, startLine);
    const kept: ParsedBlock = { records: [], errors: [] };
    let part = parsed;
    let k = 0;
    let window = spans.length;
    for (;;) {
      const end = Math.min(spans.length, k + window);
      const first = firstError(part);
      if (first === undefined) {
        // one at a time: a list spread into push's arguments overflows the stack past about 100,000
        for (const r of part.records) kept.records.push(r);
        k = end;
        window *= 2;
      } else {
        for (const r of part.records) if (r.line < first.line) kept.records.push(r);
        kept.errors.push(first);
        // on from the record after the one the error is in
        while (k < spans.length && spans[k]!.line <= first.line) k++;
        window = 1;
      }
      if (k >= spans.length) break;
      const last = Math.min(spans.length, k + window) - 1;
      part = parseRecords(block.slice(spans[k]!.at, spans[last]!.end), spans[k]!.line);
    }
    parsed = kept;
  }
  const { records, errors } = parsed;
  let next = 0;
  const reportUpTo = (line: number): void => {
    for (; next < errors.length && errors[next]!.line <= line; next++) {
      log.report("parse-error", errors[next]!.problem, { line: errors[next]!.line }, "well-formed CSV (quotes closed, a quoted field followed by a comma or line end)");
    }
  };
  for (const { record, line } of records) {
    reportUpTo(line - 1);
    if (record.length === 1 && record[0]!.trim() === "") continue;
    rows++;
    onRow(record, line);
  }
  reportUpTo(Infinity);
  return rows;
}

/** Records csv-parse read from a block, with the line each starts on, and its errors with theirs. */
interface ParsedBlock {
  records: { record: string[]; line: number }[];
  errors: { line: number; problem: string }[];
}

/** The error of a read on the earliest line. */
function firstError(parsed: ParsedBlock): ParsedBlock["errors"][number] | undefined {
  let first: ParsedBlock["errors"][number] | undefined;
  for (const e of parsed.errors) if (first === undefined || e.line < first.line) first = e;
  return first;
}

/** Reads `block` (whole records, the first on `startLine`) with csv-parse. */
function parseRecords(block: string, startLine: number): ParsedBlock {
  const lineOf = csvParseLines(block);
  // csv-parse's own errors are collected and reported in file order among the rows, so strict mode stops at the first problem of the file.
  const errors: { line: number; problem: string }[] = [];
  const skipped = new Set<number>();
  const noteError = (err: CsvError): void => {
    const line = startLine + lineOf(Number(err.lines ?? 1)) - 1;
    if (skipped.has(line)) return;
    skipped.add(line);
    errors.push({ line, problem: csvProblem(err) });
  };
  let parsed: ParsedRecord[] = [];
  try {
    parsed = parse(block, {
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError | undefined) => {
        if (err) noteError(err);
        return undefined;
      },
    }) as unknown as ParsedRecord[];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    noteError(e);
  }
  const records = parsed.map(({ record, info }) => {
    let inner = 0;
    for (const f of record) for (let i = f.indexOf("\n"); i >= 0; i = f.indexOf("\n", i + 1)) inner++;
    return { record, line: startLine + lineOf(info.lines) - 1 - inner };
  });
  return { records, errors };
}

/**
 * The records of a block (whole records, the first on `startLine`) as the
 * block scanner cuts them: offset, end (after its line break) and first line.
 * A record ends at a line break outside a quoted cell; a quoted cell opens
 * with a `"` at a cell's start (after optional spaces) and closes at a `"`
 * not doubled, whatever follows it.
 */
function recordSpans(block: string, startLine: number): { at: number; end: number; line: number }[] {
  const spans: { at: number; end: number; line: number }[] = [];
  let at = 0;
  let atLine = startLine;
  let line = startLine;
  let state = Scan.CellStart as Scan;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (state === Scan.Quoted) {
      if (c === 34) state = Scan.QuoteInQuoted;
      else if (c === 10) line++;
      continue;
    }
    if (c === 13 || c === 10) {
      if (c === 13 && block.charCodeAt(i + 1) === 10) i++;
      line++;
      spans.push({ at, end: i + 1, line: atLine });
      at = i + 1;
      atLine = line;
      state = Scan.CellStart;
    } else if (c === 44) state = Scan.CellStart;
    else if (c === 34 && state === Scan.CellStart) state = Scan.Quoted;
    else if (c === 34 && state === Scan.QuoteInQuoted) state = Scan.Quoted;
    else if (!(state === Scan.CellStart && (c === 32 || c === 9))) state = Scan.Unquoted;
  }
  if (at < block.length) spans.push({ at, end: block.length, line: atLine });
  return spans;
}

/**
 * csv-parse counts lines its own way: a `\r` inside a quoted cell counts as a
 * line of its own (a `\r\n` there as two). This maps its count, within one
 * block (which starts at a record), to the block's real line (1-based): a
 * line ends at `\n`, and outside quoted cells also at a lone `\r`.
 */
function csvParseLines(block: string): (counted: number) => number {
  if (!block.includes("\r")) return (counted) => counted;
  const real = [1, 1]; // real[c]: the real line when csv-parse has counted c
  let line = 1;
  let state = Scan.CellStart as Scan;
  for (let i = 0; i < block.length; i++) {
    const c = block.charCodeAt(i);
    if (state === Scan.Quoted) {
      if (c === 34) state = Scan.QuoteInQuoted;
      else if (c === 10 || c === 13) {
        if (c === 10) line++;
        real.push(line);
      }
      continue;
    }
    if (c === 13 || c === 10) {
      if (c === 13 && block.charCodeAt(i + 1) === 10) i++;
      line++;
      real.push(line);
      state = Scan.CellStart;
    } else if (c === 44) state = Scan.CellStart;
    else if (c === 34 && state === Scan.CellStart) state = Scan.Quoted;
    else if (c === 34 && state === Scan.QuoteInQuoted) state = Scan.Quoted;
    else if (!(state === Scan.CellStart && (c === 32 || c === 9))) state = Scan.Unquoted;
  }
  return (counted) => real[Math.min(Math.max(counted, 1), real.length - 1)]!;
}

function csvProblem(err: CsvError): string {
  // csv-parse messages name its own line count; ours is in the location.
  const first = err.message.split(/ at line \d+/)[0] ?? err.message;
  return `malformed CSV: ${first.replace(/:\s*$/, "")}`;
}
