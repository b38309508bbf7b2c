/**
 * The main job from a fresh clone (issue 15's target: `npm run start` prints
 * the page's address ≤ 30 s after the install). A clone of the committed
 * tree in a temporary folder, its install (pnpm, from the store this machine
 * already has), then `npm run start` timed from its spawn to the address on
 * its output, then the page opened in headless Chromium at that address,
 * timed from the navigation to the sample network drawn (the dev server
 * compiles the packages' sources on that first request). Repeated START_RUNS
 * times (default 3) on the same clone; the medians are reported.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, launchChromium, openPage, waitForNetwork } from "../examples/explorer/test/browser.js";
import type { Benchmark } from "./run.js";
import { percentile, table } from "./util.js";

const ROOT = join(import.meta.dirname, "..");
const RUNS = Number(process.env.START_RUNS ?? 3);
/** Longest wait for the address or the drawn page. */
const TIMEOUT_MS = 180_000;

/** Spawns `npm run start` in `dir` on `port`; resolves with the milliseconds until the address was printed, and a stop function. */
function startServer(dir: string, port: number): Promise<{ ms: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn("npm", ["run", "start"], { cwd: dir, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      // the whole process group: npm, bash and vite
      process.kill(-child.pid!, "SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let out = "";
    const address = `http://127.0.0.1:${port}`;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`npm run start printed no address within ${TIMEOUT_MS} ms:\n${out}`));
    }, TIMEOUT_MS);
    const hear = (chunk: Buffer): void => {
      out += chunk.toString("utf8");
      // vite colours the port: compare without the terminal's escape sequences
      // eslint-disable-next-line no-control-regex
      if (out.replace(/\x1b\[[0-9;]*m/g, "").includes(address)) {
        clearTimeout(timer);
        child.stdout.off("data", hear);
        resolve({ ms: performance.now() - t0, stop });
      }
    };
    child.stdout.on("data", hear);
    child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run start ended (${code}) before printing the address:\n${out}`));
    });
  });
}

const bench: Benchmark = {
  title: "The main job from a fresh clone (issue 15)",
  order: 65,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-start-"));
    try {
      execFileSync("git", ["clone", "--quiet", ROOT, dir]);
      const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: dir, encoding: "utf8" }).trim();
      const i0 = performance.now();
      execFileSync("npx", ["-y", "pnpm@12.4.2", "install", "--frozen-lockfile", "--prefer-offline"], { cwd: dir, stdio: "ignore" });
      const installMs = performance.now() - i0;
      const browser = await launchChromium();
      const addressMs: number[] = [];
      const drawnMs: number[] = [];
      try {
        for (let r = 0; r < RUNS; r++) {
          const port = await freePort();
          const server = await startServer(dir, port);
          addressMs.push(server.ms);
          try {
            const d0 = performance.now();
            const { page } = await openPage(browser, `http://127.0.0.1:${port}/`);
            await waitForNetwork(page, "sample-network.json", TIMEOUT_MS);
            drawnMs.push(performance.now() - d0);
            await page.context().close();
          } finally {
            await server.stop();
          }
        }
      } finally {
        await browser.close();
      }
      const s = (ms: number): string => (ms / 1000).toFixed(1);
      const runs = (xs: number[]): string => xs.map(s).join(", ");
      return [
        `A clone of the committed tree (${commit}) in a temporary folder; \`npx -y pnpm@12.4.2 install --frozen-lockfile --prefer-offline\` in it (${s(installMs)} s here, the packages coming from the store this machine already has: on a new machine the download adds to it); then \`npm run start\` (scripts/start.sh: the environment check, then vite's dev server on the packages' TypeScript sources, nothing built first), timed from its spawn to the address on its output; then the address opened in headless Chromium (software WebGL), timed from the navigation to the sample network drawn (\`#app[data-loaded]\`; vite compiles the sources on this first request). ${RUNS} runs on the same clone (the first one also fills vite's dependency cache); medians. Load average (1 min) on ${cpus().length} cores: ${loadavg()[0]!.toFixed(1)}.`,
        "",
        table(
          ["step", "median (s)", "runs (s)", "target (s)"],
          [
            ["`npm run start` → address printed", s(percentile(addressMs, 50)), runs(addressMs), "30"],
            ["address opened → sample drawn", s(percentile(drawnMs, 50)), runs(drawnMs), "–"],
          ],
        ),
      ].join("\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
