/**
 * Keeping the routine: hours of networking per week against the weekly
 * budget (two hours, four in a job search), this week's minutes used and
 * left, and how much of that time went outside your own organisation.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, parseDay, startOfWeek } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { ExchangeKind, PersonId } from "../model/types.js";
import { DEFAULT_EXTERNAL_SHARE_OPTIONS, type GroupBy, type TargetStatus } from "../mix/index.js";
import { groupingOf, groupsOn, maxSpans } from "../graph/grouping.js";
import { DEFAULT_ROUTINE_KIND_MINUTES, routineMinutes } from "./routine-minutes.js";
import { DEFAULT_MEETING_DURATIONS, DEFAULT_WEEKLY_PLAN_OPTIONS } from "./weekly-plan.js";

const SCOPE = "tiegraph/cadence";

/** Options of {@link networkingRoutine}. */
export interface RoutineOptions {
  /** The day to read the routine on, `YYYY-MM-DD`; its week (Monday to Sunday) is "this week". Exchanges after it are not counted. */
  asOf: string;
  /** Whose routine (default: the network's ego). */
  ego?: PersonId;
  /** How many weeks, this one included (default 26: six months). */
  weeks?: number;
  /** Weekly budget in hours (default 2, as the weekly plan). */
  hours?: number;
  /** Active job search: double the budget (default false). */
  jobSearch?: boolean;
  /** Target share of networking time outside your organisation (default `settings.externalTarget`, else 0.5). */
  externalTarget?: number;
  /** A share within this distance of the target is on target (default 0.05, as {@link externalShare}). */
  tolerance?: number;
  /** What "your own organisation" means: `"organisation"` (affiliations on the day, default) or a person attribute such as `office` (as {@link externalShare}'s `groupBy`). */
  groupBy?: GroupBy;
  /** Usual minutes per meeting format, merged over {@link DEFAULT_MEETING_DURATIONS}. */
  durations?: Readonly<Record<string, number>>;
  /** Minutes per kind when none are recorded, merged over {@link DEFAULT_ROUTINE_KIND_MINUTES}. */
  kindMinutes?: Partial<Record<ExchangeKind, number>>;
  /** Count confidential exchanges (default false). */
  includeConfidential?: boolean;
}

/** Defaults of {@link networkingRoutine}. */
export const DEFAULT_ROUTINE_OPTIONS = { weeks: 26, hours: DEFAULT_WEEKLY_PLAN_OPTIONS.hours, jobSearch: false } as const;

/** One week of the routine. */
export interface RoutineWeek {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  /** Networking minutes that week. */
  minutes: number;
  /** Of which with people outside your organisation on the day. */
  externalMinutes: number;
  /** `minutes ≥ budgetMinutes`. */
  onBudget: boolean;
}

/** The networking routine over the last weeks. */
export interface Routine {
  person: PersonId;
  asOf: string;
  jobSearch: boolean;
  /** Weekly budget: hours × 60, doubled in a job search. */
  budgetMinutes: number;
  /** Oldest first; the last is this week (up to `asOf`). */
  weeks: RoutineWeek[];
  /** This week so far: minutes used and left of the budget (never below 0). */
  thisWeek: { week: string; usedMinutes: number; remainingMinutes: number };
  /** Mean minutes per completed week (the weeks before this one); null with none. */
  averageMinutes: number | null;
  /** Completed weeks that reached the budget. */
  weeksOnBudget: number;
  /** Time outside your organisation over all the weeks: `external / (internal + external)` against the target. */
  external: { minutes: number; internalMinutes: number; share: number | null; target: number; gap: number | null; status: TargetStatus };
}

/**
 * The routine of networking, read on `asOf`, over the last `weeks` weeks
 * (Monday to Sunday, this one included, up to `asOf`).
 *
 * **Minutes**: every exchange of the person (either side) on those days
 * counts its minutes by {@link routineMinutes}: the minutes recorded; else
 * for a meeting its format's usual length (coffee 45, lunch 75, call 30);
 * else the kind's default (a meeting 45, other kinds 0: a tip or favour
 * takes no meeting time unless its minutes are recorded).
 *
 * **Budget**: `hours × 60` a week (2 h = 120 min), doubled in a job search
 * (240 min). This week's `remainingMinutes = max(0, budget − used)`.
 *
 * **External share**: an exchange's minutes are internal when the two
 * people share a group on its date (the internal/external test of
 * {@link externalShare}, with the same `groupBy`: organisations by default,
 * or a person attribute; someone with no group that day makes it external). `share = external /
 * (internal + external)` over the weeks, `gap = share − target`, `status`
 * `on-target` within `tolerance`, else `below` or `above` — networking only
 * inside your own organisation is not enough.
 *
 * Confidential exchanges are left out unless `includeConfidential`.
 *
 * @example
 * ```ts
 * const r = networkingRoutine(network, { asOf: "2026-10-07", jobSearch: true });
 * r.thisWeek.remainingMinutes; // minutes still to spend this week
 * r.weeks.map((w) => w.minutes / 60); // hours per week, for a chart
 * ```
 */
export function networkingRoutine(network: Network, options: RoutineOptions): Routine {
  const asOfDay = typeof options?.asOf === "string" ? parseDay(options.asOf) : undefined;
  if (asOfDay === undefined) throw new TiegraphError(SCOPE, "invalid-date", "invalid asOf", { record: "options.asOf", expected: "a calendar date YYYY-MM-DD", got: showValue(options?.asOf) });
  const id = options.ego ?? network.ego;
  if (id === undefined) throw new TiegraphError(SCOPE, "invalid-option", "the network has no ego and no person was given", { record: "options.ego", expected: "a person id, or a network with an ego" });
  const ego = network.personIndex(id);
  const weeks = option(options.weeks ?? DEFAULT_ROUTINE_OPTIONS.weeks, "weeks", "a whole number of weeks between 1 and 520", (x) => Number.isInteger(x) && x >= 1 && x <= 520);
  const hours = option(options.hours ?? DEFAULT_ROUTINE_OPTIONS.hours, "hours", "a number of hours ≥ 0", (x) => x >= 0);
  const jobSearch = options.jobSearch ?? DEFAULT_ROUTINE_OPTIONS.jobSearch;
  if (typeof jobSearch !== "boolean") throw new TiegraphError(SCOPE, "invalid-option", "invalid jobSearch", { record: "options.jobSearch", expected: "true or false", got: showValue(jobSearch) });
  const target = option(options.externalTarget ?? network.settings.externalTarget ?? DEFAULT_EXTERNAL_SHARE_OPTIONS.target, "externalTarget", "a share between 0 and 1", (x) => x >= 0 && x <= 1);
  const tolerance = option(options.tolerance ?? DEFAULT_EXTERNAL_SHARE_OPTIONS.tolerance, "tolerance", "a number between 0 and 1", (x) => x >= 0 && x <= 1);
  const durations = minutesTable({ ...DEFAULT_MEETING_DURATIONS, ...options.durations }, "durations");
  const kindMinutes = minutesTable({ ...DEFAULT_ROUTINE_KIND_MINUTES, ...options.kindMinutes }, "kindMinutes") as Record<ExchangeKind, number>;
  const includeConfidential = options.includeConfidential === true;
  // the mix measures' grouping, so "outside your organisation" means the same here as in externalShare
  const grouping = groupingOf(network, options.groupBy ?? "organisation");
  const mine = new Int32Array(Math.max(1, maxSpans(grouping)));
  const theirs = new Int32Array(mine.length);
  const shareGroup = (a: number, b: number, day: number): boolean => {
    const na = groupsOn(grouping, a, day, mine);
    const nb = groupsOn(grouping, b, day, theirs);
    for (let x = 0; x < na; x++) for (let y = 0; y < nb; y++) if (mine[x] === theirs[y]) return true;
    return false;
  };

  // the budget is whole minutes, as the weekly plan's
  const base = Math.floor(Math.round(hours * 60 * 1e6) / 1e6);
  const budgetMinutes = jobSearch ? 2 * base : base;
  const thisMonday = startOfWeek(asOfDay);
  const firstDay = thisMonday - 7 * (weeks - 1);
  const minutes = new Float64Array(weeks);
  const externalMinutes = new Float64Array(weeks);
  const cols = network.exchangeColumns();
  const minutesOf = routineMinutes(network, cols, durations, kindMinutes);
  for (const e of network.exchangesOf(ego)) {
    const day = cols.day[e]!;
    if (day < firstDay || day > asOfDay || (!includeConfidential && cols.confidential[e])) continue;
    const m = minutesOf(e);
    if (m <= 0) continue;
    const w = Math.floor((day - firstDay) / 7);
    minutes[w]! += m;
    const other = cols.from[e] === ego ? cols.to[e]! : cols.from[e]!;
    if (!shareGroup(ego, other, day)) externalMinutes[w]! += m;
  }

  const list: RoutineWeek[] = [];
  let total = 0;
  let external = 0;
  for (let w = 0; w < weeks; w++) {
    list.push({ week: formatDay(firstDay + 7 * w), minutes: minutes[w]!, externalMinutes: externalMinutes[w]!, onBudget: minutes[w]! >= budgetMinutes });
    total += minutes[w]!;
    external += externalMinutes[w]!;
  }
  const completed = list.slice(0, -1);
  const used = minutes[weeks - 1]!;
  const share = total > 0 ? external / total : null;
  const gap = share === null ? null : share - target;
  const status: TargetStatus = gap === null ? "no-data" : Math.abs(gap) <= tolerance ? "on-target" : gap < 0 ? "below" : "above";
  return {
    person: id,
    asOf: formatDay(asOfDay),
    jobSearch,
    budgetMinutes,
    weeks: list,
    thisWeek: { week: formatDay(thisMonday), usedMinutes: used, remainingMinutes: Math.max(0, budgetMinutes - used) },
    averageMinutes: completed.length ? completed.reduce((s, w) => s + w.minutes, 0) / completed.length : null,
    weeksOnBudget: completed.filter((w) => w.onBudget).length,
    external: { minutes: external, internalMinutes: total - external, share, target, gap, status },
  };
}

function option(value: unknown, name: string, expected: string, ok: (x: number) => boolean): number {
  if (!(typeof value === "number" && Number.isFinite(value) && ok(value))) throw new TiegraphError(SCOPE, "invalid-option", `invalid ${name}`, { record: `options.${name}`, expected, got: showValue(value) });
  return value;
}

function minutesTable(table: Record<string, number | undefined>, name: string): Record<string, number> {
  for (const [key, m] of Object.entries(table)) {
    if (!(typeof m === "number" && Number.isFinite(m) && m >= 0 && m <= 24 * 60)) throw new TiegraphError(SCOPE, "invalid-option", `invalid minutes for ${showValue(key)}`, { record: `options.${name}.${key}`, expected: "a number of minutes between 0 and 1440", got: showValue(m) });
  }
  return table as Record<string, number>;
}
