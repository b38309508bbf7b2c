/**
 * The exchanges' text of a network file written on another thread into a
 * file beside the output, and read back by the save as it is written: the
 * save writes everything before the exchanges meanwhile, then copies the
 * text piece by piece as soon as each piece is on the disk, rather than
 * waiting for the whole text first.
 *
 * The two threads share a few bytes (a {@link TextSignal}): the writer
 * stores how many bytes of the text are in the file after each piece, and
 * at the end whether it wrote them all or failed; the reader waits on them
 * (`Atomics.wait`, which a Node main thread may use) and reads what is
 * there. A writer that fails, or stops saying anything for
 * {@link TEXT_WAIT_MS}, leaves the reader to write the rest itself from the
 * same rows (core's `exchangeTextPieces`: the same rows give the same bytes),
 * so a save never waits without bound and is the same bytes either way.
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { exchangeTextPieces, type ExchangeTextRows } from "@tiegraph/core/internal";

/**
 * Shared memory of one text written ahead: bytes 0–7 the bytes of text in
 * the file (a 64-bit count), bytes 8–11 a count of changes (waited on),
 * bytes 12–15 the state (0 writing, 1 all written, -1 failed).
 */
export type TextSignal = SharedArrayBuffer;

/** How long the reader waits without word from the writer before writing the rest itself (ms). */
export const TEXT_WAIT_MS = 60_000;

/** Where and how the text is written: the file, its indentation and redaction, and the signal both threads share. */
export interface TextAheadFile {
  indent: number;
  redact: boolean;
  file: string;
  signal: TextSignal;
}

/**
 * A signal for one text written ahead (nothing written yet).
 *
 * @example const signal = textSignal(); // handed to the writing thread with the file's name
 */
export function textSignal(): TextSignal {
  return new SharedArrayBuffer(16);
}

const STATE_DONE = 1;
const STATE_FAILED = -1;

/** The signal's two views: the bytes in the file, and [count of changes, state]. */
function views(signal: TextSignal): { bytes: BigInt64Array; words: Int32Array } {
  return { bytes: new BigInt64Array(signal, 0, 1), words: new Int32Array(signal, 8, 2) };
}

/** Counts a change and wakes the reader waiting on the count. */
function changed(words: Int32Array): void {
  Atomics.add(words, 0, 1);
  Atomics.notify(words, 0);
}

/**
 * On the writing thread: writes the text of `rows`' exchanges (see core's
 * `writeExchangeText`) into `how.file` (created; an existing file is an
 * error), saying after each piece how many bytes are in it, and at the end
 * whether all were written. Never throws: a failure is told through the
 * signal (the reader then writes the text itself). Returns whether the text
 * was written whole.
 *
 * @example writeTextAhead(parts, { indent: 2, redact: false, file: ".net.json.x.exchanges.tmp", signal })
 */
export function writeTextAhead(rows: ExchangeTextRows, how: TextAheadFile): boolean {
  const { bytes, words } = views(how.signal);
  let state = STATE_FAILED;
  try {
    const fd = openSync(how.file, "wx", 0o600);
    try {
      let written = 0;
      for (const piece of exchangeTextPieces(rows, how.indent, how.redact)) {
        for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
        written += piece.length;
        Atomics.store(bytes, 0, BigInt(written));
        changed(words);
      }
    } finally {
      closeSync(fd);
    }
    state = STATE_DONE;
  } catch {
    // told as failed: the reader writes the text itself
  } finally {
    Atomics.store(words, 1, state);
    changed(words);
  }
  return state === STATE_DONE;
}

/**
 * Tells the reader that the text will not be finished (it then writes the
 * rest itself), unless it already is: for the reading thread, when it hears
 * that the writing thread stopped.
 *
 * @example worker.once("exit", () => failTextAhead(how))
 */
export function failTextAhead(how: TextAheadFile): void {
  const { words } = views(how.signal);
  if (Atomics.compareExchange(words, 1, 0, STATE_FAILED) !== 0) return;
  changed(words);
}

/**
 * On the saving thread: the text {@link writeTextAhead} writes for `rows`,
 * in pieces read from `how.file` as the writer puts them there (each piece
 * in one buffer used again for the next: use it before asking for the next).
 * Waits (blocking this thread) while the writer is behind; if the writer
 * fails, or says nothing for `waitMs`, the rest is written here from `rows`.
 * The bytes are those of `exchangeTextPieces(rows, how.indent, how.redact)`
 * in every case.
 *
 * @example for (const piece of streamedText(rows, how)) out.write(piece);
 */
export function* streamedText(rows: ExchangeTextRows, how: TextAheadFile, waitMs = TEXT_WAIT_MS): Generator<Uint8Array> {
  const { bytes, words } = views(how.signal);
  let given = 0;
  let fd: number | undefined;
  try {
    let buffer: Uint8Array | undefined;
    for (;;) {
      // the change count first: a change after it wakes the wait below at once
      const seen = Atomics.load(words, 0);
      const state = Atomics.load(words, 1);
      if (state === STATE_FAILED) break;
      // read after the state: once the state says done, this is every byte
      const inFile = Number(Atomics.load(bytes, 0));
      if (given < inFile) {
        fd ??= openSync(how.file, "r");
        buffer ??= new Uint8Array(4 << 20);
        const n = readSync(fd, buffer, 0, Math.min(buffer.length, inFile - given), given);
        // the file is shorter than the writer said (it cannot be, unless someone else changed it): write the rest here
        if (n === 0) break;
        given += n;
        yield buffer.subarray(0, n);
        continue;
      }
      if (state === STATE_DONE) return;
      if (Atomics.wait(words, 0, seen, waitMs) === "timed-out") break;
    }
  } catch {
    // the file cannot be read: the rest is written here
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // the rest written here, past the bytes already given
  let skip = given;
  for (const piece of exchangeTextPieces(rows, how.indent, how.redact)) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    yield skip > 0 ? piece.subarray(skip) : piece;
    skip = 0;
  }
}
