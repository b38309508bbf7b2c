/**
 * The graph the introduction-path searches walk: the network's relationships
 * as a symmetric CSR adjacency whose rows are sorted by neighbour, with each
 * entry's strength, cost (−ln strength) and confidential-only flag stored
 * beside it so a relaxation reads one contiguous slot.
 */
import type { Relationships } from "../graph/tie-index.js";

/** Symmetric CSR adjacency with per-entry weights (internal to paths/). */
export interface RouteGraph {
  readonly nodeCount: number;
  /** Row offsets (nodeCount + 1). */
  readonly offsets: Int32Array;
  /** Neighbour of each entry, ascending within a row. */
  readonly neighbor: Int32Array;
  /** Relationship slot of each entry. */
  readonly pair: Int32Array;
  /** Strength in (0, 1] of each entry. */
  readonly strength: Float64Array;
  /** −ln(strength) of each entry: the additive cost of the most reliable path. */
  readonly cost: Float64Array;
  /** 1 when the entry's relationship rests only on confidential exchanges. */
  readonly confidentialOnly: Uint8Array;
}

/** Route graphs of relationships weighted by their own strengths, by relationships index (built once, or adopted). */
const ownStrength = new WeakMap<Relationships, RouteGraph>();

/**
 * The route graph of `rel` weighted by `strengthBySlot` ({@link buildRouteGraph}),
 * remembered per relationships index when the weights are the index's own
 * strengths (`rel.strength`), or one {@link adoptRouteGraph} gave it.
 *
 * @example const graph = routeGraphOf(rel, rel.strength);
 */
export function routeGraphOf(rel: Relationships, strengthBySlot: Float64Array): RouteGraph {
  if (strengthBySlot !== rel.strength) return buildRouteGraph(rel, strengthBySlot);
  let graph = ownStrength.get(rel);
  if (graph === undefined) ownStrength.set(rel, (graph = buildRouteGraph(rel, strengthBySlot)));
  return graph;
}

/**
 * Makes `graph`, built by {@link buildRouteGraph} from an index identical to
 * `rel` and its own strengths (for instance on the worker thread that built
 * `rel` and sent both), the route graph of `rel`; refused (false) when its
 * shape is not `rel`'s (person count, row offsets, entry count).
 *
 * @example adoptRouteGraph(rel, graphFromWorker) // true
 */
export function adoptRouteGraph(rel: Relationships, graph: RouteGraph): boolean {
  const n = rel.nodeCount;
  const m = rel.offsets[n]!;
  if (graph.nodeCount !== n || graph.offsets.length !== n + 1 || graph.offsets[n] !== m) return false;
  for (const column of [graph.neighbor, graph.pair, graph.strength, graph.cost, graph.confidentialOnly]) if (column.length !== m) return false;
  for (let u = 0; u <= n; u++) if (graph.offsets[u] !== rel.offsets[u]) return false;
  ownStrength.set(rel, graph);
  return true;
}

/**
 * Builds the route graph from relationships and one strength per relationship slot, in O(E + N).
 * A relationship row holds each neighbour once (in the order the pairs were
 * made), so the route graph's row is the same row sorted by neighbour: each
 * row is sorted where it lies, without a pass that writes across all rows.
 */
export function buildRouteGraph(rel: Relationships, strengthBySlot: Float64Array): RouteGraph {
  const n = rel.nodeCount;
  const offsets = rel.offsets.slice();
  const m = offsets[n]!;
  const neighbor = rel.neighbor.slice(0, m);
  const pair = rel.pair.slice(0, m);
  const strength = new Float64Array(m);
  const cost = new Float64Array(m);
  const confidentialOnly = new Uint8Array(m);
  // each relationship's cost once (the same Math.log of the same strength, so the same bits)
  const U = rel.pairCount;
  const costBySlot = new Float64Array(U);
  for (let k = 0; k < U; k++) costBySlot[k] = -Math.log(strengthBySlot[k]!);
  // weights read while the rows still list their slots ascending (nearby slots, fewer cache misses),
  // then each row sorted where it lies, its weights moving along
  for (let p = 0; p < m; p++) {
    const slot = pair[p]!;
    strength[p] = strengthBySlot[slot]!;
    cost[p] = costBySlot[slot]!;
    confidentialOnly[p] = rel.confidentialOnly[slot]!;
  }
  const row = { neighbor, pair, strength, cost, confidentialOnly };
  for (let u = 0; u < n; u++) sortRow(row, offsets[u]!, offsets[u + 1]!);
  return { nodeCount: n, offsets, neighbor, pair, strength, cost, confidentialOnly };
}

/** The per-entry columns of a route graph while it is built. */
interface Entries {
  neighbor: Int32Array;
  pair: Int32Array;
  strength: Float64Array;
  cost: Float64Array;
  confidentialOnly: Uint8Array;
}

/** Sorts entries `lo..hi` by neighbour (all distinct in a row), moving the entries' other columns along. */
function sortRow(row: Entries, lo: number, hi: number): void {
  const { neighbor, pair, strength, cost, confidentialOnly } = row;
  if (hi - lo > 48) {
    const order = Array.from({ length: hi - lo }, (_, i) => lo + i).sort((x, y) => neighbor[x]! - neighbor[y]!);
    neighbor.set(order.map((x) => neighbor[x]!), lo);
    pair.set(order.map((x) => pair[x]!), lo);
    strength.set(order.map((x) => strength[x]!), lo);
    cost.set(order.map((x) => cost[x]!), lo);
    confidentialOnly.set(order.map((x) => confidentialOnly[x]!), lo);
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = neighbor[i]!;
    if (neighbor[i - 1]! < v) continue;
    const q = pair[i]!;
    const s = strength[i]!;
    const c = cost[i]!;
    const f = confidentialOnly[i]!;
    let j = i - 1;
    while (j >= lo && neighbor[j]! > v) {
      neighbor[j + 1] = neighbor[j]!;
      pair[j + 1] = pair[j]!;
      strength[j + 1] = strength[j]!;
      cost[j + 1] = cost[j]!;
      confidentialOnly[j + 1] = confidentialOnly[j]!;
      j--;
    }
    neighbor[j + 1] = v;
    pair[j + 1] = q;
    strength[j + 1] = s;
    cost[j + 1] = c;
    confidentialOnly[j + 1] = f;
  }
}

/** CSR position of the entry u → v, or -1 (binary search in u's row). */
export function entryOf(graph: RouteGraph, u: number, v: number): number {
  let lo = graph.offsets[u]!;
  let hi = graph.offsets[u + 1]! - 1;
  const nb = graph.neighbor;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = nb[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
