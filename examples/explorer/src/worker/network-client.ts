/**
 * The page's side of the network worker: sends requests, matches answers by
 * request number, reports load progress. Every network the worker publishes
 * has a generation number and every answer names the generation it is
 * about: an answer about another generation than the one asked about fails
 * with code "stale", and a new load supersedes the one in flight. The
 * overview figures that follow a load are kept until the page asks for them,
 * so they are never lost when they arrive before the page has switched.
 */
import type { IntroductionAnswer, IntroductionTarget, NetworkEdit } from "@tiegraph/core";
import type { AsOfChoice, LedgerAnswer, LedgerAsk } from "../ledger/ledger-protocol.js";
import type { OverviewAnalysis } from "./analysis.js";
import type { PersonDetails } from "./person-details.js";
import type { WeekAnswer, WeekAsk } from "../week/week-protocol.js";
import type { FailureData, LoadedNetworkData, LoadStage, NetworkSource, WorkerMessage, WorkerRequest } from "./protocol.js";

/** A failed request: the message says what was wrong and where. */
export class WorkerError extends Error {
  constructor(readonly failure: FailureData) {
    super(failure.message);
  }
}

/** Hears the stages of a load. */
export type ProgressListener = (stage: LoadStage, fraction: number | undefined) => void;

/** A request awaiting its answer; `network` is the generation it asks about. */
type Pending = { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void; onProgress?: ProgressListener; network: number | undefined };

type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void };

/** Talks to the network worker. */
export class NetworkClient {
  private readonly worker: Worker;
  private lastId = 0;
  private loadId = 0;
  private readonly pending = new Map<number, Pending>();
  /** The overview figures (or their failure) by generation, kept for the newest generations only. */
  private readonly overviews = new Map<number, Deferred<OverviewAnalysis>>();

  constructor() {
    this.worker = new Worker(new URL("./network-worker.ts", import.meta.url), { type: "module", name: "tiegraph-network" });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      const failure: FailureData = { message: `the network worker failed: ${event.message}`, code: undefined, file: undefined, line: undefined, column: undefined, record: undefined };
      for (const p of this.pending.values()) p.reject(new WorkerError(failure));
      this.pending.clear();
    };
  }

  /** Loads a network; rejects with a {@link WorkerError} on bad input. */
  async load(source: NetworkSource, onProgress: ProgressListener): Promise<LoadedNetworkData> {
    // the worker stops reading the previous load itself when this one arrives
    this.dropLoad("replaced by a newer load");
    const id = ++this.lastId;
    this.loadId = id;
    const m = await this.ask({ type: "load", id, source }, onProgress);
    return (m as Extract<WorkerMessage, { type: "loaded" }>).data;
  }

  /**
   * Cancels the load in flight, if any: it rejects with code "cancelled" and
   * the worker terminates the import worker reading it (the work stops); the
   * network on screen stays. Returns whether a load was running.
   */
  cancelLoad(): boolean {
    if (!this.dropLoad("the load was cancelled")) return false;
    this.worker.postMessage({ type: "cancel", id: this.loadId } satisfies WorkerRequest);
    return true;
  }

  /** Rejects the pending load (code "cancelled"); returns whether there was one. */
  private dropLoad(message: string): boolean {
    const previous = this.pending.get(this.loadId);
    if (!previous) return false;
    this.pending.delete(this.loadId);
    previous.reject(new WorkerError({ message, code: "cancelled", file: undefined, line: undefined, column: undefined, record: undefined }));
    return true;
  }

  /** Makes a person ego (undefined: nobody); the worker publishes the network again under a new generation. */
  async setEgo(network: number, person: string | undefined): Promise<LoadedNetworkData> {
    const m = await this.ask({ type: "set-ego", id: ++this.lastId, network, person });
    return (m as Extract<WorkerMessage, { type: "loaded" }>).data;
  }

  /** Draws the whole of a large network instead of its level-of-detail part (same generation). */
  async whole(network: number): Promise<LoadedNetworkData> {
    const m = await this.ask({ type: "whole", id: ++this.lastId, network });
    return (m as Extract<WorkerMessage, { type: "loaded" }>).data;
  }

  /** Applies edits to network `network` (all or nothing); the worker publishes it again with the undo edits in `undo`. */
  async edit(network: number, edits: NetworkEdit[]): Promise<LoadedNetworkData> {
    const m = await this.ask({ type: "ledger", id: ++this.lastId, network, ask: { kind: "edit", edits } });
    return (m as Extract<WorkerMessage, { type: "loaded" }>).data;
  }

  /** Sets the day every figure is as of; the worker publishes the network again. */
  async asOf(network: number, choice: AsOfChoice): Promise<LoadedNetworkData> {
    const m = await this.ask({ type: "ledger", id: ++this.lastId, network, ask: { kind: "as-of", choice } });
    return (m as Extract<WorkerMessage, { type: "loaded" }>).data;
  }

  /** Asks the ledger's side of the worker a question (file text, a person's record, merge suggestions). */
  async ledger<K extends Exclude<LedgerAsk, { kind: "edit" | "as-of" }>>(network: number, ask: K): Promise<Extract<LedgerAnswer, { kind: K["kind"] }>> {
    const m = await this.ask({ type: "ledger", id: ++this.lastId, network, ask });
    return (m as Extract<WorkerMessage, { type: "ledger" }>).answer as Extract<LedgerAnswer, { kind: K["kind"] }>;
  }

  /** Asks the "This week" tab's side of the worker (the week, a request change, a request's message). */
  async week(network: number, ask: WeekAsk): Promise<WeekAnswer> {
    const m = await this.ask({ type: "week", id: ++this.lastId, network, ask });
    return (m as Extract<WorkerMessage, { type: "week" }>).answer;
  }

  /** Tells the worker the page now shows generation `network`, so it can forget the others. */
  adopted(network: number): void {
    this.worker.postMessage({ type: "adopted", id: ++this.lastId, network } satisfies WorkerRequest);
  }

  /** The overview figures of a generation; rejects with the worker's failure when they could not be computed. */
  overview(network: number): Promise<OverviewAnalysis> {
    return this.deferred(network).promise;
  }

  /** What the person panel shows about a person. */
  async person(network: number, person: string, reveal: boolean): Promise<PersonDetails> {
    const m = await this.ask({ type: "person", id: ++this.lastId, network, person, reveal });
    return (m as Extract<WorkerMessage, { type: "person" }>).details;
  }

  /** Ranked introduction paths from ego. */
  async paths(network: number, to: IntroductionTarget, mode: "reliable" | "widest", reciprocityAware: boolean): Promise<IntroductionAnswer> {
    const m = await this.ask({ type: "paths", id: ++this.lastId, network, to, mode, reciprocityAware });
    return (m as Extract<WorkerMessage, { type: "paths" }>).answer;
  }

  /** Pairs (lower · n + higher person index) with a shown exchange in a date range. */
  async pairsBetween(network: number, from: string, to: string): Promise<Float64Array> {
    const m = await this.ask({ type: "pairs-between", id: ++this.lastId, network, from, to });
    return (m as Extract<WorkerMessage, { type: "pairs-between" }>).pairs;
  }

  private ask(request: WorkerRequest, onProgress?: ProgressListener): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, onProgress ? { resolve, reject, onProgress, network: "network" in request ? request.network : undefined } : { resolve, reject, network: "network" in request ? request.network : undefined });
      this.worker.postMessage(request);
    });
  }

  private deferred(network: number): Deferred<OverviewAnalysis> {
    let d = this.overviews.get(network);
    if (!d) {
      let resolve!: (v: OverviewAnalysis) => void;
      let reject!: (e: Error) => void;
      const promise = new Promise<OverviewAnalysis>((res, rej) => ((resolve = res), (reject = rej)));
      // a generation nobody asks about must not report an unhandled rejection
      promise.catch(() => undefined);
      d = { promise, resolve, reject };
      this.overviews.set(network, d);
      // keep the newest few generations only
      for (const k of this.overviews.keys()) if (k < network - 4) this.overviews.delete(k);
    }
    return d;
  }

  private receive(message: WorkerMessage): void {
    if (message.type === "analysed") {
      const d = this.deferred(message.network);
      if (message.analysis) d.resolve(message.analysis);
      else d.reject(new WorkerError(message.failure ?? { message: "the analysis failed", code: undefined, file: undefined, line: undefined, column: undefined, record: undefined }));
      return;
    }
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === "progress") {
      p.onProgress?.(message.stage, message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === "failed") p.reject(new WorkerError(message.failure));
    else if ("network" in message && p.network !== undefined && message.network !== p.network) p.reject(new WorkerError({ message: "the network has changed", code: "stale", file: undefined, line: undefined, column: undefined, record: undefined }));
    else p.resolve(message);
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker.terminate();
  }
}
