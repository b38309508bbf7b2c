// The exchanges' text written on one thread and read on another as it is written (files/text-ahead.ts):
// whatever the writer did (wrote it all, failed part way, went silent, left no file), the reader gives
// exactly the bytes of exchangeTextPieces over the same rows, taking the rest from the rows itself.
// (The two threads at once: the 10,000-person import in subprocess.test.ts, with its trace.)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ExchangeRows, generateNetwork } from "@tiegraph/core";
import { exchangeTextPieces } from "@tiegraph/core/internal";
import { failTextAhead, streamedText, textChunkRows, textSignal, writeTextAhead, type TextAheadFile } from "../src/files/text-ahead.js";
import { tempDir } from "./run-cli.js";

/** Rows of a generated network's exchanges (with tags, notes, introductions and confidential ones): several pieces of text. */
function generatedRows() {
  const net = generateNetwork({ seed: 3, people: 300, exchanges: 25_000 });
  const rows = new ExchangeRows("x.csv");
  for (const [k, e] of net.toData().exchanges!.entries()) expect(rows.add(e, k + 2)).toEqual([]);
  return rows.toParts().parts;
}

const rows = generatedRows();
/** The pieces of a generator that hands out views of one reused buffer, copied as they come, end to end. */
const copied = (pieces: Iterable<Uint8Array>): Buffer => Buffer.concat(Array.from(pieces, (p) => Buffer.from(p)));
const whole = copied(exchangeTextPieces(rows, 2, false));

/** Everything `streamedText` gives, copied piece by piece (each piece is a view of a reused buffer). */
function read(how: TextAheadFile, waitMs?: number): Buffer {
  return copied(streamedText(rows, how, waitMs));
}

/** Sets the signal as a writer would: `bytes` in the file, in `state` (0 writing, 1 done, -1 failed). */
function signalled(bytes: number, state: number) {
  const signal = textSignal();
  new BigInt64Array(signal, 0, 1)[0] = BigInt(bytes);
  new Int32Array(signal, 8, 2)[1] = state;
  return signal;
}

describe("the exchanges' text read as it is written", () => {
  it("is several pieces long here, so the cases below cut it in the middle of one", () => {
    expect(Array.from(exchangeTextPieces(rows, 2, false), (p) => p.length).length).toBeGreaterThan(3);
    expect(whole.length).toBeGreaterThan(3_500_000);
  });

  it("writeTextAhead writes the whole text and says so; a file already there is a failure it says, never throws", () => {
    const dir = tempDir();
    const how = { indent: 2, redact: false, file: join(dir, "t.tmp"), signal: textSignal() };
    expect(writeTextAhead(rows, how)).toBe(true);
    expect(readFileSync(how.file).equals(whole)).toBe(true);
    expect(Number(new BigInt64Array(how.signal, 0, 1)[0])).toBe(whole.length);
    const words = new Int32Array(how.signal, 8, 2);
    expect(words[1]).toBe(1);
    // a change counted per piece and one for the end
    expect(words[0]).toBe(Array.from(exchangeTextPieces(rows, 2, false)).length + 1);
    const again = { ...how, signal: textSignal() };
    expect(writeTextAhead(rows, again)).toBe(false);
    expect(new Int32Array(again.signal, 8, 2)[1]).toBe(-1);
    // the file written first is left as it was
    expect(readFileSync(how.file).equals(whole)).toBe(true);
  });

  it("reads a text written whole, and the reader's bytes are the writer's", () => {
    const dir = tempDir();
    const how = { indent: 2, redact: false, file: join(dir, "t.tmp"), signal: textSignal() };
    writeTextAhead(rows, how);
    expect(read(how).equals(whole)).toBe(true);
  });

  it("takes the rest from the rows when the writer failed part way (the file holding more than it said)", () => {
    const dir = tempDir();
    const file = join(dir, "t.tmp");
    const said = 1_500_001;
    writeFileSync(file, whole.subarray(0, said + 1000));
    expect(read({ indent: 2, redact: false, file, signal: signalled(said, -1) }).equals(whole)).toBe(true);
  });

  it("reads what is there, then takes the rest from the rows when the writer says nothing more for the wait", () => {
    const dir = tempDir();
    const file = join(dir, "t.tmp");
    const said = 3_000_017;
    writeFileSync(file, whole.subarray(0, said));
    expect(read({ indent: 2, redact: false, file, signal: signalled(said, 0) }, 20).equals(whole)).toBe(true);
  });

  it("writes it all from the rows when there is no file, or it is shorter than the writer said", () => {
    const dir = tempDir();
    const missing = join(dir, "none.tmp");
    expect(read({ indent: 2, redact: false, file: missing, signal: signalled(whole.length, 1) }).equals(whole)).toBe(true);
    expect(existsSync(missing)).toBe(false);
    const short = join(dir, "short.tmp");
    writeFileSync(short, whole.subarray(0, 10_000));
    expect(read({ indent: 2, redact: false, file: short, signal: signalled(whole.length, 1) }).equals(whole)).toBe(true);
  });

  it("keeps the indentation and redaction it is asked for", () => {
    const dir = tempDir();
    const how = { indent: 0, redact: true, file: join(dir, "t.tmp"), signal: textSignal() };
    writeTextAhead(rows, how);
    const expected = copied(exchangeTextPieces(rows, 0, true));
    expect(expected.equals(whole)).toBe(false);
    expect(read(how).equals(expected)).toBe(true);
    // cut short and failed: the rest in the same indentation and redaction
    const cut = { ...how, file: join(dir, "cut.tmp"), signal: signalled(777, -1) };
    writeFileSync(cut.file, expected.subarray(0, 777));
    expect(read(cut).equals(expected)).toBe(true);
  });

  it("is cut into chunks the writer takes from the first and the reader from the last", () => {
    // 25,000 rows: four chunks of 8,192 rows; a million: 123; past 65,535 chunks, larger ones
    expect([textChunkRows(25_000), textChunkRows(1_000_000), textChunkRows(1e9)]).toEqual([8192, 8192, Math.ceil(1e9 / 65_535)]);
    expect(Math.ceil(rows.n / textChunkRows(rows.n))).toBe(4);
  });

  /** Starts text-ahead-writer.ts on a thread (through tsx, as the import's worker runs from sources) in `mode`. */
  function writerThread(how: TextAheadFile, mode: "late" | "first-two"): Worker {
    // tsx's ES module entry (the package's "tsx/esm/api", which require would resolve to its CommonJS one)
    const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist", "esm", "api", "index.mjs")).href;
    const entry = new URL("./text-ahead-writer.ts", import.meta.url).href;
    return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: { rows, how, mode } });
  }

  it("has the reader write every chunk the writer had not taken while it had nothing new, then give them after the writer's part", async () => {
    const dir = tempDir();
    const how = { indent: 2, redact: false, file: join(dir, "t.tmp"), signal: textSignal() };
    const worker = writerThread(how, "first-two");
    // the writer has taken and written chunks 0 and 1
    expect(await new Promise((resolve) => worker.once("message", resolve))).toBe("took");
    // (a writer that never finished would leave the reader to write the rest after 20 s: the bytes, but not the chunks, would be the same)
    expect(read(how, 20_000).equals(whole)).toBe(true);
    // the reader took chunks 3 and 2 (the high half), the writer 0 and 1
    expect(new Int32Array(how.signal, 16, 1)[0]).toBe(2 | (2 << 16));
    await worker.terminate();
  });

  it("has the reader write all of it when the writer is late, the writer then write nothing and say its part is done", async () => {
    const dir = tempDir();
    const how = { indent: 2, redact: false, file: join(dir, "t.tmp"), signal: textSignal() };
    const worker = writerThread(how, "late");
    const written = new Promise((resolve) => worker.once("message", resolve));
    expect(read(how, 20_000).equals(whole)).toBe(true);
    expect(await written).toBe(true);
    expect(new Int32Array(how.signal, 16, 1)[0]).toBe(4 << 16);
    expect(readFileSync(how.file).length).toBe(0);
    await worker.terminate();
  });

  it("failTextAhead marks a text still being written as failed (the reader then writes the rest), never one written whole", () => {
    const dir = tempDir();
    const file = join(dir, "t.tmp");
    writeFileSync(file, whole.subarray(0, 5000));
    const writing = { indent: 2, redact: false, file, signal: signalled(5000, 0) };
    failTextAhead(writing);
    const words = new Int32Array(writing.signal, 8, 2);
    expect([words[0], words[1]]).toEqual([1, -1]);
    expect(read(writing).equals(whole)).toBe(true);
    const done = { indent: 2, redact: false, file: join(dir, "w.tmp"), signal: textSignal() };
    writeTextAhead(rows, done);
    const changes = new Int32Array(done.signal, 8, 2)[0];
    failTextAhead(done);
    expect([...new Int32Array(done.signal, 8, 2)]).toEqual([changes, 1]);
    expect(read(done).equals(whole)).toBe(true);
  });
});
