/**
 * The weekly networking plan: who to see this week, in what format, why, and
 * what to bring, within a time budget. Networking is a routine (at least two
 * hours a week, double in an active job search) that keeps relationships
 * current; the plan turns the cadence clock and the ledger into that routine.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, parseDay, startOfWeek, type Day } from "../model/dates.js";
import type { ExchangeColumns, Network } from "../model/network.js";
import { KIND_CODE } from "../model/network.js";
import type { OrganisationId, PersonId } from "../model/types.js";
import { matchOffer, topicsHeld } from "./offer.js";
import { dueCandidates, externalCandidates, oweCandidates, reconnectCandidates, requestCandidates, targetCandidates, type Candidate, type IndexedCadence } from "./plan-candidates.js";
import type { OfferPrompt, PlanReason } from "./plan-reasons.js";
import { externalShare, type TargetStatus } from "../mix/index.js";
import { layOutSlots, resolvePlanSchedule, type PlanSchedule, type PlanSlot } from "./plan-slots.js";
import { relationshipCadences, resolveCadenceOptions, type CadenceOptions } from "./relationship-cadences.js";

export type { OfferPrompt, PlanCadence, PlanReason, PlanReasonCode } from "./plan-reasons.js";
export { DEFAULT_PLAN_SCHEDULE, type PlanSchedule, type PlanSlot } from "./plan-slots.js";

const SCOPE = "tiegraph/cadence";

/** Typical meeting lengths in minutes, by format. */
export const DEFAULT_MEETING_DURATIONS: Readonly<Record<string, number>> = { coffee: 45, lunch: 75, call: 30 };

/** Options of {@link weeklyPlan}. */
export interface WeeklyPlanOptions extends Omit<CadenceOptions, "asOf" | "contacts"> {
  /** Any date in the week to plan, `YYYY-MM-DD`; the week runs Monday to Sunday. */
  week: string;
  /** Time budget in hours (default 2). */
  hours?: number;
  /** Active job search: double the budget (default false). */
  jobSearch?: boolean;
  /** Minutes per meeting format, merged over {@link DEFAULT_MEETING_DURATIONS}. */
  durations?: Readonly<Record<string, number>>;
  /** An organisation to get into: people who lead there join the plan (via introduction paths). */
  targetOrganisation?: OrganisationId;
  /** Target share of external networking, in [0, 1] (default `settings.externalTarget`, else 0.5). */
  externalTarget?: number;
  /** Leave out people you owe less than this, in recency-weighted favour units (default 0.5). */
  minOwed?: number;
  /** When meetings may be proposed (see {@link PlanSchedule}). */
  schedule?: Partial<PlanSchedule>;
  /** An open introduction request with no step for this many days has stalled (default 14). */
  stallDays?: number;
}

/** Defaults of {@link weeklyPlan}. */
export const DEFAULT_WEEKLY_PLAN_OPTIONS = {
  hours: 2,
  jobSearch: false,
  externalTarget: 0.5,
  minOwed: 0.5,
} as const;

/** One meeting on the plan. */
export interface PlanItem {
  person: PersonId;
  name: string;
  /** Meeting format (a key of the durations). */
  format: string;
  minutes: number;
  /** Every reason this person is on the plan, in list order, as data (`formatPlanReason` words them). */
  reasons: PlanReason[];
  /** Their interests you hold information on (see {@link offerFor}). */
  offer: string[];
  /** When `offer` is empty: what to ask instead (see {@link OfferPrompt}). */
  prompt?: OfferPrompt;
  /** Proposed slot, absent when the schedule has no room left. */
  slot?: PlanSlot;
}

/** A week's plan. */
export interface WeeklyPlan {
  /** Monday of the planned week, `YYYY-MM-DD`; the cadence clock is read on this day. */
  week: string;
  jobSearch: boolean;
  budgetMinutes: number;
  usedMinutes: number;
  /** External share of ego's ties ({@link externalShare}), its target, and how it compares (`below` puts external contacts on the plan). */
  external: { share: number | null; target: number; status: TargetStatus };
  items: PlanItem[];
}

/**
 * Plans a week of networking within a time budget.
 *
 * 1. **Clock**: the cadence clock ({@link relationshipCadences}) is read on
 *    the week's Monday; touches logged later count toward next week's plan,
 *    so the plan does not shift under you as the week goes.
 * 2. **Reasons**, each a list in its own order: (a) `owe`, people you owe,
 *    most owed first (repay before you ask); (b) overdue strong ties (close
 *    and active tiers, and cadences you set), most overdue for their cadence
 *    first, then dormant ties worth reconnecting, once strongest first;
 *    (c) `external` contacts, when the external share of your ties over
 *    your whole record ({@link externalShare}: external ties / all ties,
 *    each judged on its latest exchange date) is below its target by more
 *    than its tolerance (networking mostly inside your own organisation is
 *    not enough); (d) `target`, people who lead toward
 *    `targetOrganisation`, in the order of their best introduction path;
 *    (e) `due`, everyone else due or overdue; and, second in turn after
 *    (a), `request-waiting`: your open introduction requests, read on the
 *    day given as `week` (not its Monday, so a request asked this week is
 *    there), stalled first ({@link waitingRequests}), each on the person to
 *    see about it (the connector; the target once introduced).
 * 3. **Choice**: the lists take turns, (a) to (e) and again, each giving its
 *    first person not yet planned, so a week is never only repayments. A
 *    person is planned once, with the reasons of every list they are on.
 * 4. **Format and budget**: the person's most frequent past meeting format
 *    (ties: shorter, then by name; none: coffee), or, if it does not fit the
 *    minutes left, the longest shorter format that does. Planning stops when
 *    not even the shortest format fits. Job-search mode doubles the budget:
 *    the plan is the normal week's plan carried on with the extra hours, so
 *    it never holds less.
 * 5. **Offer**: what you could offer each ({@link offerFor}).
 * 6. **Slots**: proposed times over the week ({@link PlanSchedule}), for
 *    {@link planToIcs}.
 *
 * Deterministic: a function of the network, the week and the options only.
 * Confidential exchanges stay out unless `includeConfidential`; notes never
 * appear.
 *
 * @example
 * ```ts
 * const plan = weeklyPlan(network, { week: "2026-10-05", jobSearch: true, targetOrganisation: "acme" });
 * for (const item of plan.items) console.log(item.slot?.date, item.format, item.name, item.reasons[0].code);
 * // in words: formatPlanReason(item.reasons[0], wordingNames(network)) (core's wording)
 * ```
 */
export function weeklyPlan(network: Network, options: WeeklyPlanOptions): WeeklyPlan {
  const weekDay = typeof options?.week === "string" ? parseDay(options.week) : undefined;
  if (weekDay === undefined) throw new TiegraphError(SCOPE, "invalid-date", "invalid week", { record: "week", expected: "a calendar date YYYY-MM-DD in the week to plan", got: showValue(options?.week) });
  const monday = startOfWeek(weekDay);
  const { week: _week, hours: _hours, jobSearch: _jobSearch, durations: _durations, targetOrganisation: _target, externalTarget: _externalTarget, minOwed: _minOwed, schedule: _schedule, stallDays, ...cadenceOptions } = options;
  const cadence = resolveCadenceOptions(network, { ...cadenceOptions, asOf: formatDay(monday) });
  const ego = cadence.ego;
  const hours = number(options.hours ?? DEFAULT_WEEKLY_PLAN_OPTIONS.hours, "hours", "a number of hours ≥ 0", (h) => h >= 0);
  const jobSearch = options.jobSearch ?? DEFAULT_WEEKLY_PLAN_OPTIONS.jobSearch;
  if (typeof jobSearch !== "boolean") throw new TiegraphError(SCOPE, "invalid-option", "invalid jobSearch", { record: "jobSearch", expected: "true or false", got: showValue(jobSearch) });
  const durations = resolveDurations(options.durations);
  const externalTarget = number(options.externalTarget ?? network.settings.externalTarget ?? DEFAULT_WEEKLY_PLAN_OPTIONS.externalTarget, "externalTarget", "a share between 0 and 1", (x) => x >= 0 && x <= 1);
  const minOwed = number(options.minOwed ?? DEFAULT_WEEKLY_PLAN_OPTIONS.minOwed, "minOwed", "a number ≥ 0", (x) => x >= 0);
  const schedule = resolvePlanSchedule(options.schedule);
  let target = -1;
  if (options.targetOrganisation !== undefined) {
    target = network.findOrganisation(options.targetOrganisation);
    if (target < 0) throw new TiegraphError(SCOPE, "unknown-organisation", `unknown target organisation ${showValue(options.targetOrganisation)}`, { record: "targetOrganisation", expected: "the id of an organisation in the network" });
  }
  // whole minutes, never above the hours given (float noise like 1.1 × 60 = 66.00000000000001 is not a minute)
  const baseMinutes = Math.floor(Math.round(hours * 60 * 1e6) / 1e6);

  const clock: IndexedCadence[] = relationshipCadences(network, { ...cadenceOptions, asOf: formatDay(monday) }).map((c) => ({ ...c, index: network.personIndex(c.person) }));
  const external = externalShare(network, { person: network.personAt(ego).id, target: externalTarget, excludeConfidential: !cadence.includeConfidential });
  const lists: Candidate[][] = [
    oweCandidates(network, ego, monday, minOwed, cadence.includeConfidential, cadence.halfLifeDays),
    requestCandidates(network, ego, weekDay, stallDays),
    reconnectCandidates(network, clock),
    external.status === "below" ? externalCandidates(network, clock, ego, monday, external.share!, externalTarget) : [],
    target >= 0 ? targetCandidates(network, ego, target, monday, cadence.includeConfidential, cadence.halfLifeDays) : [],
    dueCandidates(network, clock),
  ];
  const reasonsOf = new Map<number, Candidate[]>();
  for (const list of lists) {
    for (const c of list) {
      const r = reasonsOf.get(c.person);
      if (!r) reasonsOf.set(c.person, [c]);
      // every open request is its own reason; other codes count once per person
      else if (c.reason.code === "request-waiting" || !r.some((x) => x.reason.code === c.reason.code)) r.push(c);
    }
  }

  // one columns view for every helper: each call of exchangeColumns() copies the confidential flags
  const cols = network.exchangeColumns();
  // the lists take turns; job-search mode carries the same turns on with the extra hours
  const planned: { person: number; format: string; minutes: number }[] = [];
  const isPlanned = new Set<number>();
  const next = lists.map(() => 0);
  const shortest = Math.min(...Object.values(durations));
  let used = 0;
  let turn = 0;
  let idle = 0; // consecutive turns of exhausted lists
  for (const cap of jobSearch ? [baseMinutes, 2 * baseMinutes] : [baseMinutes]) {
    while (cap - used >= shortest && idle < lists.length) {
      const l = turn++ % lists.length;
      const list = lists[l]!;
      while (next[l]! < list.length && isPlanned.has(list[next[l]!]!.person)) next[l]!++;
      const c = list[next[l]!];
      if (!c) {
        idle++;
        continue;
      }
      idle = 0;
      const { format, minutes } = chooseFormat(network, cols, ego, c.person, monday, durations, cap - used, cadence.includeConfidential);
      planned.push({ person: c.person, format, minutes });
      isPlanned.add(c.person);
      used += minutes;
    }
  }

  const held = topicsHeld(network, ego, monday, cadence.includeConfidential, cols);
  const slots = layOutSlots(monday, planned, schedule);
  const items = planned.map((p, k): PlanItem => {
    const person = network.personAt(p.person);
    const reasons = reasonsOf.get(p.person)!;
    const item: PlanItem = { person: person.id, name: person.name, format: p.format, minutes: p.minutes, reasons: reasons.map((r) => r.reason), ...matchOffer(network, p.person, held) };
    const slot = slots[k];
    if (slot) item.slot = slot;
    return item;
  });
  return { week: formatDay(monday), jobSearch, budgetMinutes: jobSearch ? 2 * baseMinutes : baseMinutes, usedMinutes: used, external: { share: external.share, target: externalTarget, status: external.status }, items };
}

/**
 * The format to propose: the most frequent format of past meetings (and
 * gestures such as a coffee bought) with the person among the known ones,
 * ties to the shorter, then by name; none: coffee if known, else the
 * shortest. When it does not fit `left` minutes, the longest shorter one
 * that does (the caller guarantees the shortest fits).
 */
function chooseFormat(network: Network, cols: ExchangeColumns, ego: number, person: number, asOf: Day, durations: Readonly<Record<string, number>>, left: number, includeConfidential: boolean): { format: string; minutes: number } {
  const counts = new Map<string, number>();
  for (const e of network.exchangesBetween(ego, person)) {
    if (cols.day[e]! > asOf || (!includeConfidential && cols.confidential[e])) continue;
    if (cols.kind[e] !== KIND_CODE.meeting && cols.kind[e] !== KIND_CODE.gesture) continue;
    const f = network.formats[cols.format[e]!]!;
    if (Object.hasOwn(durations, f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const formats = Object.keys(durations).sort((a, b) => durations[a]! - durations[b]! || (a < b ? -1 : a > b ? 1 : 0));
  let preferred = Object.hasOwn(durations, "coffee") ? "coffee" : formats[0]!;
  let best = 0;
  for (const f of formats) {
    const n = counts.get(f) ?? 0;
    if (n > best) {
      best = n;
      preferred = f;
    }
  }
  if (durations[preferred]! <= left) return { format: preferred, minutes: durations[preferred]! };
  let fallback = formats[0]!;
  for (const f of formats) if (durations[f]! <= left && durations[f]! <= durations[preferred]!) fallback = f;
  return { format: fallback, minutes: durations[fallback]! };
}

function resolveDurations(input: Readonly<Record<string, number>> | undefined): Record<string, number> {
  if (input !== undefined && (input === null || typeof input !== "object" || Array.isArray(input))) throw new TiegraphError(SCOPE, "invalid-option", "durations must be an object", { record: "durations", expected: "an object of format → minutes", got: showValue(input) });
  const durations = { ...DEFAULT_MEETING_DURATIONS, ...input };
  for (const [format, minutes] of Object.entries(durations)) {
    if (!(Number.isInteger(minutes) && minutes >= 1 && minutes <= 24 * 60)) throw new TiegraphError(SCOPE, "invalid-option", `invalid duration for ${showValue(format)}`, { record: `durations.${format}`, expected: "a whole number of minutes between 1 and 1440", got: showValue(minutes) });
  }
  return durations;
}

function number(value: unknown, name: string, expected: string, ok: (x: number) => boolean): number {
  if (!(typeof value === "number" && Number.isFinite(value) && ok(value))) throw new TiegraphError(SCOPE, "invalid-option", `invalid ${name}`, { record: name, expected, got: showValue(value) });
  return value;
}
