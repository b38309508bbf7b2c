/**
 * ForceAtlas2 in a web worker (graphology-layout-forceatlas2/worker): the
 * layout runs off the main thread and writes positions back to the graph,
 * which sigma redraws as they arrive.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import { inferSettings, type ForceAtlas2Settings } from "graphology-layout-forceatlas2";

/** Options of {@link forceAtlas2Layout}. */
export interface ForceAtlas2Options {
  /** ForceAtlas2 settings laid over those graphology infers from the graph's size. */
  settings: ForceAtlas2Settings;
  /** Edge attribute used as weight (ties pull in proportion to strength). */
  weightAttribute: string;
}

/**
 * Defaults: graphology's inferred settings (Barnes-Hut above 2,000 nodes),
 * LinLog mode (Noack 2007: clusters read better), weights from tie strength.
 */
export const DEFAULT_FORCE_ATLAS2_OPTIONS: Readonly<ForceAtlas2Options> = { settings: { linLogMode: true }, weightAttribute: "strength" };

/** A running layout: start, stop, and dispose of its worker. */
export interface LayoutRunner {
  start(): void;
  stop(): void;
  isRunning(): boolean;
  /** Stops and terminates the worker; the runner cannot start again. */
  kill(): void;
}

/**
 * Creates a ForceAtlas2 worker on a graph (Jacomy, Venturini, Heymann &
 * Bastian 2014, "ForceAtlas2, a Continuous Graph Layout Algorithm for Handy
 * Network Visualization", PLoS ONE 9(6)). Nothing moves until `start()`.
 *
 * @example
 * ```ts
 * const fa2 = forceAtlas2Layout(view.graph);
 * fa2.start();
 * setTimeout(() => fa2.kill(), 2000);
 * ```
 */
export function forceAtlas2Layout(graph: Graph, options: Partial<ForceAtlas2Options> = {}): LayoutRunner {
  const settings = { ...inferSettings(graph), ...DEFAULT_FORCE_ATLAS2_OPTIONS.settings, ...options.settings };
  const supervisor = new FA2LayoutSupervisor(graph, { settings, getEdgeWeight: options.weightAttribute ?? DEFAULT_FORCE_ATLAS2_OPTIONS.weightAttribute });
  let killed = false;
  return {
    start: () => {
      if (!killed) supervisor.start();
    },
    stop: () => supervisor.stop(),
    isRunning: () => !killed && supervisor.isRunning(),
    kill: () => {
      killed = true;
      supervisor.kill();
    },
  };
}
