/**
 * Calendar dates as day numbers. tiegraph's dates are calendar dates, not
 * instants: "2024-03-12" is the day it was written down as, in the writer's own
 * time zone. Internally a date is the integer number of days since 1970-01-01,
 * so comparisons and differences are exact and free of time-zone effects.
 * A timestamp with a time (`2024-03-12T23:30:00-05:00`) keeps the date part as
 * written (2024-03-12), never converted to UTC.
 */

/** Days since 1970-01-01 (a calendar day, no time of day). */
export type Day = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses `YYYY-MM-DD` (optionally followed by a time, which is ignored) into a
 * day number, or returns `undefined` when the text is not a real calendar date
 * (e.g. `2023-02-30`).
 *
 * @example parseDay("1970-01-02") // 1
 */
export function parseDay(text: string): Day | undefined {
  // the usual spelling, YYYY-MM-DD, read digit by digit (a million exchanges, no match objects)
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const y = digits(text, 0, 4);
    const mo = digits(text, 5, 7);
    const d = digits(text, 8, 10);
    if (y >= 0 && mo >= 0 && d >= 0) return mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) ? undefined : daysFromCivil(y, mo, d);
  }
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** The number written by the ASCII digits text[from..to), or -1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 *
 * @example formatDay(0) // "1970-01-01"
 */
export function formatDay(day: Day): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** `[year, month (1-12), day (1-31)]` of a day number. */
export function civilFromDays(day: Day): [number, number, number] {
  // Howard Hinnant's civil_from_days algorithm (public-domain date arithmetic).
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

/** Day number of a civil date (month 1-12). */
export function daysFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before a day. */
export function startOfWeek(day: Day): Day {
  return day - (weekday(day) - 1);
}

/** Calendar month key `YYYY-MM` of a day. */
export function monthKey(day: Day): string {
  const [y, m] = civilFromDays(day);
  return `${y}-${String(m).padStart(2, "0")}`;
}

/** Calendar quarter key `YYYY-Qn` of a day. */
export function quarterKey(day: Day): string {
  const [y, m] = civilFromDays(day);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
