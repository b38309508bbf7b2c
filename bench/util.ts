/**
 * Helpers shared by the benchmarks: timing, heap, percentiles, running a
 * Python peer, markdown tables.
 */
import { execFileSync } from "node:child_process";
import type { Network } from "@tiegraph/core";

/** Forces a GC when node runs with --expose-gc. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** V8 heap plus external memory (array buffers) in use after a GC, in bytes. */
export function heapUsed(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Milliseconds taken by fn (one run). */
export function timeMs<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

/** Median of `runs` timings of fn, in ms. */
export function medianMs(fn: () => unknown, runs = 5): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) t.push(timeMs(fn).ms);
  return percentile(t, 50);
}

/** p-th percentile (nearest-rank) of values. */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Runs a Python script (stdin JSON-free); returns stdout, or undefined with a reason when python or the module is missing. */
export function runPython(script: string, args: string[], python = "python3"): { ok: true; out: string } | { ok: false; reason: string } {
  try {
    const out = execFileSync(python, [script, ...args], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
    return { ok: true, out };
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return { ok: false, reason: (err.stderr || err.message).trim().split("\n").slice(-1)[0] ?? "failed" };
  }
}

/** A markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const fmt = (v: string | number) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 2 : 1)) : v);
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(fmt).join(" | ")} |`)].join("\n");
}

/**
 * Makes the next tie-index call on `net` build the index afresh: core keeps
 * the indices it built per network revision (every measure of a command
 * shares them), and writing the same settings again starts a new revision.
 * Benchmarks of the index itself call this before each timed run.
 */
export function forgetIndices(net: Network): void {
  net.setSettings({ ...net.settings });
}
