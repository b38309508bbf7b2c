#!/usr/bin/env node
/**
 * The `tiegraph` executable: runs the program on the process's arguments and
 * sets the exit code (see docs/cli.md for the codes).
 */
import { allowImportWorker } from "./files/import-ahead.js";
import { allowIndexWorker } from "./files/index-ahead.js";
import { runCli } from "./program.js";

// the thread that builds a tie index while a columnar copy is decoded (files/index-ahead.ts): the bundled
// file beside this one, or the source beside this source
allowIndexWorker(new URL(import.meta.url.endsWith(".ts") ? "./files/index-worker.ts" : "./files/index-worker.js", import.meta.url));
// the thread that reads `import`'s exchanges CSVs while the other files are read (files/import-ahead.ts)
allowImportWorker(new URL(import.meta.url.endsWith(".ts") ? "./files/import-worker.ts" : "./files/import-worker.js", import.meta.url));

// `tiegraph report net.json | head` closes the pipe early: stop quietly
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2));
