/**
 * Explorer page benchmark: the built page in headless Chromium (software
 * WebGL) on generated networks of 10,000 and 100,000 people (10 exchanges
 * per person, with an ego), measuring exactly issue 15's targets: 10,000
 * people drawn ≤ 3 s after the file is chosen and a person's panel ≤ 300 ms;
 * 100,000 people open and usable ≤ 20 s (the first picture on screen, with
 * search and panels answering from then on), search ≤ 100 ms, a person's
 * panel ≤ 500 ms. Times come from the page's own performance marks; the
 * worker's steps (its `tiegraph:worker:*` measures) say where the load time
 * goes. Beside it, plain sigma 3 draws the same graph the page opens on
 * (positions and colours precomputed) in the same run, as bench/viz.bench.ts does.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { generateNetwork, parseNetworkFile, relationships, serializeNetwork, type Network } from "@tiegraph/core";
import type { Page } from "playwright-core";
import { launchChromium, openPage, serveExplorer, waitForNetwork } from "../examples/explorer/test/browser.js";
import { lastShownDay } from "../examples/explorer/src/worker/analysis.js";
import { levelOfDetail } from "../examples/explorer/src/worker/level-of-detail.js";
import { startHarness } from "../packages/viz/test/browser.js";
import type { Benchmark } from "./run.js";
import { OUT } from "./data.js";
import { percentile, table } from "./util.js";

const SIZES = (process.env.EXPLORER_BENCH_PEOPLE ?? "10000,100000").split(",").map(Number);
/** Loads per size (EXPLORER_BENCH_LOADS for all sizes): the first-picture time is the median of these, so one load slowed by another process on the shared machine does not set it. */
const LOAD_RUNS: Record<number, number> = process.env.EXPLORER_BENCH_LOADS ? {} : { 10_000: 5, 100_000: 3 };
const loadRuns = (people: number): number => Number(process.env.EXPLORER_BENCH_LOADS ?? LOAD_RUNS[people] ?? 3);
/**
 * EXPLORER_BENCH_COMPOSITING=software: the page (and bare sigma beside it)
 * composited in software; by default the GPU process composites through
 * SwiftShader, the configuration the recorded figures come from (the two
 * are compared in docs/benchmarks.md).
 */
const SOFTWARE_COMPOSITING = process.env.EXPLORER_BENCH_COMPOSITING === "software";
const SEARCHES = 30;
const PANELS = 10;
const WIDTH = 1400;
const HEIGHT = 900;
/** Longest wait for one step. */
const STEP_TIMEOUT = 600_000;
/** Issue 15's targets (ms) by size. */
const TARGETS: Record<number, { open: number; panel: number; search: number | undefined }> = {
  10_000: { open: 3_000, panel: 300, search: undefined },
  100_000: { open: 20_000, panel: 500, search: 100 },
};

/** Durations (ms) of the page's performance measures with this name, oldest first. */
async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, "measure").map((m) => m.duration), name);
}

/** The generated network of `people` people, written once to bench/.out. */
function networkFile(people: number): { network: Network; file: string; bytes: number } {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `explorer-${people}.json`);
  if (!existsSync(file)) writeFileSync(file, serializeNetwork(generateNetwork({ seed: 2026, people, exchanges: 10 * people, ego: true }), { indent: 0 }));
  const text = readFileSync(file, "utf8");
  return { network: parseNetworkFile(text), file, bytes: text.length };
}

/** From a hash change selecting a person to their panel filled in (ms). */
function panelTime(page: Page, id: string, name: string): Promise<number> {
  return page.evaluate(
    ([id, name]) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        location.hash = `#sel=${encodeURIComponent(id)}`;
        const tick = () => {
          const el = document.querySelector<HTMLElement>(".person-panel");
          if (el && !el.hidden && !el.hasAttribute("aria-busy") && (el.textContent ?? "").includes(name)) resolve(performance.now() - t0);
          else setTimeout(tick, 2);
        };
        tick();
      }),
    [id, name] as const,
  );
}

interface PageFigures {
  /** File chosen → view built, and → first picture on screen, per load (ms). */
  view: number[];
  draw: number[];
  /** Of the last load: from the worker's answer to the view built, on the page's main thread (ms). */
  onPage: number;
  /** Longest main-thread stall while loading, per load (ms). */
  stall: number[];
  heap: number;
  status: string;
  /** The worker's steps of the last load (ms), in the order they ran. */
  steps: [string, number][];
  firstPanel: number;
  panels: number[];
  searches: number[];
}

/** The network worker's step measures (step-timing.ts) since the last load started, and when its answer left (page time). */
async function workerSteps(page: Page): Promise<{ steps: [string, number][]; posted: number }> {
  const worker = page.workers().find((w) => /network-worker/.test(w.url()));
  if (!worker) return { steps: [], posted: NaN };
  const origin = await page.evaluate(() => performance.timeOrigin);
  return worker.evaluate((o) => {
    const all = performance.getEntriesByType("measure").filter((m) => m.name.startsWith("tiegraph:worker:") && m.name !== "tiegraph:worker:person");
    const post = all.find((m) => m.name === "tiegraph:worker:post");
    return {
      steps: all.map((m) => [m.name.slice("tiegraph:worker:".length), m.duration] as [string, number]),
      posted: post ? post.startTime + post.duration + performance.timeOrigin - o : NaN,
    };
  }, origin);
}

async function explorerFigures(network: Network, file: string, runs: number): Promise<PageFigures> {
  const served = await serveExplorer();
  const browser = await launchChromium({ softwareCompositing: SOFTWARE_COMPOSITING });
  const name = file.split("/").pop()!;
  try {
    const f: PageFigures = { view: [], draw: [], onPage: NaN, stall: [], heap: NaN, status: "", steps: [], firstPanel: NaN, panels: [], searches: [] };
    let page!: Page;
    for (let run = 0; run < runs; run++) {
      if (page) await page.context().close();
      ({ page } = await openPage(browser, served.url, { width: WIDTH, height: HEIGHT }));
      await waitForNetwork(page);
      // tsx compiles with keepNames, which wraps functions passed to page.evaluate in a __name helper the page lacks
      await page.evaluate("globalThis.__name = (f) => f");
      // a probe on the main thread: the longest gap between its ticks is the longest stall
      await page.evaluate(() => {
        const w = window as unknown as { __stall: number };
        w.__stall = 0;
        let last = performance.now();
        window.setInterval(() => {
          const now = performance.now();
          w.__stall = Math.max(w.__stall, now - last);
          last = now;
        }, 10);
      });
      // the sample's picture is on screen: from here on the page's measures are the file's
      await page.waitForFunction(() => performance.getEntriesByName("tiegraph:load-to-draw", "measure").length > 0);
      await page.evaluate(() => performance.clearMeasures());
      await page.locator('input[type="file"]').setInputFiles(file);
      await waitForNetwork(page, name, STEP_TIMEOUT);
      await page.waitForFunction(() => performance.getEntriesByName("tiegraph:load-to-draw", "measure").length > 0, undefined, { timeout: STEP_TIMEOUT });
      f.view.push((await measures(page, "tiegraph:load-to-view")).at(-1)!);
      f.draw.push((await measures(page, "tiegraph:load-to-draw")).at(-1)!);
      f.stall.push(await page.evaluate(() => (window as unknown as { __stall: number }).__stall));
      if (run === runs - 1) {
        // a person's panel right after the picture: the page is usable (the worker may still be computing the overview)
        f.firstPanel = await panelTime(page, person(network, 0).id, person(network, 0).name);
        const built = await page.evaluate(() => {
          const m = performance.getEntriesByName("tiegraph:load-to-view", "measure").at(-1)!;
          return m.startTime + m.duration;
        });
        const { posted } = await workerSteps(page);
        f.onPage = built - posted;
      }
    }
    f.status = (await page.locator("[data-status]").textContent()) ?? "";
    f.heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);

    // the overview of the network just loaded (the sample's, shown first, says analysed too)
    await page.waitForFunction(() => { const d = document.getElementById("app")?.dataset; return d?.analysed !== undefined && d.analysed === d.generation; }, undefined, { timeout: STEP_TIMEOUT });
    f.steps = (await workerSteps(page)).steps;
    for (let k = 1; k <= PANELS; k++) f.panels.push(await panelTime(page, person(network, k).id, person(network, k).name));
    await page.evaluate(() => (location.hash = ""));

    // search: type the first letters of people's names
    const search = page.getByRole("combobox", { name: "Search people and organisations" });
    for (let k = 0; k < SEARCHES; k++) {
      const q = person(network, 100 + k).name;
      await page.evaluate(() => performance.clearMeasures("tiegraph:search"));
      await search.fill(q.slice(0, 3 + (k % 4)));
      await page.locator('[role="option"]').first().waitFor();
      f.searches.push((await measures(page, "tiegraph:search")).at(-1)!);
    }
    await search.fill("");
    return f;
  } finally {
    await browser.close();
    await served.close();
  }
}

/** The k-th person the benchmark asks about: spread over the network, never ego (index 0). */
function person(network: Network, k: number): { id: string; name: string } {
  return network.personAt(1 + ((k * 7919) % (network.personCount - 1)));
}

/** Plain sigma's first frame (ms, median of `runs`) on a graph of `nodes` people and the ties [a, b], positions precomputed. */
async function sigmaFirstFrame(nodes: number, a: Int32Array, b: Int32Array, runs: number): Promise<number | undefined> {
  const h = await startHarness({ softwareCompositing: SOFTWARE_COMPOSITING });
  try {
    const page = await h.open(WIDTH, HEIGHT);
    const times = await page.evaluate(
      async ([n, a, b, runs]) => {
        const { Sigma, Graph, container, frames } = window.tiegraph;
        const graph = new Graph({ type: "undirected" });
        // a sunflower: positions spread evenly, as a laid-out picture would be
        for (let i = 0; i < n; i++) {
          const r = Math.sqrt(i + 0.5);
          const t = i * 2.399963;
          graph.addNode(String(i), { x: r * Math.cos(t), y: r * Math.sin(t), size: 3, color: "#5b8def", label: `p${i}` });
        }
        for (let k = 0; k < a.length; k++) if (!graph.hasEdge(String(a[k]), String(b[k]))) graph.addEdge(String(a[k]), String(b[k]), { size: 1, color: "#cccccc" });
        const out: number[] = [];
        for (let r = 0; r < runs; r++) {
          await frames();
          const t0 = performance.now();
          const s = new Sigma(graph, container());
          for (const c of Object.values(s.getCanvases())) {
            const gl = c.getContext("webgl2") ?? c.getContext("webgl");
            if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          }
          out.push(performance.now() - t0);
          s.kill();
        }
        return out;
      },
      [nodes, Array.from(a), Array.from(b), runs] as const,
    );
    return percentile(times, 50);
  } catch (e) {
    console.error(`    sigma ${nodes}: failed: ${(e as Error).message.split("\n")[0]}`);
    return undefined;
  } finally {
    await h.close().catch(() => undefined);
  }
}

/** What the page opens on, in words. */
function openedOn(detail: ReturnType<typeof levelOfDetail>): string {
  if (detail.kind === "whole") return "the whole network";
  const size = `${detail.people.length.toLocaleString("en")} people and ${detail.ties.length.toLocaleString("en")} ties`;
  if (detail.kind === "neighbourhood") return `ego's neighbourhood to depth ${detail.depth}, ${size}`;
  if (detail.kind === "closest") return `ego and their strongest contacts (ego's contacts are more than fit), ${size}`;
  return `the strongest ties (strength ≥ ${detail.threshold.toFixed(2)}), ${size}`;
}

const bench: Benchmark = {
  title: "Explorer page: 10,000 and 100,000 people in headless Chromium (issues 7, 15)",
  order: 60,
  async run() {
    const out: string[] = [];
    const loads: string[] = [];
    for (const people of SIZES) {
      const { network, file, bytes } = networkFile(people);
      const day = lastShownDay(network);
      const rel = relationships(network, { excludeConfidential: true, ...(day === undefined ? {} : { asOf: day }) });
      let drawable = 0;
      for (let k = 0; k < rel.pairCount; k++) if (!rel.confidentialOnly[k]) drawable++;
      const detail = levelOfDetail(rel, network.egoIndex);
      const loadBefore = os.loadavg()[0]!;
      console.error(`    ${people}: page… (load ${loadBefore.toFixed(1)})`);
      const f = await explorerFigures(network, file, loadRuns(people));
      console.error(`    ${people}: ${JSON.stringify(f)}`);
      // plain sigma on the same graph: the part the page opens on (the whole network for a small one)
      let sigma: number | undefined;
      if (detail.kind !== "whole") {
        const at = new Int32Array(network.personCount).fill(-1);
        detail.people.forEach((i, k) => (at[i] = k));
        sigma = await sigmaFirstFrame(detail.people.length, Int32Array.from(detail.ties, (k) => at[rel.a[k]!]!), Int32Array.from(detail.ties, (k) => at[rel.b[k]!]!), 3);
      } else {
        const drawn: number[] = [];
        for (let k = 0; k < rel.pairCount; k++) if (!rel.confidentialOnly[k]) drawn.push(k);
        sigma = await sigmaFirstFrame(network.personCount, Int32Array.from(drawn, (k) => rel.a[k]!), Int32Array.from(drawn, (k) => rel.b[k]!), 3);
      }
      const loadAfter = os.loadavg()[0]!;
      loads.push(`${people.toLocaleString("en")} people: ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after`);
      console.error(`    ${people}: sigma ${sigma}`);

      const ms = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(0) : "–");
      const ratio = (v: number | undefined, t: number | undefined) => (t !== undefined && v !== undefined && Number.isFinite(v) ? (v / t).toFixed(2) : "–");
      const target = TARGETS[people] ?? { open: NaN, panel: NaN, search: undefined };
      const big = people > 10_000;
      const draw = percentile(f.draw, 50);
      const panel = percentile(f.panels, 50);
      const slowestPanel = Math.max(...f.panels);
      const search = percentile(f.searches, 50);
      const slowestSearch = Math.max(...f.searches);
      const runs = (v: number[]) => `median of ${v.length}; runs ${v.map(ms).join(", ")}`;
      const rows: (string | number)[][] = [
        [`${big ? "open and usable: file chosen → first picture on screen, search and panels answering" : "drawn: file chosen → first picture on screen"} (${runs(f.draw)})`, ms(draw), target.open.toLocaleString("en"), ratio(draw, target.open), `${ms(sigma)} (page ${ratio(draw, sigma)}× sigma)`],
        [`… of which the view built (${runs(f.view)})`, ms(percentile(f.view, 50)), "–", "–", "–"],
        ["… of which on the page's main thread, from the worker's answer to the view built (last load)", ms(f.onPage), "–", "–", "–"],
        ["longest main-thread stall while loading (median)", ms(percentile(f.stall, 50)), "–", "–", "–"],
        ["person panel, right after the first picture (worker still analysing)", ms(f.firstPanel), target.panel, ratio(f.firstPanel, target.panel), "–"],
        [`person panel: hash change → panel filled in (median of ${f.panels.length})`, ms(panel), target.panel, ratio(panel, target.panel), "–"],
        [`person panel (slowest of ${f.panels.length})`, ms(slowestPanel), target.panel, ratio(slowestPanel, target.panel), "–"],
        [`search: input → results in the list (median of ${f.searches.length} queries)`, search.toFixed(1), target.search ?? "–", ratio(search, target.search), "–"],
        [`search (slowest of ${f.searches.length})`, slowestSearch.toFixed(1), target.search ?? "–", ratio(slowestSearch, target.search), "–"],
      ];
      const steps = f.steps.map(([step, t]) => `${step} ${ms(t)}`).join(", ");
      out.push(
        `### ${people.toLocaleString("en")} people`,
        "",
        `Generated network: ${network.personCount.toLocaleString("en")} people (with an ego), ${network.organisationCount.toLocaleString("en")} organisations, ${network.exchangeCount.toLocaleString("en")} exchanges, ${drawable.toLocaleString("en")} drawable relationships; file ${(bytes / 2 ** 20).toFixed(1)} MiB, seed 2026. ` +
          `Opens on: ${openedOn(detail)} (status line: “${f.status}”). JS heap of the page after loading: ${Number.isFinite(f.heap) ? `${(f.heap / 2 ** 20).toFixed(0)} MiB` : "not reported"}. Load average (1 min): ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`,
        "",
        table(["step", "time (ms)", "target (ms)", "time / target", "plain sigma, same graph: first frame (ms)"], rows),
        "",
        `Worker steps of the last load (ms, in the order they started; \`import:\` steps ran in the import worker, the rest in the network worker, path-index, ledger, mix-*, ei-index and betweenness after the picture): ${steps}.`,
        "",
      );
    }
    return [
      "The built page (`vite build`, served by `vite preview` on 127.0.0.1) in Debian's Chromium, headless, WebGL through SwiftShader (software), 1400×900. Times come from the page's own `performance.measure` entries: " +
        "`tiegraph:load-to-draw` from the file input's change to the frame after the view's first one (the picture on screen: the file read, parsed and analysed in the workers, the drawn part built and mounted), `tiegraph:load-to-view` to the view built; `tiegraph:search` from the input event to the results in the DOM. " +
        "A person's panel is timed from the hash change that selects them to the panel filled in with their name (the worker's answer included). A network of more than 3,000 people opens on a level-of-detail part (docs/explorer.md), the search index comes with it, and the path index and overview figures follow in the worker in pieces, one job per slice (docs/explorer.md), so a panel asked for in between is answered first. " +
        "Worker steps: `import:file-read`, `import:parse` (core's parseNetworkFile) and `import:encode` in the import worker, `read` the import worker's whole round trip (its start included), then in the network worker `decode`, `reference-day`, `names`, `relationships`, `drawing-analysis` (pair imbalances, and the E-I index up to 3,000 people), `level-of-detail`, `drawable` (the part), `lists` (search index, organisations, tags) and `post` before the picture, and `path-index`, `ledger`, `mix-trend`, `mix-share`, `mix-reached` (one job each), `ei-index` (a larger network's) and `betweenness` (a slice at a time; the time of all its slices) after it, in an order that depends on when the page adopts the network. " +
        "**Plain sigma**: sigma 3 alone in the same Chromium (the viz benchmark's harness page), mounting the graph the page opens on with positions, sizes and colours precomputed, timed from the constructor to the GPU having drawn the first frame (a one-pixel `readPixels`); the page's figure includes reading and analysing the file, sigma's does not. " +
        `Load average (1 min) on ${os.cpus().length} cores when run: ${loads.join("; ")} (other sessions share the machine; SwiftShader draws on the same cores, so the on-screen figures move with it).`,
      "",
      ...out,
    ].join("\n");
  },
};
export default bench;
