/**
 * `tiegraph import` reads its exchanges CSVs (the bulk of an import: a
 * million rows) on a worker thread while the main thread reads the other
 * files (people, affiliations, address books…), then merges them in the
 * usual order. The worker runs io's `importExchangesCsv` (columnar, read
 * straight from the file's bytes) exactly as the main thread would, and sends
 * the import back: its rows as typed-array columns moved, not copied
 * (`ExchangeRows.toParts`), its problems as their fields, rebuilt here into
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
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { ExchangeRows, TiegraphError, type ExchangeRowsParts, type TiegraphErrorCode } from "@tiegraph/core";
import { importExchangesCsv, type ImportedNetwork } from "@tiegraph/io";

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
}

/** An error as its fields, to cross threads (a structured clone keeps only an Error's message). */
interface SentError {
  scope: string;
  code: TiegraphErrorCode;
  problem: string;
  details: ConstructorParameters<typeof TiegraphError>[3];
}

/** An import as plain data: its rows as {@link ExchangeRowsParts}, its problems as their fields. */
type SentImport = Omit<ImportedNetwork, "problems" | "exchangeRows"> & { problems: SentError[]; rows: ExchangeRowsParts | undefined };

/** The worker's messages: bytes read of file `file`, or its import (null: read it on the main thread). */
type AheadMessage = { file: number; read: number } | { file: number; imported: SentImport | null };

/** Exchanges CSVs being read on a worker thread. */
export interface ExchangesAhead {
  /**
   * The import of `files[k]`, or undefined when the worker did not read it
   * (the caller reads it itself). `onRead` hears the bytes read so far
   * (at once, then as the worker goes on).
   */
  imported(k: number, onRead: (read: number) => void): Promise<ImportedNetwork | undefined>;
  /** Stops the worker (its imports are not needed). */
  cancel(): void;
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
  let worker: Worker;
  try {
    const data = { workerData: { tiegraphImportAhead: { files: [...files], options } } };
    // run from its TypeScript sources (the tests' subprocesses, under tsx), the worker loads tsx first
    worker = url.pathname.endsWith(".ts") ? new Worker(`import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { ...data, eval: true }) : new Worker(url, data);
  } catch {
    return undefined;
  }
  const read = files.map(() => 0);
  const listeners: (((read: number) => void) | undefined)[] = files.map(() => undefined);
  const settle: ((imported: ImportedNetwork | undefined) => void)[] = [];
  const results = files.map((_, k) => new Promise<ImportedNetwork | undefined>((resolve) => (settle[k] = resolve)));
  let left = files.length;
  const give = (k: number, imported: ImportedNetwork | undefined): void => {
    settle[k]!(imported);
    listeners[k] = undefined;
    if (--left === 0) void worker.terminate();
  };
  worker.on("message", (m: AheadMessage) => {
    if ("read" in m) {
      read[m.file] = m.read;
      listeners[m.file]?.(m.read);
    } else {
      let imported: ImportedNetwork | undefined;
      try {
        imported = m.imported === null ? undefined : receivedImport(m.imported);
      } catch {
        imported = undefined;
      }
      give(m.file, imported);
    }
  });
  const failed = (): void => {
    for (const s of settle) s(undefined);
  };
  worker.once("error", failed);
  worker.once("exit", failed);
  return {
    imported(k, onRead) {
      onRead(read[k]!);
      listeners[k] = onRead;
      return results[k]!;
    },
    cancel: () => void worker.terminate(),
  };
}

/** An error as its fields (see {@link SentError}); its scope is the start of its message. */
function sentError(e: TiegraphError): SentError {
  const details: SentError["details"] = {};
  for (const k of ["record", "pointer", "file", "line", "column", "expected", "got"] as const) if (e[k] !== undefined) (details as Record<string, unknown>)[k] = e[k];
  if (e.problems.length > 1) details.problems = e.problems;
  return { scope: e.message.slice(0, e.message.indexOf(":")), code: e.code, problem: e.problem, details };
}

/** The import the worker sent, rebuilt: the same errors, the rows from their columns. */
function receivedImport(sent: SentImport): ImportedNetwork {
  const { problems, rows, ...rest } = sent;
  const imported: ImportedNetwork = { ...rest, problems: problems.map((p) => new TiegraphError(p.scope, p.code, p.problem, p.details)) };
  if (rows !== undefined) imported.exchangeRows = ExchangeRows.fromParts(rows);
  return imported;
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
  const job = (workerData as { tiegraphImportAhead?: { files: string[]; options: ExchangesAheadOptions } } | null)?.tiegraphImportAhead;
  const port = parentPort;
  if (isMainThread || port === null || job === undefined) return false;
  for (const [k, file] of job.files.entries()) {
    let sent: SentImport | null = null;
    let buffers: ArrayBuffer[] = [];
    try {
      const source = await openAsBlob(file);
      const { strict, maxProblems } = job.options;
      const imported = await importExchangesCsv(source, { file, strict, columnar: true, ...(maxProblems === undefined ? {} : { maxProblems }), onProgress: (p) => port.postMessage({ file: k, read: p.read } satisfies AheadMessage) });
      const { problems, exchangeRows, ...rest } = imported;
      const parts = exchangeRows?.toParts();
      buffers = parts?.buffers ?? [];
      sent = { ...rest, problems: problems.map(sentError), rows: parts?.parts };
    } catch {
      // null: the main thread reads the file itself and says why it could not be read
    }
    port.postMessage({ file: k, imported: sent } satisfies AheadMessage, buffers);
  }
  return true;
}
