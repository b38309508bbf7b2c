/**
 * The browser test app: exposes @tiegraph/core and @tiegraph/viz on
 * `window.tiegraph` so tests and the benchmark drive real views through
 * playwright-core, plus a helper that waits for sigma's next rendered frame.
 */
import * as core from "@tiegraph/core";
import * as viz from "@tiegraph/viz";

/** Resolves after the browser has painted twice (sigma renders on animation frames). */
function frames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

const api = { core, viz, frames, container: () => document.getElementById("graph")! };
window.tiegraph = api;
document.body.dataset.ready = "1";

export type TestApi = typeof api;

declare global {
  interface Window {
    tiegraph: TestApi;
  }
}
