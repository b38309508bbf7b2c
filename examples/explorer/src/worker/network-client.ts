/**
 * The page's side of the network worker: sends requests, matches answers by
 * request number, reports load progress. A new load supersedes the one in
 * flight; questions about a replaced network fail with code "stale".
 */
import type { IntroductionAnswer, IntroductionTarget } from "@tiegraph/core";
import type { OverviewAnalysis } from "./analysis.js";
import type { PersonDetails } from "./person-details.js";
import type { FailureData, LoadedNetworkData, LoadStage, NetworkSource, WorkerMessage, WorkerRequest } from "./protocol.js";

/** A failed request: the message says what was wrong and where. */
export class WorkerError extends Error {
  constructor(readonly failure: FailureData) {
    super(failure.message);
  }
}

/** Hears the stages of a load. */
export type ProgressListener = (stage: LoadStage, fraction: number | undefined) => void;

type Pending = { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void; onProgress?: ProgressListener };

/** Talks to the network worker. */
export class NetworkClient {
  private readonly worker: Worker;
  private lastId = 0;
  private loadId = 0;
  private readonly pending = new Map<number, Pending>();
  /** Hears the overview analysis that follows each load (network number, figures). */
  onAnalysed: (network: number, analysis: OverviewAnalysis) => void = () => undefined;

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
    const previous = this.pending.get(this.loadId);
    if (previous) {
      this.pending.delete(this.loadId);
      previous.reject(new WorkerError({ message: "replaced by a newer load", code: "cancelled", file: undefined, line: undefined, column: undefined, record: undefined }));
    }
    const id = ++this.lastId;
    this.loadId = id;
    const m = await this.ask({ type: "load", id, source }, onProgress);
    return (m as Extract<WorkerMessage, { type: "loaded" }>).data;
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
      this.pending.set(request.id, onProgress ? { resolve, reject, onProgress } : { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private receive(message: WorkerMessage): void {
    if (message.type === "analysed") return this.onAnalysed(message.network, message.analysis);
    const p = this.pending.get(message.id);
    if (!p) return;
    if (message.type === "progress") {
      p.onProgress?.(message.stage, message.fraction);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === "failed") p.reject(new WorkerError(message.failure));
    else p.resolve(message);
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker.terminate();
  }
}
