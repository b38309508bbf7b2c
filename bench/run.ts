/**
 * Runs every benchmark (bench/*.bench.ts) in one process tree and rewrites
 * docs/benchmarks.md with their tables. Usage: `pnpm bench [name-filter]`.
 * Each benchmark module default-exports a {@link Benchmark}.
 */
import { readdirSync, writeFileSync, readFileSync, existsSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import os from "node:os";
import { execFileSync } from "node:child_process";

export interface Benchmark {
  /** Section title in docs/benchmarks.md. */
  title: string;
  /** Sort order (lower first). */
  order: number;
  /** Runs and returns the section body (markdown). */
  run(): Promise<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const filter = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter))).sort();
const sections: { title: string; order: number; body: string }[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: Benchmark };
  const b = mod.default;
  console.error(`==> ${b.title} (${f})`);
  const t0 = performance.now();
  const body = await b.run();
  console.error(`    done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  sections.push({ title: b.title, order: b.order, body: `${body.trim()}\n\n_Source: \`bench/${f}\`._` });
}
sections.sort((a, b) => a.order - b.order);

const out = join(root, "docs", "benchmarks.md");
// keep sections of benchmarks not run this time (when filtered)
const previous = existsSync(out) ? readFileSync(out, "utf8") : "";
const kept = new Map<string, string>();
for (const m of previous.matchAll(/^## (.+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)) kept.set(m[1]!.trim(), m[2]!.trim());
for (const s of sections) kept.set(s.title, s.body);
// every benchmark's place, also of those not run this time (read from their sources: importing one may start work)
const order = new Map<string, number>();
for (const f of readdirSync(here).filter((f) => f.endsWith(".bench.ts"))) {
  const source = readFileSync(join(here, f), "utf8");
  const title = /^\s*title: "([^"]+)",$/m.exec(source)?.[1];
  const place = /^\s*order: (\d+),$/m.exec(source)?.[1];
  if (title !== undefined && place !== undefined) order.set(title, Number(place));
}
for (const s of sections) order.set(s.title, s.order);
const titles = [...kept.keys()].filter((t) => t !== "Machine").sort((a, b) => (order.get(a) ?? 50) - (order.get(b) ?? 50));

let pyVersions: string;
try {
  pyVersions = execFileSync("python3", ["-c", "import networkx,sys;print('NetworkX',networkx.__version__,'on Python',sys.version.split()[0])"], { encoding: "utf8" }).trim();
} catch {
  pyVersions = "NetworkX not available";
}
let igraph: string;
try {
  igraph = execFileSync("/usr/bin/python3", ["-c", "import igraph;print('python-igraph',igraph.__version__)"], { encoding: "utf8" }).trim();
} catch {
  igraph = "python-igraph not installed (apt-get install python3-igraph)";
}
const machine = [
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- CPU: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, memory ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  `- Node ${process.version}; ${pyVersions}; ${igraph}`,
].join("\n");
mkdirSync(dirname(out), { recursive: true });
const text = [
  "# Benchmarks",
  "",
  "Written by `pnpm bench` (bench/run.ts); do not edit by hand. Peers run in the same process tree on the same generated data. Timings are wall-clock medians unless stated; heap figures come from `process.memoryUsage().heapUsed` after a forced GC (`node --expose-gc`).",
  "",
  "## Machine",
  machine,
  "",
  ...titles.flatMap((t) => [`## ${t}`, kept.get(t)!, ""]),
].join("\n");
writeFileSync(out, text);
console.error(`wrote ${out}`);
