/**
 * Bounded expansion of recurring calendar events. ical.js computes the dates,
 * but its iterator loops inside one `next()` call for as long as a rule finds
 * no date (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` never returns), and it rolls
 * impossible dates over (29 February in a common year becomes 1 March). So
 * this module
 * 1. screens each rule first: rules finer than daily, and rules no date can
 *    satisfy, are not expanded at all ({@link ruleProblem});
 * 2. drives ical.js's iterator itself, with every inner step of the iterator
 *    charged to a {@link StepBudget} (per series and per file), so no rule can
 *    run longer than the budget, whatever the library does inside;
 * 3. drops any date that does not satisfy the rule's month, month-day and
 *    weekday parts ({@link satisfiesRule}): dates are never invented.
 */
import ICAL from "ical.js";

/** Why a rule is not expanded: it repeats more often than daily, or no date satisfies it. */
export type RuleProblem = "too-frequent" | "impossible";

/** Days in each month of a leap year: the most a month-day rule can ask for. */
const MAX_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

function numbers(parts: Record<string, unknown> | undefined, name: string): number[] | undefined {
  const v = parts?.[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).map(Number);
}

function strings(parts: Record<string, unknown> | undefined, name: string): string[] | undefined {
  const v = parts?.[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).map(String);
}

/**
 * Screens a rule before expansion. `too-frequent`: FREQ is SECONDLY, MINUTELY
 * or HOURLY (a meeting does not recur within a day, and such rules make
 * millions of dates). `impossible`: no month of BYMONTH (all months when
 * absent) is long enough for any BYMONTHDAY, a BYYEARDAY beyond ±366, a
 * BYWEEKNO beyond ±53, a BYMONTH outside 1–12, or an INTERVAL or COUNT below 1.
 *
 * @example ruleProblem(ICAL.Recur.fromString("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")) // "impossible"
 */
export function ruleProblem(rule: ICAL.Recur): RuleProblem | undefined {
  if (rule.freq === "SECONDLY" || rule.freq === "MINUTELY" || rule.freq === "HOURLY") return "too-frequent";
  if (!(rule.interval >= 1) || (rule.count !== null && rule.count !== undefined && !(rule.count >= 1))) return "impossible";
  const parts = rule.parts as Record<string, unknown>;
  const months = numbers(parts, "BYMONTH") ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (months.some((m) => !(Number.isInteger(m) && m >= 1 && m <= 12))) return "impossible";
  const monthDays = numbers(parts, "BYMONTHDAY");
  if (monthDays !== undefined) {
    const longest = Math.max(...months.map((m) => MAX_MONTH_DAYS[m - 1]!));
    if (!monthDays.some((d) => Number.isInteger(d) && d !== 0 && Math.abs(d) <= longest)) return "impossible";
  }
  if ((numbers(parts, "BYYEARDAY") ?? []).some((d) => !(Number.isInteger(d) && d !== 0 && Math.abs(d) <= 366))) return "impossible";
  if ((numbers(parts, "BYWEEKNO") ?? []).some((w) => !(Number.isInteger(w) && w !== 0 && Math.abs(w) <= 53))) return "impossible";
  return undefined;
}

/**
 * Whether a date the iterator produced satisfies the rule's BYMONTH,
 * BYMONTHDAY and BYDAY (weekday) parts, and, for a plain MONTHLY or YEARLY
 * rule without them, falls on DTSTART's day (and month). A date that does not
 * was invented by rolling over an impossible date.
 *
 * @example satisfiesRule(rule /* FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29 *\/, dtstart, ICAL.Time.fromDateString("2023-03-01")) // false
 */
export function satisfiesRule(rule: ICAL.Recur, dtstart: ICAL.Time, t: ICAL.Time): boolean {
  const parts = rule.parts as Record<string, unknown>;
  const months = numbers(parts, "BYMONTH");
  if (months !== undefined && !months.includes(t.month)) return false;
  const monthDays = numbers(parts, "BYMONTHDAY");
  if (monthDays !== undefined) {
    const length = ICAL.Time.daysInMonth(t.month, t.year);
    if (!monthDays.some((d) => (d > 0 ? t.day === d : t.day === length + d + 1))) return false;
  }
  const days = strings(parts, "BYDAY");
  if (days !== undefined) {
    const weekday = WEEKDAYS[t.dayOfWeek() - 1];
    if (!days.some((d) => d.slice(-2).toUpperCase() === weekday)) return false;
  }
  const shaped = ["BYMONTH", "BYMONTHDAY", "BYDAY", "BYYEARDAY", "BYWEEKNO"].some((k) => parts[k] !== undefined);
  if (!shaped && (rule.freq === "MONTHLY" || rule.freq === "YEARLY")) {
    if (t.day !== dtstart.day) return false;
    if (rule.freq === "YEARLY" && t.month !== dtstart.month) return false;
  }
  return true;
}

/** Thrown by {@link StepBudget.step} when a budget is spent; `scope` says which. */
export class StepLimitReached extends Error {
  constructor(
    readonly scope: "series" | "file",
    readonly limit: number,
  ) {
    super(`step limit of the ${scope} (${limit}) reached`);
  }
}

/**
 * Counts expansion steps, per series and per file. Every inner step of the
 * calendar library's iterator and every date produced costs one step.
 */
export class StepBudget {
  private series = 0;
  private file = 0;
  constructor(
    readonly perSeries: number,
    readonly perFile: number,
  ) {}

  /** Starts counting a new series. */
  startSeries(): void {
    this.series = 0;
  }

  /** Charges `n` steps; throws {@link StepLimitReached}, charging nothing, when that would pass a budget. */
  step(n = 1): void {
    if (this.file + n > this.perFile) throw new StepLimitReached("file", this.perFile);
    if (this.series + n > this.perSeries) throw new StepLimitReached("series", this.perSeries);
    this.series += n;
    this.file += n;
  }

  /** Steps used by the file so far. */
  get used(): number {
    return this.file;
  }
}

/** The iterator methods that make up one inner step (ical.js 2.x RecurIterator). */
const STEP_METHODS = ["next_second", "next_minute", "next_hour", "next_day", "next_week", "next_month", "next_year", "check_contracting_rules"] as const;

/** A rule iterator whose every inner step is charged to the budget. */
function budgetedIterator(rule: ICAL.Recur, dtstart: ICAL.Time, budget: StepBudget, lastYear: number): ICAL.RecurIterator {
  // The iterator's constructor searches yearly rules year by year up to UNTIL (else year 20000): bound it by
  // the last year wanted (no date after it is used), and charge those years before building it.
  const bounded = rule.clone();
  const limit = ICAL.Time.fromData({ year: lastYear + 1, month: 1, day: 1, isDate: dtstart.isDate, hour: 0, minute: 0, second: 0 });
  if (!bounded.until || bounded.until.compare(limit) > 0) bounded.until = limit;
  budget.step(Math.max(0, (bounded.until?.year ?? lastYear) - dtstart.year));
  const it = new ICAL.RecurIterator({ rule: bounded, dtstart });
  const slots = it as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of STEP_METHODS) {
    const inner = slots[name];
    if (typeof inner !== "function") throw new Error(`ical.js RecurIterator has no ${name}: the step budget cannot be applied`);
    slots[name] = (...args: unknown[]) => {
      budget.step();
      return inner.apply(it, args);
    };
  }
  return it;
}

/** The key of a date for EXDATE matching: a date-only EXDATE removes that whole day. */
function dayKey(t: ICAL.Time): string {
  return `${t.year}-${t.month}-${t.day}`;
}

/**
 * The start times of a recurring event in order: DTSTART, its RRULE dates
 * (checked, see the module comment; screen the rules with {@link ruleProblem}
 * first) and RDATE dates, without EXDATE ones.
 * Stops after `lastYear`. `onInvented` hears each date dropped as invented.
 * Throws {@link StepLimitReached} when the budget is spent.
 *
 * @example for (const t of seriesStarts(event, new StepBudget(100_000, 1_000_000), 2024, () => {})) console.log(t.toString());
 */
export function* seriesStarts(event: ICAL.Event, budget: StepBudget, lastYear: number, onInvented: () => void): Generator<ICAL.Time> {
  const comp = event.component;
  const dtstart = event.startDate;
  const rdates: ICAL.Time[] = [dtstart];
  for (const p of comp.getAllProperties("rdate")) {
    for (const v of p.getValues()) {
      const t = v instanceof ICAL.Period ? v.start : (v as ICAL.Time);
      if (t instanceof ICAL.Time) rdates.push(t);
    }
  }
  rdates.sort((a, b) => a.compare(b));
  const exact = new Set<string>();
  const wholeDays = new Set<string>();
  for (const p of comp.getAllProperties("exdate")) {
    for (const v of p.getValues()) {
      if (!(v instanceof ICAL.Time)) continue;
      if (v.isDate) wholeDays.add(dayKey(v));
      else exact.add(String(v.toUnixTime()));
    }
  }
  const excluded = (t: ICAL.Time): boolean => wholeDays.has(dayKey(t)) || exact.has(String(t.toUnixTime()));

  const advance = (s: { rule: ICAL.Recur; it: ICAL.RecurIterator; next: ICAL.Time | null | undefined }): void => {
    for (;;) {
      const n = s.it.next();
      if (!n || n.year > lastYear) {
        s.next = null;
        return;
      }
      if (n.compare(dtstart) === 0 || satisfiesRule(s.rule, dtstart, n)) {
        s.next = n.clone();
        return;
      }
      onInvented();
    }
  };
  // The rules' iterators start only once the dates up to DTSTART are out, so a rule that spends the budget still leaves DTSTART counted.
  let iterators: { rule: ICAL.Recur; it: ICAL.RecurIterator; next: ICAL.Time | null | undefined }[] | undefined;
  let r = 0;
  let previous: ICAL.Time | undefined;
  for (;;) {
    budget.step();
    if (iterators === undefined && !(r < rdates.length && rdates[r]!.compare(dtstart) <= 0)) {
      iterators = comp.getAllProperties("rrule").map((p) => {
        const rule = p.getFirstValue() as ICAL.Recur;
        return { rule, it: budgetedIterator(rule, dtstart, budget, lastYear), next: undefined };
      });
      for (const s of iterators) advance(s);
    }
    let best: NonNullable<typeof iterators>[number] | undefined;
    for (const s of iterators ?? []) if (s.next && (!best || s.next.compare(best.next!) < 0)) best = s;
    const fromRule = best?.next ?? undefined;
    const fromDates = r < rdates.length ? rdates[r] : undefined;
    let t: ICAL.Time;
    if (fromRule && (!fromDates || fromRule.compare(fromDates) <= 0)) {
      t = fromRule;
      advance(best!);
    } else if (fromDates && fromDates.year <= lastYear) {
      t = fromDates;
      r++;
    } else {
      return;
    }
    if (previous && previous.compare(t) === 0) continue;
    previous = t;
    if (!excluded(t)) yield t;
  }
}
