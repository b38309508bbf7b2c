/**
 * @tiegraph/viz in headless Chromium (Debian's, SwiftShader WebGL): time from
 * mount to first frame, and hover-highlight latency, for 1,000 / 10,000 /
 * 50,000 people with 5 ties per person. The peer is plain sigma 3 on the same
 * graph (positions, sizes, colours precomputed), hovered the way sigma's own
 * reducers example does it (full reducer refresh), so the ratios show what
 * the view's scene, encodings, legend and redaction cost on top of sigma.
 */
import os from "node:os";
import type { Page } from "playwright-core";
import type { Benchmark } from "./run.js";
import { percentile, table } from "./util.js";
import { startHarness } from "../packages/viz/test/browser.js";

const SIZES = (process.env.VIZ_BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
const RUNS: Record<number, number> = { 1_000: 5, 10_000: 3, 50_000: 2, 100_000: 1 };
const HOVERS = Number(process.env.VIZ_BENCH_HOVERS ?? 15);
const WIDTH = 1200;
const HEIGHT = 800;

/**
 * Installs `window.gpuSync(renderer)`: reads one pixel from each of sigma's
 * WebGL canvases, which returns only once the GPU has drawn everything queued.
 * Animation frames do not wait for SwiftShader, so without this a frame still
 * rasterising would be charged to whatever waits on the GPU next (sigma's
 * hover picking reads pixels too).
 */
function installGpuSync(page: Page): Promise<void> {
  return page.evaluate(() => {
    (window as unknown as { gpuSync: (r: { getCanvases(): Record<string, HTMLCanvasElement> }) => void }).gpuSync = (r) => {
      for (const c of Object.values(r.getCanvases())) {
        const gl = c.getContext("webgl2") ?? c.getContext("webgl");
        if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      }
    };
  });
}

/** Mounts `runs` times; returns [mount call ms, first frame drawn ms] per run, keeping the last view as window.view. */
function mountTimes(page: Page, n: number, runs: number, peer: boolean): Promise<{ times: [number, number][]; nodes: number; edges: number }> {
  return page.evaluate(
    async ([n, runs, peer]) => {
      const { viz, Sigma, Graph, benchNetwork, container, frames } = window.tiegraph;
      const network = benchNetwork(n);
      // the view draws precomputed measures: compute them outside the timing
      // (reciprocity for tie colours and arrows; the rest is not drawn here)
      const analysis = viz.analyseForView(network, { measures: ["pairImbalance"] });
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
        // sigma renders in its constructor: the first frame is drawn once the GPU is done
        (window as unknown as { gpuSync: (r: unknown) => void }).gpuSync(peer ? (window as unknown as { peer: unknown }).peer : window.view.renderer);
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
    const sync = (window as unknown as { gpuSync: (r: unknown) => void }).gpuSync;
    const renderer = peer ? (window as unknown as { peer: unknown }).peer : window.view.renderer;
    const done = () => {
      const t1 = performance.now();
      sync(renderer);
      probe.samples.push([t1 - probe.t0, performance.now() - probe.t0]);
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
    // start each hover with nothing highlighted and the GPU idle
    await page.evaluate(async (peer) => {
      await window.tiegraph.frames(2);
      (window as unknown as { gpuSync: (r: unknown) => void }).gpuSync(peer ? (window as unknown as { peer: unknown }).peer : window.view.renderer);
    }, peer);
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
    const rows: (string | number)[][] = [];
    let version = "";
    for (const n of SIZES) {
      const result: Record<string, { mount: number; frame: number; hover: number; hoverP95: number; paint: number; nodes: number; edges: number; samples: number }> = {};
      for (const peer of [false, true]) {
        const key = peer ? "sigma" : "viz";
        // a fresh browser per case: what one case leaves in the GPU process never slows the next
        const h = await startHarness();
        version = h.browser.version();
        const page = await h.open(WIDTH, HEIGHT);
        await installGpuSync(page);
        try {
          const m = await mountTimes(page, n, RUNS[n] ?? 2, peer);
          const hovers = await hoverTimes(page, HOVERS, peer);
          result[key] = {
            mount: percentile(m.times.map((t) => t[0]), 50),
            frame: percentile(m.times.map((t) => t[1]), 50),
            hover: percentile(hovers.map((t) => t[0]), 50),
            hoverP95: percentile(hovers.map((t) => t[0]), 95),
            paint: percentile(hovers.map((t) => t[1]), 50),
            nodes: m.nodes,
            edges: m.edges,
            samples: hovers.length,
          };
          console.error(`    ${n} ${key}: ${JSON.stringify(result[key])}`);
        } catch (e) {
          // a page that runs out of memory is a result too: report it, go on
          console.error(`    ${n} ${key}: failed: ${(e as Error).message.split("\n")[0]}`);
        } finally {
          await page.close().catch(() => undefined);
          await h.close().catch(() => undefined);
        }
      }
      const v = result.viz;
      const s = result.sigma;
      const ms = (x: number | undefined) => (x === undefined ? "failed" : x);
      const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? "–" : `${(a / b).toFixed(2)}×`);
      rows.push([n.toLocaleString("en"), v ? v.edges.toLocaleString("en") : "≈" + (5 * n).toLocaleString("en"), ms(v?.mount), ms(v?.frame), ms(s?.frame), ratio(v?.frame, s?.frame), ms(v?.hover), ms(v?.hoverP95), ms(v?.paint), ms(s?.hover), ms(s?.paint), ratio(v?.hover, s?.hover), v ? `${v.samples}/${HOVERS}` : "–"]);
    }
    return [
      `Headless Chromium ${version} (Debian), WebGL through SwiftShader (software), viewport ${WIDTH}×${HEIGHT}, device pixel ratio 1. Networks: n people in n/25 organisations, each giving information or meeting 5 others picked by a seeded LCG (≈5n ties), no ego (sunflower layout), measures from \`analyseForView\` computed before timing. **Mount call**: \`mountNetworkView\` returning (scene, encodings, graph, sigma's first render submitted, legend). **First frame**: until the GPU has drawn that frame (a one-pixel \`readPixels\` on each sigma canvas waits for it), median of ${SIZES.map((n) => RUNS[n] ?? 2).join("/")} mounts (for ${SIZES.map((n) => n.toLocaleString("en")).join("/")} people). **Hover**: a real pointer move (playwright) from an empty corner onto a person, the GPU idle beforehand; from the container's \`mousemove\` to the end of the highlighted render call (neighbourhood emphasised, other people faded, other ties hidden: what the page's own code costs), and to the GPU having drawn it (drawn); ${HOVERS} people per size. **Peer**: plain sigma 3 on the same graph with positions, sizes and colours precomputed, hover as in sigma's reducers example (full reducer refresh, non-neighbour ties hidden). Targets: 10,000 people first frame < 2,000 ms, hover < 100 ms. Load average when run: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other processes share the machine).`,
      "",
      table(["people", "ties", "viz mount call (ms)", "viz first frame (ms)", "sigma first frame (ms)", "viz / sigma", "viz hover median (ms)", "viz hover p95 (ms)", "viz hover drawn (ms)", "sigma hover (ms)", "sigma hover drawn (ms)", "viz / sigma", "hovers caught"], rows),
    ].join("\n");
  },
};

export default bench;
