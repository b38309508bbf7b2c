/**
 * The search kernel of introduction paths: one best route from a start to
 * the nearest of a set of targets, over the typed-array route graph, in
 * either scoring mode, with a hop limit, blocked people, banned first hops
 * and reweighted first-hop ties. Yen's algorithm (k-routes.ts) calls it once
 * per spur.
 *
 * Both modes run the same code on a "key" where lower is better:
 * - reliable: key = Σ −ln(strength), so the best key is the largest product
 *   of strengths (Dijkstra 1959 on −log weights);
 * - widest: key = max(−strength), so the best key is the largest weakest
 *   strength (the maximum-capacity path, Pollack 1960).
 * Extending a key by a tie is `+ cost` or `max(·, −strength)`, and joining a
 * forward and a backward half is the same operation.
 *
 * Without a hop limit the kernel runs bidirectional Dijkstra (Pohl 1971),
 * stopping once the two frontiers' keys combined cannot beat the best
 * meeting. With a hop limit H it runs a meet-in-the-middle Bellman–Ford: each
 * side keeps, per person, the best key reachable in at most as many hops as
 * that side has expanded, the smaller frontier is expanded first, and the
 * sides stop when their hop counts add up to H. The best meeting over all
 * people is then exact for "at most H hops", because any such path splits
 * into a forward part and a backward part that both sides enumerated.
 */
import { KeyedHeap } from "./heap.js";
import type { RouteGraph } from "./route-graph.js";

/** One search request. Node indices are person indices. */
export interface RouteRequest {
  start: number;
  /** Where a route may end; a route ends at the first target it reaches. */
  targets: ArrayLike<number>;
  /** Most hops (ties) a route may use; Infinity for no limit. */
  maxHops: number;
  widest: boolean;
  /** Ties whose effective strength is below this are not used. */
  minStrength: number;
  skipConfidentialOnly: boolean;
  /** Neighbours of `start` that may not be the first hop (Yen's removed edges). */
  bannedFirst: ArrayLike<number>;
  /** People the route may not pass (Yen's root path), besides the avoided ones. */
  blocked: ArrayLike<number>;
  /** Multiplier of the strength of each of start's ties, indexed by neighbour (reciprocity-aware first hop). */
  startFactor: Float64Array | undefined;
  /**
   * Reliable mode: only routes whose Σ −ln(strength) is below this are of
   * interest (Yen's k-th candidate bound); a search that cannot beat it
   * stops early and finds nothing. Infinity for no bound.
   */
  costBound: number;
}

/** A route found by the kernel: the people from start to a target. */
export interface FoundRoute {
  nodes: number[];
}

/** Hop limits up to this use the meet-in-the-middle search directly; above it, Dijkstra is tried first. */
const LAYERED_UP_TO = 6;

/**
 * Reusable search state over one route graph. Arrays are sized once and
 * validated by generation stamps, so a query touches only what it visits.
 */
export class RouteSearch {
  /** 1 for people no route may pass (the caller's avoid list); set by the caller. */
  readonly avoided: Uint8Array;
  private readonly g: RouteGraph;
  private gen = 0;
  private readonly blockStamp: Int32Array;
  private readonly targetStamp: Int32Array;
  private readonly bannedStamp: Int32Array;
  private readonly seenF: Int32Array;
  private readonly seenB: Int32Array;
  private readonly doneF: Int32Array;
  private readonly doneB: Int32Array;
  private readonly keyF: Float64Array;
  private readonly keyB: Float64Array;
  private readonly predF: Int32Array;
  private readonly predB: Int32Array;
  private readonly heapF = new KeyedHeap();
  private readonly heapB = new KeyedHeap();
  // meet-in-the-middle labels: node, parent label, key
  private labNode = new Int32Array(1024);
  private labParent = new Int32Array(1024);
  private labKey = new Float64Array(1024);
  private labCount = 0;
  private readonly frontStamp: Int32Array;
  private roundGen = 0;
  private readonly pathStamp: Int32Array;
  private pathGen = 0;

  constructor(graph: RouteGraph) {
    const n = graph.nodeCount;
    this.g = graph;
    this.avoided = new Uint8Array(n);
    this.blockStamp = new Int32Array(n);
    this.targetStamp = new Int32Array(n);
    this.bannedStamp = new Int32Array(n);
    this.seenF = new Int32Array(n);
    this.seenB = new Int32Array(n);
    this.doneF = new Int32Array(n);
    this.doneB = new Int32Array(n);
    this.keyF = new Float64Array(n);
    this.keyB = new Float64Array(n);
    this.predF = new Int32Array(n);
    this.predB = new Int32Array(n);
    this.frontStamp = new Int32Array(n);
    this.pathStamp = new Int32Array(n);
  }

  /**
   * The best route for a request, or undefined. Reliable: the largest
   * product of effective strengths. Widest: the largest weakest strength,
   * and among those the largest product (found in two passes, because the
   * pair "bottleneck, then product" cannot be ordered inside one Dijkstra).
   * `rootBottleneck` caps the widest pass (Yen's root path already limits it).
   */
  best(req: RouteRequest, rootBottleneck = Infinity): FoundRoute | undefined {
    if (!req.widest) return this.route(req, false, req.minStrength, req.costBound);
    const wide = this.route(req, true, req.minStrength, Infinity);
    if (!wide) return undefined;
    const width = Math.min(rootBottleneck, this.bottleneckOf(wide.nodes, req));
    return this.route(req, false, Math.max(req.minStrength, width), Infinity);
  }

  /** Weakest effective strength along a route found for `req`. */
  private bottleneckOf(nodes: number[], req: RouteRequest): number {
    let b = Infinity;
    for (let i = 0; i + 1 < nodes.length; i++) {
      const s = this.effectiveStrength(nodes[i]!, nodes[i + 1]!, req);
      if (s < b) b = s;
    }
    return b;
  }

  private effectiveStrength(u: number, v: number, req: RouteRequest): number {
    const g = this.g;
    let lo = g.offsets[u]!;
    let hi = g.offsets[u + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const x = g.neighbor[mid]!;
      if (x === v) {
        const s = g.strength[mid]!;
        const f = req.startFactor;
        if (f && u === req.start) return s * f[v]!;
        if (f && v === req.start) return s * f[u]!;
        return s;
      }
      if (x < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  private route(req: RouteRequest, widest: boolean, minStrength: number, bound: number): FoundRoute | undefined {
    if (req.maxHops < 1) return undefined;
    if (req.maxHops <= LAYERED_UP_TO) return this.layered(req, widest, minStrength, bound);
    const found = this.bidirectional(req, widest, minStrength, bound);
    if (!found || found.nodes.length - 1 <= req.maxHops) return found;
    return this.layered(req, widest, minStrength, bound);
  }

  /** Marks targets, blocked people and banned first hops for a new search. */
  private begin(req: RouteRequest): number {
    const gen = ++this.gen;
    for (let i = 0; i < req.targets.length; i++) this.targetStamp[req.targets[i]!] = gen;
    for (let i = 0; i < req.blocked.length; i++) this.blockStamp[req.blocked[i]!] = gen;
    for (let i = 0; i < req.bannedFirst.length; i++) this.bannedStamp[req.bannedFirst[i]!] = gen;
    return gen;
  }

  /**
   * Strength of the step u → w through adjacency slot p, in a search run from
   * the source (forward) or from the targets, after the request's rules:
   * avoided and blocked people, confidential-only ties, never back through the
   * source or into another target, banned first hops, and the reciprocity
   * factor on the first hop. 0 when the step is not allowed.
   */
  private stepStrength(u: number, w: number, p: number, forward: boolean, gen: number, req: RouteRequest): number {
    if (this.avoided[w] || this.blockStamp[w] === gen) return 0;
    if (req.skipConfidentialOnly && this.g.confidentialOnly[p]) return 0;
    const s = this.g.strength[p]!;
    const start = req.start;
    const factor = req.startFactor;
    if (forward) {
      if (w === start) return 0;
      if (u !== start) return s;
      if (this.bannedStamp[w] === gen) return 0;
      return factor ? s * factor[w]! : s;
    }
    if (this.targetStamp[w] === gen) return 0;
    if (w !== start) return s;
    if (this.bannedStamp[u] === gen) return 0;
    return factor ? s * factor[u]! : s;
  }

  /** Bidirectional Dijkstra without a hop limit; the smaller heap is expanded first. */
  private bidirectional(req: RouteRequest, widest: boolean, minStrength: number, bound: number): FoundRoute | undefined {
    const g = this.g;
    const gen = this.begin(req);
    const { offsets, neighbor, strength, cost } = g;
    const { avoided, blockStamp, targetStamp, seenF, seenB, doneF, doneB, keyF, keyB, predF, predB, heapF, heapB } = this;
    const start = req.start;
    const ident = widest ? -Infinity : 0;
    heapF.clear();
    heapB.clear();
    keyF[start] = ident;
    seenF[start] = gen;
    predF[start] = -1;
    heapF.push(ident, start);
    for (let i = 0; i < req.targets.length; i++) {
      const t = req.targets[i]!;
      if (avoided[t] || blockStamp[t] === gen || t === start) continue;
      keyB[t] = ident;
      seenB[t] = gen;
      predB[t] = -1;
      heapB.push(ident, t);
    }
    let best = bound;
    let meet = -1;
    while (heapF.size > 0 && heapB.size > 0) {
      const bound = widest ? Math.max(heapF.topKey, heapB.topKey) : heapF.topKey + heapB.topKey;
      if (bound >= best) break;
      const forward = heapF.size <= heapB.size;
      const heap = forward ? heapF : heapB;
      const u = heap.topItem;
      const k = heap.topKey;
      heap.pop();
      const done = forward ? doneF : doneB;
      if (done[u] === gen) continue;
      done[u] = gen;
      // routes end at their first target and never pass back through start
      if (forward ? targetStamp[u] === gen : u === start) continue;
      const key = forward ? keyF : keyB;
      const seen = forward ? seenF : seenB;
      const pred = forward ? predF : predB;
      const otherKey = forward ? keyB : keyF;
      const otherSeen = forward ? seenB : seenF;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const w = neighbor[p]!;
        const s = this.stepStrength(u, w, p, forward, gen, req);
        if (s <= 0 || s < minStrength) continue;
        const c = s === strength[p] ? cost[p]! : -Math.log(s);
        const y = widest ? (k > -s ? k : -s) : k + c;
        if (seen[w] !== gen || y < key[w]!) {
          key[w] = y;
          seen[w] = gen;
          pred[w] = u;
          heap.push(y, w);
          if (otherSeen[w] === gen) {
            const o = otherKey[w]!;
            const joined = widest ? (y > o ? y : o) : y + o;
            if (joined < best) {
              best = joined;
              meet = w;
            }
          }
        }
      }
    }
    if (meet < 0) return undefined;
    const nodes: number[] = [];
    for (let v = meet; v !== -1; v = predF[v]!) nodes.push(v);
    nodes.reverse();
    for (let v = predB[meet]!; v !== -1; v = predB[v]!) nodes.push(v);
    return { nodes: this.withoutLoops(nodes) };
  }

  private newLabel(node: number, parent: number, key: number): number {
    if (this.labCount === this.labNode.length) {
      const size = this.labNode.length * 2;
      const a = new Int32Array(size);
      a.set(this.labNode);
      this.labNode = a;
      const b = new Int32Array(size);
      b.set(this.labParent);
      this.labParent = b;
      const c = new Float64Array(size);
      c.set(this.labKey);
      this.labKey = c;
    }
    const id = this.labCount++;
    this.labNode[id] = node;
    this.labParent[id] = parent;
    this.labKey[id] = key;
    return id;
  }

  private layered(req: RouteRequest, widest: boolean, minStrength: number, bound: number): FoundRoute | undefined {
    const g = this.g;
    const gen = this.begin(req);
    const { offsets, neighbor, strength, cost } = g;
    const { avoided, blockStamp, targetStamp, seenF, seenB, keyF, keyB, frontStamp } = this;
    // predF/predB hold the best label of each person on each side
    const labF = this.predF;
    const labB = this.predB;
    const start = req.start;
    const ident = widest ? -Infinity : 0;
    this.labCount = 0;
    let frontF: number[] = [start];
    let frontB: number[] = [];
    keyF[start] = ident;
    seenF[start] = gen;
    labF[start] = this.newLabel(start, -1, ident);
    let best = bound;
    let meetF = -1;
    let meetB = -1;
    for (let i = 0; i < req.targets.length; i++) {
      const t = req.targets[i]!;
      if (avoided[t] || blockStamp[t] === gen || t === start || seenB[t] === gen) continue;
      keyB[t] = ident;
      seenB[t] = gen;
      labB[t] = this.newLabel(t, -1, ident);
      frontB.push(t);
    }
    let hopsF = 0;
    let hopsB = 0;
    const volume = (front: number[]): number => {
      let v = 0;
      for (const u of front) v += offsets[u + 1]! - offsets[u]!;
      return v;
    };
    while (hopsF + hopsB < req.maxHops && (frontF.length > 0 || frontB.length > 0)) {
      const forward = frontF.length > 0 && (frontB.length === 0 || volume(frontF) <= volume(frontB));
      const front = forward ? frontF : frontB;
      const key = forward ? keyF : keyB;
      const seen = forward ? seenF : seenB;
      const lab = forward ? labF : labB;
      const otherKey = forward ? keyB : keyF;
      const otherSeen = forward ? seenB : seenF;
      const otherLab = forward ? labB : labF;
      // extend the labels made in this side's last round (snapshot: this round may replace them)
      const labels = front.map((u) => lab[u]!);
      const next: number[] = [];
      const round = ++this.roundGen;
      for (const L of labels) {
        const u = this.labNode[L]!;
        const k = this.labKey[L]!;
        if (k >= best) continue;
        if (forward ? targetStamp[u] === gen : u === start) continue;
        for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
          const w = neighbor[p]!;
          const s = this.stepStrength(u, w, p, forward, gen, req);
          if (s <= 0 || s < minStrength) continue;
          const c = s === strength[p] ? cost[p]! : -Math.log(s);
          const y = widest ? (k > -s ? k : -s) : k + c;
          if (y >= best) continue;
          if (seen[w] !== gen || y < key[w]!) {
            key[w] = y;
            seen[w] = gen;
            const id = this.newLabel(w, L, y);
            lab[w] = id;
            if (frontStamp[w] !== round) {
              frontStamp[w] = round;
              next.push(w);
            }
            if (otherSeen[w] === gen) {
              const o = otherKey[w]!;
              const joined = widest ? (y > o ? y : o) : y + o;
              if (joined < best) {
                best = joined;
                meetF = forward ? id : otherLab[w]!;
                meetB = forward ? otherLab[w]! : id;
              }
            }
          }
        }
      }
      if (forward) {
        frontF = next;
        hopsF++;
      } else {
        frontB = next;
        hopsB++;
      }
    }
    if (meetF < 0) return undefined;
    const nodes: number[] = [];
    for (let L = meetF; L !== -1; L = this.labParent[L]!) nodes.push(this.labNode[L]!);
    nodes.reverse();
    for (let L = this.labParent[meetB]!; L !== -1; L = this.labParent[L]!) nodes.push(this.labNode[L]!);
    return { nodes: this.withoutLoops(nodes) };
  }

  /**
   * Cuts cycles out of a walk. They arise only between equal keys (ties of
   * strength 1, or exact ties at the meeting), and cutting one never makes
   * the route worse or longer.
   */
  private withoutLoops(nodes: number[]): number[] {
    const gen = ++this.pathGen;
    const stamp = this.pathStamp;
    const out: number[] = [];
    for (const v of nodes) {
      if (stamp[v] === gen) {
        while (out[out.length - 1] !== v) stamp[out.pop()!] = 0;
        continue;
      }
      stamp[v] = gen;
      out.push(v);
    }
    return out;
  }

  /**
   * The `count` people of `members` fewest hops from start (breadth-first
   * over usable ties, no hop limit, stopping after the layer that completes
   * the count), each with a fewest-hop chain; ties in hops go to the lower
   * index.
   */
  nearest(start: number, members: ReadonlyMap<number, unknown>, count: number, skipConfidentialOnly: boolean): { node: number; hops: number; chain: number[] }[] {
    const g = this.g;
    const gen = ++this.gen;
    const { seenF, predF, keyF, avoided } = this;
    const found: number[] = [];
    let layer = [start];
    seenF[start] = gen;
    predF[start] = -1;
    keyF[start] = 0;
    for (let hops = 1; layer.length > 0 && found.length < count; hops++) {
      const next: number[] = [];
      for (const u of layer) {
        for (let p = g.offsets[u]!, end = g.offsets[u + 1]!; p < end; p++) {
          const w = g.neighbor[p]!;
          if (seenF[w] === gen || avoided[w]) continue;
          if (skipConfidentialOnly && g.confidentialOnly[p]) continue;
          seenF[w] = gen;
          predF[w] = u;
          keyF[w] = hops;
          next.push(w);
          if (members.has(w)) found.push(w);
        }
      }
      layer = next;
    }
    found.sort((x, y) => keyF[x]! - keyF[y]! || x - y);
    return found.slice(0, count).map((node) => {
      const chain: number[] = [];
      for (let v = node; v !== -1; v = predF[v]!) chain.push(v);
      return { node, hops: keyF[node]!, chain: chain.reverse() };
    });
  }
}
