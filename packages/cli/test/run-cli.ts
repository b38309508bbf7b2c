// Runs the tiegraph command as a user would, as a subprocess on the package's
// TypeScript sources (no build needed), and captures what it printed.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, "../../..");
/** The committed sample network. */
export const SAMPLE = join(ROOT, "examples", "data", "sample-network.json");
/** The committed CLI fixtures. */
export const FIXTURES = join(ROOT, "examples", "data", "fixtures-cli");
const BIN = join(ROOT, "packages", "cli", "src", "bin.ts");
// tsx by absolute address, so runs from any working folder find it ("tsx" resolves to its loader for both conditions)
const TSX = pathToFileURL(createRequire(join(ROOT, "package.json")).resolve("tsx")).href;

/** What a run printed and how it ended. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link tiegraph}. */
export interface RunOptions {
  /** Extra environment variables (TIEGRAPH_PASSPHRASE…). */
  env?: Record<string, string>;
  /** Text on standard input. */
  input?: string;
  cwd?: string;
}

/** Runs `tiegraph ...args` and waits for it. */
export function tiegraph(args: readonly string[], options: RunOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env || !("TIEGRAPH_PASSPHRASE" in options.env)) delete env.TIEGRAPH_PASSPHRASE;
  const r = spawnSync(process.execPath, ["--conditions=source", "--import", TSX, BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
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
