/**
 * Builds a {@link Scene} from a Network: people with names and organisations
 * on the reference day, and one tie per relationship the caller may see. By
 * default a relationship resting only on confidential exchanges is not drawn
 * and confidential exchanges add nothing to tie strength; person notes,
 * emails, attributes and exchange notes are never read.
 */
import { formatDay, relationships, type Network } from "@tiegraph/core";
import type { ViewAnalysis } from "../analysis/view-analysis.js";
import { alignPersonMeasures, checkPairImbalance } from "./measures.js";
import { completeScene, DEFAULT_SCENE_OPTIONS, type Scene, type SceneOptions } from "./scene.js";

/**
 * The scene of a network. Tie strength is `relationships(network)`'s combined
 * strength (computed without confidential exchanges unless
 * `includeConfidential`); the reference day is the network's last exchange.
 *
 * @example
 * ```ts
 * const scene = sceneFromNetwork(generateNetwork({ seed: 1, people: 50, exchanges: 400 }));
 * scene.ids[scene.egoIndex]; // "me"
 * ```
 */
export function sceneFromNetwork(network: Network, analysis: ViewAnalysis = {}, options: Partial<SceneOptions> = {}): Scene {
  const o = { ...DEFAULT_SCENE_OPTIONS, ...options };
  const rel = relationships(network, { excludeConfidential: !o.includeConfidential });
  const imbalance = checkPairImbalance(analysis.pairImbalance, rel.pairCount);
  const people = network.people();
  const n = people.length;
  const ids = people.map((p) => p.id);
  const names = people.map((p) => p.name);
  const asOf = rel.asOf;
  const organisations: string[][] = new Array(n);
  const organisationNames = new Map<string, string>();
  for (const org of network.organisations()) organisationNames.set(org.id, org.name);
  const ego = network.egoIndex;
  const internal = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    organisations[i] = network.organisationIndicesOn(i, asOf).map((k) => network.organisationAt(k).id);
    if (ego >= 0 && i !== ego && network.shareOrganisationOn(ego, i, asOf)) internal[i] = 1;
  }
  let t = 0;
  for (let k = 0; k < rel.pairCount; k++) if (o.includeConfidential || !rel.confidentialOnly[k]) t++;
  const x = new Int32Array(t);
  const y = new Int32Array(t);
  const strength = new Float64Array(t);
  const balance = new Float64Array(t).fill(NaN);
  const slot = new Int32Array(t);
  let j = 0;
  for (let k = 0; k < rel.pairCount; k++) {
    if (!o.includeConfidential && rel.confidentialOnly[k]) continue;
    x[j] = rel.a[k]!;
    y[j] = rel.b[k]!;
    strength[j] = rel.strength[k]!;
    if (imbalance) balance[j] = imbalance[k]!;
    slot[j] = k;
    j++;
  }
  return completeScene({
    ids,
    names,
    egoIndex: ego,
    organisations,
    organisationNames,
    internal,
    ...alignPersonMeasures(analysis, ids),
    x,
    y,
    strength,
    balance,
    hasBalance: imbalance !== undefined,
    slot,
    asOf: rel.pairCount > 0 || network.exchangeCount > 0 ? formatDay(asOf) : "",
  });
}
