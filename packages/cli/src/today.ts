/**
 * The calendar date commands take as "today" when no date is given: the
 * local date of the machine, as YYYY-MM-DD.
 */

/**
 * Today's local calendar date.
 *
 * @example localToday() // "2026-11-30"
 */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
