/**
 * What every page spec file sets up the same way: one served explorer and one
 * headless Chromium for the file, and after each test the pages it opened
 * checked and closed: not one request to a host other than the page's own,
 * not one page error. (browser.ts has the pieces; this file adds vitest's
 * hooks, so the benchmark and the screenshot script can keep using those.)
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { foreignRequests, launchChromium, openPage, serveExplorer, type RecordedPage, type ServedExplorer } from "./browser.js";

/** Something a test opened: every request it made, every error it showed, and how to close it. */
export interface Watched {
  requests: readonly string[];
  errors: readonly string[];
  close(): Promise<void>;
}

/** The served page and the browser of a spec file, and what its tests open. */
export interface ExplorerHarness {
  readonly served: ServedExplorer;
  readonly browser: Browser;
  /** Checks this after the current test (no foreign request, no error) and closes it. */
  watch(opened: Watched): void;
  /** Opens the page (plus `path`, e.g. a `#hash`) in a new context, watched. */
  open(path?: string, viewport?: { width: number; height: number }, options?: Parameters<typeof openPage>[3]): Promise<RecordedPage>;
}

/**
 * Registers the hooks of a page spec file: serve and launch before all its
 * tests, close both after them, and after each test check and close what it
 * opened.
 *
 * @example
 * ```ts
 * const harness = explorerHarness();
 * it("draws", async () => { const { page } = await harness.open(); ... });
 * ```
 */
export function explorerHarness(setupTimeout = 120_000): ExplorerHarness {
  let served: ServedExplorer | undefined;
  let browser: Browser | undefined;
  const watched: Watched[] = [];
  beforeAll(async () => {
    served = await serveExplorer();
    browser = await launchChromium();
  }, setupTimeout);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  afterEach(async () => {
    // not one request to any host other than the page's own, and no page error, in any test
    for (const w of watched.splice(0)) {
      expect(foreignRequests(w.requests, ready(served).origin)).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.close();
    }
  });
  const harness: ExplorerHarness = {
    get served() {
      return ready(served);
    },
    get browser() {
      return ready(browser);
    },
    watch(opened) {
      watched.push(opened);
    },
    async open(path = "", viewport, options) {
      const rec = await openPage(ready(browser), ready(served).url + path, viewport, options);
      watched.push({ requests: rec.requests, errors: rec.errors, close: () => rec.page.context().close() });
      return rec;
    },
  };
  return harness;
}

function ready<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("the page harness is set up in beforeAll: use it inside tests");
  return value;
}
