/**
 * analyseForView: the convenience that runs @tiegraph/core's measures a view
 * can encode, once, with the same redaction as the view (confidential
 * exchanges left out unless asked), and returns them as a {@link ViewAnalysis}.
 */
import { betweenness, CADENCE_TIERS, DEFAULT_CADENCE_TIERS, eiIndex, pairImbalances, relationshipCadences, TiegraphError, type Network, type PersonId } from "@tiegraph/core";
import type { ViewAnalysis } from "./view-analysis.js";

/** The measures {@link analyseForView} can compute. */
export type ViewMeasure = "pairImbalance" | "cadenceTier" | "eiIndex" | "betweenness";

/** All view measures. */
export const VIEW_MEASURES: readonly ViewMeasure[] = ["pairImbalance", "cadenceTier", "eiIndex", "betweenness"];

/** Options of {@link analyseForView}. */
export interface AnalyseForViewOptions {
  /** Count confidential exchanges in the measures (only when the view draws them too). */
  includeConfidential: boolean;
  /** Which measures to compute (betweenness is the costly one: O(people × ties)). */
  measures: readonly ViewMeasure[];
}

/** Defaults: every measure, confidential exchanges left out as the view leaves them out. */
export const DEFAULT_ANALYSE_FOR_VIEW_OPTIONS: Readonly<AnalyseForViewOptions> = { includeConfidential: false, measures: VIEW_MEASURES };

/**
 * Computes the measures a view can encode, each by core:
 * - `pairImbalance`: `pairImbalances`, `(G_ab − G_ba)/(G_ab + G_ba)` per relationship (edge colour, arrows);
 * - `cadenceTier` (networks with an ego): the tier whose cadence a contact's
 *   cadence fits in (close ≤ 14 days, active ≤ 30, wider ≤ 91, acquaintance
 *   ≤ 365, then beyond), from `relationshipCadences`, which honours the
 *   person's own cadence and tag cadences before inferring one from strength
 *   (ego-rings layout by cadence);
 * - `eiIndex`: `eiIndex(network, { groupBy: "organisation" }).byPerson` (node colour);
 * - `betweenness`: `betweenness(network)`, exact up to 20,000 people and
 *   sampled above, as core decides (node size).
 *
 * @example
 * ```ts
 * const view = mountNetworkView(el, { network, analysis: analyseForView(network) });
 * const quick = analyseForView(network, { measures: ["pairImbalance"] });
 * ```
 */
export function analyseForView(network: Network, options: Partial<AnalyseForViewOptions> = {}): ViewAnalysis {
  const includeConfidential = options.includeConfidential ?? DEFAULT_ANALYSE_FOR_VIEW_OPTIONS.includeConfidential;
  const measures = new Set(options.measures ?? DEFAULT_ANALYSE_FOR_VIEW_OPTIONS.measures);
  for (const m of measures) {
    if (!VIEW_MEASURES.includes(m)) throw new TiegraphError("tiegraph/viz", "invalid-option", `unknown measure ${JSON.stringify(m)}`, { record: "options.measures", expected: `some of ${VIEW_MEASURES.join(", ")}` });
  }
  const excludeConfidential = !includeConfidential;
  const analysis: ViewAnalysis = {};
  if (measures.has("pairImbalance")) analysis.pairImbalance = pairImbalances(network, { excludeConfidential });
  if (measures.has("cadenceTier") && network.ego !== undefined && network.exchangeCount > 0) {
    const tiers = new Map<PersonId, number>();
    const limits = CADENCE_TIERS.map((t) => DEFAULT_CADENCE_TIERS[t].cadenceDays);
    for (const c of relationshipCadences(network, { includeConfidential })) {
      const k = limits.findIndex((days) => c.cadenceDays <= days);
      tiers.set(c.person, k < 0 ? limits.length : k);
    }
    analysis.cadenceTier = tiers;
  }
  if (measures.has("eiIndex")) analysis.eiIndex = eiIndex(network, { groupBy: "organisation", excludeConfidential }).byPerson;
  if (measures.has("betweenness")) analysis.betweenness = betweenness(network, { excludeConfidential });
  return analysis;
}
