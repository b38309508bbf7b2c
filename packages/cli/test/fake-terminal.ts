// A terminal for running the program in-process: a keyboard that types
// given keys once a prompt is up, and screens that record what was written.
import { EventEmitter } from "node:events";
import type { Terminal, TextSource } from "../src/terminal.js";

/** A terminal whose keyboard types `keys` (one chunk per entry) once the prompt is up. */
export function fakeTerminal(keys: string[], env: Record<string, string> = {}): { terminal: Terminal; shown: () => string; output: () => string; rawModes: boolean[] } {
  let shown = "";
  let output = "";
  const rawModes: boolean[] = [];
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode(mode: boolean) {
      rawModes.push(mode);
    },
    setEncoding() {},
    pause() {},
    resume() {
      const chunk = keys.shift();
      if (chunk !== undefined) setImmediate(() => stdin.emit("data", chunk));
    },
  }) as TextSource;
  const stderr = { write: (s: string) => void (shown += s), isTTY: true };
  const stdout = { write: (s: string) => void (output += s), isTTY: true };
  return { terminal: { stdout, stderr, stdin, env }, shown: () => shown, output: () => output, rawModes };
}
