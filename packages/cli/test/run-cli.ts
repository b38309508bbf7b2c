// Runs the tiegraph command and captures what it printed: `cli` in-process (fast,
// what almost every test uses), `tiegraphProcess` as a real subprocess (the
// built command when it is up to date, else node + tsx on the sources), kept
// for the few checks that need a process (exit status set by bin.ts, a closed
// pipe, signals); see subprocess.test.ts.
import { spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { packageBuilt } from "../../../test/built.js";
import { runCli } from "../src/program.js";
import type { Terminal, TextSource } from "../src/terminal.js";

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, "../../..");
/** The committed sample network. */
export const SAMPLE = join(ROOT, "examples", "data", "sample-network.json");
/** The committed CLI fixtures. */
export const FIXTURES = join(ROOT, "examples", "data", "fixtures-cli");
/** The executable's source. */
export const BIN = join(ROOT, "packages", "cli", "src", "bin.ts");
// tsx by absolute address, so runs from any working folder find it ("tsx" resolves to its loader for both conditions)
const TSX = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;

/** The built command (`pnpm build`: one bundled file, as installed). */
export const BUILT_BIN = join(ROOT, "packages", "cli", "dist", "bin.js");

let processArgs: readonly string[] | undefined;

/**
 * The arguments before the command's own that start a tiegraph process:
 * the built bundle when it is up to date (newer than cli's sources and
 * bundling script and than core's and io's builds, each newer than its own
 * sources: test/built.ts), otherwise node + tsx on bin.ts. The bundle starts in about a tenth of
 * tsx's time, and its worker threads do too.
 */
export function tiegraphProcessArgs(): readonly string[] {
  processArgs ??= packageBuilt("cli") ? [BUILT_BIN] : ["--conditions=source", "--import", TSX, BIN];
  return processArgs;
}

/** What a run printed and how it ended. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link cli} and {@link tiegraphProcess}. */
export interface RunOptions {
  /** Extra environment variables (TIEGRAPH_PASSPHRASE…); the test process's own TIEGRAPH_PASSPHRASE is never passed on. */
  env?: Record<string, string>;
  /** Text on standard input (not a terminal). */
  input?: string;
  /** Working folder of a subprocess run ({@link tiegraphProcess} only). */
  cwd?: string;
}

/** A fixed "today" for tests that print it: pass `{ env: { TIEGRAPH_TODAY: TODAY } }` so the output does not change with the calendar. */
export const TODAY = "2026-11-30";

function environment(options: RunOptions): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env || !("TIEGRAPH_PASSPHRASE" in options.env)) delete env.TIEGRAPH_PASSPHRASE;
  return env;
}

/**
 * Runs `tiegraph ...args` inside the test process through {@link runCli}, with a
 * terminal that is not interactive (like a pipe) and records what was written.
 */
export async function cli(args: readonly string[], options: Pick<RunOptions, "env" | "input"> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const input = options.input ?? "";
  let sent = false;
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: false,
    setEncoding() {},
    pause() {},
    resume() {
      if (sent) return;
      sent = true;
      setImmediate(() => {
        if (input !== "") stdin.emit("data", input);
        stdin.emit("end");
      });
    },
  }) as TextSource;
  const terminal: Terminal = {
    stdout: { write: (s: string) => void (stdout += s), isTTY: false },
    stderr: { write: (s: string) => void (stderr += s), isTTY: false },
    stdin,
    env: environment(options),
  };
  const status = await runCli(args, terminal);
  return { status, stdout, stderr };
}

/** Runs `tiegraph ...args` as a subprocess ({@link tiegraphProcessArgs}) and waits for it. Slower than {@link cli}: use that unless the test needs a process. */
export function tiegraphProcess(args: readonly string[], options: RunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [...tiegraphProcessArgs(), ...args], {
    cwd: options.cwd ?? ROOT,
    env: environment(options),
    input: options.input ?? "",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "tiegraph-cli-"));
}

/** @deprecated A subprocess per call (seconds each): use {@link cli}, or {@link tiegraphProcess} where a real process is the point. */
export const tiegraph = tiegraphProcess;
