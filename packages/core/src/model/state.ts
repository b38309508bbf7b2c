/**
 * What a network holds, in one object: the records, their id indices, the
 * affiliation spans and the exchange store. The {@link Network} owns one and
 * exposes it read-only; edits.ts changes it in place.
 */
import { RequestStore } from "./request-store.js";
import { ExchangeStore } from "./exchange-store.js";
import type { NetworkSettings, Organisation, OrganisationId, Person, PersonId } from "./types.js";
import type { AffiliationSpan } from "./validate.js";
import type { AffiliationColumns } from "./copied-records.js";

/**
 * The mutable state behind a network (not part of the public API). A class,
 * so that `people` and `affs` can be read on demand (see
 * {@link deferPeople}, {@link deferAffiliations}) through getters on its
 * prototype: the object keeps one shape, and reading any of its fields stays
 * as fast as reading a plain object's.
 */
export class ModelState {
  /** Ego's person index, or -1. */
  ego = -1;
  settings: NetworkSettings = {};
  /** Each person's index by id (replaced whole only when an empty network takes over a batch's, see Network.commit). */
  personIndex = new Map<PersonId, number>();
  readonly orgs: Organisation[] = [];
  readonly orgIndex = new Map<OrganisationId, number>();
  affCount = 0;
  readonly ex: ExchangeStore = new ExchangeStore();
  /** Introduction requests (see requests/). */
  readonly requests: RequestStore = new RequestStore();
  /** People of a columnar copy not read yet (see {@link deferPeople}); undefined once they are. */
  pendingPeople: PendingPeople | undefined = undefined;
  /** Affiliations of a columnar copy not made into spans yet, as its checked columns; undefined once they are. */
  pendingAffs: AffiliationColumns | undefined = undefined;
  /** Adds the pending affiliations' spans to `affs` (see {@link deferAffiliations}). */
  fillAffs: (() => void) | undefined = undefined;
  private peopleList: Person[] = [];
  private affsList: AffiliationSpan[][] = [];

  /**
   * The person records, by index. While {@link ModelState.pendingPeople} is
   * set, reading this reads them all first (a damaged one is a typed error,
   * and they stay pending): read a count, an id or one person through
   * {@link personCountOf}, {@link personIdOf} and {@link personOf} instead.
   */
  get people(): Person[] {
    const pending = this.pendingPeople;
    if (pending !== undefined) {
      // all() throws before anything changes
      this.peopleList = pending.all();
      this.pendingPeople = undefined;
    }
    return this.peopleList;
  }

  /**
   * Each person's affiliations, sorted by start day. While
   * {@link ModelState.pendingAffs} is set, reading this makes them from those
   * columns first.
   */
  get affs(): AffiliationSpan[][] {
    if (this.pendingAffs !== undefined) {
      const fill = this.fillAffs!;
      this.pendingAffs = undefined;
      this.fillAffs = undefined;
      fill();
    }
    return this.affsList;
  }
}

/**
 * An empty state.
 *
 * @example emptyState().people.length // 0
 */
export function emptyState(): ModelState {
  return new ModelState();
}

/**
 * The people of a network read on demand (from a columnar copy): their ids
 * at once, each record when first asked for. Records come back checked and
 * in canonical field order, the same object for the same index every time.
 */
export interface PendingPeople {
  /** Every person's id, by index. */
  readonly ids: readonly PersonId[];
  /** Every person's name, by index, when the copy's list of them was read (each the name its record holds). */
  readonly names?: readonly string[] | undefined;
  /** The record of the person at an index (`0 <= i < ids.length`); throws `invalid-format` when it is damaged. */
  at(i: number): Person;
  /**
   * False when the record at an index cannot hold `field` (its text has no
   * `"field":`), found without parsing it; true when it may (read it to know).
   */
  mayHold(i: number, field: string): boolean;
  /** Every record, by index: all checked before any is returned (throws `invalid-format` naming the first bad one). */
  all(): Person[];
  /** From now on, records come without their notes (those already given out keep theirs). */
  dropNotes(): void;
  /** Another reader of the same records (its own cache): without notes when `dropNotes`, or when this one drops them. */
  copy(dropNotes: boolean): PendingPeople;
}

/**
 * Leaves a state's people to be read on demand: the first read of its
 * `people` reads every record (through `pending.all()`), and the list is
 * plain from then on. Code that needs only the count,
 * an id or one person reads them without that through {@link personCountOf},
 * {@link personIdOf} and {@link personOf}; anything else (edits, saving, a
 * loop over the records) reads them all and goes on as before. The state's
 * `personIndex` must already hold the ids.
 *
 * @example
 * ```ts
 * deferPeople(state, lazyPeople(copied)); // copied-records.ts
 * personIdOf(state, 0); // "p1", nothing parsed
 * state.people.length; // every record parsed and checked now
 * ```
 */
export function deferPeople(state: ModelState, pending: PendingPeople): void {
  state.pendingPeople = pending;
}

/**
 * Leaves a state's affiliations as the checked columns of a columnar copy
 * (every row in range, rows by person and each person's by start day): the
 * first read of its `affs` (one empty list per person until then) calls
 * `fill` to add each row's span to it (with {@link addSpan}). Code that
 * reads every affiliation at once (the E-I index's grouping) reads the
 * columns instead through `Network.affiliationColumns`.
 *
 * @example
 * ```ts
 * deferAffiliations(state, cols, () => addRows(state, cols)); // copied-records.ts
 * state.pendingAffs === cols; // true, until state.affs is read
 * ```
 */
export function deferAffiliations(state: ModelState, columns: AffiliationColumns, fill: () => void): void {
  state.pendingAffs = columns;
  state.fillAffs = fill;
}

/**
 * How many people a state holds, without reading pending records.
 *
 * @example personCountOf(emptyState()) // 0
 */
export function personCountOf(state: ModelState): number {
  return state.pendingPeople !== undefined ? state.pendingPeople.ids.length : state.people.length;
}

/**
 * The id of the person at an index (undefined out of range), without
 * reading pending records.
 *
 * @example personIdOf(state, state.personIndex.get("ann")!) // "ann"
 */
export function personIdOf(state: ModelState, i: number): PersonId | undefined {
  return state.pendingPeople !== undefined ? state.pendingPeople.ids[i] : state.people[i]?.id;
}

/**
 * The name of the person at an index (undefined out of range): from the
 * pending people's list of names when they have one (see
 * {@link PendingPeople}`.names`), reading no record; else the record's.
 *
 * @example personNameOf(state, 0) // "Ann"
 */
export function personNameOf(state: ModelState, i: number): string | undefined {
  const names = state.pendingPeople?.names;
  if (names !== undefined) return Number.isInteger(i) && i >= 0 && i < names.length ? names[i] : undefined;
  return personOf(state, i)?.name;
}

/**
 * Whether the record of the person at an index holds `field` (false out of
 * range). A pending record whose text does not name the field is not read
 * (see {@link PendingPeople}`.mayHold`); any other is read and looked at.
 *
 * @example personHoldsOf(state, 0, "tags") // false: Ann has no tags
 */
export function personHoldsOf(state: ModelState, i: number, field: keyof Person): boolean {
  const pending = state.pendingPeople;
  if (pending !== undefined && Number.isInteger(i) && i >= 0 && i < pending.ids.length && !pending.mayHold(i, field)) return false;
  return personOf(state, i)?.[field] !== undefined;
}

/**
 * The person at an index (undefined out of range), reading only that record
 * when the people are pending.
 *
 * @example personOf(state, 0)?.name // "Ann"
 */
export function personOf(state: ModelState, i: number): Person | undefined {
  const pending = state.pendingPeople;
  if (pending === undefined) return state.people[i];
  return Number.isInteger(i) && i >= 0 && i < pending.ids.length ? pending.at(i) : undefined;
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
