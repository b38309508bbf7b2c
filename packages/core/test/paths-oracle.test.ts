// Introduction paths against NetworkX: best, widest and top-k scores on the research
// datasets (strengths fixed by this test) and on a generated network (real strengths).
// Expected values: scripts/oracles/paths.py → test/fixtures/paths-*.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPathIndex, generateNetwork, introductionPaths, loadEmailEuCore, loadKrackhardt, loadLazega, loadPadgett, mutualConnections, relationships, type IntroductionQuery, type Network, type PathIndex } from "@tiegraph/core";
import { DATASETS } from "./datasets-path.js";

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8"));
const read = (...p: string[]) => readFileSync(join(DATASETS, ...p), "utf8");

/** The strength the oracle gives a pair: (fnv1a32(min|max) mod 1000 + 1) / 1001. */
function fixedStrength(a: string, b: string): number {
  const [x, y] = a < b ? [a, b] : [b, a];
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${x}|${y}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h % 1000) + 1) / 1001;
}

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}
function closeAll(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => close(x, expected[i]!));
}

const DATASET_LOADERS: Record<string, () => Network> = {
  "padgett-marital": () => loadPadgett(read("padgett_florentine", "Padgett.paj"), "marital").network,
  "krackhardt-advice": () => loadKrackhardt({ attributes: read("krackhardt_hightech", "Krack-High-Tec-Attributes.csv"), relation: read("krackhardt_hightech", "Krack-High-Tec-edgelist-Advice.txt") }).network,
  "lazega-advice": () => loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", "ELadv.dat") }).network,
  "email-eu-core": () => loadEmailEuCore({ edges: read("email_eu_core", "email-Eu-core.txt"), departments: read("email_eu_core", "email-Eu-core-department-labels.txt") }).network,
};

interface Scored {
  product: number;
  bottleneck: number;
}

function ask(index: PathIndex, q: IntroductionQuery) {
  return introductionPaths(index, { skipConfidentialOnly: false, ...q });
}

describe("introduction paths on the research datasets (fixed strengths) match NetworkX", () => {
  const data = fixture("paths-datasets.json");
  for (const ds of data.datasets) {
    describe(ds.name, () => {
      const network = DATASET_LOADERS[ds.name]!();
      const index = createPathIndex(network, { strength: fixedStrength });
      it("weighs the same graph as the oracle", () => {
        expect(network.personCount).toBe(ds.people);
        expect(index.relationships.pairCount).toBe(ds.relationships);
        close([...index.strength].reduce((a, b) => a + b, 0), ds.strengthSum);
      });
      it("best reliable path: product of strengths equals NetworkX dijkstra on −ln s", () => {
        for (const q of ds.queries) {
          const a = ask(index, { from: q.from, to: { person: q.to }, k: 1, maxHops: Infinity });
          if (q.reliable === null) expect(a.status).toBe("none");
          else close(a.paths[0]!.product, (q.reliable as Scored).product);
        }
      });
      it("widest path: bottleneck equals the max-min optimum (maximum spanning tree)", () => {
        for (const q of ds.queries) {
          const a = ask(index, { from: q.from, to: { person: q.to }, k: 1, maxHops: Infinity, mode: "widest" });
          if (q.widest === null) expect(a.paths).toHaveLength(0);
          else {
            close(a.paths[0]!.bottleneck, q.widest);
            close(a.paths[0]!.score, q.widest);
          }
        }
      });
      it("top-5 reliable scores equal the first 5 of NetworkX shortest_simple_paths", () => {
        for (const q of ds.queries) {
          const a = ask(index, { from: q.from, to: { person: q.to }, k: 5, maxHops: Infinity });
          closeAll(a.paths.map((p) => p.product), q.top5Reliable);
          for (const p of a.paths) expect(new Set(p.people).size).toBe(p.people.length);
        }
      });
      it("hop-limited best (reliable and widest) equals the dynamic-programming optimum", () => {
        for (const q of ds.queries) {
          for (const h of ds.hopCases as number[]) {
            const r = ask(index, { from: q.from, to: { person: q.to }, k: 1, maxHops: h });
            const w = ask(index, { from: q.from, to: { person: q.to }, k: 1, maxHops: h, mode: "widest" });
            const er = q[`reliableH${h}`];
            const ew = q[`widestH${h}`];
            if (er === null) expect(r.paths).toHaveLength(0);
            else {
              close(r.paths[0]!.product, er);
              expect(r.paths[0]!.hops.length).toBeLessThanOrEqual(h);
            }
            if (ew === null) expect(w.paths).toHaveLength(0);
            else close(w.paths[0]!.bottleneck, ew);
          }
        }
      });
      if (ds.enumerateCutoff) {
        it("hop-limited top-5 (reliable and widest) equal the enumerated simple paths", () => {
          const h = ds.enumerateCutoff as number;
          for (const q of ds.queries) {
            const r = ask(index, { from: q.from, to: { person: q.to }, k: 5, maxHops: h });
            closeAll(r.paths.map((p) => p.product), q[`top5ReliableH${h}`]);
            const w = ask(index, { from: q.from, to: { person: q.to }, k: 5, maxHops: h, mode: "widest" });
            const expected = q[`top5WidestH${h}`] as [number, number][];
            closeAll(w.paths.map((p) => p.bottleneck), expected.map((e) => e[0]));
            closeAll(w.paths.map((p) => p.product), expected.map((e) => e[1]));
          }
        });
      }
      if (ds.queries[0].top5Widest) {
        it("unlimited top-5 widest equal the enumerated simple paths", () => {
          for (const q of ds.queries) {
            const w = ask(index, { from: q.from, to: { person: q.to }, k: 5, maxHops: Infinity, mode: "widest" });
            const expected = q.top5Widest as [number, number][];
            closeAll(w.paths.map((p) => p.bottleneck), expected.map((e) => e[0]));
            closeAll(w.paths.map((p) => p.product), expected.map((e) => e[1]));
          }
        });
      }
      it("mutual connections are NetworkX's common neighbours, ranked by the weaker tie", () => {
        for (const m of ds.mutual) {
          const got = mutualConnections(index, m.a, m.b, { skipConfidentialOnly: false });
          expect(got.map((c) => c.person).sort()).toEqual(m.people);
          closeAll(got.map((c) => c.weaker), m.weaker);
        }
      });
    });
  }
});

describe("introduction paths on a generated network (real strengths) match NetworkX", () => {
  const data = fixture("paths-generated.json");
  const network = generateNetwork({ seed: data.seed, people: data.people, exchanges: data.exchanges });
  const index = createPathIndex(network);
  it("walks the same relationships as the oracle", () => {
    const rel = relationships(network);
    expect(rel.pairCount).toBe(data.relationships);
    expect(rel.confidentialOnly.reduce((a, b) => a + b, 0)).toBe(data.confidentialOnly);
    close([...index.strength].reduce((a, b) => a + b, 0), data.strengthSum);
  });
  it("default queries (4 hops, confidential-only ties skipped): best, widest and top-3", () => {
    for (const q of data.people_queries) {
      const r = introductionPaths(index, { from: q.from, to: { person: q.to }, k: 1 });
      if (q.reliableH4 === null) expect(r.status).toBe("none");
      else close(r.paths[0]!.product, q.reliableH4);
      const w = introductionPaths(index, { from: q.from, to: { person: q.to }, k: 1, mode: "widest" });
      if (q.widestH4 === null) expect(w.status).toBe("none");
      else close(w.paths[0]!.bottleneck, q.widestH4);
      const top = introductionPaths(index, { from: q.from, to: { person: q.to }, k: 3, maxHops: 3 });
      closeAll(top.paths.map((p) => p.product), q.top3ReliableH3);
      const wide = introductionPaths(index, { from: q.from, to: { person: q.to }, k: 3, maxHops: 3, mode: "widest" });
      closeAll(wide.paths.map((p) => p.bottleneck), q.top3WidestH3.map((e: number[]) => e[0]));
      closeAll(wide.paths.map((p) => p.product), q.top3WidestH3.map((e: number[]) => e[1]));
    }
  });
  it("every tie, no hop limit: best, widest and top-5", () => {
    for (const q of data.people_queries) {
      const all = { from: q.from, to: { person: q.to }, maxHops: Infinity, skipConfidentialOnly: false } as const;
      const r = introductionPaths(index, { ...all, k: 5 });
      if (q.reliableAll === null) expect(r.status).toBe("none");
      else close(r.paths[0]!.product, q.reliableAll.product);
      closeAll(r.paths.map((p) => p.product), q.top5ReliableAll);
      const w = introductionPaths(index, { ...all, k: 1, mode: "widest" });
      if (q.widestAll !== null) close(w.paths[0]!.bottleneck, q.widestAll);
    }
  });
  it("organisation and tag targets: paths end at the first member reached", () => {
    for (const q of data.group_queries) {
      const to = q.kind === "organisation" ? { organisation: q.key } : { tag: q.key };
      const r = introductionPaths(index, { from: q.from, to, k: 3 });
      closeAll(r.paths.map((p) => p.product), q.top3ReliableH4);
      if (q.reliableH4 !== null) close(r.paths[0]!.product, q.reliableH4);
      const w = introductionPaths(index, { from: q.from, to, k: 1, mode: "widest" });
      if (q.widestH4 === null) expect(w.paths).toHaveLength(0);
      else close(w.paths[0]!.bottleneck, q.widestH4);
    }
  });
});
