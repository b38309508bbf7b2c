/**
 * The share of a person's networking that is external, against the target
 * they set (`network.settings.externalTarget`).
 */
import { TiegraphError, showValue } from "../errors.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { DEFAULT_EI_OPTIONS, type EIOptions } from "./ei-index.js";
import { eiTrend } from "./ei-trend.js";
import { groupingOf, type GroupBy } from "../graph/grouping.js";
import type { MixPeriod } from "./periods.js";
import { tallyMix, unitIndex, type MixUnit } from "./tally.js";

/** Options of {@link externalShare}. */
export interface ExternalShareOptions extends Omit<EIOptions, "ties"> {
  /** Whose networking (default: ego). */
  person?: PersonId;
  /** Target share in [0, 1] (default: `network.settings.externalTarget`, else 0.5). */
  target?: number;
  /** A share within this distance of the target is on target (default 0.05). */
  tolerance?: number;
  /** Also give the share per month or quarter. */
  period?: MixPeriod;
}

/** Defaults of {@link externalShare} (the target comes from the network's settings first). */
export const DEFAULT_EXTERNAL_SHARE_OPTIONS: Readonly<{ target: number; tolerance: number }> = { target: 0.5, tolerance: 0.05 };

/** How a share compares with the target. */
export type TargetStatus = "below" | "on-target" | "above" | "no-data";

/** One period of the share. */
export interface ExternalSharePoint {
  period: string;
  share: number | null;
  /** `share − target`; null without data. */
  gap: number | null;
  status: TargetStatus;
}

/** A person's external share. */
export interface ExternalShare {
  person: PersonId;
  groupBy: GroupBy;
  by: MixUnit;
  /** `E / (E + I)` over the person's whole history; null when they have no tie. */
  share: number | null;
  target: number;
  /** `share − target`: negative when too inward-looking. */
  gap: number | null;
  status: TargetStatus;
  internal: number;
  external: number;
  /** Per period, when `period` was given. */
  trend?: ExternalSharePoint[];
}

/**
 * The external share `E / (E + I)` of a person's ties (or value, or minutes:
 * `by`), with E and I as in {@link eiIndex} — it is `(1 + EI) / 2` — compared
 * with a target: `status` is `on-target` within `tolerance` of it, else
 * `below` or `above`. Networking inside one's own organisation is easy; the
 * target keeps the outward share visible (Burt 2005, *Brokerage and Closure*,
 * on the value of ties across groups).
 *
 * @example
 * ```ts
 * const s = externalShare(network, { by: "minutes", period: "quarter" });
 * if (s.status === "below") console.log(`${Math.round(-s.gap! * 100)} points under target`);
 * ```
 */
export function externalShare(network: Network, options: ExternalShareOptions = {}): ExternalShare {
  const person = options.person ?? network.ego;
  if (person === undefined) {
    throw new TiegraphError("tiegraph/mix", "invalid-option", "the network has no ego and no person was given", { record: "options.person", expected: "a person id, or a network with an ego" });
  }
  const p = network.personIndex(person);
  const target = options.target ?? network.settings.externalTarget ?? DEFAULT_EXTERNAL_SHARE_OPTIONS.target;
  if (!(typeof target === "number" && target >= 0 && target <= 1)) throw new TiegraphError("tiegraph/mix", "invalid-option", "invalid target", { record: "options.target", expected: "a share between 0 and 1", got: showValue(target) });
  const tolerance = options.tolerance ?? DEFAULT_EXTERNAL_SHARE_OPTIONS.tolerance;
  if (!(typeof tolerance === "number" && tolerance >= 0 && tolerance <= 1)) throw new TiegraphError("tiegraph/mix", "invalid-option", "invalid tolerance", { record: "options.tolerance", expected: "a number between 0 and 1", got: showValue(tolerance) });
  const groupBy = options.groupBy ?? DEFAULT_EI_OPTIONS.groupBy;
  const by = options.by ?? DEFAULT_EI_OPTIONS.by;
  const unit = unitIndex(by);
  const grouping = groupingOf(network, groupBy);
  const tally = tallyMix(network, grouping, { exchanges: network.exchangesOf(p), perPerson: false, excludeConfidential: options.excludeConfidential === true, groups: false });
  const internal = tally.internal[unit]!;
  const external = tally.external[unit]!;
  const judge = (i: number, x: number): { share: number | null; gap: number | null; status: TargetStatus } => {
    if (i + x === 0) return { share: null, gap: null, status: "no-data" };
    const share = x / (i + x);
    const gap = share - target;
    return { share, gap, status: Math.abs(gap) <= tolerance ? "on-target" : gap < 0 ? "below" : "above" };
  };
  const result: ExternalShare = { person, groupBy, by, ...judge(internal, external), target, internal, external };
  if (options.period !== undefined) {
    const { points } = eiTrend(network, { person, period: options.period, groupBy, by, excludeConfidential: options.excludeConfidential === true });
    result.trend = points.map((pt) => ({ period: pt.period, ...judge(pt.internal, pt.external) }));
  }
  return result;
}

