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
  /** Each person's index by id (replaced whole only when an empty network takes over a batch's, see Network.commit). */
  personIndex: Map<PersonId, number>;
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

/**
 * The list of a person without affiliations: one frozen empty list shared by
 * all of them (a hundred thousand people need not hold a hundred thousand
 * empty arrays). It is never changed: a person's first span replaces it
 * ({@link addSpan}, and the edits' insertion), and nothing is removed from an
 * empty list.
 */
export const NO_SPANS = Object.freeze([]) as unknown as AffiliationSpan[];

/**
 * Appends an affiliation span to a person's list. A person's first span
 * replaces the empty list with a list of one: an empty array grown by a push
 * takes room for 17 elements, so a hundred thousand people with one
 * affiliation each would hold 15 MB of empty slots.
 *
 * @example addSpan(state, 0, { organisation: 0, from: OPEN_START, to: OPEN_END, role: undefined })
 */
export function addSpan(state: ModelState, person: number, span: AffiliationSpan): AffiliationSpan[] {
  const list = state.affs[person]!;
  if (list.length > 0) {
    list.push(span);
    return list;
  }
  const one = [span];
  state.affs[person] = one;
  return one;
}
