/**
 * Explorer page benchmark: the built page in headless Chromium on a
 * generated 10,000-person network — first draw after choosing the file,
 * search latency, and introduction path query plus highlight — measured by
 * the page's own performance marks, plus the longest main-thread stall while
 * the file loads. Targets: first draw < 3 s, search < 100 ms, path < 300 ms.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import os from "node:os";
import { generateNetwork, introductionPaths, relationships, serializeNetwork } from "@tiegraph/core";
import type { Page } from "playwright-core";
import { launchChromium, openPage, serveExplorer, waitForNetwork } from "../examples/explorer/test/browser.js";
import type { Benchmark } from "./run.js";
import { OUT } from "./data.js";
import { percentile, table } from "./util.js";

/** The network the page must stay usable with. */
const SIZE = { seed: 2026, people: 10_000, exchanges: 100_000, ego: true } as const;
const LOAD_RUNS = 3;
const SEARCHES = 30;
const PATHS = 10;

/** Durations (ms) of the page's performance measures with this name, oldest first. */
async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, "measure").map((m) => m.duration), name);
}

const bench: Benchmark = {
  title: "Explorer page: 10,000 people in headless Chromium (issue 7)",
  order: 60,
  async run() {
    const network = generateNetwork(SIZE);
    const text = serializeNetwork(network, { indent: 0 });
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, `explorer-${SIZE.people}.json`);
    writeFileSync(file, text);
    const rel = relationships(network, { excludeConfidential: true });
    const ego = network.egoIndex;

    const served = await serveExplorer();
    const browser = await launchChromium();
    try {
      // first draw: from choosing the file to the frame after the view mounted
      const loads: number[] = [];
      const views: number[] = [];
      const stalls: number[] = [];
      const heaps: number[] = [];
      let page!: Page;
      for (let run = 0; run < LOAD_RUNS; run++) {
        if (page) await page.context().close();
        ({ page } = await openPage(browser, served.url));
        await waitForNetwork(page);
        // a probe on the main thread: the longest gap between its ticks is the longest stall
        await page.evaluate(() => {
          const w = window as unknown as { __stall: number; __probe: number };
          w.__stall = 0;
          let last = performance.now();
          w.__probe = window.setInterval(() => {
            const now = performance.now();
            w.__stall = Math.max(w.__stall, now - last);
            last = now;
          }, 10);
        });
        await page.locator('input[type="file"]').setInputFiles(file);
        await waitForNetwork(page, `explorer-${SIZE.people}.json`, 120_000);
        await page.waitForTimeout(300);
        const m = await measures(page, "tiegraph:load-to-draw");
        loads.push(m[m.length - 1]!);
        const v = await measures(page, "tiegraph:load-to-view");
        views.push(v[v.length - 1]!);
        stalls.push(await page.evaluate(() => (window as unknown as { __stall: number }).__stall));
        heaps.push(await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN));
      }

      // search: type the first letters of people's names
      const search = page.getByRole("combobox", { name: "Search people and organisations" });
      const searchTimes: number[] = [];
      for (let k = 0; k < SEARCHES; k++) {
        const name = network.personAt(1 + ((k * 7919) % (network.personCount - 1))).name;
        await page.evaluate(() => performance.clearMeasures("tiegraph:search"));
        await search.fill(name.slice(0, 3 + (k % 4)));
        await page.locator('[role="option"]').first().waitFor();
        const m = await measures(page, "tiegraph:search");
        searchTimes.push(m[m.length - 1]!);
      }
      await search.fill("");

      // introduction paths to people ego has no tie with, set through the URL like a bookmark
      const targets: string[] = [];
      for (let i = 1; i < network.personCount && targets.length < PATHS; i += 97) {
        let direct = false;
        for (let q = rel.offsets[ego]!; q < rel.offsets[ego + 1]!; q++) if (rel.neighbor[q] === i) direct = true;
        const id = network.personAt(i).id;
        if (!direct && introductionPaths(network, { to: { person: id } }).paths.length) targets.push(id);
      }
      const pathTimes: number[] = [];
      const queryTimes: number[] = [];
      const appliedTimes: number[] = [];
      for (const id of targets) {
        await page.evaluate(() => {
          performance.clearMeasures("tiegraph:path");
          performance.clearMeasures("tiegraph:path-query");
          performance.clearMeasures("tiegraph:path-applied");
        });
        await page.evaluate((h) => (location.hash = h), `#tab=introduce&intro=person:${encodeURIComponent(id)}`);
        await page.waitForFunction(() => performance.getEntriesByName("tiegraph:path", "measure").length > 0, undefined, { timeout: 60_000 });
        pathTimes.push((await measures(page, "tiegraph:path"))[0]!);
        queryTimes.push((await measures(page, "tiegraph:path-query"))[0]!);
        appliedTimes.push((await measures(page, "tiegraph:path-applied"))[0]!);
        // let the camera move end before the next query
        await page.waitForTimeout(600);
      }

      const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
      const load = percentile(loads, 50);
      const searchP50 = percentile(searchTimes, 50);
      const searchMax = Math.max(...searchTimes);
      const firstPath = pathTimes[0]!;
      const laterPaths = pathTimes.slice(1);
      const laterQueries = queryTimes.slice(1);
      const view = percentile(views, 50);
      const applied = percentile(appliedTimes, 50);
      const rows: (string | number)[][] = [
        [`file chosen → view built and first frame submitted (median of ${LOAD_RUNS}; runs ${views.map(ms).join(", ")})`, ms(view), "3,000", (view / 3000).toFixed(2)],
        [`file chosen → first frame on screen (median of ${LOAD_RUNS}; runs ${loads.map(ms).join(", ")})`, ms(load), "3,000", (load / 3000).toFixed(2)],
        ["longest main-thread stall while loading (median)", ms(percentile(stalls, 50)), "–", "–"],
        [`search results (median of ${SEARCHES} queries)`, searchP50.toFixed(1), "100", (searchP50 / 100).toFixed(2)],
        [`search results (slowest of ${SEARCHES})`, searchMax.toFixed(1), "100", (searchMax / 100).toFixed(2)],
        [`introduction query: worker's answer on the page (median of ${laterQueries.length})`, ms(percentile(laterQueries, 50)), "–", "–"],
        [`introduction query → path highlighted in the view (median of ${appliedTimes.length})`, ms(applied), "300", (applied / 300).toFixed(2)],
        [`introduction query → highlight on screen, first query`, ms(firstPath), "300", (firstPath / 300).toFixed(2)],
        [`introduction query → highlight on screen (median of the next ${laterPaths.length})`, ms(percentile(laterPaths, 50)), "300", (percentile(laterPaths, 50) / 300).toFixed(2)],
        [`introduction query → highlight on screen (slowest of the next ${laterPaths.length})`, ms(Math.max(...laterPaths)), "300", (Math.max(...laterPaths) / 300).toFixed(2)],
      ];
      return [
        `Generated network: ${network.personCount.toLocaleString("en")} people (with an ego), ${network.organisationCount} organisations, ${network.exchangeCount.toLocaleString("en")} exchanges, ${rel.pairCount.toLocaleString("en")} relationships drawn; file ${(text.length / 2 ** 20).toFixed(1)} MiB, seed ${SIZE.seed}. ` +
          "The built page (`vite build`, served by `vite preview` on 127.0.0.1) in Debian's Chromium, headless, WebGL through SwiftShader (software), 1400×900. Times come from the page's own `performance.measure` entries: " +
          "`tiegraph:load-to-view` runs from the file input's change to the page having built the view (read, parse and analyse in the worker, build the drawn graph, mount the view, its first frame submitted to the GPU), `tiegraph:load-to-draw` on to the frame after that one, i.e. the picture on screen; `tiegraph:search` from the input event to the results in the DOM; `tiegraph:path-query` from the query to the worker's answer, `tiegraph:path-applied` on to the path highlighted in the view (the page's own work), `tiegraph:path` on to the highlight on screen (the camera move that follows is not counted). " +
          "The path index is built in the worker right after loading, so the first query does not pay for it. " +
          `Load average when run: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (other processes share the machine); SwiftShader draws on the same cores, so the on-screen figures move with it.`,
        "",
        table(["step", "time (ms)", "target (ms)", "time / target"], rows),
        "",
        `JS heap of the page with the network loaded: ${Number.isFinite(percentile(heaps, 50)) ? `${(percentile(heaps, 50) / 2 ** 20).toFixed(0)} MiB` : "not reported"} (Chromium's \`performance.memory\`). ` +
          "No peer draws a network in a browser page, so this section has no peer column; the measures the page calls (reciprocity, mix, paths) are compared with NetworkX in their own sections.",
      ].join("\n");
    } finally {
      await browser.close();
      await served.close();
    }
  },
};
export default bench;
