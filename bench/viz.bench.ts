/**
 * @tiegraph/viz in headless Chromium (Debian's, SwiftShader WebGL): time from
 * mount to first frame, and hover-highlight latency, for 1,000 / 10,000 /
 * 50,000 people with 5 ties per person. The peer is plain sigma 3 on the same
 * graph (positions, sizes, colours precomputed), hovered the way sigma's own
 * reducers example does it (full reducer refresh), so the ratios show what
 * the view's scene, encodings, legend and redaction cost on top of sigma.
 */
import type { Page } from "playwright-core";
import type { Benchmark } from "./run.js";
import { percentile, table } from "./util.js";
import { startHarness } from "../packages/viz/test/browser.js";

const SIZES = [1_000, 10_000, 50_000];
const RUNS: Record<number, number> = { 1_000: 5, 10_000: 3, 50_000: 2 };
const HOVERS = 15;
const WIDTH = 1200;
const HEIGHT = 800;

/** Mounts `runs` times; returns [mount call ms, first frame ms] per run, keeping the last view as window.view. */
function mountTimes(page: Page, n: number, runs: number, peer: boolean): Promise<{ times: [number, number][]; nodes: number; edges: number }> {
  return page.evaluate(
    async ([n, runs, peer]) => {
      const { viz, Sigma, Graph, benchNetwork, container, frames } = window.tiegraph;
      const network = benchNetwork(n);
      // the view draws precomputed measures: compute them outside the timing
      const analysis = viz.analyseForView(network);
      const times: [number, number][] = [];
      let reference: InstanceType<typeof Graph> | undefined;
      if (peer) {
        // the peer draws the same graph, already laid out and coloured
        const v = viz.mountNetworkView(container(), { network, analysis }, { legend: "detached" });
        reference = new Graph({ type: "directed" });
        v.graph.forEachNode((k, a) => reference!.addNode(k, { x: a.x, y: a.y, size: a.size, color: a.color, label: a.label }));
        v.graph.forEachEdge((k, a, s, t) => reference!.addEdgeWithKey(k, s, t, { size: a.size, color: a.color }));
        v.destroy();
      }
      let last: { graph: { order: number; size: number } } | undefined;
      for (let k = 0; k < runs; k++) {
        await frames();
        const t0 = performance.now();
        let handle: { destroy(): void; graph: { order: number; size: number } };
        if (peer) {
          const s = new Sigma(reference!, container());
          handle = { destroy: () => s.kill(), graph: reference! };
          (window as unknown as { peer: unknown }).peer = s;
        } else {
          const v = viz.mountNetworkView(container(), { network, analysis }, { legend: "detached", cameraDuration: 0 });
          handle = v;
          window.view = v;
        }
        const t1 = performance.now();
        await frames(2);
        times.push([t1 - t0, performance.now() - t0]);
        if (k < runs - 1) handle.destroy();
        last = handle;
      }
      return { times, nodes: last!.graph.order, edges: last!.graph.size };
    },
    [n, runs, peer] as const,
  );
}

/** Installs hover probes: mousemove time → highlighted render → painted frame. */
function installProbe(page: Page, peer: boolean): Promise<void> {
  return page.evaluate((peer) => {
    const { container } = window.tiegraph;
    const probe = { t0: 0, samples: [] as [number, number][] };
    (window as unknown as { probe: typeof probe }).probe = probe;
    container().addEventListener("mousemove", () => (probe.t0 = performance.now()), { capture: true });
    const done = () => {
      const t1 = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => probe.samples.push([t1 - probe.t0, performance.now() - probe.t0])));
    };
    if (!peer) {
      window.view.on("hover", (id) => id !== null && done());
      return;
    }
    // sigma's "use reducers" example: dim everything but the hovered node's neighbourhood
    type S = InstanceType<typeof window.tiegraph.Sigma>;
    const s = (window as unknown as { peer: S }).peer;
    const graph = s.getGraph();
    let hovered: string | undefined;
    let neighbours = new Set<string>();
    s.setSetting("nodeReducer", (node, data) => (hovered && node !== hovered && !neighbours.has(node) ? { ...data, color: "#f6f6f6", label: "" } : data));
    s.setSetting("edgeReducer", (edge, data) => (hovered && !graph.extremities(edge).includes(hovered) ? { ...data, hidden: true } : data));
    s.on("enterNode", ({ node }) => {
      hovered = node;
      neighbours = new Set(graph.neighbors(node));
      s.refresh({ skipIndexation: true });
      done();
    });
    s.on("leaveNode", () => {
      hovered = undefined;
      neighbours = new Set();
      s.refresh({ skipIndexation: true });
    });
  }, peer);
}

/** Hovers `count` people from an empty corner; returns [render ms, painted ms] per hover. */
async function hoverTimes(page: Page, count: number, peer: boolean): Promise<[number, number][]> {
  await installProbe(page, peer);
  const targets = await page.evaluate(
    ([count, peer]) => {
      type S = InstanceType<typeof window.tiegraph.Sigma>;
      const s = peer ? (window as unknown as { peer: S }).peer : window.view.renderer;
      const g = s.getGraph();
      const nodes = g.nodes();
      const out: { x: number; y: number }[] = [];
      for (let k = 0; k < count; k++) {
        const key = nodes[Math.floor(((k * 7919) % nodes.length) + 0.5) % nodes.length]!;
        out.push(s.graphToViewport(g.getNodeAttributes(key) as { x: number; y: number }));
      }
      return out;
    },
    [count, peer] as const,
  );
  for (const t of targets) {
    await page.mouse.move(2, 2);
    await page.evaluate(() => window.tiegraph.frames(2));
    const before = await page.evaluate(() => (window as unknown as { probe: { samples: unknown[] } }).probe.samples.length);
    await page.mouse.move(t.x, t.y);
    await page.waitForFunction((n) => (window as unknown as { probe: { samples: unknown[] } }).probe.samples.length > n, before, { timeout: 30_000 }).catch(() => undefined);
  }
  return page.evaluate(() => (window as unknown as { probe: { samples: [number, number][] } }).probe.samples);
}

const bench: Benchmark = {
  title: "Visualisation (@tiegraph/viz)",
  order: 50,
  async run() {
    const h = await startHarness();
    const rows: (string | number)[][] = [];
    const version = h.browser.version();
    try {
      for (const n of SIZES) {
        const result: Record<string, { mount: number; frame: number; hover: number; hoverP95: number; paint: number; nodes: number; edges: number; samples: number }> = {};
        for (const peer of [false, true]) {
          const page = await h.open(WIDTH, HEIGHT);
          const m = await mountTimes(page, n, RUNS[n]!, peer);
          const hovers = await hoverTimes(page, HOVERS, peer);
          result[peer ? "sigma" : "viz"] = {
            mount: percentile(m.times.map((t) => t[0]), 50),
            frame: percentile(m.times.map((t) => t[1]), 50),
            hover: percentile(hovers.map((t) => t[0]), 50),
            hoverP95: percentile(hovers.map((t) => t[0]), 95),
            paint: percentile(hovers.map((t) => t[1]), 50),
            nodes: m.nodes,
            edges: m.edges,
            samples: hovers.length,
          };
          await page.close();
          console.error(`    ${n} ${peer ? "sigma" : "viz"}: ${JSON.stringify(result[peer ? "sigma" : "viz"])}`);
        }
        const v = result.viz!;
        const s = result.sigma!;
        rows.push([n.toLocaleString("en"), v.edges.toLocaleString("en"), v.frame, s.frame, `${(v.frame / s.frame).toFixed(2)}×`, v.hover, v.hoverP95, v.paint, s.hover, `${(v.hover / s.hover).toFixed(2)}×`, `${v.samples}/${HOVERS}`]);
      }
    } finally {
      await h.close();
    }
    return [
      `Headless Chromium ${version} (Debian), WebGL through SwiftShader (software), viewport ${WIDTH}×${HEIGHT}, device pixel ratio 1. Networks: n people in n/25 organisations, each giving information or meeting 5 others picked by a seeded LCG (≈5n ties), no ego (sunflower layout), measures from \`analyseForView\` computed before timing. **First frame**: from calling \`mountNetworkView\` (scene, encodings, graph, sigma, legend) to the second animation frame after it, median of ${Object.values(RUNS).join("/")} mounts. **Hover**: a real pointer move (playwright) from an empty corner onto a person; from the container's \`mousemove\` to the end of the highlighted render (neighbourhood emphasised, the rest faded), and to the second animation frame after it (painted); ${HOVERS} people per size. **Peer**: plain sigma 3 on the same graph with positions, sizes and colours precomputed, hover as in sigma's reducers example (full reducer refresh, non-neighbour ties hidden). Targets: 10,000 people first frame < 2,000 ms, hover < 100 ms.`,
      "",
      table(["people", "ties", "viz first frame (ms)", "sigma first frame (ms)", "viz / sigma", "viz hover median (ms)", "viz hover p95 (ms)", "viz hover painted (ms)", "sigma hover (ms)", "viz / sigma", "hovers caught"], rows),
    ].join("\n");
  },
};

export default bench;
