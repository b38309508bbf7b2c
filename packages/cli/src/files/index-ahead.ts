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
 * counted exchanges), else the measures build their own as before. After
 * sending the index the thread may go on with what the main thread would do
 * later on the same index (`report`'s betweenness sample, constraint and
 * effective size; an export's last rows). Either way the figures are the
 * same, bit for bit.
 *
 * The worker runs index-worker.ts, bundled beside the `tiegraph` executable
 * (bin.ts registers its address with {@link allowIndexWorker}: a small file
 * that starts fast); a program that runs the CLI in-process without
 * registering one builds every index on its own thread.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { DEFAULT_TIE_GRAPH_OPTIONS, columnsSource, type DirectedTies, type Network, type Relationships } from "@tiegraph/core";
import { tieEdgeJsonBytes, tiesCsvRowBytes, type GraphologyJsonKeys, type TiesCsvCells, type TiesCsvColumns } from "@tiegraph/io";
import { adoptPathHits, adoptRouteGraph, adoptTieIndex, betweennessSample, buildRouteGraph, buildTieIndex, constraintAndEffectiveSizeValues, decodeExchangeSource, exchangeSourceExtent, mutualTies, sampledPathHits, type BuiltTieIndex, type PathHits, type RouteGraph } from "@tiegraph/core/internal";

/** The tie index a command will ask for, to be built while its network is read. */
export interface IndexAhead {
  /** "directed" (`directedTies`) or "relationships" (`relationships`). */
  kind: "directed" | "relationships";
  /** The reference day (a day number); absent: the last exchange counted. */
  asOf?: number;
  /** Whether confidential exchanges are left out. */
  excludeConfidential: boolean;
  /**
   * With kind "directed": also sample shortest paths for betweenness on the
   * index, as `betweennessWithinBudget` does with its default options (when
   * it samples; nothing when it would compute exactly), after the index is sent.
   */
  sampleBetweenness?: boolean;
  /**
   * With kind "directed" (and no sampling): the worker also keeps the
   * columns of the index's last rows and, once the main thread sends the
   * people's texts ({@link IndexAheadJob.tail}), writes those rows of the
   * export while the main thread writes the rest: of the ties CSV (`"csv"`,
   * io's `tiesCsvRowBytes`, the second half of the rows) or of the ties
   * graph's graphology JSON (`"json"`, io's `tieEdgeJsonBytes`, the last 45 %
   * of the edges: the main thread writes the nodes too).
   */
  tiesTail?: "csv" | "json";
  /**
   * With kind "directed": also compute Burt's constraint and effective size
   * of every person on the index, unweighted (core's
   * `constraintAndEffectiveSizeValues` on its `mutualTies`: what
   * `constraintByIndex` and `effectiveSizeByIndex` compute by default, in one
   * walk), after any sampling. What
   * `report` asks for: the main thread computes its other measures meanwhile.
   */
  brokerage?: boolean;
}

/** Constraint and effective size by person index (NaN: no tie), computed on the worker ({@link IndexAhead.brokerage}). */
export interface BrokerageAhead {
  constraint: Float64Array;
  effectiveSize: Float64Array;
}

/** Shortest paths the worker sampled on the index it sent, and the arguments it sampled with. */
export interface SampleAheadResult {
  budget: number;
  minimumSamples: number;
  seed: number;
  hits: PathHits;
}

/** What the worker sends back: the copy's source hash and the index built from its exchanges. */
export interface IndexAheadResult {
  source: string;
  built: BuiltTieIndex;
  /** Whether shortest paths are being sampled on it (a second message brings them). */
  sampling?: boolean;
  /** With kind "relationships": the route graph of the introduction-path searches, weighted by the index's strengths. */
  routeGraph?: RouteGraph;
  /** With `tiesTail`: the first row (tie) of the export the worker will write when asked (the rest of the index's rows). */
  tailFrom?: number;
  /** Whether constraint and effective size are being computed on it ({@link IndexAhead.brokerage}; a message brings them). */
  brokerage?: boolean;
}

/** A message from the worker: the index, then the sample, the brokerage measures or the tail, each as asked (null: none after all). */
type WorkerMessage = { index: IndexAheadResult | null } | { sample: SampleAheadResult | null } | { brokerage: BrokerageAhead | null } | { tail: Uint8Array[] | null };

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
  let bytes: Uint8Array;
  try {
    bytes = readExchangeParts(copyFile);
  } catch {
    return undefined;
  }
  const source = columnsSource(bytes);
  const exchanges = source === undefined ? undefined : decodeExchangeSource(bytes, source);
  if (source === undefined || exchanges === undefined) return undefined;
  const options = { excludeConfidential: ahead.excludeConfidential, ...(exchanges.halfLifeDays !== undefined ? { halfLifeDays: exchanges.halfLifeDays } : {}), ...(ahead.asOf !== undefined ? { asOf: ahead.asOf } : {}) };
  const built = buildTieIndex(ahead.kind, exchanges, options);
  // the paths' route graph too: createPathIndex, which asks for the relationships, builds it next
  if (built.kind === "relationships") return { source, built, routeGraph: buildRouteGraph(built.index as Relationships, (built.index as Relationships).strength) };
  return { source, built };
}

/** First bytes read of a copy: its header, and then some (a header longer than this is read whole). */
const HEAD_BYTES = 64 << 10;

/**
 * The bytes of a columnar copy that its exchanges are decoded from (see
 * `exchangeSourceExtent`): the header and the exchange columns, read into
 * an array as long as the copy up to their end; what lies between (the
 * records and extras, about half a copy) is neither read nor touched. A
 * file that does not open like a copy is read whole, for the decoder to refuse.
 */
function readExchangeParts(copyFile: string): Uint8Array {
  const fd = openSync(copyFile, "r");
  try {
    const size = fstatSync(fd).size;
    let head = readAt(fd, new Uint8Array(Math.min(size, HEAD_BYTES)), 0);
    const length = head.length >= 12 ? 12 + new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true) : 0;
    if (length > head.length && length <= size) head = readAt(fd, new Uint8Array(length), 0);
    const extent = exchangeSourceExtent(head);
    if (extent === undefined || extent.to > size) return readAt(fd, new Uint8Array(size), 0);
    const bytes = new Uint8Array(extent.to);
    bytes.set(head.subarray(0, extent.header));
    readAt(fd, bytes.subarray(extent.from, extent.to), extent.from);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Fills `into` with the file's bytes from `position` on (fewer at its end); returns what was filled. */
function readAt(fd: number, into: Uint8Array, position: number): Uint8Array {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return into.subarray(0, done);
}

/** What the worker writes the export's last rows from (see {@link IndexAheadJob.tail}). */
export type TailTexts = { format: "csv"; cells: TiesCsvCells } | { format: "json"; keys: GraphologyJsonKeys; indent: number };

/** A worker thread building an index ahead. */
export interface IndexAheadJob {
  /** Stops the thread (its index will not be needed). */
  cancel(): void;
  /** The index, or undefined when the thread failed or was stopped. */
  result: Promise<IndexAheadResult | undefined>;
  /** The sampled shortest paths ({@link IndexAhead.sampleBetweenness}), or undefined. */
  sample: Promise<SampleAheadResult | undefined>;
  /** Constraint and effective size ({@link IndexAhead.brokerage}), or undefined. */
  brokerage: Promise<BrokerageAhead | undefined>;
  /**
   * Sends the people's texts to the worker, which writes the export's rows
   * from the result's `tailFrom` on ({@link IndexAhead.tiesTail}): the ties
   * CSV's from their cells, the graphology JSON's edges from their quoted
   * keys and with that indent. Their chunks, or undefined when the worker
   * has none to write (or none of that format) or failed.
   */
  tail(texts: TailTexts): Promise<Uint8Array[] | undefined>;
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
  let gotIndex: (r: IndexAheadResult | undefined) => void = () => undefined;
  let gotSample: (r: SampleAheadResult | undefined) => void = () => undefined;
  let gotTail: (r: Uint8Array[] | undefined) => void = () => undefined;
  let gotBrokerage: (r: BrokerageAhead | undefined) => void = () => undefined;
  const result = new Promise<IndexAheadResult | undefined>((resolve) => (gotIndex = resolve));
  const sample = new Promise<SampleAheadResult | undefined>((resolve) => (gotSample = resolve));
  const tail = new Promise<Uint8Array[] | undefined>((resolve) => (gotTail = resolve));
  const brokerage = new Promise<BrokerageAhead | undefined>((resolve) => (gotBrokerage = resolve));
  // messages: the index (or null); then, as that index says, the sample, the brokerage measures, or the
  // tail's chunks once they are asked for (each or null); the thread is stopped after the last
  let expected = 0;
  let tailKept = false;
  let tailAsked = false;
  const done = (): void => void worker.terminate();
  worker.on("message", (message: WorkerMessage) => {
    if ("index" in message) {
      const index = message.index ?? undefined;
      gotIndex(index);
      tailKept = index?.tailFrom !== undefined;
      if (index?.sampling === true) expected++;
      else gotSample(undefined);
      if (index?.brokerage === true) expected++;
      else gotBrokerage(undefined);
      if (tailKept) {
        expected++;
        // waiting for the people: the process may end without asking (the thread is then let go)
        if (!tailAsked) worker.unref();
      } else gotTail(undefined);
    } else if ("sample" in message) {
      gotSample(message.sample ?? undefined);
      expected--;
    } else if ("brokerage" in message) {
      gotBrokerage(message.brokerage ?? undefined);
      expected--;
    } else {
      gotTail(message.tail ?? undefined);
      expected--;
    }
    if (expected === 0) done();
  });
  const failed = (): void => {
    gotIndex(undefined);
    gotSample(undefined);
    gotTail(undefined);
    gotBrokerage(undefined);
  };
  worker.once("error", failed);
  worker.once("exit", failed);
  const askTail = async (texts: TailTexts): Promise<Uint8Array[] | undefined> => {
    const index = await result;
    if (index?.tailFrom === undefined || tailAsked || texts.format !== ahead.tiesTail) return undefined;
    tailAsked = true;
    worker.ref();
    // the people's texts as bytes (copied: this thread writes its rows from them too)
    const { bytes, start, end } = texts.format === "csv" ? texts.cells : texts.keys;
    worker.postMessage({ bytes, start, end, indent: texts.format === "json" ? texts.indent : 0 });
    return tail;
  };
  return { cancel: done, result, sample, brokerage, tail: askTail };
}

/** Ties from which an export writes part of its rows on the worker (fewer: one thread writes them faster than two start). */
const TAIL_FROM_TIES = 20_000;

/** The export's first row the worker writes: half the ties CSV; 55 % into the JSON's edges (the main thread writes the nodes as well). */
function tailStart(format: "csv" | "json", pairs: number): number {
  return format === "csv" ? pairs >> 1 : Math.floor((pairs * 11) / 20);
}

/** The columns of the ties CSV's rows from `from` on, copied (the index itself is moved to the main thread), the first row and how many. */
function tailColumns(ties: DirectedTies, from: number): { from: number; rows: number; columns: TiesCsvColumns } {
  const { source, target, strength, givenValue, count, givingCount, firstDay, lastDay } = ties;
  return {
    from,
    rows: ties.pairCount - from,
    columns: { source: source.slice(from), target: target.slice(from), strength: strength.slice(from), givenValue: givenValue.slice(from), count: count.slice(from), givingCount: givingCount.slice(from), firstDay: firstDay.slice(from), lastDay: lastDay.slice(from) },
  };
}

/** The buffers of an object's typed arrays, each once (to move them in a message). */
function buffersOf(value: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const v of Object.values(value)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
  return [...buffers];
}

/**
 * On a worker thread started by {@link startIndexAhead}: builds the index,
 * sends it back (its arrays moved, not copied), then, as asked, samples
 * shortest paths on a copy of the index's slots and sends those, computes
 * constraint and effective size on the same copy and sends those, or keeps
 * the export's last rows and writes them once the people's texts come;
 * returns true. Elsewhere does nothing and returns false.
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
  const ties = result?.built.kind === "directed" ? (result.built.index as DirectedTies) : undefined;
  const sample = ties && job.ahead.sampleBetweenness === true ? betweennessSample(ties.nodeCount, ties.pairCount) : undefined;
  const brokerage = ties !== undefined && job.ahead.brokerage === true;
  // what the sampling and the brokerage measures read, kept here: the index itself goes to the main thread
  const kept = ties && (sample || brokerage) ? { nodeCount: ties.nodeCount, pairCount: ties.pairCount, offsets: ties.offsets.slice(), source: ties.source.slice(), target: ties.target.slice() } : undefined;
  if (result && kept && sample) result.sampling = true;
  if (result && kept && brokerage) result.brokerage = true;
  // the export's last rows, kept here (the index goes to the main thread) for when the people come
  const tailFormat = job.ahead.tiesTail;
  const tail = ties && !kept && tailFormat !== undefined && ties.pairCount >= TAIL_FROM_TIES ? tailColumns(ties, tailStart(tailFormat, ties.pairCount)) : undefined;
  if (result && tail) result.tailFrom = tail.from;
  port.postMessage({ index: result ?? null } satisfies WorkerMessage, result ? [...buffersOf(result.built.index), ...(result.routeGraph ? buffersOf(result.routeGraph) : [])] : []);
  if (tail) {
    port.once("message", (texts: TiesCsvCells & { indent: number }) => {
      let chunks: Uint8Array[] | null;
      try {
        // each chunk an array of its own, all moved to the main thread
        const total = tail.from + tail.rows;
        chunks = [...(tailFormat === "csv" ? tiesCsvRowBytes(texts, tail.columns, 0, tail.rows, { ownChunks: true }) : tieEdgeJsonBytes(texts, tail.columns, 0, tail.rows, { offset: tail.from, total, indent: texts.indent, ownChunks: true }))];
      } catch {
        chunks = null;
      }
      port.postMessage({ tail: chunks } satisfies WorkerMessage, chunks ? chunks.map((c) => c.buffer as ArrayBuffer) : []);
    });
    return true;
  }
  if (result?.sampling === true) {
    let sampled: SampleAheadResult | null = null;
    try {
      if (kept && sample) sampled = { ...sample, hits: sampledPathHits(kept, sample.budget, sample.minimumSamples, sample.seed) };
    } catch {
      sampled = null;
    }
    port.postMessage({ sample: sampled } satisfies WorkerMessage, sampled ? [sampled.hits.hits.buffer as ArrayBuffer] : []);
  }
  if (result?.brokerage === true) {
    let measures: BrokerageAhead | null = null;
    try {
      // weighted as constraintByIndex and effectiveSizeByIndex are by default (unweighted: the kept slots suffice)
      if (kept) {
        const g = mutualTies(kept, DEFAULT_TIE_GRAPH_OPTIONS.weighted);
        measures = constraintAndEffectiveSizeValues(g);
      }
    } catch {
      measures = null;
    }
    port.postMessage({ brokerage: measures } satisfies WorkerMessage, measures ? [measures.constraint.buffer as ArrayBuffer, measures.effectiveSize.buffer as ArrayBuffer] : []);
  }
  return true;
}

/**
 * Makes the index built ahead the network's own, when the worker made it
 * from the copy this network was decoded from (`source`) and it fits (see
 * {@link adoptTieIndex}), with the route graph built beside it; returns
 * what was taken, or undefined.
 *
 * @example await adoptIndexAhead(network, job.result, claimed, ahead)
 */
export async function adoptIndexAhead(network: Network, pending: Promise<IndexAheadResult | undefined>, source: string, ahead: IndexAhead): Promise<IndexAheadResult | undefined> {
  const result = await pending;
  if (result === undefined || result.source !== source) return undefined;
  if (!adoptTieIndex(network, result.built, { excludeConfidential: ahead.excludeConfidential, ...(ahead.asOf !== undefined ? { asOf: ahead.asOf } : {}) })) return undefined;
  if (result.routeGraph) adoptRouteGraph(result.built.index as Relationships, result.routeGraph);
  return result;
}

/**
 * Makes the shortest paths the worker sampled on a directed index the
 * sample of that index (taken by the network, see {@link adoptIndexAhead}),
 * so `betweennessWithinBudget` on it reads them instead of sampling again;
 * returns whether they were taken.
 *
 * @example await adoptSampleAhead(taken, job.sample)
 */
export async function adoptSampleAhead(taken: BuiltTieIndex, pending: Promise<SampleAheadResult | undefined>): Promise<boolean> {
  const sample = await pending;
  if (sample === undefined || taken.kind !== "directed") return false;
  return adoptPathHits(taken.index as DirectedTies, sample.budget, sample.minimumSamples, sample.seed, sample.hits);
}
