/**
 * The Scene: everything a view may draw, already redacted — people with their
 * names and organisations, the ties that rest on at least one exchange the
 * caller may see, and the measures the caller passed in, aligned by person
 * index and tie. Encodings, layouts and the drawn graph read only this, so a
 * confidential exchange or a person's notes cannot reach a picture through
 * any of them.
 */
import type { PersonId } from "@tiegraph/core";

/** What a view may draw. Person arrays are indexed by person index, tie arrays by tie. */
export interface Scene {
  readonly personCount: number;
  readonly ids: readonly PersonId[];
  /** Display names (text, never HTML). */
  readonly names: readonly string[];
  readonly indexOf: ReadonlyMap<PersonId, number>;
  /** Ego's index, or −1. */
  readonly egoIndex: number;
  /** Organisation ids of each person on the reference day. */
  readonly organisations: readonly (readonly string[])[];
  /** Organisation names by id (falls back to the id). */
  readonly organisationNames: ReadonlyMap<string, string>;
  /** 1 when the person shares an organisation with ego on the reference day. */
  readonly internal: Uint8Array;
  /** Strength of the drawn tie with ego (0 when none; 1 for ego). */
  readonly strengthToEgo: Float64Array;
  /** Hops from ego over drawn ties (−1 when unreachable or there is no ego). */
  readonly hopsFromEgo: Int32Array;
  /** Number of drawn ties. */
  readonly degree: Int32Array;
  /** Measures per person (NaN where unknown), present when the caller gave them. */
  readonly betweenness: Float64Array | undefined;
  readonly eiIndex: Float64Array | undefined;
  readonly cadenceTier: Float64Array | undefined;

  readonly tieCount: number;
  /** The end nearer to ego (ego itself on ego's ties; the lower index on a tie). */
  readonly a: Int32Array;
  /** The other end. */
  readonly b: Int32Array;
  /** Tie strength in (0, 1]. */
  readonly strength: Float64Array;
  /** Reciprocity balance from `a`'s viewpoint in [−1, 1] (+ = `a` gives more); NaN when unknown. */
  readonly balance: Float64Array;
  /** Whether the caller passed reciprocity balances at all. */
  readonly hasBalance: boolean;
  /** Relationship slot of each tie (index into the caller's relationships / graph edges). */
  readonly slot: Int32Array;
  /** Reference day of tie strength and organisations, `YYYY-MM-DD` (empty when unknown). */
  readonly asOf: string;
}

/** Options of scene building. */
export interface SceneOptions {
  /**
   * Draw what rests on confidential exchanges: ties whose every exchange is
   * confidential, and confidential exchanges' weight in tie strength. Off
   * unless the caller explicitly asks.
   */
  includeConfidential: boolean;
}

/** Defaults of scene building: confidential exchanges are left out. */
export const DEFAULT_SCENE_OPTIONS: Readonly<SceneOptions> = { includeConfidential: false };

/** The parts a scene source provides; {@link completeScene} derives the rest. */
export interface SceneParts {
  ids: PersonId[];
  names: string[];
  egoIndex: number;
  organisations: string[][];
  organisationNames: Map<string, string>;
  internal: Uint8Array;
  betweenness: Float64Array | undefined;
  eiIndex: Float64Array | undefined;
  cadenceTier: Float64Array | undefined;
  /** Tie ends in any order, strength, balance from `x`'s viewpoint, source slot. */
  x: Int32Array;
  y: Int32Array;
  strength: Float64Array;
  balance: Float64Array;
  hasBalance: boolean;
  slot: Int32Array;
  asOf: string;
}

/**
 * Derives degrees, hops from ego (breadth-first over the drawn ties), each
 * tie's viewpoint end (the one nearer to ego, so "you give more" reads from
 * your side of the network) and strength to ego. O(N + T).
 *
 * @example const scene = completeScene({ ...parts, x: Int32Array.of(0), y: Int32Array.of(1), strength: Float64Array.of(0.5) })
 */
export function completeScene(p: SceneParts): Scene {
  const n = p.ids.length;
  const t = p.x.length;
  const degree = new Int32Array(n);
  for (let k = 0; k < t; k++) {
    degree[p.x[k]!]!++;
    degree[p.y[k]!]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const nbr = new Int32Array(2 * t);
  const via = new Int32Array(2 * t);
  for (let k = 0; k < t; k++) {
    nbr[fill[p.x[k]!]!] = p.y[k]!;
    via[fill[p.x[k]!]!++] = k;
    nbr[fill[p.y[k]!]!] = p.x[k]!;
    via[fill[p.y[k]!]!++] = k;
  }
  const hops = new Int32Array(n).fill(-1);
  const strengthToEgo = new Float64Array(n);
  if (p.egoIndex >= 0) {
    hops[p.egoIndex] = 0;
    strengthToEgo[p.egoIndex] = 1;
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    queue[tail++] = p.egoIndex;
    while (head < tail) {
      const u = queue[head++]!;
      for (let q = offsets[u]!; q < offsets[u + 1]!; q++) {
        const v = nbr[q]!;
        if (u === p.egoIndex) strengthToEgo[v] = p.strength[via[q]!]!;
        if (hops[v] === -1) {
          hops[v] = hops[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
  }
  const a = new Int32Array(t);
  const b = new Int32Array(t);
  const balance = new Float64Array(t);
  // unreachable counts as farther than anything reachable
  const far = (i: number) => (hops[i] === -1 ? 0x7fffffff : hops[i]!);
  for (let k = 0; k < t; k++) {
    const x = p.x[k]!;
    const y = p.y[k]!;
    const xFirst = far(x) < far(y) || (far(x) === far(y) && x < y);
    a[k] = xFirst ? x : y;
    b[k] = xFirst ? y : x;
    const v = p.balance[k]!;
    balance[k] = xFirst || Number.isNaN(v) ? v : -v;
  }
  const indexOf = new Map<PersonId, number>();
  p.ids.forEach((id, i) => indexOf.set(id, i));
  return {
    personCount: n,
    ids: p.ids,
    names: p.names,
    indexOf,
    egoIndex: p.egoIndex,
    organisations: p.organisations,
    organisationNames: p.organisationNames,
    internal: p.internal,
    strengthToEgo,
    hopsFromEgo: hops,
    degree,
    betweenness: p.betweenness,
    eiIndex: p.eiIndex,
    cadenceTier: p.cadenceTier,
    tieCount: t,
    a,
    b,
    strength: p.strength,
    balance,
    hasBalance: p.hasBalance,
    slot: p.slot,
    asOf: p.asOf,
  };
}
