/**
 * A progress bar on standard error, drawn only when standard error is a
 * terminal (never into a log file or a pipe) and only for long imports.
 * Redraws at most ten times a second; `done()` erases it.
 */
import { terminalText, writeRaw, type TextSink } from "../terminal.js";

/** A running progress bar. */
export interface Progress {
  /** Sets the amount done so far (in the unit of `total`). */
  update(done: number): void;
  /** Erases the bar. */
  done(): void;
}

/** Imports smaller than this (bytes) finish before a bar would help. */
export const PROGRESS_MIN_TOTAL = 1 << 20;

const SILENT: Progress = { update() {}, done() {} };

/**
 * A progress bar labelled `label`, for `total` units of work, or a silent
 * one when `sink` is not a terminal or the work is small.
 *
 * @example
 * ```ts
 * const bar = progressBar(process.stderr, "importing exchanges.csv", bytes);
 * bar.update(half); bar.done();
 * ```
 */
export function progressBar(sink: TextSink, label: string, total: number, minTotal = PROGRESS_MIN_TOTAL): Progress {
  if (!sink.isTTY || total < minTotal) return SILENT;
  let last = 0;
  let drawn = false;
  const width = Math.max(10, Math.min(40, (sink.columns ?? 80) - label.length - 12));
  const draw = (done: number) => {
    const share = Math.min(1, Math.max(0, done / total));
    const full = Math.round(share * width);
    // the carriage return is the bar's own; the label (a file name) is shown escaped
    writeRaw(sink, `\r${terminalText(label)} [${"#".repeat(full)}${".".repeat(width - full)}] ${String(Math.round(share * 100)).padStart(3)}%`);
    drawn = true;
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    done() {
      if (drawn) writeRaw(sink, "\r\x1b[2K");
    },
  };
}
