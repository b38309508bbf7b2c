/**
 * The formula guard of our CSV files (CSV injection, OWASP): a cell whose
 * text a spreadsheet would evaluate is written with a leading `'`, and our
 * importers take it off again. The two functions are exact inverses:
 * `unguardFormula(guardFormula(t)) === t` for every text.
 */

/** Text a spreadsheet would evaluate: `=`, `+`, `-` or `@` first, after any tabs, line breaks or spaces. */
const FORMULA = /^[\t\r\n ]*[=+\-@]/;

/** Whether text carries a guard: `'` then formula-like text, or `'` then another `'`. */
function guarded(text: string): boolean {
  return text.charCodeAt(0) === 39 && (FORMULA.test(text.slice(1)) || text.charCodeAt(1) === 39);
}

/**
 * Text as written to a CSV cell: with a leading `'` when it is formula-like
 * (`=1+1`, `\t=cmd()`, `-1`, `@SUM(…)`) or would otherwise be read as guarded (`'=x`, `''`).
 *
 * @example guardFormula("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * @example guardFormula("Ann") // "Ann"
 */
export function guardFormula(text: string): string {
  return FORMULA.test(text) || guarded(text) ? `'${text}` : text;
}

/**
 * A CSV cell's text with the guard of {@link guardFormula} taken off.
 *
 * @example unguardFormula("'-1") // "-1"
 * @example unguardFormula("'x") // "'x" (not a guard)
 */
export function unguardFormula(text: string): string {
  return guarded(text) ? text.slice(1) : text;
}
