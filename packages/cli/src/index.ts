/**
 * @tiegraph/cli: the `tiegraph` command as a library, to run it inside another
 * program or test it without a subprocess.
 * @packageDocumentation
 */
export { createProgram, runCli } from "./program.js";
export { EXIT, type ExitCode } from "./exit-codes.js";
export { processTerminal, type Terminal, type TextSink, type TextSource } from "./terminal.js";
export { UsageError } from "./usage-error.js";
