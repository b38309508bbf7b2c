/**
 * The analysis the worker computes for a loaded network with
 * @tiegraph/core's measures, so the page only draws and looks values up, in
 * two parts: what the first picture encodes (sent with the network), and
 * the overview panels' figures (sent right after, while the page draws).
 * The long parts come as {@link Slices}, so the worker can answer the page
 * between two slices. Plain data and typed arrays, so it crosses to the page
 * by structured clone. Everything here feeds pictures or overview panels, so
 * confidential exchanges are left out of all of it.
 */
import {
  directedTies,
  startBetweenness,
  startEIIndex,
  eiTrend,
  externalShare,
  formatDay,
  type BetweennessRun,
  type EIIndexRun,
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
 * A long piece of the analysis, run a slice at a time: each call runs about
 * `budgetMs` milliseconds of it (at least one step, so it always advances)
 * and returns true once the piece is finished.
 */
export type Slices = (budgetMs: number) => boolean;

/** Runs slices until finished, with no budget: the piece in one go. */
function whole(slices: Slices): void {
  while (!slices(Infinity));
}

/** Directed ties (or exchanges) added per step of the E-I run between two looks at the clock: a few milliseconds' worth. */
const EI_STEPS_PER_LOOK = 20_000;

/**
 * Core's E-I index (confidential exchanges left out) per person index, NaN
 * for people without ties, on the network as it stood on day `asOf`, a
 * slice at a time (core's `startEIIndex`: the same values as `eiIndex` on
 * `networkAsOf(network, asOf)`, bit for bit, however it is sliced); once
 * `slices` has returned true, `byPerson()` gives the values. `stepsPerLook`
 * ties are added between two looks at the clock.
 *
 * @example const ei = eiIndexSlices(network, asOf); while (!ei.slices(25)); ei.byPerson()[network.egoIndex] // ego's E-I index
 */
export function eiIndexSlices(network: Network, asOf: Day | undefined, stepsPerLook = EI_STEPS_PER_LOOK): { slices: Slices; byPerson: () => Float64Array } {
  let run: EIIndexRun | undefined;
  return {
    slices: (budgetMs) => {
      const start = performance.now();
      // setting up (the grouping) is the first slice's; the tie index was built before the picture
      run ??= startEIIndex(network, { excludeConfidential: true, ...(asOf === undefined ? {} : { asOf }) });
      while (!run.advance(stepsPerLook)) if (performance.now() - start >= budgetMs) return false;
      return true;
    },
    byPerson: () => {
      const byPerson = new Float64Array(network.personCount);
      for (let k = 0; k < byPerson.length; k++) byPerson[k] = run!.ofPerson(k) ?? NaN;
      return byPerson;
    },
  };
}

/**
 * Core's E-I index (confidential exchanges left out) per person index, NaN
 * for people without ties, on the network as it stood on day `asOf`, in one
 * go (see {@link eiIndexSlices}).
 *
 * @example eiIndexByPerson(network, lastShownDay(network))[network.egoIndex] // ego's E-I index
 */
export function eiIndexByPerson(network: Network, asOf: Day | undefined): Float64Array {
  const ei = eiIndexSlices(network, asOf);
  whole(ei.slices);
  return ei.byPerson();
}

/** The overview panels' figures; `egoEI` is ego's E-I index from the first part (null: no ties); `asOf` from {@link lastShownDay}. */
export function overviewAnalysis(network: Network, egoEI: number | null, asOf: Day | undefined): OverviewAnalysis {
  const { steps, figures } = overviewSteps(network, () => egoEI, asOf);
  for (const step of steps) whole(step.slices);
  return figures();
}

/** A named piece of the overview (see {@link overviewSteps}). */
export interface OverviewStep {
  /** Its name in the worker's step measures: betweenness, ledger, mix-trend, mix-share, mix-reached. */
  name: string;
  slices: Slices;
  /** Whether it yields between slices (false: one step that takes as long as it takes). */
  yields: boolean;
}

/**
 * {@link overviewAnalysis} as named pieces that may run in any order, each
 * a slice at a time, so the worker can answer questions in between:
 * betweenness (core's `startBetweenness`, a sampled source or more per
 * slice; the same values as `betweenness`, bit for bit), and in one step
 * each (core measures that cannot be cut) ego's ledger, ego's E-I trend,
 * ego's external share and the organisations ego's contacts are at. Once
 * every piece is finished, `figures()` gives the overview, with `egoEI()`
 * as ego's E-I index.
 *
 * @example const { steps, figures } = overviewSteps(network, () => null, undefined); for (const s of steps) while (!s.slices(25)); figures() // the overview
 */
export function overviewSteps(network: Network, egoEI: () => number | null, asOf: Day | undefined): { steps: OverviewStep[]; figures: () => OverviewAnalysis } {
  const ego = network.ego;
  let ledger: ReciprocityLedger | undefined;
  // the mix and betweenness take no date: they are measured on the network as it stood on the page's day
  const seen = asOf === undefined ? network : networkAsOf(network, asOf);
  const sampled = network.personCount > EXACT_BETWEENNESS_UP_TO;
  const sample = betweennessSample(network.personCount, network.exchangeCount);
  let run: BetweennessRun | undefined;
  let byIndex: Float64Array | undefined;
  const mix = ego !== undefined ? egoMixSteps(seen, asOf) : undefined;
  const once = (name: string, part: () => void): OverviewStep => ({ name, yields: false, slices: () => (part(), true) });
  const steps: OverviewStep[] = [
    {
      name: "betweenness",
      yields: true,
      slices: (budgetMs) => {
        const start = performance.now();
        if (network.personCount > 0) {
          // the directed ties as of the page's day, built before the picture, are the ties of `seen` (the
          // exchanges after that day are left out of both): without them betweenness would build its own
          run ??= startBetweenness(seen, { excludeConfidential: true, ties: directedTies(network, { excludeConfidential: true, ...(asOf === undefined ? {} : { asOf }) }), ...(sampled ? { sample } : {}) });
          // a source at a time (one visits the whole network: tens of milliseconds on 100,000 people)
          if (run.done < run.total) {
            while (!run.advance(1)) if (performance.now() - start >= budgetMs) return false;
            // the values by person index: a slice of their own when the sources took the budget
            if (performance.now() - start >= budgetMs) return false;
          }
        }
        const byId = run ? run.values() : {};
        byIndex = Float64Array.from(network.people(), (p) => byId[p.id] ?? NaN);
        return true;
      },
    },
    once("ledger", () => (ledger = ego !== undefined ? reciprocityLedger(network, { excludeConfidential: true, ...dateOption(asOf) }) : undefined)),
    ...(mix ? mix.parts.map(([name, part]) => once(name, part)) : []),
  ];
  return {
    steps,
    figures: () => ({ ledger, mix: mix?.mix(egoEI()), betweenness: byIndex!, betweennessSample: sampled ? sample : undefined }),
  };
}

/** `{ asOf: "YYYY-MM-DD" }` for a known day, else nothing (the measure's own default). */
function dateOption(asOf: Day | undefined): { asOf?: string } {
  return asOf === undefined ? {} : { asOf: formatDay(asOf) };
}

/** Ego's mix in three parts (the trend, the external share, the organisations reached), each run once, then the mix. */
function egoMixSteps(network: Network, shownDay: Day | undefined): { parts: [string, () => void][]; mix: (ei: number | null) => EgoMix } {
  const ego = network.egoIndex;
  const asOf = shownDay ?? network.dayRange()?.last ?? 0;
  let trend: EITrendPoint[] = [];
  let share: ExternalShare | undefined;
  let reached: ReachedOrganisation[] = [];
  let unaffiliated = 0;
  return {
    parts: [
      ["mix-trend", () => void (trend = eiTrend(network, { person: network.ego!, period: "quarter", excludeConfidential: true }).points)],
      ["mix-share", () => void (share = externalShare(network, { excludeConfidential: true }))],
      [
        "mix-reached",
        () => {
          // who ego's contacts work for today: a tally for display over the redacted relationships
          const rel = relationships(network, { excludeConfidential: true, asOf });
          const own = new Set(network.organisationIndicesOn(ego, asOf));
          const contacts = new Map<number, number>();
          for (let q = rel.offsets[ego]!; q < rel.offsets[ego + 1]!; q++) {
            if (rel.confidentialOnly[rel.pair[q]!]) continue;
            const orgs = network.organisationIndicesOn(rel.neighbor[q]!, asOf);
            if (!orgs.length) unaffiliated++;
            for (const o of orgs) contacts.set(o, (contacts.get(o) ?? 0) + 1);
          }
          reached = [...contacts].map(([o, count]) => ({ id: network.organisationAt(o).id, name: network.organisationAt(o).name, contacts: count, own: own.has(o) }));
          reached.sort((a, b) => b.contacts - a.contacts || a.name.localeCompare(b.name));
        },
      ],
    ],
    mix: (ei) => ({ eiIndex: ei, trend, share: share!, reached, unaffiliated }),
  };
}
