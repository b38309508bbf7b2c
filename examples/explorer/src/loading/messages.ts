/**
 * The messages between the page and the network worker. Everything crossing
 * the boundary is plain data (structured clone), typed arrays are
 * transferred, never copied.
 */
import type { NetworkData } from "@tiegraph/core";
import type { NetworkAnalysis } from "./analysis.js";

/** Where a network comes from: a picked or dropped file, or text (the bundled sample). */
export type NetworkSource = { kind: "file"; file: File } | { kind: "text"; text: string; name: string };

/** Page → worker: load a network. */
export interface LoadRequest {
  type: "load";
  /** Request number; answers carry it so late answers to a replaced request are ignored. */
  id: number;
  source: NetworkSource;
}

/** The stages of a load, in order. */
export type LoadStage = "reading" | "parsing" | "analysing" | "drawing";

/** Worker → page: how far a load is. */
export interface LoadProgress {
  type: "progress";
  id: number;
  stage: LoadStage;
  /** Fraction of the stage done in [0, 1], or undefined when it cannot be known. */
  fraction: number | undefined;
}

/** A TiegraphError (or any error) as plain data. */
export interface LoadFailure {
  type: "failed";
  id: number;
  /** The complete message, e.g. `tiegraph/format: net.json:12:5 exchange "x": invalid date …`. */
  message: string;
  /** The TiegraphError code, if it was one. */
  code: string | undefined;
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  record: string | undefined;
}

/** Worker → page: the loaded network as plain data, and its analysis. */
export interface LoadResult {
  type: "loaded";
  id: number;
  /** The file name shown in the page. */
  name: string;
  data: NetworkData;
  analysis: NetworkAnalysis;
}

/** Everything the worker sends. */
export type WorkerMessage = LoadProgress | LoadFailure | LoadResult;
