/**
 * "Today" as a calendar date in a time zone. tiegraph's clock counts calendar
 * days, so the one place an instant meets it is here: the caller's current
 * moment becomes the date on their wall calendar.
 */
import { TiegraphError, showValue } from "../errors.js";

/**
 * The calendar date (`YYYY-MM-DD`, Gregorian) of an instant on the wall
 * calendar of a time zone: an IANA name like `America/New_York`, `UTC`, or
 * omitted for the runtime's own zone. Uses `Intl.DateTimeFormat`, available
 * in Node and every browser.
 *
 * The same instant can be two different dates: 2024-03-13T03:30Z is still
 * 2024-03-12 in New York (23:30) but already 2024-03-13 in Berlin (04:30), and
 * a cadence clock read on those dates can differ by one day.
 *
 * @example calendarDate(new Date("2024-03-13T03:30:00Z"), "America/New_York") // "2024-03-12"
 */
export function calendarDate(instant: Date | number, timeZone?: string): string {
  const t = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(t)) throw new TiegraphError("tiegraph/cadence", "invalid-date", "invalid instant", { expected: "a valid Date or epoch milliseconds", got: showValue(instant) });
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", { ...(timeZone !== undefined ? { timeZone } : {}), year: "numeric", month: "2-digit", day: "2-digit" });
  } catch {
    throw new TiegraphError("tiegraph/cadence", "invalid-option", `unknown time zone ${showValue(timeZone)}`, { record: "timeZone", expected: "an IANA time zone such as Europe/Berlin, or UTC" });
  }
  const parts = Object.fromEntries(format.formatToParts(t).map((p) => [p.type, p.value]));
  return `${String(parts.year).padStart(4, "0")}-${parts.month}-${parts.day}`;
}
