/**
 * Whole-process benchmark of the CLI on the generated network: each command
 * runs as its own process from a cold start (Node start-up, reading the file,
 * computing, writing), timed from outside with `/usr/bin/time` (wall seconds
 * and peak resident memory), beside NetworkX doing the same job as a whole
 * process (bench/peers/commands_networkx.py: read the file, build the
 * DiGraph, compute, write). Uses the built CLI (packages/cli/dist): run
 * `pnpm build` first. Sizes: `BENCH_COMMANDS_SIZES` (people × exchanges, default
 * `100000x1000000,300000x3000000`); a table after them gives each command's
 * time and peak memory at the largest size over the smallest (the issue asks
 * for linear scaling: within 3.5× for 3× the network). `BENCH_COMMANDS_RUNS`
 * (default 4: the first, without a columnar copy, and three later ones, whose
 * median is shown; two later runs made a mean, moved by one slow run) runs per tiegraph command. NetworkX runs
 * `BENCH_COMMANDS_PEER_RUNS` times (default 3; the median is shown), each right after one of tiegraph's later runs,
 * so both sides meet the same spells of a host whose speed wanders by a third within minutes (one NetworkX run
 * made the ratio as much the host's as the programs'), at sizes up to `BENCH_COMMANDS_PEER_MAX` people
 * (default 100000). After the sizes' tables, each command runs at the smallest and the largest size
 * alternately, `BENCH_COMMANDS_PAIRS` times each (default 3; 0 skips it), for a scaling table whose two sides
 * met the same spells of the host.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import type { Benchmark } from "./run.js";
import { OUT } from "./data.js";
import { percentile, table } from "./util.js";

const here = dirname(fileURLToPath(import.meta.url));
const CLI = join(here, "..", "packages", "cli", "dist", "bin.js");
const PEER = join(here, "peers", "commands_networkx.py");
const RUNS = Number(process.env.BENCH_COMMANDS_RUNS ?? 4);
/** Seconds after which a process is stopped and shown as "> N s" (BENCH_COMMANDS_TIMEOUT, default 600). */
const TIMEOUT = Number(process.env.BENCH_COMMANDS_TIMEOUT ?? 600);
/** NetworkX runs at sizes up to this many people (BENCH_COMMANDS_PEER_MAX). */
const PEER_MAX = Number(process.env.BENCH_COMMANDS_PEER_MAX ?? 100000);
/** NetworkX runs per command (BENCH_COMMANDS_PEER_RUNS), interleaved with tiegraph's later runs. */
const PEER_RUNS = Math.max(1, Number(process.env.BENCH_COMMANDS_PEER_RUNS ?? 3));
/** Runs of each command at the smallest and the largest size alternately, for the paired scaling table (BENCH_COMMANDS_PAIRS; 0: none). */
const PAIRS = Math.max(0, Number(process.env.BENCH_COMMANDS_PAIRS ?? 3));

/** One size's table, and each command's later run and peak for the scaling table. */
interface SizeResult {
  people: number;
  exchanges: number;
  markdown: string;
  later: Map<string, { seconds: number; peakMb: number } | null>;
  /** The network file the commands read, and the commands as run at this size. */
  net: string;
  jobs: Job[];
}

interface Run {
  ok: boolean;
  timedOut?: boolean;
  seconds: number;
  peakMb: number;
  /** CPU seconds, user and system, of the process and every thread it ran. */
  cpuSeconds: number;
  /** The system (kernel) part of {@link cpuSeconds}. */
  systemSeconds: number;
  /** Minor page faults: first touches of fresh memory, one per 4 KB page (see {@link firstTouch}). */
  faults: number;
}

/** One whole process under /usr/bin/time: wall seconds, CPU seconds (user + system) and peak RSS (its largest process). */
function timed(command: string[], env: Record<string, string> = {}): Run {
  const report = join(OUT, "time.txt");
  // the previous run's written files reach the disk first: their writeback would otherwise slow this run's reads and saves
  execFileSync("sync");
  let ok = true;
  try {
    execFileSync("/usr/bin/time", ["-f", "%e %M %U %S %R", "-o", report, "timeout", "-s", "KILL", String(TIMEOUT), ...command], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  } catch {
    ok = false;
  }
  const [seconds, kb, user, system, faults] = readFileSync(report, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { ok, timedOut: !ok && seconds! >= TIMEOUT - 1, seconds: seconds!, peakMb: kb! / 1024, cpuSeconds: user! + system!, systemSeconds: system!, faults: faults! };
}

/** An exchanges CSV with a `note` column added: row k (from 1) has a quoted note with a comma when k is a multiple of 20, else a plain one when k is a multiple of 7, else none. */
function withNotes(text: string): string {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line, k) => `${line.replace(/\r$/, "")},${k === 0 ? "note" : k % 20 === 0 ? '"met at the fair, then lunch"' : k % 7 === 0 ? "short note" : ""}\r\n`).join("");
}

/** CPU seconds and, in brackets, the system (kernel) part of them. */
function cpu(r: Run): string {
  return `${r.cpuSeconds.toFixed(2)} (${r.systemSeconds.toFixed(2)})`;
}

/** Touches a fresh 400 MB buffer once per 4 KB page in a new process, three times: the median wall and system seconds. */
function firstTouch(): { seconds: number; systemSeconds: number; pages: number } {
  const bytes = 400 * 1024 * 1024;
  const script = `const b = new Uint8Array(${bytes}); const u = process.cpuUsage(); const t = process.hrtime.bigint(); for (let i = 0; i < b.length; i += 4096) b[i] = 1; const s = Number(process.hrtime.bigint() - t) / 1e9; console.log(s, process.cpuUsage(u).system / 1e6);`;
  const runs = [0, 1, 2].map(() => execFileSync("node", ["-e", script], { encoding: "utf8" }).trim().split(" ").map(Number) as [number, number]);
  return { seconds: percentile(runs.map((r) => r[0]), 50), systemSeconds: percentile(runs.map((r) => r[1]), 50), pages: bytes / 4096 };
}

function median(runs: Run[]): Run {
  return { ok: runs.every((r) => r.ok), timedOut: runs.some((r) => r.timedOut), seconds: percentile(runs.map((r) => r.seconds), 50), peakMb: percentile(runs.map((r) => r.peakMb), 50), cpuSeconds: percentile(runs.map((r) => r.cpuSeconds), 50), systemSeconds: percentile(runs.map((r) => r.systemSeconds), 50), faults: percentile(runs.map((r) => r.faults), 50) };
}

interface Job {
  name: string;
  tiegraph: string[];
  networkx: string[] | null;
  /** The earlier, lighter NetworkX script for the same command (it wrote part of the file), run beside the other for comparison. */
  lighter?: string[];
  /** Runs that make a file the next run would otherwise find (import, generate, export) start clean. */
  clean?: string[];
}

function sizeSection(people: number, exchanges: number): SizeResult {
  const withPeer = people <= PEER_MAX;
  const dir = join(OUT, `commands-${people}`);
  mkdirSync(dir, { recursive: true });
  const net = join(dir, "net.json");
  const node = (...args: string[]) => ["node", CLI, ...args];
  const py = (...args: string[]) => ["python3", PEER, ...args];
  // the network every command reads, made by the command under test (kept between runs of the benchmark)
  const gen = existsSync(net) ? null : timed(node("generate", "--people", String(people), "--exchanges", String(exchanges), "--seed", "2026", "-o", net));
  const csv = join(dir, "csv");
  if (!existsSync(join(csv, "exchanges.csv"))) execFileSync("node", [CLI, "export", net, "--format", "csv", "--table", "all", "--include-confidential", "-o", csv], { stdio: "ignore" });
  // the same exchanges with a note column as a spreadsheet writes it: every 20th row a note with a comma (quoted), every 7th a plain one
  const notesCsv = join(csv, "exchanges-notes.csv");
  if (!existsSync(notesCsv)) writeFileSync(notesCsv, withNotes(readFileSync(join(csv, "exchanges.csv"), "utf8")));
  const target = `p${Math.floor(people / 2)}`;
  const jobs: Job[] = [
    { name: "intro", tiegraph: node("intro", net, "--from", "p1", "--to", target), networkx: py("intro", net, "p1", target) },
    { name: "plan", tiegraph: node("plan", net, "--ego", "p1", "--week", "2026-10-05"), networkx: py("plan", net, "p1") },
    { name: "report --json", tiegraph: node("report", net, "--json"), networkx: py("report", net) },
    { name: "report (tables)", tiegraph: node("report", net), networkx: null },
    { name: "export gexf", tiegraph: node("export", net, "--format", "gexf", "-o", join(dir, "out.gexf")), networkx: py("export-gexf", net, join(dir, "nx.gexf")) },
    { name: "export graphml", tiegraph: node("export", net, "--format", "graphml", "-o", join(dir, "out.graphml")), networkx: py("export-graphml", net, join(dir, "nx.graphml")) },
    { name: "export json", tiegraph: node("export", net, "--format", "json", "-o", join(dir, "out.json")), networkx: py("export-json", net, join(dir, "nx.json")) },
    { name: "export csv (ties)", tiegraph: node("export", net, "--format", "csv", "-o", join(dir, "out.csv")), networkx: py("export-csv", net, join(dir, "nx.csv")) },
    // an export never replaces a network file (a tiegraph copy is one): each run writes afresh
    { name: "export tiegraph", tiegraph: node("export", net, "--format", "tiegraph", "-o", join(dir, "out.tiegraph.json")), networkx: null, clean: [join(dir, "out.tiegraph.json")] },
    {
      name: "import (people + exchanges CSV)",
      tiegraph: node("import", "--people", join(csv, "people.csv"), "--exchanges", join(csv, "exchanges.csv"), "-o", join(dir, "imported.json")),
      networkx: py("import", join(csv, "exchanges.csv"), join(csv, "people.csv"), join(dir, "nx-imported.json")),
      lighter: py("import-light", join(csv, "exchanges.csv"), join(csv, "people.csv"), join(dir, "nx-imported-light.json")),
      clean: [join(dir, "imported.json"), join(dir, "imported.json.bak")],
    },
    {
      name: "import (notes CSV, 5% quoted)",
      tiegraph: node("import", "--people", join(csv, "people.csv"), "--exchanges", notesCsv, "-o", join(dir, "imported-notes.json")),
      networkx: py("import", notesCsv, join(csv, "people.csv"), join(dir, "nx-imported-notes.json")),
      lighter: py("import-light", notesCsv, join(csv, "people.csv"), join(dir, "nx-imported-notes-light.json")),
      clean: [join(dir, "imported-notes.json"), join(dir, "imported-notes.json.bak")],
    },
    { name: "generate", tiegraph: node("generate", "--people", String(people), "--exchanges", String(exchanges), "--seed", "7", "-o", join(dir, "gen.json")), networkx: py("generate", String(people), String(exchanges), join(dir, "nx-gen.json")), lighter: py("generate-light", String(people), String(exchanges), join(dir, "nx-gen-light.json")), clean: [join(dir, "gen.json"), join(dir, "gen.json.bak")] },
  ];
  const rows: (string | number)[][] = [];
  const lighterRows: (string | number)[][] = [];
  const later = new Map<string, { seconds: number; peakMb: number } | null>();
  const only = process.env.BENCH_COMMANDS_JOBS?.split(",");
  for (const job of jobs.filter((j) => !only || only.some((o) => j.name.startsWith(o)))) {
    console.error(`    ${people}: ${job.name}`);
    // the first read of a file has no columnar copy yet; it writes one for the later runs
    rmSync(`${net}.columns`, { force: true });
    const runs: Run[] = [];
    const peerRuns: Run[] = [];
    const lighterRuns: Run[] = [];
    const peer = job.networkx && withPeer ? job.networkx : null;
    const lighter = peer && job.lighter ? job.lighter : null;
    console.error(`      ${new Date().toISOString().slice(11, 19)}`);
    // tiegraph's later runs each followed by one of NetworkX's (the rest of NetworkX's after them, if it runs more)
    for (let r = 0; r < Math.max(RUNS, 1 + (peer ? PEER_RUNS : 0)); r++) {
      if (r < RUNS) {
        for (const f of job.clean ?? []) rmSync(f, { force: true });
        runs.push(timed(job.tiegraph));
      }
      if (peer && r >= 1 && peerRuns.length < PEER_RUNS) peerRuns.push(timed(peer));
      if (lighter && r >= 1 && lighterRuns.length < PEER_RUNS) lighterRuns.push(timed(lighter));
    }
    const first = runs[0]!;
    const rest = median(runs.length > 1 ? runs.slice(1) : runs);
    later.set(job.name, rest.ok ? { seconds: rest.seconds, peakMb: Math.max(first.peakMb, rest.peakMb) } : null);
    const nx = peerRuns.length > 0 ? median(peerRuns) : null;
    const shown = (r: Run): string | number => (r.ok ? r.seconds : r.timedOut ? `> ${TIMEOUT}` : "failed");
    rows.push([
      `\`${job.name}\``,
      shown(first),
      shown(rest),
      rest.ok ? cpu(rest) : "–",
      // a process stopped by the timeout is not measured: its peak is unknown
      first.timedOut || rest.timedOut ? "–" : Math.round(Math.max(first.peakMb, rest.peakMb)),
      rest.ok ? Math.round(rest.faults / 1000) : "–",
      nx ? shown(nx) : "–",
      nx?.ok ? cpu(nx) : "–",
      nx?.ok ? Math.round(nx.peakMb) : "–",
      nx?.ok ? Math.round(nx.faults / 1000) : "–",
      nx?.ok && rest.ok ? `${(nx.seconds / rest.seconds).toFixed(1)}×` : nx?.timedOut && rest.ok ? `> ${(TIMEOUT / rest.seconds).toFixed(1)}×` : "–",
      // the ratio tiegraph would reach were its CPU time spread evenly over every core
      nx?.ok && rest.ok ? `${(nx.seconds / (rest.cpuSeconds / cpus().length)).toFixed(1)}×` : "–",
    ]);
    console.error(`      ${rows[rows.length - 1]!.join(" | ")}`);
    const light = lighterRuns.length > 0 ? median(lighterRuns) : null;
    if (light && nx) {
      lighterRows.push([`\`${job.name}\``, shown(rest), shown(nx), nx.ok && rest.ok ? `${(nx.seconds / rest.seconds).toFixed(1)}×` : "–", shown(light), light.ok ? cpu(light) : "–", light.ok ? Math.round(light.peakMb) : "–", light.ok && rest.ok ? `${(light.seconds / rest.seconds).toFixed(1)}×` : "–"]);
      console.error(`      lighter: ${lighterRows[lighterRows.length - 1]!.join(" | ")}`);
    }
  }
  const markdown = [
    `### ${people.toLocaleString("en")} people, ${exchanges.toLocaleString("en")} exchanges`,
    "",
    `Load average on the ${cpus().length}-core machine when this size finished: ${loadavg()[0]!.toFixed(0)} (other work running makes every figure larger, tiegraph's and NetworkX's alike; compare within a row). ${gen ? `\`generate\` wrote the file in ${gen.seconds.toFixed(1)} s (peak ${Math.round(gen.peakMb)} MB). ` : ""}Processes were stopped after ${TIMEOUT} s ("> ${TIMEOUT}"). "first" is a run that found no columnar copy of the file (it parses the JSON and writes the copy); "later" is the median of the ${Math.max(1, RUNS - 1)} runs after it, which read the copy. Peak is the larger of the two, in MB. CPU is user and system time over every thread of the process (the median of the later runs), so on this ${cpus().length}-core machine a command's wall time cannot fall below its CPU time over ${cpus().length}: a command whose CPU time over ${cpus().length} is more than a tenth of NetworkX's time cannot be 10× faster than NetworkX without using less CPU, however its work is spread over threads. ${withPeer ? `NetworkX ran ${PEER_RUNS === 1 ? "once" : `${PEER_RUNS} times, each right after one of tiegraph's later runs (the same spells of the host for both); its median is shown, and the ratio is of the two medians`}.` : `NetworkX was not run at this size (it runs up to ${PEER_MAX.toLocaleString("en")} people).`}`,
    "",
    table(["command", "tiegraph first (s)", "tiegraph later (s)", "tiegraph later CPU (s) (of it system)", "tiegraph peak (MB)", "tiegraph page faults (thousands)", "NetworkX (s)", "NetworkX CPU (s) (of it system)", "NetworkX peak (MB)", "NetworkX page faults (thousands)", "NetworkX / tiegraph later", `at most, at this CPU (NetworkX / (CPU / ${cpus().length}))`], rows),
    ...(lighterRows.length > 0
      ? [
          "",
          `The earlier, lighter NetworkX scripts for \`import\` and \`generate\` (\`import-light\`, \`generate-light\` in bench/peers/commands_networkx.py) wrote part of what tiegraph writes: the people's ids and names and four fields of each exchange (and its note), no organisations or affiliations, about two thirds of the file. The scripts in the table above write the same content as tiegraph (the same fields; the imported file within 0.3% of tiegraph's size). Both ran in this run, each right after one of tiegraph's later runs; medians of ${PEER_RUNS}:`,
          "",
          table(["command", "tiegraph later (s)", "NetworkX, same content (s)", "ratio", "NetworkX, lighter script (s)", "its CPU (s) (of it system)", "its peak (MB)", "ratio to the lighter script"], lighterRows),
        ]
      : []),
  ].join("\n");
  return { people, exchanges, markdown, later, net, jobs };
}

/** Each command at the largest size over the smallest: later-run seconds and peak memory. */
function scaling(results: SizeResult[]): string {
  if (results.length < 2) return "";
  const small = results[0]!;
  const big = results[results.length - 1]!;
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  const rows = [...small.later.keys()].map((name) => {
    const a = small.later.get(name);
    const b = big.later.get(name);
    return [`\`${name}\``, a && b ? ratio(b.seconds, a.seconds) : "–", a && b ? ratio(b.peakMb, a.peakMb) : "–"];
  });
  return [
    `### Scaling: ${big.people.toLocaleString("en")} over ${small.people.toLocaleString("en")} people`,
    "",
    `The network is ${(big.exchanges / small.exchanges).toFixed(0)}× larger; linear scaling keeps each ratio near that (the target: within 3.5×). Time is the later runs' median, memory the peak.`,
    "",
    table(["command", "time ratio", "peak memory ratio"], rows),
  ].join("\n");
}

/**
 * Each command run at the smallest and the largest size alternately,
 * {@link PAIRS} times each (later runs: the columnar copies are made first):
 * the ratio of the two medians. The sizes' own tables are measured a quarter
 * of an hour apart, and the host's speed wanders by a third within minutes,
 * so the ratio of their figures is partly the host's; here both sizes meet
 * the same spells.
 */
function pairedScaling(results: SizeResult[]): string {
  if (results.length < 2 || PAIRS === 0) return "";
  const small = results[0]!;
  const big = results[results.length - 1]!;
  const only = process.env.BENCH_COMMANDS_JOBS?.split(",");
  // a reading command's first run makes the copy its later runs read (an import or generate job left none)
  for (const r of [small, big]) {
    const reader = r.jobs.find((j) => j.name === "intro");
    if (reader && !existsSync(`${r.net}.columns`)) timed(reader.tiegraph);
  }
  const rows: (string | number)[][] = [];
  for (const job of small.jobs.filter((j) => !only || only.some((o) => j.name.startsWith(o)))) {
    const other = big.jobs.find((j) => j.name === job.name);
    if (other === undefined) continue;
    console.error(`    paired: ${job.name}`);
    const a: Run[] = [];
    const b: Run[] = [];
    for (let k = 0; k < PAIRS; k++) {
      for (const [j, into] of [[job, a], [other, b]] as const) {
        for (const f of j.clean ?? []) rmSync(f, { force: true });
        into.push(timed(j.tiegraph));
      }
    }
    const ma = median(a);
    const mb = median(b);
    const ok = ma.ok && mb.ok;
    rows.push([`\`${job.name}\``, ok ? ma.seconds : "–", ok ? mb.seconds : "–", ok ? `${(mb.seconds / ma.seconds).toFixed(2)}×` : "–", ok ? `${(mb.peakMb / ma.peakMb).toFixed(2)}×` : "–"]);
    console.error(`      ${rows[rows.length - 1]!.join(" | ")}`);
  }
  return [
    `### Scaling, paired: each command at both sizes alternately`,
    "",
    `The sizes' tables above were measured some minutes apart, and this host's speed wanders by a third within minutes, so the ratios of their figures are partly the host's. Here each command ran at ${small.people.toLocaleString("en")} and at ${big.people.toLocaleString("en")} people alternately, ${PAIRS} times each (later runs, reading the columnar copies), right after the tables: both sizes met the same spells of the host. The ratios are of the medians (seconds; peak memory).`,
    "",
    table(["command", `${small.people.toLocaleString("en")} people (s)`, `${big.people.toLocaleString("en")} people (s)`, "time ratio", "peak memory ratio"], rows),
  ].join("\n");
}

const bench: Benchmark = {
  title: "Commands (whole processes)",
  order: 5,
  async run() {
    if (!existsSync(CLI)) return "Skipped: the CLI is not built (run `pnpm build` first).";
    const sizes = (process.env.BENCH_COMMANDS_SIZES ?? "100000x1000000,300000x3000000").split(",").map((s) => s.split("x").map(Number) as [number, number]);
    const touch = firstTouch();
    const results = sizes.map(([p, e]) => sizeSection(p, e));
    const sections = [...results.map((r) => r.markdown), scaling(results), pairedScaling(results)].filter((s) => s !== "");
    return [
      "Each command is a separate process from a cold start (`node packages/cli/dist/bin.js`, the `tiegraph` command as installed: one file bundled at build time, see packages/cli/README.md), timed from outside with `/usr/bin/time -f '%e %M %U %S %R'` (wall seconds, peak resident memory, user and system CPU seconds, minor page faults), after a `sync` so that no earlier run's written files are still going to the disk. NetworkX's column is bench/peers/commands_networkx.py doing the same job as a whole process: read the same JSON file, build the DiGraph of non-confidential ties, compute (a shortest path for intro, ego's neighbours' last contacts for plan, overall reciprocity and the E-I index for report), and write the same kind of file; `import` and `generate` write a file of the same content as tiegraph's (import: every column of both CSVs, as tiegraph keeps them, with the people's organisations and roles as organisations and affiliations; generate: a network of the same fields and mix of kinds, drawn more simply), and the lighter scripts used until December 2026 are measured beside them (see below each size's table). tiegraph writes every file atomically and flushes it to the disk (fsync) before it ends; NetworkX's script leaves its file in the page cache, so the written files cost tiegraph the disk's time as well. `report` estimates betweenness within its default work budget (`--brokerage sampled`). A \"later\" `intro`, `report` or `export` (gexf, graphml, json, csv ties) builds its tie index (and `report` its betweenness sample, `intro` its route graph) on a second thread while the main thread decodes the copy (docs/cli.md, \"Speed\"): it uses both cores, and its figures are the same as on one (`TIEGRAPH_INDEX_AHEAD=off`). NetworkX's script computes less than `report` does (no betweenness, constraint or effective size). On a machine shared with other work, run it as `nice -n -15 bash scripts/bench.sh commands` (as root, with `/proc/sys/kernel/sched_autogroup_enabled` at 0 so that nice applies across sessions): the timed processes then get the CPU first and their wall time stays close to their CPU time.",
      `Memory costs CPU here: the first write to each 4 KB page of fresh memory is a page fault the kernel (and, on this virtual machine, the host) serves. On this machine, touching a fresh 400 MB buffer once per page (102,400 writes, well under a millisecond of work) took ${touch.seconds.toFixed(2)} s, of which ${touch.systemSeconds.toFixed(2)} s counted as system time and the rest as the process's own (the median of three processes): ${((touch.seconds / touch.pages) * 1e6).toFixed(1)} µs a page, about ${((touch.seconds / 400) * 100).toFixed(2)} s for each 100 MB a process touches. A command's system time (in brackets in the CPU columns) is mostly these faults, and about as much again of them is counted in its user time: both follow the memory the command touches, which is at least its peak. The page-fault columns count them (the median of the later runs; NetworkX's of its runs).`,
      "",
      ...sections,
    ].join("\n\n");
  },
};
export default bench;
