/**
 * The k best loopless routes, by Yen's algorithm (J. Y. Yen, "Finding the k
 * shortest loopless paths in a network", Management Science 17(11), 1971):
 * each new route deviates from an earlier one at a "spur" person; the spur
 * part is the best route from there that avoids the root's people and the
 * ties earlier routes with the same root took next.
 *
 * The same deviation argument holds for the widest mode and for a hop
 * limit, as long as each spur search optimises the whole route's score:
 * in widest mode the spur's weakest tie is capped by the root's
 * (RouteSearch.best's rootBottleneck), and the spur's hop budget is the
 * limit less the root's hops.
 */
import { entryOf, type RouteGraph } from "./route-graph.js";
import type { RouteSearch } from "./route-search.js";

/** What to search for (person indices). */
export interface RouteQuery {
  start: number;
  targets: Int32Array;
  maxHops: number;
  widest: boolean;
  skipConfidentialOnly: boolean;
  /** Strength multiplier of each of start's ties, by neighbour (reciprocity-aware first hop). */
  startFactor: Float64Array | undefined;
}

/** A route with its scores over effective strengths. */
export interface ScoredRoute {
  nodes: number[];
  /** Where it left the route it was derived from (Lawler: earlier spurs would only repeat candidates). */
  deviation: number;
  /** Σ −ln(effective strength): lower is more reliable. */
  cost: number;
  /** Weakest effective strength. */
  bottleneck: number;
}

/** Effective strengths of a route's hops (the first hop scaled by the start factor). */
export function routeStrengths(graph: RouteGraph, q: Pick<RouteQuery, "start" | "startFactor">, nodes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const u = nodes[i]!;
    const v = nodes[i + 1]!;
    let s = graph.strength[entryOf(graph, u, v)]!;
    if (q.startFactor && u === q.start) s *= q.startFactor[v]!;
    out.push(s);
  }
  return out;
}

function score(graph: RouteGraph, q: RouteQuery, nodes: number[], deviation: number): ScoredRoute {
  let cost = 0;
  let bottleneck = Infinity;
  for (const s of routeStrengths(graph, q, nodes)) {
    cost += -Math.log(s);
    if (s < bottleneck) bottleneck = s;
  }
  return { nodes, deviation, cost, bottleneck };
}

/** Ranking order: better first; ties go to fewer hops, then lower person indices. */
export function compareRoutes(widest: boolean, a: ScoredRoute, b: ScoredRoute): number {
  if (widest && a.bottleneck !== b.bottleneck) return b.bottleneck - a.bottleneck;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++) if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! - b.nodes[i]!;
  return 0;
}

/**
 * Up to k best loopless routes from `q.start` to any of `q.targets`, best
 * first. People marked in `search.avoided` are never passed.
 */
export function kBestRoutes(search: RouteSearch, graph: RouteGraph, q: RouteQuery, k: number): ScoredRoute[] {
  const request = (start: number, maxHops: number, blocked: number[], bannedFirst: number[], costBound: number) => ({
    start,
    targets: q.targets,
    maxHops,
    widest: q.widest,
    minStrength: 0,
    skipConfidentialOnly: q.skipConfidentialOnly,
    bannedFirst,
    blocked,
    startFactor: start === q.start ? q.startFactor : undefined,
    costBound,
  });
  const first = search.best(request(q.start, q.maxHops, [], [], Infinity));
  if (!first) return [];
  const found: ScoredRoute[] = [score(graph, q, first.nodes, 0)];
  const seen = new Set<string>([first.nodes.join(",")]);
  const candidates: ScoredRoute[] = [];
  while (found.length < k) {
    const last = found[found.length - 1]!;
    const prev = last.nodes;
    let rootBottleneck = Infinity;
    let rootCost = 0;
    const strengths = routeStrengths(graph, q, prev);
    for (let i = 0; i < last.deviation; i++) {
      rootBottleneck = Math.min(rootBottleneck, strengths[i]!);
      rootCost += -Math.log(strengths[i]!);
    }
    for (let i = last.deviation; i + 1 < prev.length && i < q.maxHops; i++) {
      const root = prev.slice(0, i + 1);
      const banned: number[] = [];
      for (const r of found) {
        if (r.nodes.length > i + 1 && samePrefix(r.nodes, prev, i + 1)) banned.push(r.nodes[i + 1]!);
      }
      // reliable: a spur is only useful if the route beats the candidate that would be picked last
      const needed = k - found.length;
      const bound = !q.widest && candidates.length >= needed ? kthCost(candidates, needed) - rootCost : Infinity;
      const spur = search.best(request(prev[i]!, q.maxHops - i, root.slice(0, i), banned, bound), rootBottleneck);
      if (spur) {
        const nodes = root.slice(0, i).concat(spur.nodes);
        const key = nodes.join(",");
        if (!seen.has(key)) {
          seen.add(key);
          candidates.push(score(graph, q, nodes, i));
        }
      }
      const s = strengths[i]!;
      if (s < rootBottleneck) rootBottleneck = s;
      rootCost += -Math.log(s);
    }
    if (candidates.length === 0) break;
    let bestAt = 0;
    for (let j = 1; j < candidates.length; j++) if (compareRoutes(q.widest, candidates[j]!, candidates[bestAt]!) < 0) bestAt = j;
    found.push(candidates[bestAt]!);
    candidates[bestAt] = candidates[candidates.length - 1]!;
    candidates.pop();
  }
  return found;
}

/** The n-th smallest cost among the candidates (n ≥ 1, n ≤ their count). */
function kthCost(candidates: ScoredRoute[], n: number): number {
  if (n === 1) {
    let min = Infinity;
    for (const c of candidates) if (c.cost < min) min = c.cost;
    return min;
  }
  return candidates.map((c) => c.cost).sort((a, b) => a - b)[n - 1]!;
}

function samePrefix(a: number[], b: number[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}
