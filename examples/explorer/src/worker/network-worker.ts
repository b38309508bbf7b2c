/**
 * The network worker: reads, parses, validates and analyses a network off
 * the page's main thread, then keeps it and answers the page's questions
 * (a person's details, introduction paths, ties in a date range). The page
 * never holds the network itself, so a large file never freezes it. Each
 * network it publishes gets a new generation number; answers name the
 * generation they are about, and a question about one that is gone fails
 * with code "stale".
 */
import { createPathIndex, decodeNetworkColumns, directedTies, displayNames, formatDay, introductionPaths, relationships, TiegraphError, type Network, type NetworkEdit, type PathIndex, type Relationships } from "@tiegraph/core";
import { drawingAnalysis, eiIndexSlices, lastShownDay, overviewSteps, type DrawingAnalysis, type OverviewStep } from "./analysis.js";
import { drawableBuffers, drawableNetwork, type DrawableNetwork } from "./drawable.js";
import { drawablePart } from "./drawable-part.js";
import { detailShown, LEVEL_OF_DETAIL_OPTIONS, levelOfDetail, type LevelOfDetail } from "./level-of-detail.js";
import { personDetails } from "./person-details.js";
import { failureData } from "./failure-data.js";
import { IMPORT_COPY, type FailureData, type ImportReply, type ImportRequest, type LoadedNetworkData, type LoadStage, type NetworkSource, type WorkerMessage, type WorkerRequest } from "./protocol.js";
import { readNetwork, type ReadNetwork } from "./read-network.js";
import { buildSearchIndex } from "../search/search-index.js";
import { pairsWithExchangeBetween } from "./pairs-between.js";
import { answerLedger, applyLedgerEdits, referenceDay, rememberPassphrase, setAsOf } from "../ledger/ledger-worker.js";
import { answerWeek } from "../week/week-worker.js";
import { clearSteps, record, timed } from "./step-timing.js";

/** The network on screen and what is derived from it on demand. */
interface Current {
  /** Generation: every answer about this network names it; the page ignores answers about older ones. */
  number: number;
  network: Network;
  /** Display name per person index (core's displayNames). */
  names: (index: number) => string;
  /** Reference day of the shown figures: the last day with an exchange that is not confidential (undefined: none). */
  asOf: number | undefined;
  paths: PathIndex | undefined;
  relationships: [Relationships | undefined, Relationships | undefined];
  /** The drawing measures of the whole network, to draw it whole on request. */
  drawing: DrawingAnalysis;
  /** The lists the page offers (built once per generation; structured clone copies them). */
  lists?: Pick<LoadedNetworkData, "organisations" | "tags" | "search" | "tieCount">;
  /** What was read, to publish the network again (e.g. after ego is chosen). */
  read: ReadNetwork;
}

/**
 * The networks the page may ask about, by generation: the one it shows and,
 * until it says it has switched ("adopted"), the newest one published. If
 * the page cannot draw a new network it keeps asking about the old one,
 * which is still here.
 */
const networks = new Map<number, Current>();
let loads = 0;
/** Large networks whose whole was asked for: they stay whole when published again (ego chosen, edits). */
const wholeAsked = new WeakSet<ReadNetwork>();
/**
 * Work done after a network is published, in pieces: each run of a piece is
 * a job of its own (one slice of it, or all of it when it cannot be cut), so
 * questions that arrive in between are answered first. `run` returns true
 * once the piece is finished.
 */
interface Piece {
  /** The generation it is about. */
  network: number;
  /** Whether it yields between slices. */
  yields: boolean;
  /** Runs before any other (the path index: a person's panel needs it). */
  first?: boolean;
  run: () => boolean;
}
const background: Piece[] = [];
/** The generation the page last said it shows ("adopted"): from then on it may ask questions at any moment. */
let shown = 0;

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load") return await load(request.id, request.source);
    if (request.type === "cancel") {
      if (importing?.id === request.id) importing.stop();
      return;
    }
    if (request.type === "adopted") {
      for (const k of [...networks.keys()]) if (k !== request.network) networks.delete(k);
      shown = request.network;
      return;
    }
    const c = networks.get(request.network);
    // a question about a network that has since been replaced: the page has moved on
    if (!c) return post({ type: "failed", id: request.id, failure: failure(new Error("the network has changed"), "stale") });
    if (request.type === "set-ego") {
      if (request.person !== undefined && !c.network.hasPerson(request.person)) throw new TiegraphError("tiegraph/explorer", "unknown-person", `unknown person ${JSON.stringify(request.person)}`, { expected: "a person of the network" });
      c.network.setEgo(request.person);
      return publish(request.id, c.read);
    }
    if (request.type === "whole") {
      wholeAsked.add(c.read);
      return postLoaded(request.id, c, { kind: "whole" }, undefined);
    }
    if (request.type === "ledger") {
      if (request.ask.kind === "edit") return publish(request.id, c.read, applyLedgerEdits(c.network, request.ask.edits));
      if (request.ask.kind === "as-of") return (setAsOf(request.ask.choice), publish(request.id, c.read));
      return post({ type: "ledger", id: request.id, network: c.number, answer: await answerLedger(c.network, request.ask) });
    }
    if (request.type === "week") return post({ type: "week", id: request.id, network: c.number, answer: answerWeek(c.network, request.ask) });
    if (request.type === "person") {
      const start = performance.now();
      const details = personDetails(
        c.network,
        () => (c.paths ??= pathIndex(c)),
        (w) => (c.relationships[w ? 1 : 0] ??= relationships(c.network, { excludeConfidential: !w, ...dayOption(c.asOf) })),
        request.person,
        request.reveal,
        c.names,
        c.asOf,
      );
      record("person", start, performance.now());
      return post({ type: "person", id: request.id, network: c.number, details });
    }
    if (request.type === "paths") {
      c.paths ??= pathIndex(c);
      const answer = introductionPaths(c.paths, { to: request.to, mode: request.mode, reciprocityAware: request.reciprocityAware, k: 3 });
      return post({ type: "paths", id: request.id, network: c.number, answer });
    }
    const pairs = Float64Array.from(pairsWithExchangeBetween(c.network, request.from, request.to));
    return post({ type: "pairs-between", id: request.id, network: c.number, pairs }, [pairs.buffer]);
  } catch (e) {
    post({ type: "failed", id: request.id, failure: failure(e) });
  }
};

function pathIndex(c: Current): PathIndex {
  // confidential exchanges are left out of the page: a path never rests on one
  return createPathIndex(c.network, { excludeConfidential: true, ...(c.asOf === undefined ? {} : { asOf: formatDay(c.asOf) }) });
}

/** A failure the import worker already described. */
class ImportFailure extends Error {
  constructor(readonly data: FailureData) {
    super(data.message);
  }
}

/** The load whose files an import worker is reading, and how to stop it. */
let importing: { id: number; stop: () => void } | undefined;

async function load(id: number, source: NetworkSource): Promise<void> {
  // a newer load replaces the one still reading: its import worker stops
  importing?.stop();
  const progress = (stage: LoadStage, fraction?: number) => post({ type: "progress", id, stage, fraction });
  progress("reading", 0);
  clearSteps();
  const start = performance.now();
  const read = await readInImportWorker(id, source, progress);
  record("read", start, performance.now());
  if (source.kind === "files" && source.passphrase !== undefined) rememberPassphrase(read.network, source.passphrase);
  progress("analysing");
  publish(id, read);
}

/**
 * Reads a source in an import worker of its own, so that the load can be
 * stopped (the worker is terminated: the parsing and importing stop, not
 * just their answer) while this worker keeps the network on screen and
 * answers questions about it. Where workers cannot start workers, reads here.
 */
function readInImportWorker(id: number, source: NetworkSource, progress: (stage: LoadStage, fraction?: number) => void): Promise<ReadNetwork> {
  if (typeof Worker === "undefined") return readNetwork(source, progress);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./import-worker.ts", import.meta.url), { type: "module", name: "tiegraph-import" });
    const stop = () => {
      worker.terminate();
      if (importing?.id === id) importing = undefined;
    };
    importing = {
      id,
      stop: () => {
        stop();
        reject(new ImportFailure({ message: "the load was cancelled", code: "cancelled", file: undefined, line: undefined, column: undefined, record: undefined }));
      },
    };
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const m = event.data;
      if (m.type === "progress") return progress(m.stage, m.fraction);
      stop();
      if (m.type === "failed") return reject(new ImportFailure(m.failure));
      // the import worker's steps, one after another, ending now
      let end = performance.now();
      for (const s of [...m.steps].reverse()) {
        record(`import:${s.step}`, end - s.ms, end);
        end -= s.ms;
      }
      const network = timed("decode", () => decodeNetworkColumns(m.bytes, IMPORT_COPY));
      if (!network) return reject(new Error("the import worker sent an unreadable network"));
      resolve({ name: m.name, network, imported: m.imported, largeMeetingsSkipped: m.largeMeetingsSkipped });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      reject(new Error(`the import worker failed: ${event.message}`));
    };
    worker.postMessage({ source } satisfies ImportRequest);
  });
}

/** Analyses a network, makes it the current one under a new generation number and sends it to the page. */
function publish(id: number, read: ReadNetwork, undo?: NetworkEdit[]): void {
  const { network } = read;
  const asOf = timed("reference-day", () => referenceDay(network, lastShownDay));
  const names = timed("names", () => displayNames(network));
  const rel = timed("relationships", () => {
    const options = { excludeConfidential: true, ...dayOption(asOf) };
    // the drawing measures and the E-I index read the directed ties of the same options: built
    // first, they are built once and the relationships come from them (core builds relationships
    // straight from the exchanges only when nobody has asked for the directed ties)
    directedTies(network, options);
    return relationships(network, options);
  });
  // a large network's first picture comes without the E-I index (only its colouring needs it): it follows with the overview
  const laterEI = network.personCount > LEVEL_OF_DETAIL_OPTIONS.above;
  const drawing = timed("drawing-analysis", () => drawingAnalysis(network, rel, asOf, !laterEI));
  const number = ++loads;
  const current: Current = { number, network, names, asOf, paths: undefined, relationships: [rel, undefined], drawing, read };
  // keep the page's network (the lowest generation kept) and this one; older unadopted ones go
  for (const k of [...networks.keys()].sort((x, y) => x - y).slice(1)) networks.delete(k);
  networks.set(number, current);
  // a large network opens on a part of it (see level-of-detail.ts), unless its whole was asked for
  postLoaded(id, current, wholeAsked.has(read) ? { kind: "whole" } : timed("level-of-detail", () => levelOfDetail(rel, network.egoIndex)), undo);
  // after the picture is sent: the path index (the person panel's mutual connections, the first introduction),
  // the E-I index when it was left out, and the overview figures, in pieces (see runLater for their order)
  let failed = false;
  const guarded = (run: () => boolean) => (): boolean => {
    // a network the page may still show (kept) gets its figures; one that is gone does not
    if (networks.get(number) !== current || failed) return true;
    try {
      return run();
    } catch (e) {
      // the tabs that wait for it show why instead of "Analysing…"
      failed = true;
      post({ type: "analysed", id, network: number, analysis: undefined, failure: failure(e) });
      return true;
    }
  };
  later({ network: number, yields: false, first: true, run: guarded(() => ((current.paths ??= timed("path-index", () => pathIndex(current))), true)) });
  const ei = laterEI ? eiIndexSlices(network, asOf) : undefined;
  const overview = overviewSteps(
    network,
    () => {
      const byPerson = current.drawing.eiIndex!;
      return network.egoIndex >= 0 && !Number.isNaN(byPerson[network.egoIndex]!) ? byPerson[network.egoIndex]! : null;
    },
    asOf,
  );
  const steps: OverviewStep[] = [...(ei ? [{ name: "ei-index", yields: true, slices: ei.slices }] : []), ...overview.steps];
  let left = steps.length;
  const finished = (step: OverviewStep): void => {
    if (step === steps[0] && ei) drawing.eiIndex = ei.byPerson();
    if (--left > 0) return;
    const figures = overview.figures();
    // a copy: the worker keeps its own to draw the whole network on request
    if (laterEI) figures.eiIndex = drawing.eiIndex!.slice();
    post({ type: "analysed", id, network: number, analysis: figures }, [figures.betweenness.buffer, ...(figures.eiIndex ? [figures.eiIndex.buffer] : [])]);
  };
  for (const step of steps) later({ network: number, yields: step.yields, run: guarded(timedSlices(step, () => finished(step))) });
}

/** Longest slice of a piece that yields, between two questions of the page (ms). */
const SLICE_MS = 25;

/**
 * A step's slices as a piece's runs, leaving one `tiegraph:worker:<name>`
 * measure: the time its slices took, ending with the last one (whose
 * `done` is included).
 */
function timedSlices(step: OverviewStep, done: () => void): () => boolean {
  let spent = 0;
  return () => {
    const start = performance.now();
    const finished = step.slices(SLICE_MS);
    if (finished) done();
    const end = performance.now();
    spent += end - start;
    if (finished) record(step.name, end - spent, end);
    return finished;
  };
}

/** Sends the page what it draws of network `c` at a level of detail, and the lists it offers. */
function postLoaded(id: number, c: Current, detail: LevelOfDetail, undo: NetworkEdit[] | undefined): void {
  const { network, read, names, asOf } = c;
  const rel = c.relationships[0]!;
  let drawable: DrawableNetwork;
  let analysis: DrawingAnalysis;
  const start = performance.now();
  if (detail.kind === "whole") {
    drawable = drawableNetwork(network, names, asOf, rel).drawable;
    // copies: the worker keeps its own to draw the whole again
    analysis = { asOf: c.drawing.asOf, pairImbalance: c.drawing.pairImbalance.slice(), eiIndex: c.drawing.eiIndex?.slice() };
  } else ({ drawable, analysis } = drawablePart(network, names, rel, c.drawing, detail));
  record("drawable", start, performance.now());
  c.lists ??= timed("lists", () => lists(network, rel, names, asOf));
  const posting = performance.now();
  post(
    {
      type: "loaded",
      id,
      data: {
        network: c.number,
        name: read.name,
        imported: read.imported,
        largeMeetingsSkipped: read.largeMeetingsSkipped,
        personCount: network.personCount,
        organisationCount: network.organisationCount,
        ...c.lists,
        detail: detailShown(detail),
        drawable,
        analysis,
        ...(undo ? { undo } : {}),
      },
    },
    [analysis.pairImbalance.buffer, ...(analysis.eiIndex ? [analysis.eiIndex.buffer] : []), ...drawableBuffers(drawable)],
  );
  record("post", posting, performance.now());
}

/** The organisations, tags, search index and drawable tie count of a network. */
function lists(network: Network, rel: Relationships, names: (index: number) => string, asOf: number | undefined): NonNullable<Current["lists"]> {
  const tags = new Set<string>();
  for (const p of network.people()) for (const t of p.tags ?? []) tags.add(t);
  let tieCount = 0;
  for (let k = 0; k < rel.confidentialOnly.length; k++) if (!rel.confidentialOnly[k]) tieCount++;
  return {
    tieCount,
    organisations: network.organisations().map((o) => ({ id: o.id, name: o.name })),
    tags: [...tags].sort((a, b) => a.localeCompare(b)),
    search: buildSearchIndex(network, asOf ?? 0, names),
  };
}

/** Queues a piece of work, to run after the questions already waiting. */
function later(piece: Piece): void {
  background.push(piece);
  if (background.length === 1) wake();
}

/**
 * Runs the next piece once (one slice, or the whole of one that cannot be
 * cut) in a task of its own, after the page's messages already queued. The
 * pieces run in the order queued, the path index first, except that a piece
 * that cannot be cut goes first while the page is still building the
 * picture of its network (the page asks nothing then), and a piece that
 * yields goes first once the page shows it ("adopted"): a question then
 * waits for one slice at most, while pieces that cannot be cut wait until
 * nothing else is left.
 */
function runLater(): void {
  let k = background.findIndex((p) => p.first === true);
  if (k < 0) k = background.findIndex((p) => p.yields === p.network <= shown);
  const at = k < 0 ? 0 : k;
  const piece = background[at];
  try {
    if (!piece || piece.run()) background.splice(at, 1);
  } finally {
    if (background.length) wake();
  }
}

/**
 * Wakes {@link runLater} in a task of its own. A message on a channel of our
 * own, not `setTimeout`: nested timers wait at least 4 ms each, and a piece
 * cut into dozens of slices would idle that long between every two.
 */
const wakeChannel = typeof MessageChannel === "undefined" ? undefined : new MessageChannel();
if (wakeChannel) wakeChannel.port1.onmessage = () => runLater();
function wake(): void {
  if (wakeChannel) wakeChannel.port2.postMessage(null);
  else setTimeout(runLater, 0);
}

/** `{ asOf }` for a known day, else nothing (the measure's own default). */
function dayOption(asOf: number | undefined): { asOf?: number } {
  return asOf === undefined ? {} : { asOf };
}

function failure(e: unknown, code?: string): FailureData {
  return e instanceof ImportFailure ? e.data : failureData(e, code);
}
