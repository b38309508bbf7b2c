/**
 * Krackhardt & Stern's E-I index: how far a network, a group or a person
 * looks outward (+1: every tie external) or inward (−1: every tie internal).
 */
import { TiegraphError } from "../errors.js";
import type { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import type { DirectedTies } from "../graph/tie-index.js";
import { groupingOf, type GroupBy } from "../graph/grouping.js";
import { personRecord, type PersonValues } from "../model/person-record.js";
import { eiOf, MIX_UNITS, tallyMix, unitIndex, type MixTally, type MixUnit, type TallyRequest } from "./tally.js";

/** Options of {@link eiIndex}. */
export interface EIOptions {
  /** `"organisation"` (affiliations on each exchange's date) or a person attribute such as `"office"`. */
  groupBy?: GroupBy;
  /** What is counted: ties (`"count"`), exchange value (`"value"`) or meeting minutes (`"minutes"`). */
  by?: MixUnit;
  /** Leave confidential exchanges out (default false). */
  excludeConfidential?: boolean;
  /** The network's directed tie index, when the caller already has it (built with the same `excludeConfidential`). */
  ties?: DirectedTies;
}

/** Defaults of {@link eiIndex}: organisations, by tie count, confidential exchanges included. */
export const DEFAULT_EI_OPTIONS: Readonly<Required<Omit<EIOptions, "ties">>> = { groupBy: "organisation", by: "count", excludeConfidential: false };

/** Internal and external totals of a group. */
export interface MixTotals {
  internal: number;
  external: number;
}

/** E-I indices of a network. Every index is null where there is nothing to judge (no tie). */
export interface EIResult {
  groupBy: GroupBy;
  by: MixUnit;
  /** Index of the whole network. */
  network: number | null;
  /** Internal and external totals of the whole network. */
  internal: number;
  external: number;
  /** Index of each group (organisation id or attribute value). */
  byGroup: Record<string, number | null>;
  /** Totals of each group. */
  groupTotals: Record<string, MixTotals>;
  /** Index of each person (every person has a key). */
  byPerson: Record<PersonId, number | null>;
}

/** An {@link EIResult} with each person's index by person index, not yet a record. */
export interface EIResultByIndex extends Omit<EIResult, "byPerson"> {
  byPerson: PersonValues<number | null>;
}

/** The E-I result of one unit of a whole-history tally (with per-person totals). */
export function resultOf(network: Network, tally: MixTally, names: readonly string[], groupBy: GroupBy, unit: number): EIResult {
  return withRecord(network, resultByIndex(tally, names, groupBy, unit));
}

/**
 * The result with its per-person values made a record (the members in {@link EIResult}'s order).
 *
 * @example withRecord(network, eiIndexByIndex(network)) // equal to eiIndex(network)
 */
export function withRecord(network: Network, result: EIResultByIndex): EIResult {
  const { byPerson, ...rest } = result;
  return { ...rest, byPerson: personRecord(network, byPerson) };
}

/**
 * {@link resultOf} with the per-person values by person index.
 *
 * @example resultByIndex(tally, grouping.names, "organisation", 0).byPerson(0) // the first person's E-I index by tie count
 */
export function resultByIndex(tally: MixTally, names: readonly string[], groupBy: GroupBy, unit: number): EIResultByIndex {
  const U = MIX_UNITS.length;
  const byGroup: [string, number | null][] = [];
  const groupTotals: [string, MixTotals][] = [];
  names.forEach((name, g) => {
    const i = tally.groupInternal[g * U + unit]!;
    const x = tally.groupExternal[g * U + unit]!;
    byGroup.push([name, eiOf(i, x)]);
    groupTotals.push([name, { internal: i, external: x }]);
  });
  const pi = tally.personInternal!;
  const px = tally.personExternal!;
  return {
    groupBy,
    by: MIX_UNITS[unit]!,
    network: eiOf(tally.internal[unit]!, tally.external[unit]!),
    internal: tally.internal[unit]!,
    external: tally.external[unit]!,
    // fromEntries defines own keys, so ids like "__proto__" are safe
    byGroup: Object.fromEntries(byGroup),
    groupTotals: Object.fromEntries(groupTotals),
    byPerson: (k) => eiOf(pi[k * U + unit]!, px[k * U + unit]!),
  };
}

function tallyRequest(network: Network, options: EIOptions): TallyRequest {
  const req: TallyRequest = { perPerson: true, excludeConfidential: options.excludeConfidential === true };
  if (options.ties) {
    if (options.ties.nodeCount !== network.personCount) {
      throw new TiegraphError("tiegraph/mix", "invalid-option", "the tie index was built for another network", { record: "options.ties", expected: `an index of ${network.personCount} people`, got: `${options.ties.nodeCount} people` });
    }
    req.ties = options.ties;
  }
  return req;
}

/**
 * The E-I index of Krackhardt & Stern (1988, "Informal networks and
 * organizational crises: an experimental simulation", Social Psychology
 * Quarterly 51(2)):
 *
 * `EI = (E − I) / (E + I)` ∈ [−1, 1]
 *
 * with E the external and I the internal ties. A tie here is a directed tie:
 * an ordered pair (i → j) with at least one exchange of any kind (meetings
 * included); i → j and j → i are two ties. It is internal when i and j belong
 * to the same group on the date of the pair's last exchange (people change
 * employers), external otherwise, including when either has no group then.
 * With `by: "value"` E and I sum the exchanges' values, and with
 * `by: "minutes"` their recorded minutes, each exchange judged on its own
 * date.
 *
 * - network: all ties;
 * - group G: ties with at least one end in G, internal when both ends are in
 *   G (a tie inside G counts once);
 * - person: the ties the person gives or receives.
 *
 * @example
 * ```ts
 * const ei = eiIndex(network, { groupBy: "office" });
 * ei.network;          // −0.57 for the Lazega advice network
 * ei.byGroup["Boston"];
 * ```
 */
export function eiIndex(network: Network, options: EIOptions = {}): EIResult {
  return withRecord(network, eiIndexByIndex(network, options));
}

/**
 * {@link eiIndex} with each person's index by person index, not yet a record.
 *
 * @example eiIndexByIndex(network, { groupBy: "office" }).byPerson(0) // the first person's E-I index
 */
export function eiIndexByIndex(network: Network, options: EIOptions = {}): EIResultByIndex {
  const unit = unitIndex(options.by ?? DEFAULT_EI_OPTIONS.by);
  const groupBy = options.groupBy ?? DEFAULT_EI_OPTIONS.groupBy;
  const grouping = groupingOf(network, groupBy);
  const tally = tallyMix(network, grouping, { ...tallyRequest(network, options), only: MIX_UNITS[unit]! });
  return resultByIndex(tally, grouping.names, groupBy, unit);
}

/**
 * All three E-I variants (by tie count, by value, by minutes) from one pass
 * over the exchanges; see {@link eiIndex} for the definitions.
 *
 * @example
 * ```ts
 * const { count, value, minutes } = eiIndices(network);
 * ```
 */
export function eiIndices(network: Network, options: Omit<EIOptions, "by"> = {}): Record<MixUnit, EIResult> {
  const groupBy = options.groupBy ?? DEFAULT_EI_OPTIONS.groupBy;
  const grouping = groupingOf(network, groupBy);
  const tally = tallyMix(network, grouping, tallyRequest(network, options));
  return {
    count: resultOf(network, tally, grouping.names, groupBy, 0),
    value: resultOf(network, tally, grouping.names, groupBy, 1),
    minutes: resultOf(network, tally, grouping.names, groupBy, 2),
  };
}
