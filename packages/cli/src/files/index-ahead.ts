/**
 * A tie index built ahead, on a second thread, while the main thread decodes
 * a network's columnar copy. The commands that read a large network through
 * its copy (intro, report, export) spend about a third of a second building
 * the tie index their measures share; that index needs only the exchange
 * columns, which the copy holds apart from the records. So the command says
 * which index it will ask for ({@link IndexAhead}); a worker thread reads the
 * copy's exchanges ({@link decodeExchangeSource}) and builds it
 * ({@link buildTieIndex}) while the main thread decodes the whole copy; the
 * main thread then makes it the network's own ({@link adoptTieIndex}), which
 * takes it only if it fits the network as read (same people, options and
 * counted exchanges), else the measures build their own as before. Either
 * way the figures are the same, bit for bit.
 *
 * The worker runs index-worker.ts, bundled beside the `tiegraph` executable
 * (bin.ts registers its address with {@link allowIndexWorker}: a small file
 * that starts fast); a program that runs the CLI in-process without
 * registering one builds every index on its own thread.
 */
import { readFileSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { columnsSource, type Network } from "@tiegraph/core";
import { adoptTieIndex, buildTieIndex, decodeExchangeSource, type BuiltTieIndex } from "@tiegraph/core/internal";

/** The tie index a command will ask for, to be built while its network is read. */
export interface IndexAhead {
  /** "directed" (`directedTies`) or "relationships" (`relationships`). */
  kind: "directed" | "relationships";
  /** The reference day (a day number); absent: the last exchange counted. */
  asOf?: number;
  /** Whether confidential exchanges are left out. */
  excludeConfidential: boolean;
}

/** What the worker sends back: the copy's source hash and the index built from its exchanges. */
export interface IndexAheadResult {
  source: string;
  built: BuiltTieIndex;
}

let entry: URL | undefined;

/**
 * Lets {@link startIndexAhead} start worker threads on `url`, a module that
 * calls {@link runIndexWorker} (index-worker.ts; the `tiegraph` executable
 * registers its bundled form).
 *
 * @example allowIndexWorker(new URL("./files/index-worker.js", import.meta.url))
 */
export function allowIndexWorker(url: string | URL): void {
  entry = new URL(url);
}

/**
 * The index `ahead` built from the exchanges of the columnar copy `copyFile`
 * (what the worker thread does, callable on any thread); undefined when the
 * file is not a readable copy.
 *
 * @example const result = indexFromCopy("net.json.columns", { kind: "relationships", excludeConfidential: true });
 */
export function indexFromCopy(copyFile: string, ahead: IndexAhead): IndexAheadResult | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(copyFile);
  } catch {
    return undefined;
  }
  const source = columnsSource(bytes);
  const exchanges = source === undefined ? undefined : decodeExchangeSource(bytes, source);
  if (source === undefined || exchanges === undefined) return undefined;
  const options = { excludeConfidential: ahead.excludeConfidential, ...(exchanges.halfLifeDays !== undefined ? { halfLifeDays: exchanges.halfLifeDays } : {}), ...(ahead.asOf !== undefined ? { asOf: ahead.asOf } : {}) };
  return { source, built: buildTieIndex(ahead.kind, exchanges, options) };
}

/** A worker thread building an index ahead. */
export interface IndexAheadJob {
  /** Stops the thread (its index will not be needed). */
  cancel(): void;
  /** The index, or undefined when the thread failed or was stopped. */
  result: Promise<IndexAheadResult | undefined>;
}

/**
 * Starts a worker thread that reads the columnar copy `copyFile` itself and
 * builds `ahead` from it (see {@link indexFromCopy}): the thread reads its
 * own copy of the bytes, since handing over the main thread's costs that
 * thread as much as reading them (fresh memory is slow to touch). The
 * result names the source hash of the copy it read, for the caller to check
 * against the one it decoded. Undefined when no worker may be started (no
 * entry registered).
 *
 * @example const job = startIndexAhead("net.json.columns", { kind: "directed", excludeConfidential: true });
 */
export function startIndexAhead(copyFile: string, ahead: IndexAhead): IndexAheadJob | undefined {
  if (entry === undefined) return undefined;
  const url = entry;
  let worker: Worker;
  try {
    const data = { workerData: { tiegraphIndexAhead: { copyFile, ahead } } };
    // run from its TypeScript sources (the tests' subprocesses, under tsx), the worker loads tsx first
    worker = url.pathname.endsWith(".ts") ? new Worker(`import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { ...data, eval: true }) : new Worker(url, data);
  } catch {
    return undefined;
  }
  const result = new Promise<IndexAheadResult | undefined>((resolve) => {
    worker.once("message", (message: IndexAheadResult | null) => {
      resolve(message ?? undefined);
      void worker.terminate();
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return { cancel: () => void worker.terminate(), result };
}

/**
 * On a worker thread started by {@link startIndexAhead}: builds the index,
 * sends it back (its arrays moved, not copied) and returns true. Elsewhere
 * does nothing and returns false.
 *
 * @example runIndexWorker() // in index-worker.ts
 */
export function runIndexWorker(): boolean {
  const job = (workerData as { tiegraphIndexAhead?: { copyFile: string; ahead: IndexAhead } } | null)?.tiegraphIndexAhead;
  const port = parentPort;
  if (isMainThread || port === null || job === undefined) return false;
  let result: IndexAheadResult | undefined;
  try {
    result = indexFromCopy(job.copyFile, job.ahead);
  } catch {
    result = undefined;
  }
  const buffers = new Set<ArrayBuffer>();
  if (result) for (const value of Object.values(result.built.index)) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  port.postMessage(result ?? null, [...buffers]);
  return true;
}

/**
 * Makes the index built ahead the network's own, when the worker made it
 * from the copy this network was decoded from (`source`) and it fits (see
 * {@link adoptTieIndex}); returns whether it was taken.
 *
 * @example await adoptIndexAhead(network, pending, claimed, ahead)
 */
export async function adoptIndexAhead(network: Network, pending: Promise<IndexAheadResult | undefined>, source: string, ahead: IndexAhead): Promise<boolean> {
  const result = await pending;
  if (result === undefined || result.source !== source) return false;
  return adoptTieIndex(network, result.built, { excludeConfidential: ahead.excludeConfidential, ...(ahead.asOf !== undefined ? { asOf: ahead.asOf } : {}) });
}
