/**
 * The level of detail the page opens a large network on. Drawing every
 * person of a network with tens of thousands of people takes software WebGL
 * many seconds and leaves the page sluggish, while what a person looks for
 * first is their own corner of it. So above {@link LEVEL_OF_DETAIL_OPTIONS}'
 * `above` people the page opens on a part: with an ego, ego's neighbourhood
 * (everyone within `depth` steps of ego over drawable ties, and every tie
 * between them; ego and their strongest contacts when even ego's own
 * contacts are too many to draw); without one, the strongest ties (every tie at least as
 * strong as a threshold, and the people they join). The whole network is
 * one click away. Works on the relationship index's typed arrays only, so
 * it costs O(people + ties) once per network generation.
 */
import type { Relationships } from "@tiegraph/core";

/** Options of {@link levelOfDetail}. */
export interface LevelOfDetailOptions {
  /** Networks with more people than this open on a part (default 3,000). */
  above: number;
  /** Steps from ego of the neighbourhood (default 2). */
  depth: number;
  /** Most people in a neighbourhood: the depth shrinks until it fits; when even ego's contacts do not, ego's strongest contacts up to this many people (default 2,500). */
  mostPeople: number;
  /** Most ties of the strongest-ties view: the threshold is the strength of the tie ranked here (default 5,000). */
  mostTies: number;
}

/** Defaults of {@link levelOfDetail}. */
export const LEVEL_OF_DETAIL_OPTIONS: Readonly<LevelOfDetailOptions> = { above: 3_000, depth: 2, mostPeople: 2_500, mostTies: 5_000 };

/** A part of the network: the person indices drawn (ascending) and the relationship slots drawn (ascending). */
export interface NetworkPart {
  people: Int32Array;
  ties: Int32Array;
}

/** What the page draws: the whole network, ego's neighbourhood or the strongest ties. */
export type LevelOfDetail =
  | { kind: "whole" }
  | ({ kind: "neighbourhood"; /** Person index at the centre (ego). */ centre: number; /** Steps from the centre. */ depth: number } & NetworkPart)
  | ({ kind: "closest"; /** Person index at the centre (ego). */ centre: number } & NetworkPart)
  | ({ kind: "strongest"; /** Every drawn tie has at least this strength. */ threshold: number } & NetworkPart);

/** What the page is told about the part it draws (the part itself travels as the drawable network). */
export type DetailShown = { kind: "whole" } | { kind: "neighbourhood"; depth: number } | { kind: "closest"; contacts: number } | { kind: "strongest"; threshold: number };

/** The summary of a level of detail for the page. */
export function detailShown(detail: LevelOfDetail): DetailShown {
  if (detail.kind === "neighbourhood") return { kind: "neighbourhood", depth: detail.depth };
  if (detail.kind === "closest") return { kind: "closest", contacts: detail.people.length - 1 };
  if (detail.kind === "strongest") return { kind: "strongest", threshold: detail.threshold };
  return { kind: "whole" };
}

/** The relationship index fields this module reads (core's Relationships has them). */
export type TieColumns = Pick<Relationships, "nodeCount" | "a" | "b" | "strength" | "confidentialOnly" | "offsets" | "neighbor" | "pair">;

/**
 * The people within `depth` steps of `centre` over drawable ties (those
 * resting on at least one exchange that is not confidential), found by
 * breadth-first search, and every drawable tie between two of them.
 *
 * @example neighbourhood(rel, ego, 2) // { people: Int32Array [ego, her contacts, their contacts], ties: … }
 */
export function neighbourhood(rel: TieColumns, centre: number, depth: number): NetworkPart {
  const steps = new Int32Array(rel.nodeCount).fill(-1);
  steps[centre] = 0;
  let frontier = [centre];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: number[] = [];
    for (const i of frontier) {
      for (let q = rel.offsets[i]!; q < rel.offsets[i + 1]!; q++) {
        const j = rel.neighbor[q]!;
        if (steps[j] !== -1 || rel.confidentialOnly[rel.pair[q]!]) continue;
        steps[j] = d;
        next.push(j);
      }
    }
    frontier = next;
  }
  return induced(rel, (i) => steps[i] !== -1);
}

/**
 * Ego and their `most` strongest contacts over drawable ties (by the tie's
 * strength, strongest first; equal strengths by person index), and every
 * drawable tie between two of them.
 *
 * @example closestContacts(rel, ego, 2) // ego and the two people ego's strongest ties lead to
 */
export function closestContacts(rel: TieColumns, centre: number, most: number): NetworkPart {
  const contacts: { person: number; strength: number }[] = [];
  for (let q = rel.offsets[centre]!; q < rel.offsets[centre + 1]!; q++) {
    const k = rel.pair[q]!;
    if (!rel.confidentialOnly[k]) contacts.push({ person: rel.neighbor[q]!, strength: rel.strength[k]! });
  }
  contacts.sort((x, y) => y.strength - x.strength || x.person - y.person);
  const keep = new Uint8Array(rel.nodeCount);
  keep[centre] = 1;
  for (const c of contacts.slice(0, most)) keep[c.person] = 1;
  return induced(rel, (i) => keep[i] === 1);
}

/**
 * The strongest drawable ties: the threshold is the strength of the
 * `mostTies`-th strongest (all ties when there are no more than that), every
 * drawable tie at least that strong is kept, unless ties of equal strength
 * would more than double the count and stronger ties exist, in which case
 * only ties stronger than the threshold are (and the threshold is raised to
 * the weakest of them). People are the ends of the kept ties.
 *
 * @example strongestTies(rel, 2) // ties of strength 0.9 and 0.7 of [0.9, 0.7, 0.3] → threshold 0.7
 */
export function strongestTies(rel: TieColumns, mostTies: number): NetworkPart & { threshold: number } {
  const drawable: number[] = [];
  for (let k = 0; k < rel.a.length; k++) if (!rel.confidentialOnly[k]) drawable.push(rel.strength[k]!);
  const sorted = Float64Array.from(drawable).sort().reverse();
  let threshold = sorted.length ? sorted[Math.min(mostTies, sorted.length) - 1]! : 0;
  let kept = sorted.filter((s) => s >= threshold).length;
  const stronger = sorted.filter((s) => s > threshold);
  if (kept > 2 * mostTies && stronger.length) {
    threshold = stronger[stronger.length - 1]!;
    kept = stronger.length;
  }
  const ties = new Int32Array(kept);
  const onView = new Uint8Array(rel.nodeCount);
  let t = 0;
  for (let k = 0; k < rel.a.length && t < kept; k++) {
    if (rel.confidentialOnly[k] || rel.strength[k]! < threshold) continue;
    ties[t++] = k;
    onView[rel.a[k]!] = 1;
    onView[rel.b[k]!] = 1;
  }
  return { threshold, people: indicesWhere(rel.nodeCount, (i) => onView[i] === 1), ties };
}

/**
 * The part of the network the page opens on: the whole network up to
 * `above` people; above that ego's neighbourhood at the deepest depth (at
 * most `depth`) that has no more than `mostPeople` people, ego and their
 * `mostPeople − 1` strongest contacts when even ego's contacts are more, or
 * the strongest ties without an ego.
 *
 * @example levelOfDetail(rel, ego).kind // "neighbourhood" for 20,000 people with an ego
 */
export function levelOfDetail(rel: TieColumns, ego: number, options: Partial<LevelOfDetailOptions> = {}): LevelOfDetail {
  const o = { ...LEVEL_OF_DETAIL_OPTIONS, ...options };
  if (rel.nodeCount <= o.above) return { kind: "whole" };
  if (ego < 0) return { kind: "strongest", ...strongestTies(rel, o.mostTies) };
  for (let depth = Math.max(1, o.depth); depth >= 1; depth--) {
    const part = neighbourhood(rel, ego, depth);
    if (part.people.length <= o.mostPeople) return { kind: "neighbourhood", centre: ego, depth, ...part };
  }
  return { kind: "closest", centre: ego, ...closestContacts(rel, ego, o.mostPeople - 1) };
}

function induced(rel: TieColumns, keep: (i: number) => boolean): NetworkPart {
  const people = indicesWhere(rel.nodeCount, keep);
  const ties: number[] = [];
  for (let k = 0; k < rel.a.length; k++) if (!rel.confidentialOnly[k] && keep(rel.a[k]!) && keep(rel.b[k]!)) ties.push(k);
  return { people, ties: Int32Array.from(ties) };
}

function indicesWhere(n: number, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}
