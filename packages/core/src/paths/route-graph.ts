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

/** Builds the route graph from relationships and one strength per relationship slot. */
export function buildRouteGraph(rel: Relationships, strengthBySlot: Float64Array): RouteGraph {
  const n = rel.nodeCount;
  const offsets = rel.offsets.slice();
  const m = offsets[n]!;
  const neighbor = new Int32Array(m);
  const pair = new Int32Array(m);
  const strength = new Float64Array(m);
  const cost = new Float64Array(m);
  const confidentialOnly = new Uint8Array(m);
  // sort each row by neighbour so an edge is found by binary search
  let order: number[] = [];
  for (let u = 0; u < n; u++) {
    const lo = offsets[u]!;
    const hi = offsets[u + 1]!;
    order.length = 0;
    for (let p = lo; p < hi; p++) order.push(p);
    order = order.sort((x, y) => rel.neighbor[x]! - rel.neighbor[y]!);
    for (let j = 0; j < order.length; j++) {
      const src = order[j]!;
      const p = lo + j;
      const slot = rel.pair[src]!;
      neighbor[p] = rel.neighbor[src]!;
      pair[p] = slot;
      strength[p] = strengthBySlot[slot]!;
      cost[p] = -Math.log(strengthBySlot[slot]!);
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
