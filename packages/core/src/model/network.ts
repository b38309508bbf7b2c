/**
 * The Network: people, organisations, affiliations over time and exchanges,
 * with fast indices. This file is the public API; the exchanges live in the
 * typed-array {@link ExchangeStore} (exchange-store.ts) and every change is
 * checked by the batch validation in validate.ts before any of it is applied.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, parseDay, type Day } from "./dates.js";
import { ExchangeStore, KIND_CODE, TOUCHPOINT_CODES, sortedByDay, type ExchangeColumns } from "./exchange-store.js";
import type { Affiliation, Exchange, NetworkData, NetworkSettings, Organisation, OrganisationId, Person, PersonId } from "./types.js";
import { OPEN_END, OPEN_START, checkPerson, checkSettings, cleanOrganisation, cleanPerson, problemsError, stageBatch, type AffiliationSpan, type StagedBatch } from "./validate.js";

export { KIND_CODE, OPEN_END, OPEN_START, TOUCHPOINT_CODES, sortedByDay };
export type { AffiliationSpan, ExchangeColumns };

const SCOPE = "tiegraph/model";

/**
 * A professional network. Build one with {@link Network.from} (or `new Network()`
 * and {@link Network.apply}); every change is validated as a whole before any of
 * it is applied, so a failed add leaves the network exactly as it was.
 *
 * @example
 * ```ts
 * const net = Network.from({
 *   ego: "me",
 *   organisations: [{ id: "acme", name: "Acme" }],
 *   people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }],
 *   affiliations: [{ person: "me", organisation: "acme", from: "2020-01-01" }],
 *   exchanges: [{ date: "2024-03-01", kind: "favour", from: "ann", to: "me" }],
 * });
 * net.exchangeCount; // 1
 * ```
 */
export class Network {
  private _ego: number = -1;
  private _settings: NetworkSettings = {};
  private readonly _people: Person[] = [];
  private readonly _personIndex = new Map<PersonId, number>();
  private readonly _orgs: Organisation[] = [];
  private readonly _orgIndex = new Map<OrganisationId, number>();
  private readonly _affs: AffiliationSpan[][] = [];
  private _affCount = 0;
  private readonly _ex = new ExchangeStore();
  private _revision = 0;

  /**
   * Builds a network from plain data (e.g. the body of a network file).
   * Throws a {@link TiegraphError} naming the record and JSON pointer of the
   * first problem, with every problem in its `problems`.
   */
  static from(data: NetworkData): Network {
    const net = new Network();
    net.apply(data);
    return net;
  }

  /** Incremented on every change; caches of derived data compare it. */
  get revision(): number {
    return this._revision;
  }
  /** Number of people. */
  get personCount(): number {
    return this._people.length;
  }
  /** Number of organisations. */
  get organisationCount(): number {
    return this._orgs.length;
  }
  /** Number of affiliations. */
  get affiliationCount(): number {
    return this._affCount;
  }
  /** Number of exchanges. */
  get exchangeCount(): number {
    return this._ex.count;
  }
  /** Ego's id ("me"), if the network has one. */
  get ego(): PersonId | undefined {
    return this._ego < 0 ? undefined : this._people[this._ego]!.id;
  }
  /** Ego's person index, or -1. */
  get egoIndex(): number {
    return this._ego;
  }
  /** Network-wide settings (copy). */
  get settings(): NetworkSettings {
    return { ...this._settings };
  }
  /** Interned meeting/gesture formats; index 0 is "no format". */
  get formats(): readonly string[] {
    return this._ex.formats;
  }

  /** Sets (or clears) ego. */
  setEgo(id: PersonId | undefined): void {
    if (id === undefined) {
      this._ego = -1;
    } else {
      const i = this._personIndex.get(id);
      if (i === undefined) throw new TiegraphError(SCOPE, "unknown-person", `ego ${showValue(id)} is not a person in the network`, { expected: "the id of a person" });
      this._ego = i;
    }
    this._revision++;
  }

  /** Replaces the settings after validating them. */
  setSettings(settings: NetworkSettings): void {
    checkSettings(settings);
    this._settings = { ...settings };
    this._revision++;
  }

  // ---------------------------------------------------------------- people

  /** Whether a person with this id exists. */
  hasPerson(id: PersonId): boolean {
    return this._personIndex.has(id);
  }
  /** The person with this id (throws `unknown-person`). */
  person(id: PersonId): Person {
    return this._people[this.personIndex(id)]!;
  }
  /** The person at an index. */
  personAt(index: number): Person {
    const p = this._people[index];
    if (!p) throw new TiegraphError(SCOPE, "unknown-person", `no person at index ${index}`);
    return p;
  }
  /** Index of a person (throws `unknown-person` naming the id). */
  personIndex(id: PersonId): number {
    const i = this._personIndex.get(id);
    if (i === undefined) throw new TiegraphError(SCOPE, "unknown-person", `unknown person ${showValue(id)}`, { expected: "the id of a person in the network" });
    return i;
  }
  /** Index of a person, or -1. */
  findPerson(id: PersonId): number {
    return this._personIndex.get(id) ?? -1;
  }
  /** All people, in insertion order (index order). */
  people(): readonly Person[] {
    return this._people;
  }

  // ---------------------------------------------------------- organisations

  /** Whether an organisation with this id exists. */
  hasOrganisation(id: OrganisationId): boolean {
    return this._orgIndex.has(id);
  }
  /** The organisation with this id (throws `unknown-organisation`). */
  organisation(id: OrganisationId): Organisation {
    const i = this._orgIndex.get(id);
    if (i === undefined) throw new TiegraphError(SCOPE, "unknown-organisation", `unknown organisation ${showValue(id)}`, { expected: "the id of an organisation in the network" });
    return this._orgs[i]!;
  }
  /** Organisation index, or -1. */
  findOrganisation(id: OrganisationId): number {
    return this._orgIndex.get(id) ?? -1;
  }
  /** The organisation at an index. */
  organisationAt(index: number): Organisation {
    return this._orgs[index]!;
  }
  /** All organisations, in index order. */
  organisations(): readonly Organisation[] {
    return this._orgs;
  }

  // ----------------------------------------------------------- affiliations

  /** A person's affiliations (by id or index), as resolved spans. */
  affiliationSpans(person: PersonId | number): readonly AffiliationSpan[] {
    const i = typeof person === "number" ? person : this.personIndex(person);
    return this._affs[i] ?? [];
  }
  /** A person's affiliations as plain records. */
  affiliationsOf(person: PersonId): Affiliation[] {
    const pi = this.personIndex(person);
    return (this._affs[pi] ?? []).map((s) => this.spanToAffiliation(pi, s));
  }
  /**
   * Organisation indices a person belongs to on a day (inclusive ranges).
   * Most people have one, some none, a few several.
   */
  organisationIndicesOn(person: number, day: Day): number[] {
    const out: number[] = [];
    for (const s of this._affs[person] ?? []) if (s.from <= day && day <= s.to) out.push(s.organisation);
    return out;
  }
  /** Organisation ids a person belongs to on a date. */
  organisationsOn(person: PersonId, date: string | Day): OrganisationId[] {
    const day = typeof date === "number" ? date : requireDay(date, "date");
    return this.organisationIndicesOn(this.personIndex(person), day).map((o) => this._orgs[o]!.id);
  }
  /** True when two people share an organisation on a day (the internal-tie test). */
  shareOrganisationOn(a: number, b: number, day: Day): boolean {
    const sa = this._affs[a];
    const sb = this._affs[b];
    if (!sa || !sb) return false;
    for (const x of sa) {
      if (x.from > day || day > x.to) continue;
      for (const y of sb) if (y.organisation === x.organisation && y.from <= day && day <= y.to) return true;
    }
    return false;
  }

  // -------------------------------------------------------------- exchanges

  /** Typed-array view of the exchanges (valid until the next change). */
  exchangeColumns(): ExchangeColumns {
    return this._ex.columns();
  }
  /** Whether exchange `i` is confidential. */
  isConfidential(i: number): boolean {
    return this._ex.isConfidential(i);
  }
  /** The id of exchange `i` (`#<i+1>` when none was given). */
  exchangeId(i: number): string {
    return this._ex.id(i);
  }
  /** Index of the exchange with this id (throws `unknown-exchange`). */
  exchangeIndex(id: string): number {
    const i = this._ex.find(id);
    if (i < 0) throw new TiegraphError(SCOPE, "unknown-exchange", `unknown exchange ${showValue(id)}`, { expected: "the id of an exchange in the network (or #n for the n-th one without an id)" });
    return i;
  }
  /**
   * Index of the exchange with this id, or -1.
   *
   * @example net.findExchange("x1") // 0
   */
  findExchange(id: string): number {
    return this._ex.find(id);
  }
  /** Exchange `i` as a plain record (notes and confidential flag included). */
  exchangeAt(i: number): Exchange & { id: string } {
    return this._ex.record(i, (p) => this._people[p]!.id);
  }
  /** Tags of exchange `i` (empty when none). */
  exchangeTags(i: number): readonly string[] {
    return this._ex.extrasOf(i)?.tags ?? [];
  }
  /** Note of exchange `i`, if any (private: callers decide whether to show it). */
  exchangeNote(i: number): string | undefined {
    return this._ex.extrasOf(i)?.note;
  }
  /** Person index introduced by exchange `i` (introductions), or -1. */
  exchangeIntroduced(i: number): number {
    return this._ex.extrasOf(i)?.introduced ?? -1;
  }
  /** Exchange indices involving a person (either side), in date-then-insertion order. */
  exchangesOf(person: PersonId | number): Int32Array {
    const p = typeof person === "number" ? person : this.personIndex(person);
    return this._ex.ofPerson(p, this._people.length);
  }
  /** Exchange indices between two people (either direction), in date order. */
  exchangesBetween(a: PersonId | number, b: PersonId | number): number[] {
    const pa = typeof a === "number" ? a : this.personIndex(a);
    const pb = typeof b === "number" ? b : this.personIndex(b);
    const cols = this._ex.columns();
    const out: number[] = [];
    for (const e of this.exchangesOf(pa)) {
      const f = cols.from[e]!;
      const t = cols.to[e]!;
      if ((f === pa && t === pb) || (f === pb && t === pa)) out.push(e);
    }
    return out;
  }
  /** First and last exchange day, or undefined when there are none. */
  dayRange(): { first: Day; last: Day } | undefined {
    return this._ex.dayRange();
  }

  // ---------------------------------------------------------------- changes

  /** Adds one person. */
  addPerson(person: Person): void {
    this.apply({ people: [person] });
  }
  /** Adds one organisation. */
  addOrganisation(org: Organisation): void {
    this.apply({ organisations: [org] });
  }
  /** Adds one affiliation. */
  addAffiliation(aff: Affiliation): void {
    this.apply({ affiliations: [aff] });
  }
  /** Adds one exchange; returns its index. */
  addExchange(exchange: Exchange): number {
    this.apply({ exchanges: [exchange] });
    return this._ex.count - 1;
  }
  /** Adds many exchanges at once (all or none). */
  addExchanges(exchanges: readonly Exchange[]): void {
    this.apply({ exchanges: exchanges as Exchange[] });
  }

  /**
   * Replaces fields of an existing person (the id cannot change). Validated
   * first; on error nothing changes.
   */
  updatePerson(id: PersonId, patch: Partial<Omit<Person, "id">>): void {
    const i = this.personIndex(id);
    const next = cleanPerson({ ...this._people[i]!, ...patch, id });
    checkPerson(next, `/people/${i}`);
    this._people[i] = next;
    this._revision++;
  }

  /**
   * Adds a batch of records: organisations, people, affiliations, exchanges,
   * and optionally ego and settings. Records may refer to each other and to
   * what the network already holds. The whole batch is checked first
   * ({@link checkBatch}); if anything is wrong a {@link TiegraphError} is
   * thrown whose fields locate the first problem (`pointer` e.g.
   * `/exchanges/12/to`) and whose `problems` list all of them, and nothing is applied.
   *
   * @example
   * ```ts
   * net.apply({ people: [{ id: "cy", name: "Cy" }], exchanges: [{ date: "2024-05-02", kind: "information", from: "cy", to: "me" }] });
   * ```
   */
  apply(batch: NetworkData): void {
    const { problems, staged } = stageBatch(this, batch);
    if (problems.length) throw problemsError(problems);
    this.commit(staged);
  }

  /** Applies a validated batch (nothing here can fail). */
  private commit(staged: StagedBatch): void {
    for (const o of staged.organisations) {
      this._orgIndex.set(o.id, this._orgs.length);
      this._orgs.push(o);
    }
    for (const p of staged.people) {
      this._personIndex.set(p.id, this._people.length);
      this._people.push(p);
      this._affs.push([]);
    }
    for (const { person, span } of staged.affiliations) {
      const list = this._affs[person]!;
      list.push(span);
      list.sort((x, y) => x.from - y.from);
      this._affCount++;
    }
    this._ex.append(staged.exchanges);
    if (staged.ego !== undefined) this._ego = staged.ego;
    if (staged.settings !== undefined) this._settings = { ...staged.settings };
    this._revision++;
  }

  /** Gives back memory reserved for growth (call after bulk loading). */
  compact(): void {
    this._ex.compact();
  }

  private spanToAffiliation(person: number, s: AffiliationSpan): Affiliation {
    const a: Affiliation = { person: this._people[person]!.id, organisation: this._orgs[s.organisation]!.id };
    if (s.from !== OPEN_START) a.from = formatDay(s.from);
    if (s.to !== OPEN_END) a.to = formatDay(s.to);
    if (s.role !== undefined) a.role = s.role;
    return a;
  }

  /** Everything in the network as plain data (the body of a network file). */
  toData(): NetworkData {
    const data: NetworkData = {};
    if (this._ego >= 0) data.ego = this._people[this._ego]!.id;
    if (Object.keys(this._settings).length) data.settings = { ...this._settings };
    data.organisations = this._orgs.map((o) => cleanOrganisation(o));
    data.people = this._people.map((p) => cleanPerson(p));
    data.affiliations = [];
    this._affs.forEach((spans, pi) => spans.forEach((s) => data.affiliations!.push(this.spanToAffiliation(pi, s))));
    data.exchanges = [];
    const n = this._ex.count;
    for (let i = 0; i < n; i++) {
      const e: Exchange = this.exchangeAt(i);
      // implicit ids (#n) are positions, not stored ids: leave them out
      if (!this._ex.hasExplicitId(i)) delete e.id;
      data.exchanges.push(e);
    }
    return data;
  }
}

/** A calendar date from text, or a typed error naming what it was for. */
function requireDay(text: unknown, what: string): Day {
  const d = typeof text === "string" ? parseDay(text) : undefined;
  if (d === undefined) throw new TiegraphError(SCOPE, "invalid-date", `invalid ${what} ${showValue(text)}`, { expected: "a calendar date YYYY-MM-DD" });
  return d;
}
