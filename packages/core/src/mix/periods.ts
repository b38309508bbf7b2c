/**
 * Calendar periods (months or quarters) between two days, as consecutive
 * indices, for the internal/external trends.
 */
import { TiegraphError, showValue } from "../errors.js";
import { civilFromDays, daysFromCivil, formatDay, monthKey, quarterKey } from "../model/dates.js";

/** Length of a trend step. */
export type MixPeriod = "month" | "quarter";

/** Consecutive calendar periods covering a day range. */
export interface PeriodRange {
  readonly count: number;
  /** Key (`2024-03` or `2024-Q1`), first and last day of each period. */
  readonly keys: string[];
  readonly from: string[];
  readonly to: string[];
  /** Period index of a day, −1 outside the range. */
  periodOfDay(day: number): number;
}

/** Periods from the one holding `first` to the one holding `last`. */
export function periodRange(period: MixPeriod, first: number, last: number): PeriodRange {
  if (period !== "month" && period !== "quarter") {
    throw new TiegraphError("tiegraph/mix", "invalid-option", "invalid period", { record: "options.period", expected: '"month" or "quarter"', got: showValue(period) });
  }
  const months = period === "month" ? 1 : 3;
  const ordinal = (day: number): number => {
    const [y, m] = civilFromDays(day);
    return Math.floor((y * 12 + m - 1) / months);
  };
  const base = ordinal(first);
  const count = last >= first ? ordinal(last) - base + 1 : 0;
  const keys: string[] = [];
  const from: string[] = [];
  const to: string[] = [];
  for (let q = 0; q < count; q++) {
    const m0 = (base + q) * months; // months since year 0
    const start = daysFromCivil(Math.floor(m0 / 12), (m0 % 12) + 1, 1);
    const m1 = m0 + months;
    const end = daysFromCivil(Math.floor(m1 / 12), (m1 % 12) + 1, 1) - 1;
    keys.push(period === "month" ? monthKey(start) : quarterKey(start));
    from.push(formatDay(start));
    to.push(formatDay(end));
  }
  // a lookup table by day: a few thousand days at most in practice
  const table = new Int32Array(count ? last - first + 1 : 0);
  for (let d = first; d <= last && count; d++) table[d - first] = ordinal(d) - base;
  return { count, keys, from, to, periodOfDay: (day) => (day < first || day > last ? -1 : table[day - first]!) };
}
