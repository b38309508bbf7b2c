/**
 * The analysis the worker computes for a loaded network with
 * @tiegraph/core's measures, so the page only draws and looks values up, in
 * two parts: what the first picture encodes (sent with the network), and
 * the overview panels' figures (sent right after, while the page draws).
 * Plain data and typed arrays, so it crosses to the page by structured
 * clone. Everything here feeds pictures or overview panels, so confidential
 * exchanges are left out of all of it.
 */
import {
  betweenness,
  eiIndex,
  eiTrend,
  externalShare,
  formatDay,
  networkAsOf,
  pairImbalances,
  reciprocityLedger,
  relationships,
  type Day,
  type EITrendPoint,
  type ExternalShare,
  type Network,
  type ReciprocityLedger,
  type Relationships,
} from "@tiegraph/core";

/** Above this many people betweenness is estimated from a sample of sources. */
export const EXACT_BETWEENNESS_UP_TO = 2_000;
/** Most sources sampled above that. */
export const BETWEENNESS_SAMPLE = 500;
/** Fewest sources sampled above that. */
export const BETWEENNESS_SAMPLE_MIN = 20;
/** Work allowed for the estimate, in people and exchanges visited (each sampled source visits every one once): about half a second of the worker on a quiet core. */
export const BETWEENNESS_WORK = 20_000_000;

/** Sources sampled for a network of `people` people and `exchanges` exchanges: as many as fit the work budget, between the two bounds. */
export function betweennessSample(people: number, exchanges: number): number {
  return Math.max(BETWEENNESS_SAMPLE_MIN, Math.min(BETWEENNESS_SAMPLE, Math.floor(BETWEENNESS_WORK / Math.max(1, people + exchanges))));
}

/** The measures the first picture encodes. */
export interface DrawingAnalysis {
  /** Reference day of every figure (YYYY-MM-DD), the network's last exchange; "" without exchanges. */
  asOf: string;
  /** Reciprocity imbalance per relationship slot, i.e. per edge of the drawable graph (NaN: no giving either way). */
  pairImbalance: Float64Array;
  /** E-I index per person index (NaN: no ties), by organisation; undefined when it follows with the overview (large networks). */
  eiIndex: Float64Array | undefined;
}

/** The overview panels' figures and the measures only some encodings need. */
export interface OverviewAnalysis {
  /** Ego's reciprocity ledger; undefined without an ego. */
  ledger: ReciprocityLedger | undefined;
  /** Ego's internal/external mix; undefined without an ego. */
  mix: EgoMix | undefined;
  /** Betweenness per person index (core's, normalised, over directed ties). */
  betweenness: Float64Array;
  /** Number of sampled sources, when betweenness is estimated rather than exact. */
  betweennessSample: number | undefined;
  /** E-I index per person index, when the first picture came without it (see {@link DrawingAnalysis}). */
  eiIndex?: Float64Array;
}

/** An organisation ego has contacts in, on the reference day. */
export interface ReachedOrganisation {
  id: string;
  name: string;
  /** Ego's contacts affiliated with it. */
  contacts: number;
  /** Whether ego is affiliated with it too (internal). */
  own: boolean;
}

/** Ego's internal/external mix: the E-I index now, per quarter, the external share against the target. */
export interface EgoMix {
  /** Ego's E-I index over the whole history (null: no ties). */
  eiIndex: number | null;
  /** Ego's E-I index per quarter. */
  trend: EITrendPoint[];
  share: ExternalShare;
  /** Organisations of ego's contacts on the reference day, most contacts first. */
  reached: ReachedOrganisation[];
  /** Contacts without an organisation on the reference day. */
  unaffiliated: number;
}

/**
 * The reference day of everything the page shows: the last day with an
 * exchange that is not confidential (undefined without one). Confidential
 * exchanges are hidden, so they may not date the page either.
 *
 * @example lastShownDay(network) // parseDay("2026-09-30") when the last open exchange is that day
 */
export function lastShownDay(network: Network): Day | undefined {
  const cols = network.exchangeColumns();
  let last: Day | undefined;
  for (let e = 0; e < cols.count; e++) {
    if (cols.confidential[e]) continue;
    if (last === undefined || cols.day[e]! > last) last = cols.day[e]!;
  }
  return last;
}

/**
 * The measures the first picture encodes; `rel` is the network's relationship
 * index, when already built; `asOf` from {@link lastShownDay}. Without
 * `withEI` the E-I index is left out (undefined), for the worker to compute
 * after the picture: only the E-I colouring needs it.
 */
export function drawingAnalysis(network: Network, rel: Relationships | undefined, asOf: Day | undefined, withEI = true): DrawingAnalysis {
  return {
    asOf: asOf === undefined ? "" : formatDay(asOf),
    pairImbalance: pairImbalances(network, { excludeConfidential: true, ...dateOption(asOf), ...(rel ? { relationships: rel } : {}) }),
    eiIndex: withEI ? eiIndexByPerson(network, asOf) : undefined,
  };
}

/**
 * Core's E-I index (confidential exchanges left out) per person index, NaN
 * for people without ties, on the network as it stood on day `asOf`.
 *
 * @example eiIndexByPerson(network, lastShownDay(network))[network.egoIndex] // ego's E-I index
 */
export function eiIndexByPerson(network: Network, asOf: Day | undefined): Float64Array {
  // E-I takes no date: measure it on the network as it stood on the page's day
  const ei = eiIndex(asOf === undefined ? network : networkAsOf(network, asOf), { excludeConfidential: true });
  const byPerson = new Float64Array(network.personCount);
  network.people().forEach((p, i) => (byPerson[i] = ei.byPerson[p.id] ?? NaN));
  return byPerson;
}

/** The overview panels' figures; `egoEI` is ego's E-I index from the first part (null: no ties); `asOf` from {@link lastShownDay}. */
export function overviewAnalysis(network: Network, egoEI: number | null, asOf: Day | undefined): OverviewAnalysis {
  const steps = overviewSteps(network, egoEI, asOf);
  let result: OverviewAnalysis | undefined;
  for (const step of steps) result = step();
  return result!;
}

/**
 * {@link overviewAnalysis} as steps run one after another (ego's ledger,
 * ego's mix, betweenness), so the worker can answer questions in between;
 * the last step returns the figures.
 *
 * @example const steps = overviewSteps(network, null, undefined); steps.forEach((s) => s()); // the last call's value is the overview
 */
export function overviewSteps(network: Network, egoEI: number | null, asOf: Day | undefined): [() => undefined, () => undefined, () => OverviewAnalysis] {
  const ego = network.ego;
  let ledger: ReciprocityLedger | undefined;
  let mix: EgoMix | undefined;
  // the mix and betweenness take no date: they are measured on the network as it stood on the page's day
  const seen = asOf === undefined ? network : networkAsOf(network, asOf);
  return [
    () => void (ledger = ego !== undefined ? reciprocityLedger(network, { excludeConfidential: true, ...dateOption(asOf) }) : undefined),
    () => void (mix = ego !== undefined ? egoMix(seen, egoEI, asOf) : undefined),
    () => {
      const sampled = network.personCount > EXACT_BETWEENNESS_UP_TO;
      const sample = betweennessSample(network.personCount, network.exchangeCount);
      const byId = network.personCount ? betweenness(seen, { excludeConfidential: true, ...(sampled ? { sample } : {}) }) : {};
      return { ledger, mix, betweenness: Float64Array.from(network.people(), (p) => byId[p.id] ?? NaN), betweennessSample: sampled ? sample : undefined };
    },
  ];
}

/** `{ asOf: "YYYY-MM-DD" }` for a known day, else nothing (the measure's own default). */
function dateOption(asOf: Day | undefined): { asOf?: string } {
  return asOf === undefined ? {} : { asOf: formatDay(asOf) };
}

function egoMix(network: Network, ei: number | null, shownDay: Day | undefined): EgoMix {
  const ego = network.egoIndex;
  const asOf = shownDay ?? network.dayRange()?.last ?? 0;
  const trend = eiTrend(network, { person: network.ego!, period: "quarter", excludeConfidential: true }).points;
  const share = externalShare(network, { excludeConfidential: true });
  // who ego's contacts work for today: a tally for display over the redacted relationships
  const rel = relationships(network, { excludeConfidential: true, asOf });
  const own = new Set(network.organisationIndicesOn(ego, asOf));
  const contacts = new Map<number, number>();
  let unaffiliated = 0;
  for (let q = rel.offsets[ego]!; q < rel.offsets[ego + 1]!; q++) {
    if (rel.confidentialOnly[rel.pair[q]!]) continue;
    const orgs = network.organisationIndicesOn(rel.neighbor[q]!, asOf);
    if (!orgs.length) unaffiliated++;
    for (const o of orgs) contacts.set(o, (contacts.get(o) ?? 0) + 1);
  }
  const reached = [...contacts].map(([o, count]) => ({ id: network.organisationAt(o).id, name: network.organisationAt(o).name, contacts: count, own: own.has(o) }));
  reached.sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name));
  return { eiIndex: ei, trend, share, reached, unaffiliated };
}

