/**
 * Explorer page benchmark: the built page in headless Chromium on generated
 * networks of 10,000 and 100,000 people (10 exchanges per person, with an
 * ego) — first picture after choosing the file (a large network opens on
 * its level-of-detail part, ego's neighbourhood), a person's panel, search,
 * introduction paths (10,000 only) and the whole network after "Show whole
 * network" — measured by the page's own performance marks. Beside it, plain
 * sigma 3 draws the same graphs (the part and the whole, positions and
 * colours precomputed) in the same run, as bench/viz.bench.ts does.
 * Targets (issue 15): 10,000 people drawn ≤ 3 s, panel ≤ 300 ms; 100,000
 * people open and usable ≤ 20 s, search ≤ 100 ms, panel ≤ 500 ms.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { generateNetwork, introductionPaths, parseNetworkFile, relationships, serializeNetwork, type Network } from "@tiegraph/core";
import type { Page } from "playwright-core";
import { launchChromium, openPage, serveExplorer, waitForNetwork } from "../examples/explorer/test/browser.js";
import { lastShownDay } from "../examples/explorer/src/worker/analysis.js";
import { levelOfDetail } from "../examples/explorer/src/worker/level-of-detail.js";
import { startHarness } from "../packages/viz/test/browser.js";
import type { Benchmark } from "./run.js";
import { OUT } from "./data.js";
import { percentile, table } from "./util.js";

const SIZES = (process.env.EXPLORER_BENCH_PEOPLE ?? "10000,100000").split(",").map(Number);
const LOAD_RUNS: Record<number, number> = { 10_000: 3, 100_000: 1 };
const SEARCHES = 30;
const PANELS = 10;
const PATHS = 10;
const WIDTH = 1400;
const HEIGHT = 900;
/** Longest wait for one step (a 100,000-person whole network in software WebGL is slow). */
const STEP_TIMEOUT = 600_000;

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
  view: number[];
  draw: number[];
  stall: number[];
  heap: number;
  drawnPeople: string;
  firstPanel: number;
  panels: number[];
  searches: number[];
  paths: number[];
  wholeView: number | undefined;
  wholeDraw: number | undefined;
  wholePeople: string;
}

async function explorerFigures(network: Network, file: string, people: number): Promise<PageFigures> {
  const served = await serveExplorer();
  const browser = await launchChromium();
  const name = `explorer-${people}.json`;
  try {
    const f: PageFigures = { view: [], draw: [], stall: [], heap: NaN, drawnPeople: "", firstPanel: NaN, panels: [], searches: [], paths: [], wholeView: undefined, wholeDraw: undefined, wholePeople: "" };
    let page!: Page;
    const runs = LOAD_RUNS[people] ?? 1;
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
      await page.locator('input[type="file"]').setInputFiles(file);
      await waitForNetwork(page, name, STEP_TIMEOUT);
      await page.waitForFunction(() => performance.getEntriesByName("tiegraph:load-to-draw", "measure").length > 0, undefined, { timeout: STEP_TIMEOUT });
      f.view.push((await measures(page, "tiegraph:load-to-view")).at(-1)!);
      f.draw.push((await measures(page, "tiegraph:load-to-draw")).at(-1)!);
      f.stall.push(await page.evaluate(() => (window as unknown as { __stall: number }).__stall));
    }
    f.drawnPeople = (await page.locator("[data-status]").textContent()) ?? "";
    f.heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);

    // a person's panel right after the picture (the worker may still be computing the overview), then once it is idle
    const person = (k: number) => network.personAt(1 + ((k * 7919) % (network.personCount - 1)));
    f.firstPanel = await panelTime(page, person(0).id, person(0).name);
    await page.waitForFunction(() => document.getElementById("app")?.dataset.analysed !== undefined, undefined, { timeout: STEP_TIMEOUT });
    for (let k = 1; k <= PANELS; k++) f.panels.push(await panelTime(page, person(k).id, person(k).name));
    await page.evaluate(() => (location.hash = ""));

    // search: type the first letters of people's names
    const search = page.getByRole("combobox", { name: "Search people and organisations" });
    for (let k = 0; k < SEARCHES; k++) {
      const q = person(100 + k).name;
      await page.evaluate(() => performance.clearMeasures("tiegraph:search"));
      await search.fill(q.slice(0, 3 + (k % 4)));
      await page.locator('[role="option"]').first().waitFor();
      f.searches.push((await measures(page, "tiegraph:search")).at(-1)!);
    }
    await search.fill("");

    if (people <= 10_000) {
      // introduction paths to people ego has no tie with, set through the URL like a bookmark
      const rel = relationships(network, { excludeConfidential: true });
      const ego = network.egoIndex;
      const targets: string[] = [];
      for (let i = 1; i < network.personCount && targets.length < PATHS; i += 97) {
        let direct = false;
        for (let q = rel.offsets[ego]!; q < rel.offsets[ego + 1]!; q++) if (rel.neighbor[q] === i) direct = true;
        const id = network.personAt(i).id;
        if (!direct && introductionPaths(network, { to: { person: id } }).paths.length) targets.push(id);
      }
      for (const id of targets) {
        await page.evaluate(() => performance.clearMeasures("tiegraph:path"));
        await page.evaluate((h) => (location.hash = h), `#tab=introduce&intro=person:${encodeURIComponent(id)}`);
        await page.waitForFunction(() => performance.getEntriesByName("tiegraph:path", "measure").length > 0, undefined, { timeout: 60_000 });
        f.paths.push((await measures(page, "tiegraph:path"))[0]!);
        await page.waitForTimeout(600);
      }
      await page.evaluate(() => (location.hash = ""));
    }

    // the whole network, one click away
    const button = page.getByRole("button", { name: "Show whole network" });
    if (await button.isVisible()) {
      await page.evaluate(() => performance.clearMeasures());
      await button.click();
      try {
        await page.waitForFunction(() => performance.getEntriesByName("tiegraph:load-to-draw", "measure").length > 0, undefined, { timeout: STEP_TIMEOUT });
        f.wholeView = (await measures(page, "tiegraph:load-to-view"))[0]!;
        f.wholeDraw = (await measures(page, "tiegraph:load-to-draw"))[0]!;
        f.wholePeople = (await page.locator("[data-status]").textContent()) ?? "";
      } catch (e) {
        console.error(`    whole network of ${people}: ${(e as Error).message.split("\n")[0]}`);
      }
    }
    return f;
  } finally {
    await browser.close();
    await served.close();
  }
}

/** Plain sigma's first frame (ms, median of `runs`) on a graph of `nodes` people and the ties [a, b], positions precomputed. */
async function sigmaFirstFrame(nodes: number, a: Int32Array, b: Int32Array, runs: number): Promise<number | undefined> {
  const h = await startHarness();
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
    for (const people of SIZES) {
      const { network, file, bytes } = networkFile(people);
      const day = lastShownDay(network);
      const rel = relationships(network, { excludeConfidential: true, ...(day === undefined ? {} : { asOf: day }) });
      const drawn: number[] = [];
      for (let k = 0; k < rel.pairCount; k++) if (!rel.confidentialOnly[k]) drawn.push(k);
      const detail = levelOfDetail(rel, network.egoIndex);
      console.error(`    ${people}: page…`);
      const f = await explorerFigures(network, file, people);
      console.error(`    ${people}: ${JSON.stringify(f)}`);
      // plain sigma on the same two graphs: the part the page opens on, and the whole
      let sigmaPart: number | undefined;
      if (detail.kind !== "whole") {
        const at = new Int32Array(network.personCount).fill(-1);
        detail.people.forEach((i, k) => (at[i] = k));
        sigmaPart = await sigmaFirstFrame(detail.people.length, Int32Array.from(detail.ties, (k) => at[rel.a[k]!]!), Int32Array.from(detail.ties, (k) => at[rel.b[k]!]!), 3);
      }
      const sigmaWhole = await sigmaFirstFrame(network.personCount, Int32Array.from(drawn, (k) => rel.a[k]!), Int32Array.from(drawn, (k) => rel.b[k]!), people > 10_000 ? 1 : 3);
      console.error(`    ${people}: sigma part ${sigmaPart} whole ${sigmaWhole}`);

      const ms = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v.toFixed(0) : "–");
      const ratio = (v: number | undefined, t: number) => (v !== undefined && Number.isFinite(v) ? (v / t).toFixed(2) : "–");
      const vs = (v: number | undefined, s: number | undefined) => (v !== undefined && s !== undefined && Number.isFinite(v) ? `${(v / s).toFixed(2)}×` : "–");
      const big = people > 10_000;
      const drawTarget = big ? 20_000 : 3_000;
      const panelTarget = big ? 500 : 300;
      const draw = percentile(f.draw, 50);
      const view = percentile(f.view, 50);
      const panel = percentile(f.panels, 50);
      const searchP50 = percentile(f.searches, 50);
      const rows: (string | number)[][] = [
        [`file chosen → view built, first frame submitted (median of ${f.view.length}; runs ${f.view.map(ms).join(", ")})`, ms(view), drawTarget.toLocaleString("en"), ratio(view, drawTarget), "–"],
        [`file chosen → first frame on screen (median of ${f.draw.length}; runs ${f.draw.map(ms).join(", ")})`, ms(draw), drawTarget.toLocaleString("en"), ratio(draw, drawTarget), `${ms(sigmaPart ?? sigmaWhole)} (${vs(draw, sigmaPart ?? sigmaWhole)})`],
        ["longest main-thread stall while loading (median)", ms(percentile(f.stall, 50)), "–", "–", "–"],
        ["person panel, first, right after the picture (worker may still be analysing)", ms(f.firstPanel), panelTarget, ratio(f.firstPanel, panelTarget), "–"],
        [`person panel (median of ${f.panels.length}, worker idle)`, ms(panel), panelTarget, ratio(panel, panelTarget), "–"],
        [`person panel (slowest of ${f.panels.length})`, ms(Math.max(...f.panels)), panelTarget, ratio(Math.max(...f.panels), panelTarget), "–"],
        [`search results (median of ${SEARCHES} queries)`, searchP50.toFixed(1), 100, ratio(searchP50, 100), "–"],
        [`search results (slowest of ${SEARCHES})`, Math.max(...f.searches).toFixed(1), 100, ratio(Math.max(...f.searches), 100), "–"],
        ...(f.paths.length ? [[`introduction query → highlight on screen (median of ${f.paths.length})`, ms(percentile(f.paths, 50)), 300, ratio(percentile(f.paths, 50), 300), "–"]] : []),
        ["“Show whole network” clicked → view built", ms(f.wholeView), "–", "–", "–"],
        ["“Show whole network” clicked → whole network on screen", ms(f.wholeDraw), "–", "–", `${ms(sigmaWhole)} (${vs(f.wholeDraw, sigmaWhole)})`],
      ];
      out.push(
        `### ${people.toLocaleString("en")} people`,
        "",
        `Generated network: ${network.personCount.toLocaleString("en")} people (with an ego), ${network.organisationCount} organisations, ${network.exchangeCount.toLocaleString("en")} exchanges, ${drawn.length.toLocaleString("en")} drawable relationships; file ${(bytes / 2 ** 20).toFixed(1)} MiB, seed 2026. ` +
          `Opens on: ${openedOn(detail)} (status line: “${f.drawnPeople}”); after “Show whole network”: “${f.wholePeople || "not reached"}”. ` +
          `JS heap of the page after loading: ${Number.isFinite(f.heap) ? `${(f.heap / 2 ** 20).toFixed(0)} MiB` : "not reported"}.`,
        "",
        table(["step", "time (ms)", "target (ms)", "time / target", "plain sigma, same graph (ms) (page / sigma)"], rows),
        "",
      );
    }
    return [
      "The built page (`vite build`, served by `vite preview` on 127.0.0.1) in Debian's Chromium, headless, WebGL through SwiftShader (software), 1400×900. Times come from the page's own `performance.measure` entries: " +
        "`tiegraph:load-to-view` from the file input's change to the page having built the view (read, parse and analyse in the worker, build the drawn graph, mount the view, its first frame submitted), `tiegraph:load-to-draw` on to the frame after that one (the picture on screen); the same two from the click on “Show whole network”; `tiegraph:search` from the input event to the results in the DOM; `tiegraph:path` from the query to the highlight on screen. " +
        "The person panel is timed from the hash change that selects a person to the panel filled in with their name (worker answer included). " +
        "A network of more than 3,000 people opens on a level-of-detail part (docs/explorer.md); the path index and the overview figures are computed in the worker after the picture, one job per task, so questions in between are answered first. " +
        "**Plain sigma**: sigma 3 alone in the same Chromium (the viz benchmark's harness page), mounting the same graph — the part the page opens on, and the whole — with positions, sizes and colours precomputed, timed from the constructor to the GPU having drawn the first frame (a one-pixel `readPixels`). " +
        `Load average when run: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other processes share the machine); SwiftShader draws on the same cores, so the on-screen figures move with it.`,
      "",
      ...out,
    ].join("\n");
  },
};
export default bench;
