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

export { guardFormula, unguardFormula } from "./csv-guard.js";

/** A cell value; undefined writes an empty cell. */
export type CsvCell = string | number | boolean | undefined;

/**
 * One cell as CSV text.
 *
 * @example csvCell('say "hi", then go') // "\"say \"\"hi\"\", then go\""
 * @example csvCell("\t=cmd()") // "'\t=cmd()"
 */
export function csvCell(value: CsvCell): string {
  if (value === undefined) return "";
  let t = String(value).replace(/\0/g, "");
  if (typeof value === "string") t = guardFormula(t);
  return /[",\r\n]/.test(t) || t !== t.trim() ? `"${t.replace(/"/g, '""')}"` : t;
}

/**
 * A whole CSV document from a header and rows.
 *
 * @example csvText(["id", "name"], [["ann", "Lee, Ann"]]) // "id,name\r\nann,\"Lee, Ann\"\r\n"
 */
export function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(",")];
  for (const row of rows) lines.push(row.map(csvCell).join(","));
  return lines.join("\r\n") + "\r\n";
}
