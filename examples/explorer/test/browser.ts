/**
 * The end-to-end harness: builds the explorer with vite's JS API into a
 * temporary folder, serves it with `vite preview` on 127.0.0.1 and a free
 * port, and drives it in Debian's headless Chromium through playwright-core.
 * Every request the page makes is recorded, so tests can check that none
 * goes to another host. Used by the e2e tests, the screenshot script and
 * bench/explorer.bench.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page, type Request } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";

/** The explorer's folder. */
export const EXPLORER_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A built explorer served on 127.0.0.1. */
export interface ServedExplorer {
  /** The page's address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Origin the page may talk to. */
  origin: string;
  close(): Promise<void>;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Builds the page into a temporary folder and serves it. */
export async function serveExplorer(): Promise<ServedExplorer> {
  const outDir = mkdtempSync(join(tmpdir(), "tiegraph-explorer-"));
  const configFile = join(EXPLORER_ROOT, "vite.config.ts");
  await build({ configFile, root: EXPLORER_ROOT, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({ configFile, root: EXPLORER_ROOT, logLevel: "warn", build: { outDir }, preview: { host: "127.0.0.1", port, strictPort: true, open: false } });
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** The Chromium flag of software compositing (see {@link launchChromium}). */
const SOFTWARE_COMPOSITING = ["--disable-gpu-compositing"];

/**
 * Launches headless Chromium with software WebGL (sigma draws with WebGL).
 * `softwareCompositing` (the explorer benchmark's EXPLORER_BENCH_COMPOSITING=software):
 * the page's layers are composited by the browser in software instead of
 * through SwiftShader's GPU process as well; the WebGL canvases are drawn by
 * SwiftShader either way. Measured here it shows frames later (each WebGL
 * canvas is read back for the software compositor: the 10,000-person picture
 * 3.4 s after the file against 2.7 s, docs/benchmarks.md), and it did not
 * make the browser tests cheaper: explorer.e2e.test.ts took 178 s of CPU
 * with it and 172 s without (Chromium's GPU process 51 s against 69 s, its
 * renderer 82 s against 65 s), so the tests and the recorded benchmarks use
 * the GPU process's compositing.
 */
export function launchChromium(options: { softwareCompositing?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", ...(options.softwareCompositing === true ? SOFTWARE_COMPOSITING : [])],
  });
}

/** A page with every request it made. */
export interface RecordedPage {
  page: Page;
  /** URLs of every request, in order (page, scripts, workers, blobs…). */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** Opens a new page, recording requests and errors, at the given size. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1400, height: 900 }, options: { colorScheme?: "light" | "dark"; hasTouch?: boolean } = {}): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: options.colorScheme ?? "light", hasTouch: options.hasTouch ?? false });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const seen = new Set<Request>();
  const record = (r: Request) => {
    if (seen.has(r)) return;
    seen.add(r);
    requests.push(r.url());
  };
  page.on("request", record);
  // the context also hears requests of the page's workers (the network worker, the layout worker)
  context.on("request", record);
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, requests, errors };
}

/** Waits until the page has drawn a network (its file name is on `#app[data-loaded]`). */
export async function waitForNetwork(page: Page, name = "sample-network.json", timeout = 30_000): Promise<void> {
  await page.waitForFunction((n) => document.getElementById("app")?.dataset.loaded === n, name, { timeout });
}

/**
 * Sets the page's "As of" control to the last exchange (the page starts as of
 * today) and waits until the worker has published the figures again. The
 * choice holds for the files opened later on the same page, so tests that
 * compare with core's defaults (the last exchange) read the same day.
 */
export async function asOfLastExchange(page: Page): Promise<void> {
  const generation = () => Number(document.getElementById("app")!.dataset.generation ?? 0);
  const before = await page.evaluate(generation);
  await page.getByLabel("As of", { exact: true }).selectOption("last-exchange");
  await page.waitForFunction((g) => Number(document.getElementById("app")!.dataset.generation ?? 0) > g, before);
}

/** Requests that went anywhere but the page's origin or the browser itself (blob:, data:). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter((u) => !(u.startsWith(`${origin}/`) || u === origin || u.startsWith("blob:") || u.startsWith("data:")));
}

/**
 * Counts the pixels of an element's screenshot (or of a screenshot taken
 * earlier) that are within `tolerance`
 * (per channel) of a colour (`"near"`), or that differ from it by more than
 * that in sum (`"away"`: what is drawn over a background). The PNG is
 * decoded by the page's own image decoder.
 */
export async function countPixels(page: Page, target: string | Buffer, colour: string, mode: "near" | "away" = "near", tolerance = 24): Promise<number> {
  const png = typeof target === "string" ? await page.locator(target).screenshot() : target;
  return page.evaluate(
    async ({ b64, hex, away, tol }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const dr = Math.abs(data[i]! - r);
        const dg = Math.abs(data[i + 1]! - g);
        const db = Math.abs(data[i + 2]! - b);
        if (away ? dr + dg + db > tol : dr <= tol && dg <= tol && db <= tol) n++;
      }
      return n;
    },
    { b64: png.toString("base64"), hex: colour, away: mode === "away", tol: tolerance },
  );
}
