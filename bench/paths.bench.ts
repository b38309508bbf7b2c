/**
 * Introduction-path benchmark: point-to-point queries on the generated
 * 100,000-person / 1,000,000-exchange network, tiegraph's typed-array path
 * index beside NetworkX, igraph and graphology-shortest-path on the same
 * relationships and the same 1,000 fixed random pairs, in one run.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPathIndex, introductionPaths, relationshipGraph, type IntroductionQuery } from "@tiegraph/core";
import { createRandom } from "@tiegraph/core/internal";
import type { Benchmark } from "./run.js";
import { BIG, OUT, bigNetwork, writeBigTieFiles } from "./data.js";
import { gc, percentile, runPython, table, timeMs } from "./util.js";

const here = fileURLToPath(new URL(".", import.meta.url));
// graphology-shortest-path is a dependency of core, not of the workspace root
const requireFromCore = createRequire(join(here, "..", "packages", "core", "package.json"));
const { bidirectional } = requireFromCore("graphology-shortest-path/dijkstra") as { bidirectional: (g: unknown, s: string, t: string, w: (e: string, a: { strength: number }) => number) => string[] | null };

const PAIRS = 1000;
const K = 5;
const K_PAIRS = 50;
// igraph 0.10's single-target Dijkstra settles the whole graph and its Yen takes seconds a pair: a smaller sample
const IGRAPH_PAIRS = 200;
const IGRAPH_K_PAIRS = 10;

interface PeerResult {
  version: string;
  loadMs: number;
  best: { ms: number; cost: number | null }[];
  topk: { ms: number; costs: number[] }[];
}

const stats = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), mean: ms.reduce((a, b) => a + b, 0) / ms.length });

const bench: Benchmark = {
  title: "Introduction paths (issue 4)",
  order: 30,
  async run() {
    const loadBefore = loadavg()[0]!;
    const net = bigNetwork();
    const files = writeBigTieFiles();
    gc();
    const built = timeMs(() => createPathIndex(net));
    const index = built.result;
    const g = index.graph;
    const indexBytes = g.offsets.byteLength + g.neighbor.byteLength + g.pair.byteLength + g.strength.byteLength + g.cost.byteLength + g.confidentialOnly.byteLength;

    // 1,000 fixed pairs of distinct people who have at least one relationship
    const rnd = createRandom(30);
    const withTies: number[] = [];
    for (let i = 0; i < net.personCount; i++) if (g.offsets[i + 1]! > g.offsets[i]!) withTies.push(i);
    const pairs: [number, number][] = [];
    while (pairs.length < PAIRS) {
      const s = withTies[Math.floor(rnd() * withTies.length)]!;
      const t = withTies[Math.floor(rnd() * withTies.length)]!;
      if (s !== t) pairs.push([s, t]);
    }
    const pairsFile = join(OUT, `path-pairs-${BIG.seed}.tsv`);
    writeFileSync(pairsFile, pairs.map(([s, t]) => `${s}\t${t}`).join("\n") + "\n");
    const ids = net.people().map((p) => p.id);

    // ours: full answers (paths, hops, explanations) from the reusable index
    const ask = (extra: Partial<IntroductionQuery>, list: [number, number][]) => {
      const ms: number[] = [];
      const answers = list.map(([s, t]) => {
        const r = timeMs(() => introductionPaths(index, { from: ids[s]!, to: { person: ids[t]! }, ...extra }));
        ms.push(r.ms);
        return r.result;
      });
      return { ms, answers };
    };
    // same problem as the peers: every tie, no hop limit
    const all = { maxHops: Infinity, skipConfidentialOnly: false } as const;
    ask({ ...all, k: 1 }, pairs.slice(0, 50)); // warm-up
    const best = ask({ ...all, k: 1 }, pairs);
    const topk = ask({ ...all, k: K }, pairs.slice(0, K_PAIRS));
    const widest = ask({ ...all, k: 1, mode: "widest" }, pairs);
    const defaults = ask({ k: 1 }, pairs);
    const defaultsTop = ask({ k: K, maxHops: 6 }, pairs.slice(0, K_PAIRS));

    // graphology-shortest-path on the relationship graph, weight −ln(strength)
    const graphBuild = timeMs(() => relationshipGraph(net));
    const rg = graphBuild.result;
    const weight = (_e: string, a: { strength: number }) => -Math.log(a.strength);
    const graphologyMs: number[] = [];
    let graphologyAgree = 0;
    pairs.forEach(([s, t], i) => {
      const r = timeMs(() => bidirectional(rg, ids[s]!, ids[t]!, weight));
      graphologyMs.push(r.ms);
      const ours = best.answers[i]!.paths[0];
      if (r.result && ours) {
        let cost = 0;
        for (let h = 0; h + 1 < r.result.length; h++) cost += -Math.log(index.strengthBetween(r.result[h]!, r.result[h + 1]!));
        if (Math.abs(Math.exp(-cost) - ours.product) <= 1e-9 * ours.product) graphologyAgree++;
      } else if (!r.result && !ours) graphologyAgree++;
    });

    const nx = runPython(join(here, "peers", "paths.py"), [files.undirected, pairsFile, String(K), String(K_PAIRS)]);
    const ig = runPython(join(here, "peers", "paths_igraph.py"), [files.undirected, pairsFile, String(K), String(IGRAPH_K_PAIRS), String(IGRAPH_PAIRS)], "/usr/bin/python3");
    const peer = (r: typeof nx): PeerResult | undefined => (r.ok ? (JSON.parse(r.out) as PeerResult) : undefined);
    const nxr = peer(nx);
    const igr = peer(ig);

    // agreement: the same optimum product (relative 1e-9), the same top-k products
    const agreeBest = (p: PeerResult) => `${p.best.filter((b, i) => {
      const ours = best.answers[i]!.paths[0];
      return b.cost === null ? !ours : !!ours && Math.abs(Math.exp(-b.cost) - ours.product) <= 1e-9 * ours.product;
    }).length}/${p.best.length}`;
    const agreeTop = (p: PeerResult) => `${p.topk.filter((b, i) => {
      const ours = topk.answers[i]!.paths;
      return b.costs.length === ours.length && b.costs.every((c, j) => Math.abs(Math.exp(-c) - ours[j]!.product) <= 1e-9 * ours[j]!.product);
    }).length}/${p.topk.length}`;

    const rows: (string | number)[][] = [];
    const row = (query: string, tool: string, ms: number[], ref: number[] | undefined, agree: string) => {
      const s = stats(ms);
      const r = ref ? stats(ref.slice(0, ms.length)) : undefined;
      rows.push([query, tool, ms.length, s.p50, s.p95, s.mean, r ? `${(s.p50 / r.p50).toFixed(1)}× / ${(s.mean / r.mean).toFixed(1)}×` : "—", agree]);
    };
    const found = best.answers.filter((a) => a.paths.length > 0).length;
    row("best path, no hop limit", "tiegraph (full answer)", best.ms, undefined, `${found} found`);
    if (nxr) row("best path, no hop limit", `NetworkX ${nxr.version} bidirectional_dijkstra`, nxr.best.map((b) => b.ms), best.ms, agreeBest(nxr));
    else rows.push(["best path, no hop limit", "NetworkX", "skipped", nx.ok ? "" : nx.reason, "", "", "", ""]);
    if (igr) row("best path, no hop limit", `igraph ${igr.version} get_shortest_paths (Dijkstra)`, igr.best.map((b) => b.ms), best.ms, agreeBest(igr));
    else rows.push(["best path, no hop limit", "igraph", "skipped", ig.ok ? "" : ig.reason, "", "", "", ""]);
    row("best path, no hop limit", "graphology-shortest-path bidirectional", graphologyMs, best.ms, `${graphologyAgree}/${PAIRS}`);
    row(`top-${K}, no hop limit`, "tiegraph (full answer)", topk.ms, undefined, "");
    if (nxr) row(`top-${K}, no hop limit`, `NetworkX shortest_simple_paths`, nxr.topk.map((b) => b.ms), topk.ms, agreeTop(nxr));
    if (igr) row(`top-${K}, no hop limit`, `igraph get_k_shortest_paths`, igr.topk.map((b) => b.ms), topk.ms, agreeTop(igr));
    row("widest path, no hop limit", "tiegraph (full answer)", widest.ms, undefined, "no peer");
    row("best path, defaults (≤ 4 hops)", "tiegraph (full answer)", defaults.ms, undefined, `${defaults.answers.filter((a) => a.status !== "none").length} found, others "none" + nearest`);
    row(`top-${K}, ≤ 6 hops`, "tiegraph (full answer)", defaultsTop.ms, undefined, `${defaultsTop.answers.filter((a) => a.status !== "none").length} found`);

    const s = stats(best.ms);
    const t = stats(topk.ms);
    const ratio = (p: PeerResult | undefined, pick: (p: PeerResult) => number[], ours: number[]) => (p ? `${(stats(pick(p)).p50 / stats(ours).p50).toFixed(1)}× (p50), ${(stats(pick(p)).mean / stats(ours).mean).toFixed(1)}× (mean)` : "skipped");
    return [
      `Generated network: ${net.personCount.toLocaleString("en")} people, ${net.exchangeCount.toLocaleString("en")} exchanges (seed ${BIG.seed}), ${index.relationships.pairCount.toLocaleString("en")} relationships. ${PAIRS} fixed random pairs of people with at least one tie (seed 30); top-${K} on the first ${K_PAIRS} (igraph: the first ${IGRAPH_PAIRS} and ${IGRAPH_K_PAIRS}, its calls being slow; its ratios compare the same pairs). Every tool reads the same relationships with weight −ln(strength); tiegraph's times are whole \`introductionPaths\` answers (paths, hops with balances, explanations) from one reused \`PathIndex\`; peers' times are the search call alone.`,
      "",
      table(["query", "tool", "pairs", "p50 (ms)", "p95 (ms)", "mean (ms)", "peer ÷ tiegraph (p50 / mean)", "agrees with tiegraph"], rows),
      "",
      `Machine load (1-minute load average, ${availableParallelism()} cores): ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (other work on the machine slows the timings of every tool).`,
      "",
      `Path index: built in ${built.ms.toFixed(0)} ms (relationships, strengths, sorted CSR), ${(indexBytes / 2 ** 20).toFixed(1)} MiB of typed arrays. graphology relationship graph for the graphology peer: ${graphBuild.ms.toFixed(0)} ms. Python peers load the graph in ${nxr ? nxr.loadMs.toFixed(0) : "—"} ms (NetworkX) and ${igr ? igr.loadMs.toFixed(0) : "—"} ms (igraph), not counted.`,
      "",
      `Targets: best path p50 ${s.p50.toFixed(2)} ms (< 2), p95 ${s.p95.toFixed(2)} ms (< 20); top-${K} p50 ${t.p50.toFixed(2)} ms (< 20). NetworkX bidirectional_dijkstra ÷ tiegraph: ${ratio(nxr, (p) => p.best.map((b) => b.ms), best.ms)} (target ≥ 5×); NetworkX shortest_simple_paths ÷ tiegraph: ${ratio(nxr, (p) => p.topk.map((b) => b.ms), topk.ms)} (target ≥ 20×).`,
      "",
      "\"Agrees\" counts pairs where the peer's optimum product (or its first k products) equals tiegraph's within a relative 1e-9. The default query (at most 4 hops, confidential-only ties skipped) mostly answers \"none\" on random pairs of this network, whose typical distance is 6–7 hops; those answers include a breadth-first search for the target's nearest reachable colleagues.",
    ].join("\n");
  },
};

export default bench;
