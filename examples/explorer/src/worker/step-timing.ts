/**
 * Step timing of the workers: each step of a load (reading, parsing, the
 * analysis, the part drawn, the lists) leaves a `performance.measure` named
 * `tiegraph:worker:<step>` on the worker's own timeline, where a profiler
 * or the benchmark (bench/explorer.bench.ts, through playwright's worker
 * handle) reads it. Nothing else depends on it.
 */

/** The prefix of every worker step measure. */
export const STEP_PREFIX = "tiegraph:worker:";

/**
 * Runs `run`, recording how long it took as the measure `tiegraph:worker:<step>`.
 *
 * @example const rel = timed("relationships", () => relationships(network)); // measure "tiegraph:worker:relationships"
 */
export function timed<T>(step: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    record(step, start, performance.now());
  }
}

/**
 * Records a step that ran from `start` to `end` (ms on this timeline).
 *
 * @example record("read", t0, performance.now())
 */
export function record(step: string, start: number, end: number): void {
  performance.measure(STEP_PREFIX + step, { start, end });
}

/** Forgets the steps recorded so far (a new load starts), so the timeline stays small however long the page is used. */
export function clearSteps(): void {
  for (const m of performance.getEntriesByType("measure")) if (m.name.startsWith(STEP_PREFIX)) performance.clearMeasures(m.name);
}
