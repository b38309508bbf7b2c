/**
 * What a network holds, in one object: the records, their id indices, the
 * affiliation spans and the exchange store. The {@link Network} owns one and
 * exposes it read-only; edits.ts changes it in place.
 */
import { RequestStore } from "./request-store.js";
import { ExchangeStore } from "./exchange-store.js";
import type { NetworkSettings, Organisation, OrganisationId, Person, PersonId } from "./types.js";
import type { AffiliationSpan } from "./validate.js";

/** The mutable state behind a network (not part of the public API). */
export interface ModelState {
  /** Ego's person index, or -1. */
  ego: number;
  settings: NetworkSettings;
  readonly people: Person[];
  readonly personIndex: Map<PersonId, number>;
  readonly orgs: Organisation[];
  readonly orgIndex: Map<OrganisationId, number>;
  /** Each person's affiliations, sorted by start day. */
  readonly affs: AffiliationSpan[][];
  affCount: number;
  readonly ex: ExchangeStore;
  /** Introduction requests (see requests/). */
  readonly requests: RequestStore;
}

/**
 * An empty state.
 *
 * @example emptyState().people.length // 0
 */
export function emptyState(): ModelState {
  return { ego: -1, settings: {}, people: [], personIndex: new Map(), orgs: [], orgIndex: new Map(), affs: [], affCount: 0, ex: new ExchangeStore(), requests: new RequestStore() };
}
