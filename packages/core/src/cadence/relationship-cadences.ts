/**
 * The cadence clock: for each of ego's relationships, how often it should be
 * fed, when it was last touched, and whether it is on time, due or overdue.
 * Dormant ties that were once strong are flagged as worth reconnecting.
 */
import { TiegraphError, showValue } from "../errors.js";
import { DEFAULT_TIE_STRENGTH_OPTIONS, strengthFromSum } from "../graph/tie-strength.js";
import { defaultAsOf } from "../graph/visible-exchanges.js";
import { formatDay, parseDay, type Day } from "../model/dates.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { resolveCadenceTiers, tierOfStrength, type CadenceTier, type ResolvedTiers, type TierSpec } from "./tiers.js";

const SCOPE = "tiegraph/cadence";

/** Where a relationship's cadence comes from. */
export type CadenceSource = "person" | "tag" | "tier";

/** Where a relationship stands against its cadence. */
export type CadenceStatus = "on-time" | "due" | "overdue";

/** One relationship's cadence clock, as of a day. */
export interface RelationshipCadence {
  /** The contact's id. */
  person: PersonId;
  /** The contact's name. */
  name: string;
  /** See them at least every `cadenceDays` days. */
  cadenceDays: number;
  /** `person`: their own `cadenceDays`; `tag`: `settings.cadenceByTag`; `tier`: inferred from strength. */
  source: CadenceSource;
  /** The tag that set the cadence (source `tag`). */
  tag?: string;
  /** The strength tier at the last touch (always inferred, whatever the source). */
  tier: CadenceTier;
  /** Tie strength just after the last touch, in [0, 1] (0 when never touched). */
  strength: number;
  /** Highest strength the tie ever had, just after one of its touches. */
  peakStrength: number;
  /** Touches counted (exchanges of any kind with ego up to the day). */
  touches: number;
  /** Date of the last touch, `YYYY-MM-DD` (absent when never touched). */
  lastTouch?: string;
  /** Days from the last touch to the day (absent when never touched). */
  daysSinceTouch?: number;
  /** `lastTouch + ⌈cadenceDays⌉`, or the day itself when never touched. */
  dueDate: string;
  /** Days from the day to the due date; negative when overdue. */
  daysLeft: number;
  status: CadenceStatus;
  /** Days past the due date (0 unless overdue). */
  overdueDays: number;
  /** Overdue, silent for at least `dormantAfterDays`, and once strong: worth reconnecting. */
  dormant: boolean;
}

/** Options of {@link relationshipCadences}. */
export interface CadenceOptions {
  /** The day the clock is read, `YYYY-MM-DD` (default: the network's last exchange day). Touches after it are ignored. */
  asOf?: string;
  /** Whose relationships (default: the network's ego). */
  ego?: PersonId;
  /** Only these contacts (default: everyone ego has touched, plus everyone with an explicit cadence). */
  contacts?: readonly PersonId[];
  /** Cadence and threshold per tier (defaults: {@link DEFAULT_CADENCE_TIERS}). */
  tiers?: Partial<Record<CadenceTier, TierSpec>>;
  /** A relationship is `due` when its due date is less than this many days ahead (default 7: it falls due within the week). */
  dueWithinDays?: number;
  /** Silence (days since the last touch) from which an overdue tie counts as dormant (default 365). */
  dormantAfterDays?: number;
  /** Peak strength a dormant tie must once have had (default: the `active` tier's threshold). */
  dormantMinPeakStrength?: number;
  /** Half-life of tie strength in days (default: `settings.halfLifeDays`, else 180). */
  halfLifeDays?: number;
  /**
   * Count confidential exchanges as touches (default false). The clock's dates
   * end up in plans and calendar files, so exchanges made in confidence stay
   * out of it unless the caller asks.
   */
  includeConfidential?: boolean;
}

/** Defaults of {@link relationshipCadences}. */
export const DEFAULT_CADENCE_OPTIONS = {
  dueWithinDays: 7,
  dormantAfterDays: 365,
  includeConfidential: false,
} as const;

/** Options with every default applied, shared with the weekly plan. */
export interface ResolvedCadenceOptions {
  ego: number;
  asOf: Day;
  tiers: ResolvedTiers;
  dueWithinDays: number;
  dormantAfterDays: number;
  dormantMinPeakStrength: number;
  halfLifeDays: number;
  includeConfidential: boolean;
}

/**
 * The cadence clock of each of ego's relationships on a day.
 *
 * - **Cadence**: the person's own `cadenceDays`; else the shortest
 *   `settings.cadenceByTag` among their tags (the most demanding tag wins);
 *   else the cadence of the tier their tie strength falls in
 *   ({@link resolveCadenceTiers}).
 * - **Touches**: any exchange between ego and the contact, of any kind and in
 *   either direction, dated on or before `asOf`, resets the clock
 *   (confidential ones only with `includeConfidential`).
 * - **Strength** is taken just after the last touch:
 *   `s = 1 − exp(−S/κ)` with `S = Σ w_e · 2^(−(lastTouch − d_e)/h)` over the
 *   touches (graph/tie-strength.ts). Measuring it then, not on `asOf`, keeps
 *   neglect from lowering the tier and so excusing itself. The peak is the
 *   highest such value just after any touch.
 * - **Status**: `dueDate = lastTouch + ⌈cadenceDays⌉` (never touched: `asOf`);
 *   `daysLeft = dueDate − asOf`; overdue when `daysLeft < 0` (by `−daysLeft`
 *   days), due when `0 ≤ daysLeft < dueWithinDays`, on time otherwise.
 * - **Dormant**: overdue, silent for at least `dormantAfterDays`, and a peak
 *   strength of at least `dormantMinPeakStrength`. Levin, Walter & Murnighan
 *   (2011, "Dormant ties: the value of reconnecting", Organization Science
 *   22(4)) found reconnected dormant ties gave more novel knowledge than
 *   current ties, at the cost of one conversation.
 *
 * Dates are calendar dates: differences are whole days, independent of time
 * zones and daylight saving; pass `asOf` as the caller's local date (see
 * {@link calendarDate}). O(exchanges of ego + people) after the network's
 * per-person index exists.
 *
 * Contacts come back ordered by due date, then id.
 *
 * @example
 * ```ts
 * const clock = relationshipCadences(network, { asOf: "2026-10-05" });
 * clock.filter((c) => c.status === "overdue").map((c) => `${c.name}: ${c.overdueDays} days`);
 * ```
 */
export function relationshipCadences(network: Network, options: CadenceOptions = {}): RelationshipCadence[] {
  const o = resolveCadenceOptions(network, options);
  const ego = o.ego;
  const cols = network.exchangeColumns();
  const lnHalf = -Math.LN2 / o.halfLifeDays;
  const strengthOptions = { ...DEFAULT_TIE_STRENGTH_OPTIONS, halfLifeDays: o.halfLifeDays };

  // running decayed sum per contact, over ego's exchanges in date order
  const slotOf = new Map<number, number>();
  const mine = network.exchangesOf(ego);
  const sum = new Float64Array(mine.length);
  const peak = new Float64Array(mine.length);
  const last = new Int32Array(mine.length);
  const touches = new Int32Array(mine.length);
  const contactOf: number[] = [];
  for (let k = 0; k < mine.length; k++) {
    const e = mine[k]!;
    const d = cols.day[e]!;
    if (d > o.asOf) break;
    if (!o.includeConfidential && cols.confidential[e]) continue;
    const other = cols.from[e] === ego ? cols.to[e]! : cols.from[e]!;
    let s = slotOf.get(other);
    if (s === undefined) {
      s = contactOf.length;
      slotOf.set(other, s);
      contactOf.push(other);
      last[s] = d;
    }
    sum[s] = sum[s]! * Math.exp(lnHalf * (d - last[s]!)) + cols.value[e]!;
    last[s] = d;
    touches[s]!++;
    if (sum[s]! > peak[s]!) peak[s] = sum[s]!;
  }

  const byTag = network.settings.cadenceByTag ?? {};
  const hasTagCadences = Object.keys(byTag).length > 0;
  let contacts: number[];
  if (options.contacts !== undefined) {
    contacts = [];
    options.contacts.forEach((id, k) => {
      const i = network.findPerson(id);
      if (i < 0) throw new TiegraphError(SCOPE, "unknown-person", `unknown contact ${showValue(id)}`, { record: `contacts[${k}]`, expected: "the id of a person in the network" });
      if (!contacts.includes(i)) contacts.push(i);
    });
  } else {
    const people = network.people();
    const touched = new Set(contactOf);
    contacts = [...contactOf];
    for (let i = 0; i < people.length; i++) {
      if (i === ego || touched.has(i)) continue;
      const p = people[i]!;
      if (p.cadenceDays !== undefined || (hasTagCadences && p.tags?.some((t) => Object.hasOwn(byTag, t)))) contacts.push(i);
    }
  }

  const out: (RelationshipCadence & { dueDay: Day })[] = [];
  for (const i of contacts) {
    if (i === ego) continue;
    const p = network.personAt(i);
    const s = slotOf.get(i);
    const strength = s === undefined ? 0 : strengthFromSum(sum[s]!, strengthOptions);
    const peakStrength = s === undefined ? 0 : strengthFromSum(peak[s]!, strengthOptions);
    const tier = tierOfStrength(strength, o.tiers);
    let cadenceDays = tier.cadenceDays;
    let source: CadenceSource = "tier";
    let tag: string | undefined;
    if (p.cadenceDays !== undefined) {
      cadenceDays = p.cadenceDays;
      source = "person";
    } else if (hasTagCadences && p.tags) {
      for (const t of p.tags) {
        const days = Object.hasOwn(byTag, t) ? byTag[t] : undefined;
        if (days !== undefined && (tag === undefined || days < cadenceDays)) {
          cadenceDays = days;
          tag = t;
          source = "tag";
        }
      }
    }
    const lastDay = s === undefined ? undefined : last[s]!;
    const dueDay = lastDay === undefined ? o.asOf : lastDay + Math.ceil(cadenceDays);
    const daysLeft = dueDay - o.asOf;
    const status: CadenceStatus = daysLeft < 0 ? "overdue" : daysLeft < o.dueWithinDays ? "due" : "on-time";
    // optional fields in place, so records read (and serialise) in a fixed order
    const record: RelationshipCadence & { dueDay: Day } = {
      person: p.id,
      name: p.name,
      cadenceDays,
      source,
      ...(tag !== undefined ? { tag } : {}),
      tier: tier.tier,
      strength,
      peakStrength,
      touches: s === undefined ? 0 : touches[s]!,
      ...(lastDay !== undefined ? { lastTouch: formatDay(lastDay), daysSinceTouch: o.asOf - lastDay } : {}),
      dueDate: formatDay(dueDay),
      daysLeft,
      status,
      overdueDays: status === "overdue" ? -daysLeft : 0,
      dormant: lastDay !== undefined && status === "overdue" && o.asOf - lastDay >= o.dormantAfterDays && peakStrength >= o.dormantMinPeakStrength,
      dueDay,
    };
    out.push(record);
  }
  out.sort((a, b) => a.dueDay - b.dueDay || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
  return out.map(({ dueDay: _dueDay, ...rest }) => rest);
}

/**
 * Short name of {@link relationshipCadences}, the one the CLI and the explorer use.
 *
 * @example cadenceOf(network, { asOf: "2026-10-05", contacts: ["ann"] })[0]?.status // "overdue"
 */
export const cadenceOf = relationshipCadences;

/** Applies defaults and validates {@link CadenceOptions} (throws `invalid-option`, `invalid-date`, `unknown-person`). */
export function resolveCadenceOptions(network: Network, options: CadenceOptions): ResolvedCadenceOptions {
  const egoId = options.ego ?? network.ego;
  if (egoId === undefined) throw new TiegraphError(SCOPE, "invalid-option", "the network has no ego and no ego was given", { expected: "options.ego, or a network with an ego" });
  const ego = network.personIndex(egoId);
  let asOf: Day;
  if (options.asOf !== undefined) {
    const d = typeof options.asOf === "string" ? parseDay(options.asOf) : undefined;
    if (d === undefined) throw new TiegraphError(SCOPE, "invalid-date", "invalid asOf date", { record: "asOf", expected: "a calendar date YYYY-MM-DD", got: showValue(options.asOf) });
    asOf = d;
  } else {
    asOf = defaultAsOf(network, { excludeConfidential: options.includeConfidential !== true });
  }
  const halfLifeDays = options.halfLifeDays ?? network.settings.halfLifeDays ?? DEFAULT_TIE_STRENGTH_OPTIONS.halfLifeDays;
  if (!(typeof halfLifeDays === "number" && halfLifeDays > 0 && Number.isFinite(halfLifeDays))) throw optionError("halfLifeDays", "a positive number of days", halfLifeDays);
  const tiers = resolveCadenceTiers(options.tiers, { ...DEFAULT_TIE_STRENGTH_OPTIONS, halfLifeDays });
  const dueWithinDays = options.dueWithinDays ?? DEFAULT_CADENCE_OPTIONS.dueWithinDays;
  if (!(Number.isInteger(dueWithinDays) && dueWithinDays >= 0)) throw optionError("dueWithinDays", "a whole number of days ≥ 0", dueWithinDays);
  const dormantAfterDays = options.dormantAfterDays ?? DEFAULT_CADENCE_OPTIONS.dormantAfterDays;
  if (!(typeof dormantAfterDays === "number" && dormantAfterDays > 0 && Number.isFinite(dormantAfterDays))) throw optionError("dormantAfterDays", "a positive number of days", dormantAfterDays);
  const dormantMinPeakStrength = options.dormantMinPeakStrength ?? tiers[1]!.minStrength;
  if (!(typeof dormantMinPeakStrength === "number" && dormantMinPeakStrength >= 0 && dormantMinPeakStrength <= 1)) throw optionError("dormantMinPeakStrength", "a strength between 0 and 1", dormantMinPeakStrength);
  return { ego, asOf, tiers, dueWithinDays, dormantAfterDays, dormantMinPeakStrength, halfLifeDays, includeConfidential: options.includeConfidential ?? DEFAULT_CADENCE_OPTIONS.includeConfidential };
}

function optionError(name: string, expected: string, got: unknown): TiegraphError {
  return new TiegraphError(SCOPE, "invalid-option", `invalid ${name}`, { record: name, expected, got: showValue(got) });
}
