/**
 * CSV writing (RFC 4180): cells with commas, quotes or line breaks are
 * quoted, quotes doubled, lines end with CRLF. Text that a spreadsheet would
 * run as a formula (`=…`, `+…`, `-…`, `@…`, other than a plain number) gets a
 * leading `'`, which our CSV importers remove again (text that itself starts
 * with such a `'` gets one more, so the round trip is exact).
 */

/** A cell value; undefined writes an empty cell. */
export type CsvCell = string | number | boolean | undefined;

/**
 * One cell as CSV text.
 *
 * @example csvCell('say "hi", then go') // "\"say \"\"hi\"\", then go\""
 */
export function csvCell(value: CsvCell): string {
  if (value === undefined) return "";
  let t = String(value);
  if (typeof value === "string" && ((/^[=+\-@]/.test(t) && !Number.isFinite(Number(t))) || /^'[=+\-@']/.test(t))) t = `'${t}`;
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
