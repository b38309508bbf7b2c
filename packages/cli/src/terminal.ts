/**
 * The terminal a command talks to: its output and error streams, environment
 * and standard input. Commands receive one instead of touching `process`, so
 * the whole program can run inside another (a test, a script) unchanged.
 */

/** A writable stream as far as the CLI needs one. */
export interface TextSink {
  write(text: string): unknown;
  /** True when the stream is an interactive terminal (progress bars, prompts). */
  isTTY?: boolean;
  /** Terminal width in columns, when known. */
  columns?: number;
}

/** Standard input as far as the passphrase prompt needs it. */
export interface TextSource extends NodeJS.EventEmitter {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** What a command may use of the outside world. */
export interface Terminal {
  /** Results: tables, JSON, files written to standard output. */
  stdout: TextSink;
  /** Messages about the run: summaries, progress, warnings, errors. */
  stderr: TextSink;
  stdin: TextSource;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The process's own terminal.
 *
 * @example await runCli(["report", "net.json"], processTerminal());
 */
export function processTerminal(): Terminal {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}
