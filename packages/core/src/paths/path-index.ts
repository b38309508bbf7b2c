/**
 * The reusable index behind introduction paths: the network's relationships
 * as a compact typed-array adjacency with one strength per tie, plus the
 * search state, built once and queried many times (the explorer, the CLI,
 * the cadence planner).
 */
import { TiegraphError, showValue } from "../errors.js";
import { relationships, type Relationships } from "../graph/tie-index.js";
import { DEFAULT_TIE_STRENGTH_OPTIONS } from "../graph/tie-strength.js";
import { formatDay, parseDay, type Day } from "../model/dates.js";
import type { ExchangeColumns, Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { resolveReciprocityOptions, type ReciprocityOptionsInput, type ResolvedReciprocityOptions } from "../reciprocity/options.js";
import { routeGraphOf, entryOf, type RouteGraph } from "./route-graph.js";
import { RouteSearch } from "./route-search.js";

const SCOPE = "tiegraph/paths";

/** A strength per relationship: an array aligned with the slots of `relationships(network)`, or a function of the pair. */
export type FixedStrengths = ArrayLike<number> | ((a: PersonId, b: PersonId) => number);

/** Options of {@link createPathIndex}. */
export interface PathIndexOptions {
  /**
   * Reference day `YYYY-MM-DD` ("today"): tie strengths decay to it,
   * balances are taken on it, and "anyone affiliated with an organisation
   * today" means on it. Default: the network's last exchange day.
   */
  asOf?: string;
  /** Half-life of tie strength in days (default: the network's setting, else 180). */
  halfLifeDays?: number;
  /** Saturation κ of the strength formula (default 4). */
  saturation?: number;
  /** Strength floor (default 0.01). */
  floor?: number;
  /**
   * Fixed strengths instead of the recency-decayed formula: one per slot of
   * `relationships(network)`, or a function `(a, b) => strength` called once
   * per relationship (a is the person with the lower index). Each must be in (0, 1].
   */
  strength?: FixedStrengths;
  /** Gesture and souring rules for the balances shown on each hop (see the reciprocity measures). */
  reciprocity?: ReciprocityOptionsInput;
  /**
   * Leave confidential exchanges out entirely (default false): no tie,
   * strength, balance or default reference day rests on one, as if they had
   * never been recorded (see `relationships`).
   */
  excludeConfidential?: boolean;
}

/** Defaults of {@link createPathIndex}: the tie-strength defaults, reference day = last exchange. */
export const DEFAULT_PATH_INDEX_OPTIONS: Readonly<Pick<Required<PathIndexOptions>, "saturation" | "floor" | "halfLifeDays">> = {
  saturation: DEFAULT_TIE_STRENGTH_OPTIONS.saturation,
  floor: DEFAULT_TIE_STRENGTH_OPTIONS.floor,
  halfLifeDays: DEFAULT_TIE_STRENGTH_OPTIONS.halfLifeDays,
};

/**
 * A built index. Read its fields freely; the ones marked internal are the
 * search machinery. An index belongs to one revision of its network: after
 * the network changes, build a new one (queries on a stale index throw).
 */
export class PathIndex {
  /** The network it was built from. */
  readonly network: Network;
  /** `network.revision` at build time. */
  readonly revision: number;
  /** Reference day (day number). */
  readonly asOf: Day;
  /** The relationships (one slot per unordered pair). */
  readonly relationships: Relationships;
  /** Strength of each relationship slot, as the searches use it (fixed or computed). */
  readonly strength: Float64Array;
  /** @internal The searchable adjacency. */
  readonly graph: RouteGraph;
  /** @internal Reusable search state. */
  readonly search: RouteSearch;
  /** @internal Exchange columns, taken once (the network's copy costs O(exchanges)). */
  readonly columns: ExchangeColumns;
  /** @internal Settled reciprocity options for the hops' balances. */
  readonly reciprocity: ResolvedReciprocityOptions;

  /** @internal Use {@link createPathIndex}. */
  constructor(network: Network, rel: Relationships, strength: Float64Array, reciprocity: ResolvedReciprocityOptions) {
    this.network = network;
    this.revision = network.revision;
    this.asOf = rel.asOf;
    this.relationships = rel;
    this.strength = strength;
    this.graph = routeGraphOf(rel, strength);
    this.search = new RouteSearch(this.graph);
    this.columns = network.exchangeColumns();
    this.reciprocity = reciprocity;
  }

  private members: { offsets: Int32Array; people: Int32Array } | undefined;

  /** Person indices affiliated with organisation `org` (an index) on the reference day, ascending. */
  membersOf(org: number): Int32Array {
    if (!this.members) {
      // one pass over every affiliation, bucketed by organisation (counting sort)
      const network = this.network;
      const n = network.personCount;
      const offsets = new Int32Array(network.organisationCount + 1);
      const day = this.asOf;
      // the spans read directly (as organisationIndicesOn does, without a list per person)
      for (let p = 0; p < n; p++) for (const s of network.affiliationSpans(p)) if (s.from <= day && day <= s.to) offsets[s.organisation + 1]!++;
      for (let o = 0; o < network.organisationCount; o++) offsets[o + 1]! += offsets[o]!;
      const fill = offsets.slice(0, network.organisationCount);
      const people = new Int32Array(offsets[network.organisationCount]!);
      for (let p = 0; p < n; p++) for (const s of network.affiliationSpans(p)) if (s.from <= day && day <= s.to) people[fill[s.organisation]!++] = p;
      this.members = { offsets, people };
    }
    return this.members.people.subarray(this.members.offsets[org]!, this.members.offsets[org + 1]!);
  }

  /** Strength of the relationship between two people (by id), or 0 when they have none. */
  strengthBetween(a: PersonId, b: PersonId): number {
    const p = entryOf(this.graph, this.network.personIndex(a), this.network.personIndex(b));
    return p < 0 ? 0 : this.graph.strength[p]!;
  }

  /** Throws `invalid-option` when the network has changed since the index was built. */
  assertFresh(): void {
    if (this.network.revision !== this.revision) {
      throw new TiegraphError(SCOPE, "invalid-option", "the path index is out of date: the network changed after it was built", { expected: "an index built with createPathIndex(network) after the last change", got: `revision ${this.revision}, network at ${this.network.revision}` });
    }
  }
}

function invalid(name: string, expected: string, got: unknown): TiegraphError {
  return new TiegraphError(SCOPE, "invalid-option", `invalid option ${name}`, { record: `options.${name}`, expected, got: showValue(got) });
}

/**
 * Builds the path index of a network in O(E + N) (plus sorting each
 * person's ties): the relationships with their combined strength
 * `max(floor, 1 − exp(−(S_ab + S_ba)/κ))` (see {@link strengthFromSum}) or
 * the fixed strengths given, laid out as a CSR adjacency with −ln(strength)
 * beside each tie for the most-reliable search.
 *
 * @example
 * ```ts
 * const index = createPathIndex(network);
 * introductionPaths(index, { to: { person: "bob" } });
 * introductionPaths(index, { to: { organisation: "acme" }, mode: "widest" });
 * ```
 */
export function createPathIndex(network: Network, options: PathIndexOptions = {}): PathIndex {
  let asOf: Day | undefined;
  if (options.asOf !== undefined) {
    asOf = typeof options.asOf === "string" ? parseDay(options.asOf) : undefined;
    if (asOf === undefined) throw invalid("asOf", "a calendar date YYYY-MM-DD", options.asOf);
  }
  const halfLifeDays = options.halfLifeDays ?? network.settings.halfLifeDays ?? DEFAULT_PATH_INDEX_OPTIONS.halfLifeDays;
  if (!(typeof halfLifeDays === "number" && halfLifeDays > 0 && Number.isFinite(halfLifeDays))) throw invalid("halfLifeDays", "a positive number of days", halfLifeDays);
  const saturation = options.saturation ?? DEFAULT_PATH_INDEX_OPTIONS.saturation;
  if (!(typeof saturation === "number" && saturation > 0 && Number.isFinite(saturation))) throw invalid("saturation", "a positive number", saturation);
  const floor = options.floor ?? DEFAULT_PATH_INDEX_OPTIONS.floor;
  if (!(typeof floor === "number" && floor > 0 && floor <= 1)) throw invalid("floor", "a number in (0, 1]", floor);
  const excludeConfidential = options.excludeConfidential === true;
  const rel = relationships(network, asOf === undefined ? { halfLifeDays, saturation, floor, excludeConfidential } : { halfLifeDays, saturation, floor, asOf, excludeConfidential });
  const strength = options.strength === undefined ? rel.strength : fixedStrengths(network, rel, options.strength);
  const reciprocity = resolveReciprocityOptions(network, { ...options.reciprocity, asOf: formatDay(rel.asOf), halfLifeDays, ...(excludeConfidential ? { excludeConfidential } : {}) });
  return new PathIndex(network, rel, strength, reciprocity);
}

function fixedStrengths(network: Network, rel: Relationships, given: FixedStrengths): Float64Array {
  const out = new Float64Array(rel.pairCount);
  const ids = network.personIds();
  if (typeof given === "function") {
    for (let k = 0; k < rel.pairCount; k++) out[k] = given(ids[rel.a[k]!]!, ids[rel.b[k]!]!);
  } else {
    if (given === null || typeof given !== "object" || given.length !== rel.pairCount) {
      throw invalid("strength", `${rel.pairCount} strengths, one per relationship slot`, given === null || typeof given !== "object" ? given : `${given.length} values`);
    }
    for (let k = 0; k < rel.pairCount; k++) out[k] = given[k]!;
  }
  for (let k = 0; k < rel.pairCount; k++) {
    const s = out[k]!;
    if (!(s > 0 && s <= 1)) {
      throw new TiegraphError(SCOPE, "invalid-value", `invalid strength for the relationship ${showValue(ids[rel.a[k]!]!)} – ${showValue(ids[rel.b[k]!]!)}`, { record: `relationship slot ${k}`, expected: "a strength in (0, 1]", got: showValue(s) });
    }
  }
  return out;
}
