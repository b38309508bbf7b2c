#!/usr/bin/env node
/**
 * The `tiegraph` executable: runs the program on the process's arguments and
 * sets the exit code (see docs/cli.md for the codes).
 */
import { runCli } from "./program.js";

// `tiegraph report net.json | head` closes the pipe early: stop quietly
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2));
