/**
 * What the tie exports (graph exports, ties CSV) pass to core's tie index:
 * the reference day from `asOf`, and confidential exchanges left out unless
 * disclosed. Internal to the exporters (not re-exported).
 */
import { formatDay, parseDay, TiegraphError, type Day, type TieIndexOptions } from "@tiegraph/core";

/**
 * Tie index options from an export's `asOf` and disclosure (a typed
 * `invalid-option` error for a date that is not YYYY-MM-DD).
 *
 * @example tieOptions({ asOf: "2026-01-01" }, false) // { excludeConfidential: true, asOf: 20454 }
 */
export function tieOptions(options: { asOf?: string }, includeConfidential: boolean): TieIndexOptions {
  if (options.asOf === undefined) return { excludeConfidential: !includeConfidential };
  const asOf = parseDay(options.asOf);
  if (asOf === undefined) throw new TiegraphError("tiegraph/io/export", "invalid-option", `invalid asOf date ${JSON.stringify(options.asOf)}`, { expected: "a date YYYY-MM-DD" });
  return { excludeConfidential: !includeConfidential, asOf };
}

/**
 * core's formatDay, remembered: a million ties fall on a few thousand days.
 * With `as`, each day's text as a writer puts it (a CSV cell, a JSON
 * string), made once too.
 *
 * @example const day = dayText(); day(0) // "1970-01-01"
 * @example dayText(JSON.stringify)(0) // "\"1970-01-01\""
 */
export function dayText(as?: (text: string) => string): (day: Day) => string {
  const known = new Map<Day, string>();
  return (day) => {
    let text = known.get(day);
    if (text === undefined) known.set(day, (text = as === undefined ? formatDay(day) : as(formatDay(day))));
    return text;
  };
}
