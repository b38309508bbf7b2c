/**
 * The calendar date commands take as "today" when no date is given: the
 * local date of the machine, as YYYY-MM-DD, or TIEGRAPH_TODAY when set (so
 * scripts, tests and the documentation's examples read the same day every
 * time).
 */
import { parseDay } from "@tiegraph/core";
import { UsageError } from "./usage-error.js";

/** The environment variable that fixes "today" (a date YYYY-MM-DD). */
export const TODAY_VARIABLE = "TIEGRAPH_TODAY";

/**
 * Today's local calendar date.
 *
 * @example localToday() // "2026-11-30"
 */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/**
 * "Today" for a command: TIEGRAPH_TODAY from the command's environment when
 * set (a usage error naming the variable when it is not a calendar date),
 * otherwise the machine's local date.
 *
 * @example today({ TIEGRAPH_TODAY: "2026-03-20" }, "report") // "2026-03-20"
 */
export function today(env: Readonly<Record<string, string | undefined>>, command: string, now: Date = new Date()): string {
  const fixed = env[TODAY_VARIABLE];
  if (fixed === undefined || fixed === "") return localToday(now);
  if (parseDay(fixed) === undefined) throw new UsageError(command, `${TODAY_VARIABLE}=${JSON.stringify(fixed)}: expected a calendar date YYYY-MM-DD`);
  return fixed;
}
