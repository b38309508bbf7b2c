/**
 * Browser harness shared by the viz tests and benchmark: builds the test app
 * (test/app) with vite's JS API, serves the build on 127.0.0.1 with a tiny
 * static server, and drives Debian's Chromium through playwright-core with
 * SwiftShader WebGL.
 */
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defaultClientConditions } from "vite";
import { chromium, type Browser, type Page } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const APP = join(here, "app");
/** Debian's Chromium (scripts/ensure-env.sh installs it). */
export const CHROMIUM = "/usr/bin/chromium";

/** A built app served locally and a browser to open it in. */
export interface BrowserHarness {
  url: string;
  browser: Browser;
  /** A new page of the given size with the app loaded and `window.tiegraph` ready. */
  open(width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".map": "application/json" };

/**
 * Builds and serves the test app and launches Chromium (`minify: false` keeps
 * names for profiling; `softwareCompositing`, for the explorer benchmark's
 * comparison: the page's layers composited in software, as the explorer's
 * launcher explains).
 */
export async function startHarness(options: { minify?: boolean; softwareCompositing?: boolean } = {}): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-env.sh (apt-get install chromium)`);
  const outDir = mkdtempSync(join(tmpdir(), "tiegraph-viz-app-"));
  await build({
    root: APP,
    configFile: false,
    logLevel: "warn",
    resolve: { conditions: ["source", ...defaultClientConditions] },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4000, minify: options.minify ?? true },
  });
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(outDir, path === "/" ? "index.html" : path);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // a larger JS heap for the 50,000-person benchmark page
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--js-flags=--max-old-space-size=8192", ...(options.softwareCompositing === true ? ["--disable-gpu-compositing"] : [])],
  });
  return {
    url,
    browser,
    async open(width = 800, height = 600) {
      const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
      page.on("pageerror", (e) => console.error("[page error]", e.message));
      // tsx (the benchmark runner) compiles with keepNames, which wraps functions
      // passed to page.evaluate in a __name helper the page does not have
      await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
      await page.goto(url);
      await page.waitForFunction(() => document.body.dataset.ready === "1");
      await page.evaluate(([w, h]) => Object.assign(document.getElementById("graph")!.style, { width: `${w}px`, height: `${h}px` }), [width, height] as const);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
