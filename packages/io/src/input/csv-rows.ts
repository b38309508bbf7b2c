/**
 * CSV rows from any text source, streamed. csv-parse does the parsing; this
 * module only feeds it blocks of whole records. A block ends at a line break
 * outside quotes: since a `"` either opens or closes a quoted field (an
 * escaped `""` does both), a line break with an even number of quotes before
 * it ends a record. Each block is parsed on its own, so memory stays at one
 * block, a broken record spoils only its block, and line numbers are exact
 * (csv-parse miscounts `\r\n` inside quotes; the text arrives with `\n` only).
 */
import { CsvError, parse } from "#csv-sync";
import type { ProblemLog } from "../importers/options.js";
import { sourceSize, textChunks, type ReadProgress, type TextSource } from "./text-source.js";

/** Blocks are cut once they reach this many characters. */
const BLOCK = 1 << 18;
/** A block with an unclosed quote is cut anyway at this size, so a stray quote cannot swallow the file. */
const MAX_OPEN_QUOTE_BLOCK = 1 << 23;

/** Called once per non-blank row with its fields and the line it starts on. */
export type CsvRowHandler = (fields: string[], line: number) => void;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Reads CSV rows from a source. Blank rows are skipped; malformed rows
 * (unclosed or stray quotes) go to the log, which throws in strict mode.
 * `onRow` may throw to stop the read.
 *
 * @example
 * ```ts
 * await readCsvRows("a,b\n1,\"x, y\"\n", log, (fields, line) => console.log(line, fields));
 * // 1 ["a", "b"]   2 ["1", "x, y"]
 * ```
 */
export async function readCsvRows(source: TextSource, log: ProblemLog, onRow: CsvRowHandler, onProgress?: (p: ReadProgress) => void): Promise<number> {
  const total = sourceSize(source);
  let read = 0;
  let rows = 0;
  let pending = "";
  let scanned = 0; // characters of `pending` already scanned for quotes
  let inQuotes = false;
  let cut = -1; // end (exclusive) of the last complete record in `pending`
  let firstLine = 1; // line number of pending[0]

  const parseBlock = (block: string): void => {
    const startLine = firstLine;
    let newlines = 0;
    for (let i = block.indexOf("\n"); i >= 0; i = block.indexOf("\n", i + 1)) newlines++;
    firstLine += newlines;
    // csv-parse's own errors are collected and reported in file order among the rows, so strict mode stops at the first problem of the file.
    const errors: { line: number; problem: string }[] = [];
    const skipped = new Set<number>();
    const noteError = (err: CsvError): void => {
      const line = startLine + Number(err.lines ?? 1) - 1;
      if (skipped.has(line)) return;
      skipped.add(line);
      errors.push({ line, problem: csvProblem(err) });
    };
    let records: ParsedRecord[] = [];
    try {
      records = parse(block, {
        relax_column_count: true,
        relax_quotes: true,
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
    let next = 0;
    const reportUpTo = (line: number): void => {
      for (; next < errors.length && errors[next]!.line <= line; next++) {
        log.report("parse-error", errors[next]!.problem, { line: errors[next]!.line }, "well-formed CSV (quotes closed, a quoted field followed by a comma or line end)");
      }
    };
    for (const { record, info } of records) {
      let inner = 0;
      for (const f of record) for (let i = f.indexOf("\n"); i >= 0; i = f.indexOf("\n", i + 1)) inner++;
      const line = startLine + info.lines - 1 - inner;
      reportUpTo(line - 1);
      if (record.length === 1 && record[0]!.trim() === "") continue;
      rows++;
      onRow(record, line);
    }
    reportUpTo(Infinity);
  };

  const flush = (upTo: number): void => {
    const block = pending.slice(0, upTo);
    pending = pending.slice(upTo);
    scanned -= upTo;
    cut = -1;
    parseBlock(block);
  };

  for await (const chunk of textChunks(source, (r) => (read = r))) {
    pending += chunk;
    for (let i = scanned; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) cut = i + 1;
    }
    scanned = pending.length;
    if (cut >= BLOCK) flush(cut);
    else if (inQuotes && pending.length >= MAX_OPEN_QUOTE_BLOCK) {
      const nl = pending.lastIndexOf("\n");
      inQuotes = false;
      flush(nl >= 0 ? nl + 1 : pending.length);
    }
    onProgress?.({ read, total, records: rows });
  }
  if (pending.length) flush(pending.length);
  onProgress?.({ read, total, records: rows });
  return rows;
}

function csvProblem(err: CsvError): string {
  // csv-parse messages name its own line count; ours is in the location.
  const first = err.message.split(/ at line \d+/)[0] ?? err.message;
  return `malformed CSV: ${first.replace(/:\s*$/, "")}`;
}
