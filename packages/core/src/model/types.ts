/**
 * The domain model's records as they are written in files and passed to the
 * API: people, organisations, affiliations over time, and exchanges.
 */
import type { IntroductionRequest } from "./request-types.js";

/** Stable identifier of a person (any non-empty string). */
export type PersonId = string;
/** Stable identifier of an organisation. */
export type OrganisationId = string;

/** A contact (or ego, "me"). */
export interface Person {
  id: PersonId;
  name: string;
  emails?: string[];
  /** Profile address (e.g. LinkedIn URL), used to match people across sources. */
  url?: string;
  tags?: string[];
  /** Private notes. Never exported, drawn or explained unless the caller asks. */
  notes?: string;
  /**
   * What this person is after: the information or favours they want. The
   * first meeting is the time to find out, so you can offer it later.
   */
  interests?: string[];
  /**
   * What you can offer them: information, help or introductions you could
   * bring (the other half of "what they are after").
   */
  offers?: string[];
  /** Explicit cadence: see this person at least every `cadenceDays` days. */
  cadenceDays?: number;
  /** Free attributes (office, department, practice, …) usable as a grouping for internal/external. */
  attributes?: Record<string, string | number | boolean>;
}

/** An organisation people belong to. */
export interface Organisation {
  id: OrganisationId;
  name: string;
  tags?: string[];
}

/**
 * A person's membership of an organisation over a period. `from`/`to` are
 * calendar dates (inclusive); missing `from` means "since always", missing `to`
 * means "still there". People change employers: internal/external is judged
 * with the affiliations valid on the date of each exchange.
 */
export interface Affiliation {
  person: PersonId;
  organisation: OrganisationId;
  from?: string;
  to?: string;
  role?: string;
}

/**
 * The kinds of exchange.
 * - `information`: a tip, advice, news (from giver to receiver).
 * - `favour`: help that costs the giver something.
 * - `introduction`: `from` introduced `to` to `introduced`.
 * - `gesture`: a token (buying coffee or lunch, a gift); repeats lose value.
 * - `meeting`: a coffee, lunch or call; a touchpoint with no giver.
 * - `connection`: a recorded connection (e.g. LinkedIn "Connected On"); a weak touchpoint.
 */
export type ExchangeKind = "information" | "favour" | "introduction" | "gesture" | "meeting" | "connection";

/** All exchange kinds, in code order. */
export const EXCHANGE_KINDS: readonly ExchangeKind[] = ["information", "favour", "introduction", "gesture", "meeting", "connection"];

/**
 * Default value of each kind, in "favour units" where a piece of useful
 * information is 1. For giving kinds it is the value given; for touchpoints
 * (`meeting`, `connection`) it is the weight the contact adds to tie strength,
 * never a gift.
 */
export const DEFAULT_KIND_VALUES: Readonly<Record<ExchangeKind, number>> = {
  information: 1,
  favour: 3,
  introduction: 3,
  gesture: 1,
  meeting: 1,
  connection: 0.25,
};

/** True for kinds where value flows from `from` to `to` (everything but touchpoints). */
export function isGivingKind(kind: ExchangeKind): boolean {
  return kind !== "meeting" && kind !== "connection";
}

/** One exchange between two people, as written in files and passed to the API. */
export interface Exchange {
  /** Unique id. When omitted the network assigns `#<n>`; ids given by callers may not start with `#`. */
  id?: string;
  /** Calendar date `YYYY-MM-DD` (a time, if present, is ignored). */
  date: string;
  kind: ExchangeKind;
  /** The giver (for touchpoints: who initiated or logged it). */
  from: PersonId;
  /** The receiver (for touchpoints: the other participant). */
  to: PersonId;
  /** Overrides the kind's default value; finite and ≥ 0. */
  value?: number;
  /** Duration in minutes (meetings). */
  minutes?: number;
  /** Meeting or gesture format, e.g. `coffee`, `lunch`, `call`, `dinner`, `gift`. */
  format?: string;
  /** For introductions: the person `to` was introduced to. */
  introduced?: PersonId;
  /** Topics of the exchange (what information was given, what the favour was about). */
  tags?: string[];
  /** Private note. Never exported or explained unless asked. */
  note?: string;
  /** Said or done in confidence: kept out of exports and pictures unless asked. */
  confidential?: boolean;
}

/** Network-wide settings stored with the file. */
export interface NetworkSettings {
  /** Half-life of tie strength in days (default 180). */
  halfLifeDays?: number;
  /** Target external share of ego's networking, in [0, 1] (default 0.5). */
  externalTarget?: number;
  /** Cadence in days per person tag, e.g. `{ "mentor": 30 }`. */
  cadenceByTag?: Record<string, number>;
}

/** Everything a network holds, as plain data (the body of a network file). */
export interface NetworkData {
  ego?: PersonId;
  settings?: NetworkSettings;
  organisations?: Organisation[];
  people?: Person[];
  affiliations?: Affiliation[];
  exchanges?: Exchange[];
  /** Introduction requests and their steps (see `requests/`). */
  requests?: IntroductionRequest[];
}
