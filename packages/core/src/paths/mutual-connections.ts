/**
 * Mutual connections: the people two people both have a relationship with,
 * ranked by the weaker of the two ties, the natural go-betweens for an
 * introduction.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay } from "../model/dates.js";
import { Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import { lastVisibleDay } from "./hop-details.js";
import { createPathIndex, PathIndex } from "./path-index.js";

const SCOPE = "tiegraph/paths";

/** Options of {@link mutualConnections}. */
export interface MutualConnectionsOptions {
  /** Leave out ties that rest only on confidential exchanges (default true). */
  skipConfidentialOnly?: boolean;
  /** Let `lastDate` come from confidential exchanges (default false). */
  showConfidential?: boolean;
  /** Most connections to return (default: all). */
  limit?: number;
}

/** Defaults of {@link mutualConnections}. */
export const DEFAULT_MUTUAL_CONNECTIONS_OPTIONS: Readonly<Required<MutualConnectionsOptions>> = { skipConfidentialOnly: true, showConfidential: false, limit: Infinity };

/** One side of a mutual connection. */
export interface MutualTie {
  /** Relationship strength in (0, 1]. */
  strength: number;
  /** Last exchange on or before the reference day (not a confidential one unless asked); absent when none can be shown. */
  lastDate?: string;
}

/** A person both `a` and `b` have a relationship with. */
export interface MutualConnection {
  person: PersonId;
  /** The tie between `a` and this person. */
  withA: MutualTie;
  /** The tie between this person and `b`. */
  withB: MutualTie;
  /** `min(withA.strength, withB.strength)`: what the list is ranked by. */
  weaker: number;
}

/**
 * The mutual connections of `a` and `b`: every person m ≠ a, b with a
 * relationship to both, ranked by `min(s(a, m), s(m, b))` (the weaker tie
 * limits how well m can vouch, as in the widest-path score of a two-hop
 * introduction), then by the stronger tie, then by id. Each tie carries its
 * strength and last contact. Runs in O(deg a + deg b) on a {@link PathIndex};
 * NetworkX's `common_neighbors` gives the same set.
 *
 * @example
 * ```ts
 * const shared = mutualConnections(network, "me", "bob");
 * shared[0]; // { person: "ann", weaker: 0.41, withA: { strength: 0.8, lastDate: "2026-09-01" }, withB: { ... } }
 * ```
 */
export function mutualConnections(source: Network | PathIndex, a: PersonId, b: PersonId, options: MutualConnectionsOptions = {}): MutualConnection[] {
  const index = source instanceof PathIndex ? source : source instanceof Network ? createPathIndex(source) : undefined;
  if (!index) throw new TiegraphError(SCOPE, "invalid-option", "mutualConnections needs a Network or a PathIndex", { got: showValue(source), expected: "a Network or the result of createPathIndex" });
  index.assertFresh();
  const o = { ...DEFAULT_MUTUAL_CONNECTIONS_OPTIONS, ...options };
  if (!(o.limit === Infinity || (Number.isInteger(o.limit) && o.limit >= 0))) throw new TiegraphError(SCOPE, "invalid-option", "invalid limit", { record: "options.limit", expected: "an integer ≥ 0", got: showValue(o.limit) });
  const network = index.network;
  const ia = network.findPerson(a);
  const ib = network.findPerson(b);
  for (const [id, i, field] of [[a, ia, "a"], [b, ib, "b"]] as const) {
    if (i < 0) throw new TiegraphError(SCOPE, "unknown-person", `unknown person ${showValue(id)}`, { record: `argument ${field}`, expected: "the id of a person in the network" });
  }
  if (ia === ib) throw new TiegraphError(SCOPE, "invalid-option", "mutual connections need two different people", { record: "argument b", expected: `a person other than ${showValue(a)}`, got: showValue(b) });
  const g = index.graph;
  const usable = (q: number): boolean => !(o.skipConfidentialOnly && g.confidentialOnly[q]);
  // a's neighbours, by CSR entry
  const viaA = new Map<number, number>();
  for (let q = g.offsets[ia]!; q < g.offsets[ia + 1]!; q++) if (usable(q)) viaA.set(g.neighbor[q]!, q);
  const found: { m: number; qa: number; qb: number; weaker: number; stronger: number }[] = [];
  for (let q = g.offsets[ib]!; q < g.offsets[ib + 1]!; q++) {
    const m = g.neighbor[q]!;
    const qa = viaA.get(m);
    if (qa === undefined || m === ia || !usable(q)) continue;
    const sa = g.strength[qa]!;
    const sb = g.strength[q]!;
    found.push({ m, qa, qb: q, weaker: Math.min(sa, sb), stronger: Math.max(sa, sb) });
  }
  const ids = network.personIds();
  found.sort((x, y) => y.weaker - x.weaker || y.stronger - x.stronger || (ids[x.m]! < ids[y.m]! ? -1 : 1));
  const tie = (u: number, v: number, q: number): MutualTie => {
    const t: MutualTie = { strength: g.strength[q]! };
    const day = lastVisibleDay(index, u, v, o.showConfidential);
    if (day !== undefined) t.lastDate = formatDay(day);
    return t;
  };
  return found.slice(0, o.limit).map((f) => ({ person: ids[f.m]!, withA: tie(ia, f.m, f.qa), withB: tie(f.m, ib, f.qb), weaker: f.weaker }));
}
