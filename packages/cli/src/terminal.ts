/**
 * The terminal a command talks to: its output and error streams, environment
 * and standard input. Commands receive one instead of touching `process`, so
 * the whole program can run inside another (a test, a script) unchanged.
 */
import { Writable } from "node:stream";

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

// C0 controls but tab and line feed, a carriage return not ending a line, DEL,
// C1 controls, and the bidirectional embeddings, overrides and isolates
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// the same characters, carriage returns all included: one quick scan clears plain text (nearly all of it)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text made safe to show on a terminal: every control character (C0 but tab
 * and line feed, a carriage return that does not end a line, DEL, C1) and
 * every bidirectional embedding, override or isolate (U+202A–U+202E,
 * U+2066–U+2069) is written visibly as `\uXXXX`, so a name from a file can
 * neither retitle, clear or recolour the terminal nor reorder what is shown.
 * The notation is JSON's, so JSON output stays valid and means the same.
 * Idempotent: escaped text has nothing left to escape.
 *
 * @example terminalText("Term\x1b]0;PWNED\x07") // "Term\\u001b]0;PWNED\\u0007"
 */
export function terminalText(text: string): string {
  if (!MAYBE_UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const RAW = Symbol("tiegraph.rawSink");

/** A sink that shows everything through {@link terminalText}. */
function escapingSink(sink: TextSink): TextSink {
  if ((sink as { [RAW]?: TextSink })[RAW]) return sink;
  return Object.defineProperties({ write: (text: string): unknown => sink.write(terminalText(text)) } as TextSink, {
    isTTY: { get: () => sink.isTTY, enumerable: true },
    columns: { get: () => sink.columns, enumerable: true },
    [RAW]: { value: sink },
  });
}

/**
 * The terminal every command writes to: the same streams, with every write
 * passed through {@link terminalText}, so no text a command prints (a table,
 * a message, an error naming a record) can carry a control sequence, whoever
 * wrote the view. Applied once by `runCli`; applying it again changes nothing.
 *
 * @example await createProgram(safeTerminal(processTerminal())).parseAsync(["report", "net.json"], { from: "user" });
 */
export function safeTerminal(terminal: Terminal): Terminal {
  return { ...terminal, stdout: escapingSink(terminal.stdout), stderr: escapingSink(terminal.stderr) };
}

/**
 * Writes control sequences of tiegraph's own (a progress bar redrawing its
 * line) to the stream under a {@link safeTerminal} sink. Nothing read from a
 * file may pass through here: escape it with {@link terminalText} first.
 *
 * @example writeRaw(terminal.stderr, "\r\x1b[2K") // erase the progress line
 */
export function writeRaw(sink: TextSink, sequence: string): void {
  ((sink as { [RAW]?: TextSink })[RAW] ?? sink).write(sequence);
}

/**
 * {@link writeRaw} for text already encoded as UTF-8: a Node stream takes
 * the bytes as they are; any other sink (a test's) gets them as text.
 *
 * @example writeRawBytes(terminal.stdout, Buffer.from("[]"))
 */
export function writeRawBytes(sink: TextSink, bytes: Uint8Array): void {
  const raw = (sink as { [RAW]?: TextSink })[RAW] ?? sink;
  if (raw instanceof Writable) raw.write(bytes);
  else raw.write(new TextDecoder().decode(bytes));
}
