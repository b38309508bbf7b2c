// Reference screenshots of views, compared with a pixel-difference tolerance.
// Set TIEGRAPH_UPDATE_SCREENSHOTS=1 to rewrite the references (then look at them).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { startHarness, type BrowserHarness } from "./browser.js";
import { handNetworkData } from "./hand-network.js";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "__screenshots__");
const UPDATE = process.env.TIEGRAPH_UPDATE_SCREENSHOTS === "1";
/** Pixels may differ by pixelmatch's colour threshold 0.1; at most this share of them may differ at all. */
const MAX_DIFF_SHARE = 0.005;

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Screenshot of the view container compared with (or written to) a reference. */
async function matchReference(page: Page, name: string): Promise<{ share: number; width: number; height: number }> {
  const shot = PNG.sync.read(await page.locator("#graph").screenshot({ animations: "disabled" }));
  const file = join(DIR, `${name}.png`);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, PNG.sync.write(shot));
    if (!UPDATE) throw new Error(`no reference ${file}: written now, look at it and re-run`);
  }
  const ref = PNG.sync.read(readFileSync(file));
  expect([shot.width, shot.height]).toEqual([ref.width, ref.height]);
  const diff = new PNG({ width: ref.width, height: ref.height });
  const changed = pixelmatch(ref.data, shot.data, diff.data, ref.width, ref.height, { threshold: 0.1 });
  const share = changed / (ref.width * ref.height);
  if (share > MAX_DIFF_SHARE) writeFileSync(join(DIR, `${name}.diff.png`), PNG.sync.write(diff));
  return { share, width: ref.width, height: ref.height };
}

describe("reference screenshots", () => {
  it("light theme, ego rings, default encodings and legend", async () => {
    const page = await h.open(800, 600);
    await page.evaluate(async () => {
      const { core, viz, container, frames } = window.tiegraph;
      const network = core.generateNetwork({ seed: 3, people: 60, exchanges: 800 });
      window.view = viz.mountNetworkView(container(), { network, analysis: viz.analyseForView(network) }, { cameraDuration: 0 });
      await frames(3);
    });
    const r = await matchReference(page, "light-ego-rings");
    expect(r.share).toBeLessThanOrEqual(MAX_DIFF_SHARE);
    await page.close();
  });

  it("dark theme with an introduction path highlighted", async () => {
    const page = await h.open(800, 600);
    await page.evaluate(async () => {
      const { core, viz, container, frames } = window.tiegraph;
      const network = core.generateNetwork({ seed: 3, people: 60, exchanges: 800 });
      const view = viz.mountNetworkView(container(), { network, analysis: viz.analyseForView(network) }, { cameraDuration: 0, theme: "dark", legend: "detached" });
      const s = view.scene;
      const far = s.ids.findIndex((_, i) => s.hopsFromEgo[i] === 2);
      const mid = view.graph.neighbors(s.ids[far]!).find((n) => s.hopsFromEgo[s.indexOf.get(n)!] === 1)!;
      await view.highlightPath(["me", mid, s.ids[far]!], { duration: 0 });
      window.view = view;
      await frames(3);
    });
    const r = await matchReference(page, "dark-path");
    expect(r.share).toBeLessThanOrEqual(MAX_DIFF_SHARE);
    await page.close();
  });

  it("hand network: internal/external colours, a selection, the legend folded", async () => {
    const page = await h.open(640, 420);
    await page.evaluate(async (data) => {
      const { core, viz, container, frames } = window.tiegraph;
      const network = core.Network.from(data);
      const view = viz.mountNetworkView(container(), { network, analysis: viz.analyseForView(network) }, { cameraDuration: 0, legendOpen: false, encoding: { nodeColour: "internal-external" } });
      view.select(["cat", "dan"]);
      window.view = view;
      await frames(3);
    }, handNetworkData());
    const r = await matchReference(page, "hand-selection");
    expect(r.share).toBeLessThanOrEqual(MAX_DIFF_SHARE);
    await page.close();
  });
});
