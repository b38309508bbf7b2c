// Every code example in docs/*.md and the READMEs runs here, so the docs cannot drift:
// each ```ts block runs against the workspace sources (its console.log output captured),
// each ```sh line that calls tiegraph runs in-process through runCli, and a block marked
// ```text output (or ```json output) right after it must equal what it printed.
import * as fs from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join } from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import * as core from "@tiegraph/core";
import * as io from "@tiegraph/io";
import { runCli } from "../packages/cli/src/program.js";
import { DATASETS } from "../packages/core/test/datasets-path.js";
import { docBlocks, type DocBlock } from "./docs-blocks.js";

const root = join(import.meta.dirname, "..");
const docs = [
  ...fs.readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`),
  ...["core", "io", "viz", "cli"].map((p) => `packages/${p}/README.md`),
  "README.md",
].filter((f) => fs.existsSync(join(root, f)));

/** A scratch folder per document: files examples write land here, and later examples of the same document read them. */
function sandbox(): { dir: string; read: (p: string) => string; write: (p: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), "tiegraph-docs-"));
  const write = (p: string) => join(dir, basename(p));
  const read = (p: string) => (isAbsolute(p) ? p : fs.existsSync(write(p)) ? write(p) : join(root, p));
  return { dir, read, write };
}

/** The modules a ts example may import; node:fs reads from the repository and writes to the sandbox. */
async function moduleFor(spec: string, box: ReturnType<typeof sandbox>): Promise<unknown> {
  if (spec === "@tiegraph/core") return core;
  if (spec === "@tiegraph/io") return io;
  if (spec === "@tiegraph/viz") return (await import("@tiegraph/viz")) as Record<string, unknown>; // the Node-safe entry
  if (spec === "@tiegraph/cli") return { runCli };
  if (spec === "@tiegraph/io/node") {
    // file names the example saves or loads live in the sandbox
    const node = (await import("@tiegraph/io/node")) as Record<string, unknown>;
    const place = (p: unknown) => (typeof p === "string" ? (fs.existsSync(box.write(p)) || !fs.existsSync(join(root, p)) ? box.write(p) : join(root, p)) : p);
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typeof v === "function" ? (first: unknown, ...rest: unknown[]) => (v as (...a: unknown[]) => unknown)(place(first), ...rest) : v]));
  }
  if (spec === "node:fs") {
    return {
      ...fs,
      createReadStream: (p: string, ...rest: unknown[]) => (fs.createReadStream as (...a: unknown[]) => unknown)(box.read(p), ...rest),
      readFileSync: (p: string, ...rest: unknown[]) => (fs.readFileSync as (...a: unknown[]) => unknown)(box.read(p), ...rest),
      writeFileSync: (p: string, ...rest: unknown[]) => (fs.writeFileSync as (...a: unknown[]) => unknown)(box.write(p), ...rest),
    };
  }
  throw new Error(`docs example imports ${spec}, which the docs test does not provide`);
}

/** ES import statements → awaited look-ups in `__import`. */
function withoutImports(js: string): string {
  return js
    .replace(/^import\s+\*\s+as\s+(\w+)\s+from\s+("[^"]+");?$/gm, "const $1 = await __import($2);")
    .replace(/^import\s+\{([^}]*)\}\s+from\s+("[^"]+");?$/gm, (_m, names: string, spec: string) => `const {${names.replace(/\s+as\s+/g, ": ")}} = await __import(${spec});`)
    .replace(/^import\s+(\w+)\s+from\s+("[^"]+");?$/gm, "const $1 = (await __import($2)).default;");
}

/** What every ts example may use without defining it: the sample network, a larger generated one, the Lazega law firm (each built once, when an example names it). */
const made = new Map<string, unknown>();
const CONTEXT: Record<string, () => unknown> = {
  network: () => core.parseNetworkFile(fs.readFileSync(join(root, "examples", "data", "sample-network.json"), "utf8")),
  big: () => core.generateNetwork({ seed: 7, people: 3000, exchanges: 20000, ego: false }),
  lazega: () => {
    const read = (...p: string[]) => fs.readFileSync(join(DATASETS, ...p), "utf8");
    return core.loadLazega({ attributes: read("lazega_lawfirm", "ELattr.dat"), relation: read("lazega_lawfirm", "ELadv.dat") }).network;
  },
};
function contextFor(code: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(CONTEXT)) {
    if (!new RegExp(`\\b${name}\\b`).test(code)) continue;
    if (!made.has(name)) made.set(name, make());
    out[name] = made.get(name);
  }
  return out;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

async function runTs(block: DocBlock, box: ReturnType<typeof sandbox>): Promise<string> {
  const js = ts.transpileModule(block.code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const lines: string[] = [];
  const log = (...values: unknown[]) => lines.push(values.map((v) => (typeof v === "string" ? v : JSON.stringify(v, null, 2))).join(" "));
  const fake = { log, info: log, warn: log, error: log };
  const ctx = contextFor(block.code);
  const names = Object.keys(ctx);
  // the example's own declarations shadow the context: it runs in a block of its own
  const fn = new AsyncFunction("__import", "console", ...names, `{\n${withoutImports(js)}\n}`);
  await fn((spec: string) => moduleFor(spec, box), fake, ...names.map((n) => ctx[n]));
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * "Today" of every documented command (TIEGRAPH_TODAY): the sample network's
 * last exchange day, so figures "as of today" in the docs do not change with the calendar.
 */
const DOCS_TODAY = "2026-09-30";

/** One `tiegraph …` command line, run in-process; file arguments map to the sandbox unless they are in the repository. */
async function runCommand(line: string, box: ReturnType<typeof sandbox>): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = line.replace(/^(pnpm --silent |npx )?tiegraph\s+/, "").trim().split(/\s+/);
  const mapped = args.map((a) => (/^[\w./-]+\.(json|csv|ics|vcf|gexf|graphml|tiegraph)$/.test(a) && !fs.existsSync(join(root, a)) ? box.write(a) : a));
  let stdout = "";
  let stderr = "";
  const stdin = Object.assign(new (await import("node:events")).EventEmitter(), { isTTY: false, setEncoding() {}, pause() {}, resume() {} });
  const terminal = { stdout: { write: (s: string) => void (stdout += s), isTTY: false }, stderr: { write: (s: string) => void (stderr += s), isTTY: false }, stdin, env: { TIEGRAPH_TODAY: DOCS_TODAY } };
  const code = await runCli(mapped, terminal as unknown as Parameters<typeof runCli>[1]);
  const local = (s: string) => s.split(`${box.dir}/`).join("");
  return { code, stdout: local(stdout), stderr: local(stderr) };
}

/**
 * A ```ts browser example needs a page (WebGL, a DOM container), so Node cannot run it: its
 * imports must still name what the packages export (the explorer's browser tests run the real thing).
 */
function checkBrowserImports(block: DocBlock): void {
  for (const m of block.code.matchAll(/^import\s+\{([^}]*)\}\s+from\s+"@tiegraph\/(\w+)";?$/gm)) {
    const src = join(root, "packages", m[2]!, "src");
    const sources = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => fs.readFileSync(join(src, f), "utf8")).join("\n");
    for (const name of m[1]!.split(",").map((n) => n.trim().replace(/^type\s+/, "")).filter(Boolean)) {
      const declared = new RegExp(`export\\s+(declare\\s+)?(async\\s+)?(function|const|class|let|type|interface|enum)\\s+${name}\\b|export\\s*(type\\s*)?\\{[^}]*\\b${name}\\b`).test(sources);
      expect({ name, exported: declared }).toEqual({ name, exported: true });
    }
  }
}

for (const doc of docs) {
  const blocks = docBlocks(fs.readFileSync(join(root, doc), "utf8"));
  const runnable = blocks.filter((b) => b.lang === "ts" || (b.lang === "sh" && b.commands.length > 0) || (b.lang === "json" && b.tags.includes("network")));
  if (runnable.length === 0) continue;
  describe(doc, () => {
    const box = sandbox();
    for (const block of runnable) {
      const title = `${block.lang} example at line ${block.line}${block.output ? `, with its output at line ${block.output.line}` : ""}`;
      it(title, async () => {
        let printed = "";
        // an example network file must load as written
        if (block.lang === "json") return void expect(core.parseNetworkFile(block.code, { file: `${doc}:${block.line}` }).personCount).toBeGreaterThan(0);
        if (block.lang === "ts" && block.tags.includes("browser")) return checkBrowserImports(block);
        if (block.lang === "ts") printed = await runTs(block, box);
        else {
          for (const command of block.commands) {
            const r = await runCommand(command, box);
            expect({ command, code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ command, code: 0, stderr: "" });
            printed += r.stdout;
          }
        }
        if (block.output?.kind === "json") expect(JSON.parse(printed)).toEqual(JSON.parse(block.output.text));
        else if (block.output) expect(printed.trimEnd()).toBe(block.output.text.trimEnd());
      });
    }
  });
}

describe("the docs test's own parsing", () => {
  it("pairs a block with the output block right after it, joins continued lines and skips non-tiegraph lines", () => {
    const md = ["# T", "```sh", "npm run start   # not ours", "tiegraph report a.json \\", "  --json", "```", "", "prose", "```text output", "hello", "```", "```ts", "x;", "```"].join("\n");
    const [sh, ts] = docBlocks(md);
    expect(sh).toMatchObject({ lang: "sh", line: 2, commands: ["tiegraph report a.json --json"], output: { kind: "text", text: "hello\n", line: 9 } });
    expect(ts).toMatchObject({ lang: "ts", line: 12, code: "x;\n" });
    expect(ts!.output).toBeUndefined();
  });
});
