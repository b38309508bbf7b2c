/**
 * `tiegraph import` reads its exchanges CSVs (the bulk of an import: a
 * million rows) on a worker thread while the main thread reads the other
 * files (people, affiliations, address books…), then merges them in the
 * usual order. The worker runs io's `importExchangesCsv` (columnar, read
 * straight from the file's bytes) exactly as the main thread would, and sends
 * the import back: its rows as typed-array columns moved, not copied
 * (`ExchangeRows.toParts`; in shared memory when the worker goes on to write
 * their text, see `text`), its problems as their fields, rebuilt here into
 * the same errors. Whatever goes wrong on the worker (a bad file under
 * `--strict`, a thread that cannot start), the main thread reads that file
 * itself, so problems, errors and the network are those of reading it here.
 *
 * The worker runs import-worker.ts, bundled beside the `tiegraph` executable
 * (bin.ts registers its address with {@link allowImportWorker}; without one,
 * as in the in-process tests, every file is read on the main thread).
 * `TIEGRAPH_IMPORT_AHEAD=off` reads every file on the main thread;
 * `TIEGRAPH_IMPORT_AHEAD=trace` says on standard error where each was read.
 */
import { openAsBlob } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { ExchangeRows, TiegraphError, type ExchangeRowsParts, type TiegraphErrorCode } from "@tiegraph/core";
import type { ExchangeTextAhead, ExchangeTextRows } from "@tiegraph/core/internal";
import { importExchangesCsv, type ImportedNetwork } from "@tiegraph/io";
import { failTextAhead, streamedText, textSignal, writeTextAhead, type TextAheadFile } from "./text-ahead.js";

let entry: URL | undefined;

/**
 * Lets {@link startExchangesAhead} start a worker thread on `url`, a module
 * that calls {@link runImportWorker} (import-worker.ts; the `tiegraph`
 * executable registers the bundled file beside it).
 *
 * @example allowImportWorker(new URL("./files/import-worker.js", import.meta.url))
 */
export function allowImportWorker(url: string | URL): void {
  entry = new URL(url);
}

/** How the worker reads the files: as `import` reads them on the main thread. */
export interface ExchangesAheadOptions {
  strict: boolean;
  maxProblems?: number | undefined;
  /**
   * Once the (one) file is read and sent, write the text its exchanges take
   * in a network file with this indentation and redaction into `file` (see
   * exchange-text-ahead.ts in core), while the main thread merges. The rows
   * are then read into shared memory, so the text is written from the very
   * columns the main thread was handed (neither thread changes them). The
   * text is handed to the save as soon as the import has come, and read
   * from `file` as the worker writes it (files/text-ahead.ts). The caller
   * deletes `file` once the worker has stopped.
   */
  text?: { indent: number; redact: boolean; file: string } | undefined;
}

/** {@link ExchangesAheadOptions} as the worker gets them: the text's file with the signal both threads share. */
interface WorkerOptions extends Omit<ExchangesAheadOptions, "text"> {
  text?: TextAheadFile | undefined;
}

/** An error as its fields, to cross threads (a structured clone keeps only an Error's message). */
interface SentError {
  scope: string;
  code: TiegraphErrorCode;
  problem: string;
  details: ConstructorParameters<typeof TiegraphError>[3];
}

/**
 * An import as plain data: its rows as {@link ExchangeRowsParts}, but for
 * their extras and person ids, sent as their JSON text (see {@link sentRows});
 * its problems as their fields.
 */
type SentImport = Omit<ImportedNetwork, "problems" | "exchangeRows"> & { problems: SentError[]; rows: SentRows | undefined };

/** {@link ExchangeRowsParts} with the extras and the person ids as JSON texts. */
type SentRows = Omit<ExchangeRowsParts, "extras" | "ids"> & { extrasText: string; idsText: string };

/**
 * Rows to send to the main thread: a structured clone of a list of small
 * objects costs far more than its JSON text made here and parsed there (a
 * million rows with 190,000 notes: some 0.35 s against 0.2 s, most of it on
 * the main thread, which waits for them), so the extras and the person ids
 * go as text. JSON gives back the same strings (lone surrogates included,
 * though text decoded from a file holds none), numbers and lists; tag lists
 * that several records shared come back one per record (equal lists, never
 * changed in place). Measured on the 1M-row notes import: faster in 6 of 6
 * interleaved pairs (a median 4.63 s against 4.81 s); the plain import, with
 * 50,000 extras, the same (3 of 6).
 */
function sentRows(parts: ExchangeRowsParts): SentRows {
  const { extras, ids, ...rest } = parts;
  return { ...rest, extrasText: JSON.stringify(extras), idsText: JSON.stringify(ids) };
}

/**
 * The worker's messages: bytes read of file `file`, its import (null: read
 * it on the main thread), or whether the text of its exchanges was written
 * (to the `text` option's file).
 */
type AheadMessage = { file: number; read: number; total: number } | { file: number; imported: SentImport | null } | { file: number; text: boolean };

/** Exchanges CSVs being read on a worker thread. */
export interface ExchangesAhead {
  /**
   * The import of `files[k]`, or undefined when the worker did not read it
   * (the caller reads it itself). `onRead` hears the bytes read so far
   * (at once, then as the worker goes on).
   */
  imported(k: number, onRead: (read: number) => void): Promise<ImportedNetwork | undefined>;
  /**
   * How far the worker is with `files[k]`, as last heard: the share of its
   * bytes read, from 0 to 1 (1 once its import has come, or the worker
   * stopped).
   */
  progress(k: number): number;
  /**
   * The text of `files[k]`'s exchanges in a network file, written on the
   * worker once it sent the import (asked for with the `text` option), with
   * the rows it is written from; undefined when it is not written. It comes
   * with the import: its pieces are read as the worker writes them (see
   * files/text-ahead.ts).
   */
  text(k: number): Promise<ExchangeTextAhead | undefined>;
  /** Stops the worker (its imports are not needed); resolves once it has stopped. */
  cancel(): Promise<void>;
}

/**
 * Starts a worker thread that reads the exchanges CSVs `files` (regular
 * files), one after another, with io's `importExchangesCsv` (`columnar`,
 * from the file's bytes). Undefined when no worker may be started (no entry
 * registered, or the thread cannot start).
 *
 * @example const ahead = startExchangesAhead(["exchanges.csv"], { strict: false, maxProblems: 20 });
 */
export function startExchangesAhead(files: readonly string[], options: ExchangesAheadOptions): ExchangesAhead | undefined {
  if (entry === undefined || files.length === 0) return undefined;
  const url = entry;
  const how = options.text === undefined ? undefined : { ...options.text, signal: textSignal() };
  const workerOptions: WorkerOptions = { ...options, text: how };
  let worker: Worker;
  try {
    const data = { workerData: { tiegraphImportAhead: { files: [...files], options: workerOptions } } };
    // run from its TypeScript sources (the tests' subprocesses, under tsx), the worker loads tsx first
    worker = url.pathname.endsWith(".ts") ? new Worker(`import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { ...data, eval: true }) : new Worker(url, data);
  } catch {
    return undefined;
  }
  const read = files.map(() => 0);
  const total = files.map(() => 0);
  const came = files.map(() => false);
  const listeners: (((read: number) => void) | undefined)[] = files.map(() => undefined);
  const settle: ((imported: ImportedNetwork | undefined) => void)[] = [];
  const results = files.map((_, k) => new Promise<ImportedNetwork | undefined>((resolve) => (settle[k] = resolve)));
  const settleText: ((text: ExchangeTextAhead | undefined) => void)[] = [];
  const texts = files.map((_, k) => new Promise<ExchangeTextAhead | undefined>((resolve) => (settleText[k] = resolve)));
  if (options.text === undefined) for (const s of settleText) s(undefined);
  let left = files.length * (options.text === undefined ? 1 : 2);
  const done = (): void => {
    if (--left === 0) void worker.terminate();
  };
  const give = (k: number, imported: ImportedNetwork | undefined): void => {
    came[k] = true;
    settle[k]!(imported);
    listeners[k] = undefined;
    done();
  };
  worker.on("message", (m: AheadMessage) => {
    if ("text" in m) {
      // no text when the worker sent no rows (the text came with the rows otherwise: this does nothing then)
      settleText[m.file]!(undefined);
      done();
    } else if ("read" in m) {
      read[m.file] = m.read;
      total[m.file] = m.total;
      listeners[m.file]?.(m.read);
    } else {
      let imported: ImportedNetwork | undefined;
      try {
        const received = m.imported === null ? undefined : receivedImport(m.imported);
        imported = received?.imported;
        const rows = received?.rows;
        // the worker writes the rows' text next: read as it is written
        if (how !== undefined && rows !== undefined) settleText[m.file]!({ rows, indent: how.indent, redact: how.redact, chunks: { [Symbol.iterator]: () => streamedText(rows, how) } });
      } catch {
        imported = undefined;
      }
      give(m.file, imported);
    }
  });
  const failed = (): void => {
    // a text being read as it is written is not finished now: the reader writes the rest
    if (how !== undefined) failTextAhead(how);
    came.fill(true);
    for (const s of settle) s(undefined);
    for (const s of settleText) s(undefined);
  };
  worker.once("error", failed);
  worker.once("exit", failed);
  return {
    imported(k, onRead) {
      onRead(read[k]!);
      listeners[k] = onRead;
      return results[k]!;
    },
    progress: (k) => (came[k] ? 1 : total[k]! > 0 ? read[k]! / total[k]! : 0),
    text: (k) => texts[k]!,
    cancel: () => worker.terminate().then(() => undefined),
  };
}

/**
 * Exchanges CSVs up to this size are read whole before they are parsed (see {@link exchangesCsvSource});
 * larger ones a mebibyte at a time.
 */
export const READ_WHOLE_UP_TO = 256 << 20;

/**
 * How an exchanges CSV in a regular file is read: its bytes whole, up to
 * {@link READ_WHOLE_UP_TO} (a million rows are about 50 MB), else as a
 * `Blob` read a mebibyte at a time (io's direct reading takes either, and
 * reads the same rows from both: a property test in io holds them to it).
 * Read whole, the parse never waits for a read, and the file's bytes come in
 * one read rather than a slice, a copy and a fresh buffer per mebibyte: on
 * the 100,000-person CSVs, interleaved pairs of `import` against reading a
 * `Blob`, a median 3.28 s against 3.80 s (7 of 8 faster) and 3.45 s against
 * 3.71 s (6 of 8) with the worker reading synchronously, and 3.44 s against
 * 3.79 s (6 of 8) as written here; the notes import 3.92 s against 4.20 s
 * (4 of 8), then 4.29 s against 4.21 s (4 of 8): no gain shown there. Some
 * 5,000–9,000 more page faults (the file held whole while it is parsed).
 *
 * @example const imported = await importExchangesCsv(await exchangesCsvSource("ex.csv"), { columnar: true });
 */
export async function exchangesCsvSource(file: string): Promise<Uint8Array | Blob> {
  if ((await stat(file)).size > READ_WHOLE_UP_TO) return openAsBlob(file);
  const bytes = await readFile(file);
  // the file's own buffer (readFile gives a large file one of its own), not a copy
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** An error as its fields (see {@link SentError}); its scope is the start of its message. */
function sentError(e: TiegraphError): SentError {
  const details: SentError["details"] = {};
  for (const k of ["record", "pointer", "file", "line", "column", "expected", "got"] as const) if (e[k] !== undefined) (details as Record<string, unknown>)[k] = e[k];
  if (e.problems.length > 1) details.problems = e.problems;
  return { scope: e.message.slice(0, e.message.indexOf(":")), code: e.code, problem: e.problem, details };
}

/** The import the worker sent, rebuilt: the same errors, the rows from their columns (and those columns, whole). */
function receivedImport(sent: SentImport): { imported: ImportedNetwork; rows: ExchangeRowsParts | undefined } {
  const { problems, rows, ...rest } = sent;
  const imported: ImportedNetwork = { ...rest, problems: problems.map((p) => new TiegraphError(p.scope, p.code, p.problem, p.details)) };
  if (rows === undefined) return { imported, rows: undefined };
  const { extrasText, idsText, ...columns } = rows;
  const parts: ExchangeRowsParts = { ...columns, extras: JSON.parse(extrasText) as ExchangeRowsParts["extras"], extrasText, ids: JSON.parse(idsText) as string[] };
  imported.exchangeRows = ExchangeRows.fromParts(parts);
  return { imported, rows: parts };
}

/**
 * On a worker thread started by {@link startExchangesAhead}: reads each file
 * and sends its import (its rows' columns moved), or null when reading it
 * failed in any way (the main thread then reads it and says why); resolves
 * to true. Elsewhere does nothing and resolves to false.
 *
 * @example await runImportWorker() // in import-worker.ts
 */
export async function runImportWorker(): Promise<boolean> {
  const job = (workerData as { tiegraphImportAhead?: { files: string[]; options: WorkerOptions } } | null)?.tiegraphImportAhead;
  const port = parentPort;
  if (isMainThread || port === null || job === undefined) return false;
  for (const [k, file] of job.files.entries()) {
    let sent: SentImport | null = null;
    let buffers: ArrayBuffer[] = [];
    let kept: ExchangeTextRows | undefined;
    try {
      const source = await exchangesCsvSource(file);
      const { strict, maxProblems } = job.options;
      // when the text is to be written here too, the columns are shared with the main thread rather than moved
      const shared = job.options.text !== undefined;
      const imported = await importExchangesCsv(source, { file, strict, columnar: true, sharedColumns: shared, ...(maxProblems === undefined ? {} : { maxProblems }), onProgress: (p) => port.postMessage({ file: k, read: p.read, total: p.total ?? 0 } satisfies AheadMessage) });
      const { problems, exchangeRows, ...rest } = imported;
      const parts = exchangeRows?.toParts();
      buffers = parts?.buffers ?? [];
      sent = { ...rest, problems: problems.map(sentError), rows: parts === undefined ? undefined : sentRows(parts.parts) };
      // the text is written from the same columns the main thread reads (neither thread changes them)
      if (shared && parts !== undefined) kept = parts.parts;
    } catch {
      // null: the main thread reads the file itself and says why it could not be read
    }
    port.postMessage({ file: k, imported: sent } satisfies AheadMessage, buffers);
    const how = job.options.text;
    if (how === undefined) continue;
    // told through the shared signal too, as the main thread reads the text while it is written
    const text = kept !== undefined && writeTextAhead(kept, how);
    kept = undefined;
    port.postMessage({ file: k, text } satisfies AheadMessage);
  }
  return true;
}
