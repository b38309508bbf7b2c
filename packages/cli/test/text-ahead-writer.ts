// A writer thread for text-ahead.test.ts (started there with tsx): writes an exchanges' text as the import's
// worker does, at a moment the test chooses, so the reader's share of the chunks is known.
//   late: waits 300 ms (the reader has taken every chunk by then), then runs writeTextAhead;
//   first-two: takes the first two chunks and writes their text, says so, waits until the reader has taken
//   all the others, then says its part is written.
import { openSync, writeSync, closeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { ByteOutput, exchangeTextWriter, type ExchangeTextRows } from "@tiegraph/core/internal";
import { textChunkRows, writeTextAhead, type TextAheadFile } from "../src/files/text-ahead.js";

const { rows, how, mode } = workerData as { rows: ExchangeTextRows; how: TextAheadFile; mode: "late" | "first-two" };
const sleep = (ms: number): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const bytes = new BigInt64Array(how.signal, 0, 1);
const words = new Int32Array(how.signal, 8, 2);
const taken = new Int32Array(how.signal, 16, 1);
const changed = (): void => {
  Atomics.add(words, 0, 1);
  Atomics.notify(words, 0);
};

if (mode === "late") {
  sleep(300);
  parentPort!.postMessage(writeTextAhead(rows, how));
} else {
  const size = textChunkRows(rows.n);
  const chunks = Math.ceil(rows.n / size);
  Atomics.store(taken, 0, 2);
  const out = new ByteOutput(1 << 20);
  exchangeTextWriter(rows, how.indent, how.redact).write(out, 0, 2 * size);
  const text = out.take();
  const fd = openSync(how.file, "wx", 0o600);
  for (let at = 0; at < text.length; ) at += writeSync(fd, text, at);
  closeSync(fd);
  Atomics.store(bytes, 0, BigInt(text.length));
  changed();
  parentPort!.postMessage("took");
  while (Atomics.load(taken, 0) >>> 16 < chunks - 2) sleep(5);
  Atomics.store(words, 1, 1);
  changed();
}
