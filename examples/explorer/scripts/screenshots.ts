/**
 * Takes the screenshots of the explorer's key views that docs/explorer.md
 * shows, from the built page in headless Chromium on the sample network.
 * Run: node --conditions=source --import tsx examples/explorer/scripts/screenshots.ts [out-dir]
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { introductionPaths, parseNetworkFile } from "@tiegraph/core";
import type { Page } from "playwright-core";
import { EXPLORER_ROOT, launchChromium, openPage, serveExplorer, waitForNetwork } from "../test/browser.js";

const out = process.argv[2] ?? join(EXPLORER_ROOT, "..", "..", "docs", "screenshots");
mkdirSync(out, { recursive: true });
const sampleText = readFileSync(join(EXPLORER_ROOT, "..", "data", "sample-network.json"), "utf8");
const sample = parseNetworkFile(sampleText);

// a person reached through others (no direct tie with you), for the introduction view
const target = sample.people().find((p, i) => i > 0 && sample.exchangesBetween(0, i).length === 0 && introductionPaths(sample, { to: { person: p.id }, reciprocityAware: true }).paths.length >= 3)!;
// someone on your souring list, for the person panel
const souring = sample.people().find((p) => p.id === "p16") ?? sample.personAt(1);

const served = await serveExplorer();
const browser = await launchChromium();
const shots: { file: string; hash: string; prepare?: (page: Page) => Promise<void> }[] = [
  { file: "explorer-overview.jpg", hash: "" },
  { file: "explorer-person.jpg", hash: `#sel=${encodeURIComponent(souring.id)}` },
  { file: "explorer-introduce.jpg", hash: `#tab=introduce&intro=person:${encodeURIComponent(target.id)}`, prepare: (page) => page.locator("ol.paths > li").first().waitFor() },
  { file: "explorer-reciprocity.jpg", hash: "#tab=reciprocity&scope=ego" },
  { file: "explorer-mix-dark.jpg", hash: "#tab=mix&theme=dark" },
  {
    file: "explorer-error.jpg",
    hash: "",
    prepare: async (page) => {
      const dir = mkdtempSync(join(tmpdir(), "tiegraph-shot-"));
      const file = join(dir, "contacts.json");
      writeFileSync(file, sampleText.replace('"date": "2023-10-05"', '"date": "2023-02-30"'));
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole("alert").waitFor();
    },
  },
];
try {
  for (const shot of shots) {
    const { page } = await openPage(browser, served.url + shot.hash);
    await waitForNetwork(page);
    await shot.prepare?.(page);
    // camera moves and the overview analysis settle
    await page.waitForTimeout(1500);
    writeFileSync(join(out, shot.file), await page.screenshot({ type: "jpeg", quality: 85 }));
    console.log(`wrote ${join(out, shot.file)}`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await served.close();
}
