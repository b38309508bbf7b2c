/**
 * The page's side of the network worker: sends a file, reports progress,
 * and resolves with the network rebuilt from the worker's plain data. A new
 * load supersedes the previous one (its late answers are dropped).
 */
import { Network } from "@tiegraph/core";
import type { NetworkAnalysis } from "./analysis.js";
import type { LoadFailure, LoadStage, NetworkSource, WorkerMessage } from "./messages.js";

/** A network ready to draw. */
export interface LoadedNetwork {
  name: string;
  network: Network;
  analysis: NetworkAnalysis;
}

/** A failed load: the message says what was wrong and where. */
export class LoadError extends Error {
  constructor(readonly failure: Omit<LoadFailure, "type" | "id">) {
    super(failure.message);
  }
}

/** Hears the stages of a load. */
export type ProgressListener = (stage: LoadStage, fraction: number | undefined) => void;

/** Loads networks in a Web Worker. */
export class NetworkLoader {
  private readonly worker: Worker;
  private lastId = 0;
  private pending: { id: number; resolve: (n: LoadedNetwork) => void; reject: (e: Error) => void; onProgress: ProgressListener } | undefined;

  constructor() {
    this.worker = new Worker(new URL("./network-worker.ts", import.meta.url), { type: "module", name: "tiegraph-network" });
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.pending?.reject(new LoadError({ message: `the network worker failed: ${event.message}`, code: undefined, file: undefined, line: undefined, column: undefined, record: undefined }));
      this.pending = undefined;
    };
  }

  /** Loads a network; rejects with a {@link LoadError} on bad input. */
  load(source: NetworkSource, onProgress: ProgressListener): Promise<LoadedNetwork> {
    this.pending?.reject(new LoadError({ message: "replaced by a newer load", code: "cancelled", file: undefined, line: undefined, column: undefined, record: undefined }));
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject, onProgress };
      this.worker.postMessage({ type: "load", id, source });
    });
  }

  private receive(message: WorkerMessage): void {
    const p = this.pending;
    if (!p || message.id !== p.id) return;
    if (message.type === "progress") {
      p.onProgress(message.stage, message.fraction);
      return;
    }
    this.pending = undefined;
    if (message.type === "failed") {
      const { type: _t, id: _i, ...failure } = message;
      p.reject(new LoadError(failure));
      return;
    }
    // the worker has validated the data already; building the model again here is the price of a main-thread Network
    p.resolve({ name: message.name, network: Network.from(message.data), analysis: message.analysis });
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker.terminate();
  }
}
