// Vitest configuration for the whole workspace: every package's tests run
// against the packages' TypeScript sources through the "source" export condition.
import { availableParallelism } from "node:os";
import { defineConfig, defaultServerConditions, defaultClientConditions } from "vite";

export default defineConfig({
  resolve: { conditions: ["source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions], externalConditions: ["source"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts", "examples/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // each worker process runs its test files one after another on one module graph, instead of importing
    // core, io and the rest again for every file (about 100 s of the run's import time); the tests restore
    // what they change (environment variables, spies) and keep their files in folders of their own
    isolate: false,
    // every temporary file of the run in one folder, removed at the end (test/temp-folder.ts)
    globalSetup: ["test/temp-folder.ts"],
    // one test file per core (vitest's default leaves one core idle: a single worker on a 2-core machine)
    maxWorkers: availableParallelism(),
    // prints each file as it finishes, so a long run shows its progress
    reporters: ["default"],
  },
});
