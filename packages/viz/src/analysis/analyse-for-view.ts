/**
 * analyseForView: the convenience that runs @tiegraph/core's measures a view
 * can encode, once, with the same redaction as the view (confidential
 * exchanges left out unless asked), and returns them as a {@link ViewAnalysis}.
 */
import { CADENCE_TIERS, DEFAULT_CADENCE_TIERS, pairImbalances, relationshipCadences, type Network, type PersonId } from "@tiegraph/core";
import type { ViewAnalysis } from "./view-analysis.js";

/** Options of {@link analyseForView}. */
export interface AnalyseForViewOptions {
  /** Count confidential exchanges in the measures (only when the view draws them too). */
  includeConfidential: boolean;
}

/** Defaults: confidential exchanges are left out, as the view leaves them out. */
export const DEFAULT_ANALYSE_FOR_VIEW_OPTIONS: Readonly<AnalyseForViewOptions> = { includeConfidential: false };

/**
 * Computes the measures a view can encode:
 * - `pairImbalance`: core's `pairImbalances`, `(G_ab − G_ba)/(G_ab + G_ba)` per relationship;
 * - `cadenceTier` (networks with an ego): the tier whose cadence a contact's
 *   cadence fits in (close ≤ 14 days, active ≤ 30, wider ≤ 91, acquaintance
 *   ≤ 365, then beyond), from core's `relationshipCadences`, which honours
 *   the person's own cadence and tag cadences before inferring one from strength.
 *
 * @example
 * ```ts
 * const view = mountNetworkView(el, { network, analysis: analyseForView(network) });
 * ```
 */
export function analyseForView(network: Network, options: Partial<AnalyseForViewOptions> = {}): ViewAnalysis {
  const includeConfidential = options.includeConfidential ?? DEFAULT_ANALYSE_FOR_VIEW_OPTIONS.includeConfidential;
  const analysis: ViewAnalysis = { pairImbalance: pairImbalances(network, { excludeConfidential: !includeConfidential }) };
  if (network.ego !== undefined && network.exchangeCount > 0) {
    const tiers = new Map<PersonId, number>();
    const limits = CADENCE_TIERS.map((t) => DEFAULT_CADENCE_TIERS[t].cadenceDays);
    for (const c of relationshipCadences(network, { includeConfidential })) {
      const k = limits.findIndex((days) => c.cadenceDays <= days);
      tiers.set(c.person, k < 0 ? limits.length : k);
    }
    analysis.cadenceTier = tiers;
  }
  return analysis;
}
