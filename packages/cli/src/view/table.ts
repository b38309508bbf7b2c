/**
 * Plain-text tables for the terminal: columns padded to the widest cell,
 * numbers right-aligned. Width counts what a terminal shows (accents take no
 * column, East Asian wide characters take two), so names line up as typed;
 * control characters in cells are shown escaped (see `terminalText`).
 */
import { terminalText } from "../terminal.js";

/** One column of a {@link textTable}. */
export interface Column {
  title: string;
  /** Right-align (numbers). Default left. */
  right?: boolean;
}

const COMBINING = /\p{M}/u;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/**
 * Columns a text takes in a terminal.
 *
 * @example displayWidth("王小明") // 6
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (COMBINING.test(ch) || ch === "\u200b") continue;
    w += WIDE.test(ch) ? 2 : 1;
  }
  return w;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * Renders rows under a header line and a rule, two spaces between columns,
 * trailing spaces trimmed.
 *
 * @example
 * ```ts
 * textTable([{ title: "person" }, { title: "balance", right: true }], [["Ann", "2.00"]]);
 * // "person  balance\n------  -------\nAnn        2.00\n"
 * ```
 */
export function textTable(columns: readonly Column[], cells: readonly (readonly string[])[]): string {
  // escaped before measuring, so a control character in a name shows and the columns still line up
  const rows = cells.map((r) => r.map(terminalText));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) => columns.map((c, i) => pad(cells[i] ?? "", widths[i]!, c.right === true)).join("  ").trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

/**
 * A number with fixed decimals; `–` for NaN and missing values.
 *
 * @example fixed(null) // "–"
 */
export function fixed(value: number | null | undefined, digits = 2): string {
  return value === undefined || value === null || Number.isNaN(value) ? "–" : value.toFixed(digits);
}

/**
 * A section heading: the title and a rule under it.
 *
 * @example heading("Brokers") // "Brokers\n=======\n"
 */
export function heading(title: string): string {
  const shown = terminalText(title);
  return `${shown}\n${"=".repeat(displayWidth(shown))}\n`;
}

/**
 * A count with its noun, singular for one: `plural(1, "person", "people")` is
 * "1 person", `plural(3, "exchange")` "3 exchanges".
 *
 * @example plural(1, "exchange") // "1 exchange"
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
