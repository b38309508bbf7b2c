/**
 * The tie graph seen without direction, as brokerage measures read it: each
 * person's neighbours (people they gave to or received from, in any kind of
 * exchange) with the mutual weight `a_ij + a_ji` of Burt's measures, in a
 * symmetric CSR with neighbours sorted.
 */
import { TiegraphError } from "../errors.js";
import { directedTies, type DirectedTies } from "../graph/tie-index.js";
import type { Network } from "../model/network.js";

/** Options shared by the brokerage measures. */
export interface TieGraphOptions {
  /** Weigh ties by their directed strength (true) or count each directed tie as 1 (false, the default, as NetworkX's `weight=None`). */
  weighted?: boolean;
  /** Leave confidential exchanges out (default false). Ignored when `ties` is given: build those accordingly. */
  excludeConfidential?: boolean;
  /** The network's directed tie index, when the caller already has it (saves rebuilding it). */
  ties?: DirectedTies;
}

/** Symmetric neighbour lists with mutual weights. */
export interface MutualTies {
  readonly nodeCount: number;
  /** Neighbours of v: `neighbor[offsets[v] … offsets[v+1]−1]`, ascending. */
  readonly offsets: Int32Array;
  readonly neighbor: Int32Array;
  /** `a_vw + a_wv` of each entry. */
  readonly weight: Float64Array;
  /** Σ and max of each person's mutual weights. */
  readonly total: Float64Array;
  readonly max: Float64Array;
  /** Each entry's weight divided by its owner's Σ (Burt's p_vw) and by its owner's max (m_vw). */
  readonly p: Float64Array;
  readonly m: Float64Array;
}

/**
 * What {@link mutualTies} reads of a directed tie index: its slots (by
 * source, targets ascending) and, to weigh them, their strengths. A copy of
 * these arrays (a thread that keeps them after handing the index on) gives
 * the same mutual ties as the index itself.
 */
export type TieGraphSource = Pick<DirectedTies, "nodeCount" | "pairCount" | "offsets" | "source" | "target"> & { readonly strength?: Float64Array };

/** The directed tie index a brokerage measure reads, checked against the network. */
export function tiesFor(network: Network, options: TieGraphOptions): DirectedTies {
  const ties = options.ties ?? directedTies(network, { excludeConfidential: options.excludeConfidential === true });
  if (ties.nodeCount !== network.personCount) {
    throw new TiegraphError("tiegraph/brokerage", "invalid-option", "the tie index was built for another network", { record: "options.ties", expected: `an index of ${network.personCount} people`, got: `${ties.nodeCount} people` });
  }
  return ties;
}

/** Built once per tie index and weighting: constraint and effective size read the same one. */
const built = new WeakMap<TieGraphSource, [MutualTies | undefined, MutualTies | undefined]>();

/**
 * Merges each person's out-list (sorted targets) with their in-list (sorted
 * sources, from a counting sort) into one sorted neighbour list. O(N + P).
 * Remembered per tie index and weighting (the result is shared: read it,
 * never write it).
 *
 * @example
 * ```ts
 * const g = mutualTies(directedTies(network), false);
 * g.neighbor.subarray(g.offsets[0], g.offsets[1]); // person 0's neighbours, ascending
 * ```
 */
export function mutualTies(ties: TieGraphSource, weighted: boolean): MutualTies {
  if (weighted && ties.strength === undefined) throw new TiegraphError("tiegraph/brokerage", "invalid-option", "weighted mutual ties need the strengths", { record: "ties.strength", expected: "the strength of each directed tie" });
  let both = built.get(ties);
  if (!both) built.set(ties, (both = [undefined, undefined]));
  return (both[weighted ? 1 : 0] ??= buildMutualTies(ties, weighted));
}

function buildMutualTies(ties: TieGraphSource, weighted: boolean): MutualTies {
  const n = ties.nodeCount;
  const P = ties.pairCount;
  const a = weighted ? ties.strength : undefined;
  const { offsets: outStart, target, source } = ties;
  // in-lists: sources in ascending order, because slots are ordered by source
  const inStart = new Int32Array(n + 1);
  for (let p = 0; p < P; p++) inStart[target[p]! + 1]!++;
  for (let i = 0; i < n; i++) inStart[i + 1]! += inStart[i]!;
  const fill = inStart.slice(0, n);
  const inSlot = new Int32Array(P);
  for (let p = 0; p < P; p++) inSlot[fill[target[p]!]!++] = p;

  // one merge walk per person, written at most 2P long, then cut to length
  const offsets = new Int32Array(n + 1);
  const neighborAll = new Int32Array(2 * P);
  const weightAll = new Float64Array(2 * P);
  let at = 0;
  for (let v = 0; v < n; v++) {
    let i = outStart[v]!;
    const iEnd = outStart[v + 1]!;
    let j = inStart[v]!;
    const jEnd = inStart[v + 1]!;
    while (i < iEnd || j < jEnd) {
      const out = i < iEnd ? target[i]! : n;
      const inn = j < jEnd ? source[inSlot[j]!]! : n;
      const w = out < inn ? out : inn;
      let sum = 0;
      if (out === w) {
        sum += a ? a[i]! : 1;
        i++;
      }
      if (inn === w) {
        sum += a ? a[inSlot[j]!]! : 1;
        j++;
      }
      neighborAll[at] = w;
      weightAll[at] = sum;
      at++;
    }
    offsets[v + 1] = at;
  }
  const neighbor = neighborAll.slice(0, at);
  const weight = weightAll.slice(0, at);
  const total = new Float64Array(n);
  const max = new Float64Array(n);
  const p = new Float64Array(weight.length);
  const m = new Float64Array(weight.length);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    let top = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      sum += weight[k]!;
      if (weight[k]! > top) top = weight[k]!;
    }
    total[v] = sum;
    max[v] = top;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      p[k] = weight[k]! / sum;
      m[k] = weight[k]! / top;
    }
  }
  return { nodeCount: n, offsets, neighbor, weight, total, max, p, m };
}
