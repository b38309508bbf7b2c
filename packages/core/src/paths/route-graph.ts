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

/** Builds the route graph from relationships and one strength per relationship slot, in O(E + N). */
export function buildRouteGraph(rel: Relationships, strengthBySlot: Float64Array): RouteGraph {
  const n = rel.nodeCount;
  const offsets = rel.offsets.slice();
  const m = offsets[n]!;
  const neighbor = new Int32Array(m);
  const pair = new Int32Array(m);
  const strength = new Float64Array(m);
  const cost = new Float64Array(m);
  const confidentialOnly = new Uint8Array(m);
  // transpose the symmetric adjacency: visiting u in increasing order and
  // appending u to each neighbour's row leaves every row sorted, with no sort
  const fill = offsets.slice(0, n);
  for (let u = 0; u < n; u++) {
    for (let q = rel.offsets[u]!, end = rel.offsets[u + 1]!; q < end; q++) {
      const w = rel.neighbor[q]!;
      const slot = rel.pair[q]!;
      const p = fill[w]!++;
      const s = strengthBySlot[slot]!;
      neighbor[p] = u;
      pair[p] = slot;
      strength[p] = s;
      cost[p] = -Math.log(s);
      confidentialOnly[p] = rel.confidentialOnly[slot]!;
    }
  }
  return { nodeCount: n, offsets, neighbor, pair, strength, cost, confidentialOnly };
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
