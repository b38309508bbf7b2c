/**
 * The tiegraph program: one commander program with a subcommand per task,
 * and the mapping from what went wrong to an exit code and a message.
 * - a TiegraphError (bad data) prints its message, which names the file and
 *   line, and exits 1;
 * - a usage error (commander's, or a {@link UsageError}) exits 2;
 * - anything else is a bug: its stack is printed and the exit code is 3.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { TiegraphError } from "@tiegraph/core";
import { EXIT, type ExitCode } from "./exit-codes.js";
import { processTerminal, safeTerminal, type Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";
import { registerGenerate } from "./commands/generate.js";
import { registerImport } from "./commands/import.js";
import { registerReport } from "./commands/report.js";
import { registerIntro } from "./commands/intro.js";
import { registerPlan } from "./commands/plan.js";
import { registerAsk } from "./commands/ask.js";
import { registerExport } from "./commands/export.js";
import { registerEncrypt, registerDecrypt } from "./commands/crypt.js";
import { registerLog } from "./commands/log.js";
import { registerPerson } from "./commands/person.js";

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

const EXIT_HELP = `
Exit codes:
  0  success
  1  bad input: a file or a value in it is wrong (the message names the file and line)
  2  bad usage: unknown command or option, missing or malformed argument
  3  internal error (a bug in tiegraph; please report it)

Environment:
  TIEGRAPH_PASSPHRASE  passphrase of encrypted network files (otherwise asked for on the terminal)

Example:
  $ tiegraph generate --people 300 --exchanges 6000 --seed 7 -o net.json
  $ tiegraph report net.json
`;

/**
 * Builds the `tiegraph` program bound to a terminal. Errors do not exit the
 * process: `parseAsync` rejects and {@link runCli} turns the error into an
 * exit code.
 *
 * @example
 * ```ts
 * await createProgram(processTerminal()).parseAsync(["generate", "--people", "10", "--exchanges", "50", "--seed", "1"], { from: "user" });
 * ```
 */
export function createProgram(outside: Terminal): Command {
  // every write is shown escaped: no name from a file can control the terminal
  const terminal = safeTerminal(outside);
  const program = new Command("tiegraph");
  program
    .description("Keep the record of your face-to-face networking: reciprocity, internal/external mix, introductions, a weekly plan.")
    .version(version(), "-V, --version")
    .configureOutput({
      writeOut: (s) => void terminal.stdout.write(s),
      writeErr: (s) => void terminal.stderr.write(s),
      getOutHelpWidth: () => terminal.stdout.columns ?? 100,
      getErrHelpWidth: () => terminal.stderr.columns ?? 100,
    })
    .exitOverride()
    .showHelpAfterError("(add --help for usage and an example)")
    .addHelpText("after", EXIT_HELP);
  // subcommands inherit the output, exit override and help-after-error settings
  registerImport(program, terminal);
  registerReport(program, terminal);
  registerIntro(program, terminal);
  registerPlan(program, terminal);
  registerAsk(program, terminal);
  registerExport(program, terminal);
  registerLog(program, terminal);
  registerPerson(program, terminal);
  registerEncrypt(program, terminal);
  registerDecrypt(program, terminal);
  registerGenerate(program, terminal);
  return program;
}

/**
 * Runs `tiegraph` with the given arguments (without `node` and the script)
 * and returns the exit code; never calls `process.exit`, so output is flushed.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2));
 * ```
 */
export async function runCli(args: readonly string[], outside: Terminal = processTerminal()): Promise<ExitCode> {
  const terminal = safeTerminal(outside);
  try {
    await createProgram(terminal).parseAsync([...args], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    return exitCodeOf(error, terminal);
  }
}

function exitCodeOf(error: unknown, terminal: Terminal): ExitCode {
  if (error instanceof CommanderError) {
    // commander has already printed the message (or the help)
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    terminal.stderr.write(`tiegraph ${error.command}: ${error.message}\n(add --help for usage and an example)\n`);
    return EXIT.usage;
  }
  if (error instanceof TiegraphError) {
    terminal.stderr.write(`${error.message}\n`);
    return EXIT.badInput;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  terminal.stderr.write(`tiegraph: internal error, please report it with the command you ran:\n${detail}\n`);
  return EXIT.internal;
}
