/**
 * The passphrase of encrypted network files: from the TIEGRAPH_PASSPHRASE
 * environment variable, else typed at a terminal prompt without echo. Never
 * from a command-line argument, which other users of the machine can read in
 * the process list and which shells keep in their history.
 */
import type { Terminal } from "./terminal.js";
import { UsageError } from "./usage-error.js";

/** The environment variable read before prompting. */
export const PASSPHRASE_ENV = "TIEGRAPH_PASSPHRASE";

/** Options of {@link getPassphrase}. */
export interface PassphraseRequest {
  /** The command asking, for messages. */
  command: string;
  /** What the passphrase is for, e.g. `net.json.enc`. */
  file: string;
  /** Ask twice and compare (when choosing a new passphrase). */
  confirm?: boolean;
}

/**
 * The passphrase: the environment variable when set (non-empty), else read
 * from the terminal. Without either it is a usage error (exit 2): a script
 * must set the variable.
 *
 * @example
 * ```ts
 * const pass = await getPassphrase(processTerminal(), { command: "decrypt", file: "net.json" });
 * ```
 */
export async function getPassphrase(terminal: Terminal, request: PassphraseRequest): Promise<string> {
  const fromEnv = terminal.env[PASSPHRASE_ENV];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!terminal.stdin.isTTY || typeof terminal.stdin.setRawMode !== "function") {
    throw new UsageError(request.command, `${request.file} needs a passphrase: set ${PASSPHRASE_ENV} or run tiegraph in a terminal to type it`);
  }
  const first = await readHidden(terminal, `Passphrase for ${request.file}: `);
  if (first === "") throw new UsageError(request.command, "the passphrase is empty");
  if (request.confirm) {
    const again = await readHidden(terminal, "Type it again: ");
    if (again !== first) throw new UsageError(request.command, "the two passphrases differ; nothing was written");
  }
  return first;
}

/**
 * Reads one line from a terminal in raw mode, echoing nothing. Backspace
 * edits, Enter ends, Ctrl-C and Ctrl-D cancel (a usage error: nothing done).
 *
 * @example
 * ```ts
 * const secret = await readHidden(processTerminal(), "Passphrase: ");
 * ```
 */
export function readHidden(terminal: Terminal, prompt: string): Promise<string> {
  const input = terminal.stdin;
  terminal.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      input.removeListener("data", onData);
      input.setRawMode?.(false);
      input.pause();
      terminal.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string | Uint8Array) => {
      const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      for (const ch of text) {
        if (ch === "\r" || ch === "\n") return finish();
        if (ch === "\u0003" || ch === "\u0004") return finish(new UsageError("passphrase", "cancelled; nothing was done"));
        if (ch === "\u007f" || ch === "\b") typed = [...typed].slice(0, -1).join("");
        else if (ch >= " ") typed += ch;
      }
    };
    input.setRawMode?.(true);
    input.setEncoding?.("utf8");
    input.on("data", onData);
    input.resume();
  });
}
