// Introduction paths against brute force on random small networks: every simple path
// (ending at its first target, within the hop limit) is enumerated and scored, and the
// k best must carry the same scores as ours, in both modes, for person and set targets.
// Strengths come from a coarse grid so that ties are common.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, createPathIndex, introductionPaths, type Exchange } from "@tiegraph/core";

interface Case {
  n: number;
  edges: [number, number, number][];
  source: number;
  targets: number[];
  k: number;
  maxHops: number;
  widest: boolean;
}

const caseArb = fc
  .record({
    n: fc.integer({ min: 3, max: 8 }),
    raw: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 10 })), { minLength: 2, maxLength: 20 }),
    source: fc.nat(7),
    targets: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 3 }),
    k: fc.integer({ min: 1, max: 6 }),
    maxHops: fc.constantFrom(1, 2, 3, 4, 5, Infinity),
    widest: fc.boolean(),
  })
  .map(({ n, raw, source, targets, k, maxHops, widest }): Case => {
    const seen = new Set<string>();
    const edges: [number, number, number][] = [];
    for (const [x, y, w] of raw) {
      const a = Math.min(x % n, y % n);
      const b = Math.max(x % n, y % n);
      if (a === b || seen.has(`${a}-${b}`)) continue;
      seen.add(`${a}-${b}`);
      edges.push([a, b, w / 10]);
    }
    const s = source % n;
    return { n, edges, source: s, targets: [...new Set(targets.map((t) => t % n))].filter((t) => t !== s), k, maxHops, widest };
  })
  .filter((c) => c.targets.length > 0);

/** Every simple path from the source that ends at its first target, within the hop limit: [bottleneck, product]. */
function bruteForce(c: Case): [number, number][] {
  const adj: [number, number][][] = Array.from({ length: c.n }, () => []);
  for (const [a, b, s] of c.edges) {
    adj[a]!.push([b, s]);
    adj[b]!.push([a, s]);
  }
  const targets = new Set(c.targets);
  const out: [number, number][] = [];
  const onPath = new Set<number>([c.source]);
  const walk = (u: number, hops: number, b: number, p: number): void => {
    if (hops > 0 && targets.has(u)) {
      out.push([b, p]);
      return;
    }
    if (hops === c.maxHops) return;
    for (const [v, s] of adj[u]!) {
      if (onPath.has(v)) continue;
      onPath.add(v);
      walk(v, hops + 1, Math.min(b, s), p * s);
      onPath.delete(v);
    }
  };
  walk(c.source, 0, Infinity, 1);
  out.sort((x, y) => (c.widest && x[0] !== y[0] ? y[0] - x[0] : y[1] - x[1]));
  return out.slice(0, c.k);
}

function ours(c: Case): [number, number][] {
  const id = (i: number) => `p${i}`;
  const exchanges: Exchange[] = c.edges.map(([a, b]) => ({ date: "2024-01-01", kind: "meeting", from: id(a), to: id(b) }));
  const strength = new Map(c.edges.map(([a, b, s]) => [`${id(a)}|${id(b)}`, s]));
  const network = Network.from({
    organisations: [{ id: "org", name: "Org" }],
    people: Array.from({ length: c.n }, (_, i) => ({ id: id(i), name: `P${i}` })),
    affiliations: c.targets.map((t) => ({ person: id(t), organisation: "org" })),
    exchanges,
  });
  const index = createPathIndex(network, { strength: (a, b) => strength.get(`${a}|${b}`)! });
  const to = c.targets.length === 1 ? { person: id(c.targets[0]!) } : { organisation: "org" };
  const answer = introductionPaths(index, { from: id(c.source), to, k: c.k, maxHops: c.maxHops, mode: c.widest ? "widest" : "reliable" });
  for (const p of answer.paths) {
    expect(new Set(p.people).size).toBe(p.people.length);
    expect(p.hops.length).toBeLessThanOrEqual(c.maxHops);
    // no target before the end
    expect(p.people.slice(1, -1).some((x) => c.targets.includes(Number(x.slice(1))))).toBe(false);
  }
  expect(new Set(answer.paths.map((p) => p.people.join(">"))).size).toBe(answer.paths.length);
  return answer.paths.map((p) => [p.bottleneck, p.product]);
}

describe("introduction paths equal brute-force enumeration on random small networks", () => {
  it("top-k scores in both modes, with hop limits and set targets", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const got = ours(c);
        const want = bruteForce(c);
        expect(got).toHaveLength(want.length);
        got.forEach(([b, p], i) => {
          const [wb, wp] = want[i]!;
          if (c.widest) expect(Math.abs(b - wb)).toBeLessThanOrEqual(1e-12);
          // reliable: the products; widest: the product breaks ties between equal bottlenecks
          expect(Math.abs(p - wp)).toBeLessThanOrEqual(1e-12);
        });
      }),
      { numRuns: Number(process.env.PATHS_PROPERTY_RUNS ?? 400), seed: Number(process.env.PATHS_PROPERTY_SEED ?? 2026) },
    );
  });
});
