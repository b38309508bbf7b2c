/**
 * The browser test app: exposes @tiegraph/core and @tiegraph/viz on
 * `window.tiegraph` so tests and the benchmark drive real views through
 * playwright-core, plus a helper that waits for sigma's next rendered frame.
 */
import Graph from "graphology";
import Sigma from "sigma";
import * as core from "@tiegraph/core";
import * as viz from "@tiegraph/viz/browser";

/** Resolves after the browser has painted twice (sigma renders on animation frames). */
function frames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

/**
 * A benchmark network: `n` people in n/25 organisations, each person giving
 * information to 5 others picked by a seeded LCG (about 5n relationships).
 */
function benchNetwork(n: number, seed = 1): core.Network {
  let x = seed >>> 0;
  const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const orgs = Math.max(5, Math.round(n / 25));
  const data: core.NetworkData = {
    organisations: Array.from({ length: orgs }, (_, k) => ({ id: `o${k}`, name: `Organisation ${k}` })),
    people: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` })),
    affiliations: Array.from({ length: n }, (_, i) => ({ person: `p${i}`, organisation: `o${Math.floor(next() * orgs)}` })),
    exchanges: [],
  };
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 5; k++) {
      let j = Math.floor(next() * n);
      if (j === i) j = (j + 1) % n;
      data.exchanges!.push({ date: `2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`, kind: next() < 0.5 ? "information" : "meeting", from: `p${i}`, to: `p${j}` });
    }
  }
  return core.Network.from(data);
}

const api = { core, viz, Sigma, Graph, frames, benchNetwork, container: () => document.getElementById("graph")! };
window.tiegraph = api;
document.body.dataset.ready = "1";

export type TestApi = typeof api;

declare global {
  interface Window {
    tiegraph: TestApi;
    /** The view a test mounted, kept between page.evaluate calls. */
    view: viz.NetworkView;
  }
}
