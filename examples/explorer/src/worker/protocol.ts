/**
 * The messages between the page and the network worker. The worker keeps
 * the network; the page gets what it draws and lists, and asks the worker
 * for everything else. Everything crossing is plain data (structured clone);
 * typed arrays are transferred, not copied.
 */
import type { IntroductionAnswer, IntroductionTarget } from "@tiegraph/core";
import type { SearchIndex } from "../search/search-index.js";
import type { DrawingAnalysis, OverviewAnalysis } from "./analysis.js";
import type { DrawableNetwork } from "./drawable.js";
import type { DetailShown } from "./level-of-detail.js";
import type { PersonDetails } from "./person-details.js";
import type { LedgerAnswer, LedgerAsk } from "../ledger/ledger-protocol.js";
import type { NetworkEdit } from "@tiegraph/core";
import type { WeekAnswer, WeekAsk } from "../week/week-protocol.js";

/**
 * Where a network comes from: picked or dropped files, or text (the bundled
 * sample). `passphrase` opens an encrypted network file; `largeMeetings`
 * lets calendar events with more than eight other participants make contacts.
 */
export type NetworkSource = { kind: "files"; files: File[]; passphrase?: string; largeMeetings?: boolean } | { kind: "text"; text: string; name: string };

/** The stages of a load, in order. */
export type LoadStage = "reading" | "parsing" | "analysing" | "drawing";

/** What the page asks. `network` is the load number the question is about. */
export type WorkerRequest =
  | { type: "load"; id: number; source: NetworkSource }
  /** Stops load `id` if it is still running (its import worker is terminated); the load fails with code "cancelled". */
  | { type: "cancel"; id: number }
  | { type: "person"; id: number; network: number; person: string; reveal: boolean }
  | { type: "paths"; id: number; network: number; to: IntroductionTarget; mode: "reliable" | "widest"; reciprocityAware: boolean }
  | { type: "pairs-between"; id: number; network: number; from: string; to: string }
  /** Makes a person ego (undefined: nobody) and publishes the network again under a new number. */
  | { type: "set-ego"; id: number; network: number; person: string | undefined }
  /** Draws the whole of a large network instead of its level-of-detail part; answered by "loaded" (same generation). */
  | { type: "whole"; id: number; network: number }
  /** The page now shows generation `network`: the worker may forget the others. No answer. */
  | { type: "adopted"; id: number; network: number }
  /** The ledger: an edit (answered by "loaded", with the undo edits) or a question (answered by "ledger"). */
  | { type: "ledger"; id: number; network: number; ask: LedgerAsk }
  /** The "This week" tab: the week's plan, routine and requests, or a request change (answered by "week"). */
  | { type: "week"; id: number; network: number; ask: WeekAsk };

/** Everything the page needs to draw and list a loaded network. */
export interface LoadedNetworkData {
  /** Load number: later questions name it. */
  network: number;
  /** File name (names joined, for several files). */
  name: string;
  /** What the importers did, one sentence each (empty for a network file). */
  imported: string[];
  /** Calendar events left out for having more than eight other participants. */
  largeMeetingsSkipped: number;
  personCount: number;
  organisationCount: number;
  /** Ties that can be drawn: relationships with at least one exchange that is not confidential. */
  tieCount: number;
  /** How much of the network `drawable` is: the whole, or a level-of-detail part of a large network. */
  detail: DetailShown;
  /** What the view draws: people and relationships, as arrays. */
  drawable: DrawableNetwork;
  organisations: { id: string; name: string }[];
  /** Every person tag, sorted. */
  tags: string[];
  search: SearchIndex;
  /** The measures the first picture encodes; the rest follows in an "analysed" message. */
  analysis: DrawingAnalysis;
  /** When published after an edit: the edits that undo it. */
  undo?: NetworkEdit[];
}

/** A TiegraphError (or any error) as plain data. */
export interface FailureData {
  /** The complete message, e.g. `tiegraph/format: net.json:12:5 exchange "x": invalid date …`. */
  message: string;
  /** The TiegraphError code, if it was one. */
  code: string | undefined;
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  record: string | undefined;
  /** Every problem core found (with pointers into the edits or the batch), when it was a TiegraphError. */
  problems?: { code: string; message: string; pointer?: string; expected?: string; got?: string }[];
}

/** What the worker answers. */
export type WorkerMessage =
  | { type: "progress"; id: number; stage: LoadStage; fraction: number | undefined }
  | { type: "failed"; id: number; failure: FailureData }
  | { type: "loaded"; id: number; data: LoadedNetworkData }
  /** The overview figures of network `network`, or why there are none. */
  | { type: "analysed"; id: number; network: number; analysis: OverviewAnalysis | undefined; failure?: FailureData }
  | { type: "person"; id: number; network: number; details: PersonDetails }
  | { type: "paths"; id: number; network: number; answer: IntroductionAnswer }
  | { type: "pairs-between"; id: number; network: number; pairs: Float64Array }
  | { type: "ledger"; id: number; network: number; answer: LedgerAnswer }
  | { type: "week"; id: number; network: number; answer: WeekAnswer };

/** What the network worker asks its import worker: read one source. */
export type ImportRequest = { source: NetworkSource };

/** What the import worker answers: progress, then the network as core's columnar copy, or why it could not be read. */
export type ImportReply =
  | { type: "progress"; stage: "reading" | "parsing"; fraction: number | undefined }
  | { type: "read"; name: string; imported: string[]; largeMeetingsSkipped: number; bytes: Uint8Array; /** How long reading the bytes, parsing or importing, and encoding took (ms). */ steps: { step: string; ms: number }[] }
  | { type: "failed"; failure: FailureData };

/** The `source` tag of the import worker's columnar copy (checked on decoding: any fixed text does). */
export const IMPORT_COPY = "tiegraph-import";
