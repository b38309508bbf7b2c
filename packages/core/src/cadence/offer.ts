/**
 * What you could offer someone: what they are after (their recorded
 * interests) matched against the information you hold (the topics of your
 * past exchanges), or the prompt to ask when nothing is recorded.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "../model/dates.js";
import type { ExchangeColumns, Network } from "../model/network.js";
import type { PersonId } from "../model/types.js";
import type { OfferPrompt } from "./plan-reasons.js";

/** What you could bring to a meeting with someone. */
export interface Offer {
  /** Their interests you hold information on, as they were recorded, in their order. */
  offer: string[];
  /** Present when `offer` is empty: what to do instead (ask what they are after), as data; `formatOfferPrompt` words it. */
  prompt?: OfferPrompt;
}

/** Options of {@link offerFor}. */
export interface OfferOptions {
  /** Whose information (default: the network's ego). */
  ego?: PersonId;
  /** Only exchanges on or before this day count (default: all). */
  asOf?: string;
  /**
   * Offer topics learnt in confidence (default false): information shared in
   * confidence is not yours to pass on unless the caller says so.
   */
  includeConfidential?: boolean;
}

/** Defaults of {@link offerFor}. */
export const DEFAULT_OFFER_OPTIONS = { includeConfidential: false } as const;

/** The prompt when nothing is recorded about what someone is after. */
export const ASK_PROMPT: OfferPrompt = Object.freeze({ code: "ask-needs" });

/**
 * Topics held by ego: for each normalised tag, the givers of the exchanges
 * that carried it (ego itself for what ego passed on). Built once per plan.
 */
export type TopicsHeld = ReadonlyMap<string, ReadonlySet<number>>;

/**
 * Normalises a topic for matching: lower case, runs of spaces, `_` and `-` as one `-`.
 *
 * @example normaliseTopic(" Data_engineering") // "data-engineering"
 */
export function normaliseTopic(topic: string): string {
  return topic.trim().toLowerCase().replace(/[\s_-]+/g, "-");
}

/** Collects the topics ego holds from its exchanges up to `asOf` (see {@link offerFor}). */
export function topicsHeld(network: Network, ego: number, asOf: Day, includeConfidential: boolean, cols: ExchangeColumns = network.exchangeColumns()): TopicsHeld {
  const held = new Map<string, Set<number>>();
  for (const e of network.exchangesOf(ego)) {
    if (cols.day[e]! > asOf) break;
    if (!includeConfidential && cols.confidential[e]) continue;
    for (const tag of network.exchangeTags(e)) {
      const key = normaliseTopic(tag);
      let givers = held.get(key);
      if (!givers) held.set(key, (givers = new Set()));
      givers.add(cols.from[e]!);
    }
  }
  return held;
}

/** Matches one person's interests against the topics held; `person` is a person index. */
export function matchOffer(network: Network, person: number, held: TopicsHeld): Offer {
  const interests = network.personAt(person).interests ?? [];
  if (interests.length === 0) return { offer: [], prompt: { code: "ask-needs" } };
  const offer = interests.filter((topic) => {
    const givers = held.get(normaliseTopic(topic));
    if (!givers) return false;
    // information that came only from them is theirs already
    for (const g of givers) if (g !== person) return true;
    return false;
  });
  if (offer.length) return { offer };
  return { offer: [], prompt: { code: "no-match", interests: [...interests] } };
}

/**
 * What ego could offer `person`: their recorded interests (`person.interests`)
 * that match a topic ego holds. Ego holds a topic when it is a tag
 * (`network.exchangeTags(i)`) of an exchange ego took part in, either
 * direction, up to `asOf`, unless that information came only from `person`
 * themself. Topics match after {@link normaliseTopic} ("Data engineering" =
 * "data-engineering"). Confidential exchanges are left out unless asked.
 * Nothing recorded → an empty offer and the prompt {@link ASK_PROMPT}
 * (`{ code: "ask-needs" }`); interests but no match → an empty offer and
 * `{ code: "no-match", interests }`.
 *
 * The advice behind it: what you can offer a contact is information and
 * favours they are after, and the first meetings are when you find out what
 * that is.
 *
 * @example
 * ```ts
 * offerFor(network, "ann"); // { offer: ["pricing"] }
 * offerFor(network, "bob"); // { offer: [], prompt: { code: "ask-needs" } }
 * ```
 */
export function offerFor(network: Network, person: PersonId, options: OfferOptions = {}): Offer {
  const egoId = options.ego ?? network.ego;
  if (egoId === undefined) throw new TiegraphError("tiegraph/cadence", "invalid-option", "the network has no ego and no ego was given", { expected: "options.ego, or a network with an ego" });
  let asOf: Day = Number.MAX_SAFE_INTEGER;
  if (options.asOf !== undefined) {
    const d = parseDay(options.asOf);
    if (d === undefined) throw new TiegraphError("tiegraph/cadence", "invalid-date", "invalid asOf date", { record: "asOf", expected: "a calendar date YYYY-MM-DD", got: showValue(options.asOf) });
    asOf = d;
  }
  const ego = network.personIndex(egoId);
  const held = topicsHeld(network, ego, asOf, options.includeConfidential ?? DEFAULT_OFFER_OPTIONS.includeConfidential);
  return matchOffer(network, network.personIndex(person), held);
}
