/**
 * CSV writing (RFC 4180): cells with commas, quotes, line breaks or spaces at
 * either end are quoted, quotes doubled, lines end with CRLF; NUL is never
 * written. Text a spreadsheet would run as a formula (`=`, `+`, `-` or `@`
 * first, also after tabs, carriage returns, line feeds or spaces) gets a
 * leading `'`; so does text that already looks guarded, so that our CSV
 * importers, which take exactly one such `'` off, give back the same text
 * ({@link guardFormula}, {@link unguardFormula}). Numbers are written as
 * numbers: the text "-1" is written `'-1` and reads back as text.
 */
import { guardFormula } from "./csv-guard.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";

export { guardFormula, unguardFormula } from "./csv-guard.js";

/** A cell value; undefined writes an empty cell. */
export type CsvCell = string | number | boolean | undefined;

// text that may need anything done to it: a NUL, a character that forces quotes, whitespace at
// either end (trim's set is \s's), or a first character that may start a formula or a guard
const MAY_NEED_WORK = /[\0",\r\n]|^[\s'=+\-@]|\s$/;

/**
 * One cell as CSV text.
 *
 * @example csvCell('say "hi", then go') // "\"say \"\"hi\"\", then go\""
 * @example csvCell("\t=cmd()") // "'\t=cmd()"
 */
export function csvCell(value: CsvCell): string {
  if (value === undefined) return "";
  // a number's or a boolean's text never needs quotes, and is never guarded
  if (typeof value !== "string") return String(value);
  if (!MAY_NEED_WORK.test(value)) return value;
  const t = guardFormula(value.replace(/\0/g, ""));
  return /[",\r\n]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * A CSV document from a header and rows, in chunks of about 64 Ki
 * characters cut after whole lines (CRLF); concatenated they are exactly
 * {@link csvText}. Rows are read as they come, so a generator of rows streams.
 *
 * @example [...csvChunks(["id", "name"], [["ann", "Lee, Ann"]])] // ["id,name\r\nann,\"Lee, Ann\"\r\n"]
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly CsvCell[]>): Generator<string> {
  let out = csvLine(header);
  for (const row of rows) {
    out += csvLine(row);
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  yield out;
}

/**
 * A whole CSV document from a header and rows.
 *
 * @example csvText(["id", "name"], [["ann", "Lee, Ann"]]) // "id,name\r\nann,\"Lee, Ann\"\r\n"
 */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return joinChunks(csvChunks(header, rows));
}

/** One line, CRLF included. */
function csvLine(row: readonly CsvCell[]): string {
  let line = row.length ? csvCell(row[0]) : "";
  for (let j = 1; j < row.length; j++) line += "," + csvCell(row[j]);
  return line + "\r\n";
}
