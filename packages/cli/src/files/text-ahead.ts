/**
 * The exchanges' text of a network file written on another thread into a
 * file beside the output, and read back by the save as it is written: the
 * save writes everything before the exchanges meanwhile, then copies the
 * text piece by piece as soon as each piece is on the disk, rather than
 * waiting for the whole text first. Once the save has nothing else to do, it
 * writes the end of the text itself while the writer goes on with the
 * start: the rows are cut into chunks ({@link textChunkRows}), the writer
 * takes them from the first and the save from the last, one at a time, until
 * the two meet (each chunk is taken by one of them only: a compare-and-swap
 * on one shared word), and the save gives the writer's part from the file,
 * then its own chunks in order.
 *
 * The two threads share a few bytes (a {@link TextSignal}): the writer
 * stores how many bytes of the text are in the file after each piece, and
 * at the end whether it wrote its part or failed; the reader waits on them
 * (`Atomics.wait`, which a Node main thread may use) and reads what is
 * there. A writer that fails, or stops saying anything for
 * {@link TEXT_WAIT_MS}, leaves the reader to write the rest itself from the
 * same rows (core's `exchangeTextPieces`: the same rows give the same bytes),
 * so a save never waits without bound and is the same bytes either way.
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { ByteOutput, EXCHANGES_PER_STEP, exchangeTextPieces, exchangeTextWriter, type ExchangeByteWriter, type ExchangeTextRows } from "@tiegraph/core/internal";

/**
 * Shared memory of one text written ahead: bytes 0–7 the bytes of text in
 * the file (a 64-bit count), bytes 8–11 a count of changes (waited on),
 * bytes 12–15 the state (0 writing, 1 its part all written, -1 failed),
 * bytes 16–19 the chunks taken (see {@link textChunkRows}): the low 16 bits
 * how many the writer took from the first, the high 16 bits how many the
 * reader took from the last.
 */
export type TextSignal = SharedArrayBuffer;

/**
 * Rows per chunk of a text of `n` rows, the unit the writer and the reader
 * take (see the module comment): 8,192 (about a megabyte of text), or more
 * so that there are at most 65,535 chunks.
 *
 * @example textChunkRows(1_000_000) // 8192
 */
export function textChunkRows(n: number): number {
  return Math.max(8192, Math.ceil(n / 0xffff));
}

/** A text of `n` rows in chunks: the rows per chunk ({@link textChunkRows}) and how many chunks there are. */
function chunking(n: number): { size: number; chunks: number } {
  const size = textChunkRows(n);
  return { size, chunks: Math.ceil(n / size) };
}

/**
 * Writes the text of chunk `c` of `n` rows in chunks of `size` to `out`, a
 * few dozen rows at a time; `full` gets the output's chunk whenever it is full.
 */
function writeChunk(writer: ExchangeByteWriter, out: ByteOutput, c: number, size: number, n: number, full?: (piece: Uint8Array) => void): void {
  for (let i = c * size, end = Math.min(n, (c + 1) * size); i < end; i += EXCHANGES_PER_STEP) {
    writer.write(out, i, Math.min(end, i + EXCHANGES_PER_STEP));
    if (full && out.full) full(out.take());
  }
}

/**
 * Takes the next chunk for the writer (`fromEnd` false: the first not taken)
 * or the reader (true: the last not taken) of a text of `chunks` chunks, or
 * -1 when none is left. A compare-and-swap on the shared word, so no chunk
 * is ever taken twice.
 */
function takeChunk(taken: Int32Array, chunks: number, fromEnd: boolean): number {
  for (;;) {
    const word = Atomics.load(taken, 0);
    const front = word & 0xffff;
    const back = word >>> 16;
    if (front + back >= chunks) return -1;
    if (Atomics.compareExchange(taken, 0, word, (word + (fromEnd ? 0x10000 : 1)) | 0) === word) return fromEnd ? chunks - 1 - back : front;
  }
}

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
  return new SharedArrayBuffer(20);
}

const STATE_DONE = 1;
const STATE_FAILED = -1;

/** The signal's views: the bytes in the file, [count of changes, state], and the chunks taken. */
function views(signal: TextSignal): { bytes: BigInt64Array; words: Int32Array; taken: Int32Array } {
  return { bytes: new BigInt64Array(signal, 0, 1), words: new Int32Array(signal, 8, 2), taken: new Int32Array(signal, 16, 1) };
}

/** Counts a change and wakes the reader waiting on the count. */
function changed(words: Int32Array): void {
  Atomics.add(words, 0, 1);
  Atomics.notify(words, 0);
}

/**
 * On the writing thread: writes the text of `rows`' exchanges (see core's
 * `writeExchangeText`) into `how.file` (created; an existing file is an
 * error), chunk by chunk from the first until it meets the chunks the
 * reader took from the last (see the module comment), saying after each
 * piece of about a megabyte how many bytes are in the file, and at the end
 * whether its part was written. Never throws: a failure is told through the
 * signal (the reader then writes the rest itself). Returns whether its part
 * was written whole.
 *
 * @example writeTextAhead(parts, { indent: 2, redact: false, file: ".net.json.x.exchanges.tmp", signal })
 */
export function writeTextAhead(rows: ExchangeTextRows, how: TextAheadFile): boolean {
  const { bytes, words, taken } = views(how.signal);
  let state = STATE_FAILED;
  try {
    const fd = openSync(how.file, "wx", 0o600);
    try {
      let written = 0;
      const put = (piece: Uint8Array): void => {
        for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
        written += piece.length;
        Atomics.store(bytes, 0, BigInt(written));
        changed(words);
      };
      const { size, chunks } = chunking(rows.n);
      const writer = exchangeTextWriter(rows, how.indent, how.redact);
      const out = new ByteOutput(PIECE_BYTES, true);
      for (let c; (c = takeChunk(taken, chunks, false)) >= 0; ) writeChunk(writer, out, c, size, rows.n, put);
      if (out.length > 0) put(out.take());
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

/** Bytes of text the writer writes to its file at a time (about). */
const PIECE_BYTES = 1 << 20;

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
 * in pieces: the writer's part read from `how.file` as the writer puts it
 * there (each piece in one buffer used again for the next: use it before
 * asking for the next), then the chunks this thread wrote itself, from the
 * last, whenever the writer had nothing new in the file (see the module
 * comment). Waits (blocking this thread) while the writer is behind and
 * nothing is left to take; if the writer fails, or says nothing for
 * `waitMs`, the rest is written here from `rows`. The bytes are those of
 * `exchangeTextPieces(rows, how.indent, how.redact)` in every case.
 *
 * @example for (const piece of streamedText(rows, how)) out.write(piece);
 */
export function* streamedText(rows: ExchangeTextRows, how: TextAheadFile, waitMs = TEXT_WAIT_MS): Generator<Uint8Array> {
  const { bytes, words, taken } = views(how.signal);
  const { size, chunks } = chunking(rows.n);
  // the chunks written here, the last first
  const mine: Uint8Array[] = [];
  let writer: ExchangeByteWriter | undefined;
  let given = 0;
  let fd: number | undefined;
  let whole = false;
  try {
    let buffer: Uint8Array | undefined;
    for (;;) {
      // the change count first: a change after it wakes the wait below at once
      const seen = Atomics.load(words, 0);
      const state = Atomics.load(words, 1);
      if (state === STATE_FAILED) break;
      // read after the state: once the state says done, this is every byte of the writer's part
      const inFile = Number(Atomics.load(bytes, 0));
      if (given < inFile) {
        fd ??= openSync(how.file, "r");
        buffer ??= new Uint8Array(4 << 20);
        const got = readSync(fd, buffer, 0, Math.min(buffer.length, inFile - given), given);
        // the file is shorter than the writer said (it cannot be, unless someone else changed it): write the rest here
        if (got === 0) break;
        given += got;
        yield buffer.subarray(0, got);
        continue;
      }
      if (state === STATE_DONE) {
        // the writer's part ends where this thread's begins: every chunk was taken by one or the other
        const word = Atomics.load(taken, 0);
        whole = (word & 0xffff) + (word >>> 16) === chunks && word >>> 16 === mine.length;
        break;
      }
      // nothing new in the file: write the last chunk not taken yet, else wait for the writer
      const c = takeChunk(taken, chunks, true);
      if (c >= 0) {
        writer ??= exchangeTextWriter(rows, how.indent, how.redact);
        // a chunk's text whole, in a buffer of its own (it is given after the writer's part)
        const out = new ByteOutput(PIECE_BYTES + (PIECE_BYTES >> 2));
        writeChunk(writer, out, c, size, rows.n);
        mine.push(out.take());
        continue;
      }
      if (Atomics.wait(words, 0, seen, waitMs) === "timed-out") break;
    }
  } catch {
    // the file cannot be read: the rest is written here
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (whole) {
    for (let k = mine.length - 1; k >= 0; k--) yield mine[k]!;
    return;
  }
  // the rest written here, past the bytes already given (the chunks written here are not used)
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
