/**
 * The Network: people, organisations, affiliations over time and exchanges,
 * with fast indices. Exchanges are stored column-wise in typed arrays (a few
 * tens of bytes each), so a million of them fit comfortably in memory and the
 * analytics can scan them in one pass.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, parseDay, type Day } from "./dates.js";
import { RequestStore } from "../requests/request-store.js";
import type { IntroductionRequest } from "../requests/types.js";
import {
  DEFAULT_KIND_VALUES,
  EXCHANGE_KINDS,
  type Affiliation,
  type Exchange,
  type ExchangeKind,
  type NetworkData,
  type NetworkSettings,
  type Organisation,
  type OrganisationId,
  type Person,
  type PersonId,
} from "./types.js";

const SCOPE = "tiegraph/model";
/** Sentinel day for open-ended affiliation ranges. */
export const OPEN_START: Day = -2147483648;
/** Sentinel day for affiliations that have not ended. */
export const OPEN_END: Day = 2147483647;

const FLAG_CONFIDENTIAL = 1;
const FLAG_EXPLICIT_VALUE = 2;

/** An affiliation with its organisation and dates resolved to indices and day numbers. */
export interface AffiliationSpan {
  organisation: number;
  from: Day;
  to: Day;
  role: string | undefined;
}

interface ExchangeExtras {
  id?: string;
  note?: string;
  tags?: string[];
  introduced?: number;
}

/** Read-only typed-array view of all exchanges (length = exchange count). */
export interface ExchangeColumns {
  readonly count: number;
  /** Person index of the giver (or initiator). */
  readonly from: Int32Array;
  /** Person index of the receiver (or other participant). */
  readonly to: Int32Array;
  /** Calendar day of the exchange. */
  readonly day: Int32Array;
  /** Index into {@link EXCHANGE_KINDS}. */
  readonly kind: Uint8Array;
  /** Value (the kind's default unless overridden). */
  readonly value: Float64Array;
  /** Minutes, or NaN when not recorded. */
  readonly minutes: Float32Array;
  /** 1 when confidential. */
  readonly confidential: Uint8Array;
  /** Format code (index into {@link Network.formats}); 0 = none. */
  readonly format: Uint8Array;
}

/** Kind code of each kind (index in {@link EXCHANGE_KINDS}). */
export const KIND_CODE: Readonly<Record<ExchangeKind, number>> = Object.fromEntries(EXCHANGE_KINDS.map((k, i) => [k, i])) as Record<ExchangeKind, number>;
/** Kind codes that are touchpoints, not gifts (meeting, connection). */
export const TOUCHPOINT_CODES: ReadonlySet<number> = new Set([KIND_CODE.meeting, KIND_CODE.connection]);

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

  private _cap = 0;
  private _n = 0;
  private _from = new Int32Array(0);
  private _to = new Int32Array(0);
  private _day = new Int32Array(0);
  private _kind = new Uint8Array(0);
  private _value = new Float64Array(0);
  private _minutes = new Float32Array(0);
  private _flags = new Uint8Array(0);
  private _format = new Uint8Array(0);
  private readonly _extras = new Map<number, ExchangeExtras>();
  private readonly _exchangeIds = new Map<string, number>();
  private readonly _formats: string[] = [""];
  private readonly _formatIndex = new Map<string, number>([["", 0]]);
  private _revision = 0;
  private _byPerson: { offsets: Int32Array; items: Int32Array } | undefined;
  private _columns: ExchangeColumns | undefined;
  private _columnsRevision = -1;
  private readonly _requests = new RequestStore();

  /**
   * Builds a network from plain data (e.g. the body of a network file).
   * Throws a {@link TiegraphError} naming the record and JSON pointer on the first problem.
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
    return this._n;
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
    return this._formats;
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
    validateSettings(settings, "/settings");
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
    if (this._columns && this._columnsRevision === this._revision) return this._columns;
    const n = this._n;
    const flags = this._flags.subarray(0, n);
    const confidential = new Uint8Array(n);
    for (let i = 0; i < n; i++) confidential[i] = flags[i]! & FLAG_CONFIDENTIAL;
    this._columnsRevision = this._revision;
    return (this._columns = {
      count: n,
      from: this._from.subarray(0, n),
      to: this._to.subarray(0, n),
      day: this._day.subarray(0, n),
      kind: this._kind.subarray(0, n),
      value: this._value.subarray(0, n),
      minutes: this._minutes.subarray(0, n),
      confidential,
      format: this._format.subarray(0, n),
    });
  }
  /** Whether exchange `i` is confidential. */
  isConfidential(i: number): boolean {
    return (this._flags[i]! & FLAG_CONFIDENTIAL) !== 0;
  }
  /** The id of exchange `i` (`#<i+1>` when none was given). */
  exchangeId(i: number): string {
    return this._extras.get(i)?.id ?? `#${i + 1}`;
  }
  /** Index of the exchange with this id (throws `unknown-exchange`). */
  exchangeIndex(id: string): number {
    const explicit = this._exchangeIds.get(id);
    if (explicit !== undefined) return explicit;
    if (/^#\d+$/.test(id)) {
      const i = Number(id.slice(1)) - 1;
      if (i >= 0 && i < this._n && this._extras.get(i)?.id === undefined) return i;
    }
    throw new TiegraphError(SCOPE, "unknown-exchange", `unknown exchange ${showValue(id)}`);
  }
  /** Exchange `i` as a plain record (notes and confidential flag included). */
  exchangeAt(i: number): Exchange & { id: string } {
    if (i < 0 || i >= this._n) throw new TiegraphError(SCOPE, "unknown-exchange", `no exchange at index ${i}`);
    const ex = this._extras.get(i);
    const kind = EXCHANGE_KINDS[this._kind[i]!]!;
    const out: Exchange & { id: string } = {
      id: ex?.id ?? `#${i + 1}`,
      date: formatDay(this._day[i]!),
      kind,
      from: this._people[this._from[i]!]!.id,
      to: this._people[this._to[i]!]!.id,
    };
    if (this._flags[i]! & FLAG_EXPLICIT_VALUE) out.value = this._value[i]!;
    const min = this._minutes[i]!;
    if (!Number.isNaN(min)) out.minutes = min;
    if (this._format[i]) out.format = this._formats[this._format[i]!]!;
    if (ex?.introduced !== undefined) out.introduced = this._people[ex.introduced]!.id;
    if (ex?.tags) out.tags = [...ex.tags];
    if (ex?.note !== undefined) out.note = ex.note;
    if (this._flags[i]! & FLAG_CONFIDENTIAL) out.confidential = true;
    return out;
  }
  /** Tags of exchange `i` (empty when none). */
  exchangeTags(i: number): readonly string[] {
    return this._extras.get(i)?.tags ?? [];
  }
  /** Note of exchange `i`, if any (private: callers decide whether to show it). */
  exchangeNote(i: number): string | undefined {
    return this._extras.get(i)?.note;
  }
  /** Person index introduced by exchange `i` (introductions), or -1. */
  exchangeIntroduced(i: number): number {
    return this._extras.get(i)?.introduced ?? -1;
  }
  /** Exchange indices involving a person (either side), in date-then-insertion order. */
  exchangesOf(person: PersonId | number): Int32Array {
    const p = typeof person === "number" ? person : this.personIndex(person);
    const idx = this.byPersonIndex();
    return idx.items.subarray(idx.offsets[p]!, idx.offsets[p + 1]!);
  }
  /** Exchange indices between two people (either direction), in date order. */
  exchangesBetween(a: PersonId | number, b: PersonId | number): number[] {
    const pa = typeof a === "number" ? a : this.personIndex(a);
    const pb = typeof b === "number" ? b : this.personIndex(b);
    const out: number[] = [];
    for (const e of this.exchangesOf(pa)) {
      const f = this._from[e]!;
      const t = this._to[e]!;
      if ((f === pa && t === pb) || (f === pb && t === pa)) out.push(e);
    }
    return out;
  }
  /** First and last exchange day, or undefined when there are none. */
  dayRange(): { first: Day; last: Day } | undefined {
    if (this._n === 0) return undefined;
    let first = this._day[0]!;
    let last = first;
    for (let i = 1; i < this._n; i++) {
      const d = this._day[i]!;
      if (d < first) first = d;
      if (d > last) last = d;
    }
    return { first, last };
  }

  private byPersonIndex(): { offsets: Int32Array; items: Int32Array } {
    if (this._byPerson) return this._byPerson;
    const n = this._people.length;
    const m = this._n;
    const order = sortedByDay(this._day, m);
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) {
      offsets[this._from[i]! + 1]!++;
      offsets[this._to[i]! + 1]!++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const items = new Int32Array(2 * m);
    for (let k = 0; k < m; k++) {
      const e = order[k]!;
      items[fill[this._from[e]!]!++] = e;
      items[fill[this._to[e]!]!++] = e;
    }
    this._byPerson = { offsets, items };
    return this._byPerson;
  }

  // --------------------------------------------------------------- requests

  /** Introduction requests, in the order they were added (see `requests/`). Do not modify them: use {@link putRequest}. */
  requests(): readonly IntroductionRequest[] {
    return this._requests.all();
  }
  /** The introduction request with this id, or undefined. */
  findRequest(id: string): IntroductionRequest | undefined {
    return this._requests.find(id);
  }
  /**
   * Stores a request (replacing the one with the same id, or adding it) and
   * adds the exchanges it records, all or nothing: the request is validated,
   * then the exchanges (as {@link apply} does), and only then is anything
   * changed. Callers use `applyRequestChange`, which also checks that a
   * replacement continues the stored request.
   */
  putRequest(request: IntroductionRequest, exchanges: readonly Exchange[] = []): void {
    const staged = this._requests.stageReplacement(request, { hasPerson: (id) => this._personIndex.has(id), hasOrganisation: (id) => this._orgIndex.has(id) });
    if (exchanges.length) this.apply({ exchanges: exchanges as Exchange[] });
    this._requests.put(staged);
    this._revision++;
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
    return this._n - 1;
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
    const next = { ...this._people[i]!, ...patch, id } as Person;
    for (const k of Object.keys(next) as (keyof Person)[]) if (next[k] === undefined) delete next[k];
    validatePerson(next, `/people/${i}`);
    this._people[i] = next;
    this._revision++;
  }

  /**
   * Adds a batch of records: organisations, people, affiliations, exchanges,
   * and optionally ego and settings. Records may refer to each other and to
   * what the network already holds. The whole batch is validated first; the
   * first problem throws a {@link TiegraphError} whose `pointer` locates the
   * record in the batch (e.g. `/exchanges/12/to`), and nothing is applied.
   */
  apply(batch: NetworkData): void {
    if (batch === null || typeof batch !== "object") {
      throw new TiegraphError(SCOPE, "invalid-format", "network data must be an object", { got: showValue(batch), expected: "{ people, organisations, affiliations, exchanges }" });
    }
    const orgs = arrayField(batch.organisations, "/organisations");
    const people = arrayField(batch.people, "/people");
    const affs = arrayField(batch.affiliations, "/affiliations");
    const exchanges = arrayField(batch.exchanges, "/exchanges");

    // --- validate, against the current state plus the batch itself
    const newOrgs = new Map<string, number>();
    orgs.forEach((o, k) => {
      const at = `/organisations/${k}`;
      validateOrganisation(o, at);
      if (this._orgIndex.has(o.id) || newOrgs.has(o.id)) throw recordError("duplicate-id", `duplicate organisation id ${showValue(o.id)}`, `organisation ${showValue(o.id)}`, at + "/id", "an id not used by another organisation");
      newOrgs.set(o.id, this._orgs.length + newOrgs.size);
    });
    const newPeople = new Map<string, number>();
    people.forEach((p, k) => {
      const at = `/people/${k}`;
      validatePerson(p, at);
      if (this._personIndex.has(p.id) || newPeople.has(p.id)) throw recordError("duplicate-id", `duplicate person id ${showValue(p.id)}`, `person ${showValue(p.id)}`, at + "/id", "an id not used by another person");
      newPeople.set(p.id, this._people.length + newPeople.size);
    });
    const personOf = (id: unknown, at: string, rec: string): number => {
      if (typeof id !== "string" || id === "") throw recordError("missing-field", `missing person id`, rec, at, "a person id (non-empty string)", id);
      const i = this._personIndex.get(id) ?? newPeople.get(id);
      if (i === undefined) throw recordError("unknown-person", `unknown person ${showValue(id)}`, rec, at, "the id of a person in the network or this batch");
      return i;
    };
    const affSpans: { person: number; span: AffiliationSpan }[] = [];
    affs.forEach((a, k) => {
      const at = `/affiliations/${k}`;
      const rec = `affiliation #${k}`;
      if (a === null || typeof a !== "object") throw recordError("invalid-format", "affiliation must be an object", rec, at, "{ person, organisation, from?, to?, role? }", a);
      const person = personOf(a.person, at + "/person", rec);
      if (typeof a.organisation !== "string") throw recordError("missing-field", "missing organisation", rec, at + "/organisation", "an organisation id");
      const org = this._orgIndex.get(a.organisation) ?? newOrgs.get(a.organisation);
      if (org === undefined) throw recordError("unknown-organisation", `unknown organisation ${showValue(a.organisation)}`, rec, at + "/organisation", "the id of an organisation in the network or this batch");
      const from = a.from === undefined ? OPEN_START : dayField(a.from, at + "/from", rec);
      const to = a.to === undefined ? OPEN_END : dayField(a.to, at + "/to", rec);
      if (to < from) throw recordError("invalid-range", `affiliation ends (${a.to}) before it starts (${a.from})`, rec, at + "/to", "an end date on or after the start date");
      if (a.role !== undefined && typeof a.role !== "string") throw recordError("invalid-field", "role must be text", rec, at + "/role", "a string", a.role);
      affSpans.push({ person, span: { organisation: org, from, to, role: a.role } });
    });
    const newIds = new Set<string>();
    const staged: { from: number; to: number; day: Day; kind: number; value: number; explicit: boolean; minutes: number; confidential: boolean; format: string; extras: ExchangeExtras | undefined }[] = [];
    exchanges.forEach((e, k) => {
      const at = `/exchanges/${k}`;
      let rec = `exchange #${k}`;
      if (e === null || typeof e !== "object") throw recordError("invalid-format", "exchange must be an object", rec, at, "{ date, kind, from, to, ... }", e);
      if (e.id !== undefined) {
        if (typeof e.id !== "string" || e.id === "" || e.id.startsWith("#")) throw recordError("invalid-field", "invalid exchange id", rec, at + "/id", "a non-empty string not starting with '#'", e.id);
        rec = `exchange ${showValue(e.id)}`;
        if (this._exchangeIds.has(e.id) || newIds.has(e.id)) throw recordError("duplicate-id", `duplicate exchange id ${showValue(e.id)}`, rec, at + "/id", "an id not used by another exchange");
        newIds.add(e.id);
      }
      const kindCode = typeof e.kind === "string" ? KIND_CODE[e.kind as ExchangeKind] : undefined;
      if (kindCode === undefined || !Object.hasOwn(KIND_CODE, e.kind)) throw recordError("invalid-kind", `unknown exchange kind ${showValue(e.kind)}`, rec, at + "/kind", `one of ${EXCHANGE_KINDS.join(", ")}`);
      const from = personOf(e.from, at + "/from", rec);
      const to = personOf(e.to, at + "/to", rec);
      if (from === to) throw recordError("self-exchange", `exchange of a person with themself (${showValue(e.from)})`, rec, at + "/to", "two different people");
      const day = dayField(e.date, at + "/date", rec);
      let value = DEFAULT_KIND_VALUES[e.kind];
      if (e.value !== undefined) {
        if (typeof e.value !== "number" || !Number.isFinite(e.value) || e.value < 0) throw recordError("invalid-value", "invalid value", rec, at + "/value", "a finite number ≥ 0", e.value);
        value = e.value;
      }
      let minutes = NaN;
      if (e.minutes !== undefined) {
        if (typeof e.minutes !== "number" || !Number.isFinite(e.minutes) || e.minutes < 0) throw recordError("invalid-value", "invalid minutes", rec, at + "/minutes", "a finite number of minutes ≥ 0", e.minutes);
        minutes = e.minutes;
      }
      if (e.format !== undefined && (typeof e.format !== "string" || e.format.length > 40)) throw recordError("invalid-field", "invalid format", rec, at + "/format", "a short text like coffee, lunch, call", e.format);
      if (e.confidential !== undefined && typeof e.confidential !== "boolean") throw recordError("invalid-field", "confidential must be true or false", rec, at + "/confidential", "a boolean", e.confidential);
      if (e.note !== undefined && typeof e.note !== "string") throw recordError("invalid-field", "note must be text", rec, at + "/note", "a string", e.note);
      if (e.tags !== undefined) checkStringArray(e.tags, at + "/tags", rec);
      let extras: ExchangeExtras | undefined;
      if (e.introduced !== undefined) {
        const intro = personOf(e.introduced, at + "/introduced", rec);
        if (e.kind !== "introduction") throw recordError("invalid-field", "only introductions name an introduced person", rec, at + "/introduced", 'kind "introduction"');
        if (intro === to || intro === from) throw recordError("invalid-field", "an introduction joins two other people", rec, at + "/introduced", "a person other than from and to");
        extras = { introduced: intro };
      }
      if (e.id !== undefined || e.note !== undefined || e.tags !== undefined) {
        extras ??= {};
        if (e.id !== undefined) extras.id = e.id;
        if (e.note !== undefined) extras.note = e.note;
        if (e.tags !== undefined && e.tags.length) extras.tags = [...e.tags];
      }
      staged.push({ from, to, day, kind: kindCode, value, explicit: e.value !== undefined, minutes, confidential: e.confidential === true, format: e.format ?? "", extras });
    });
    let ego = this._ego;
    if (batch.ego !== undefined) ego = personOf(batch.ego, "/ego", "ego");
    if (batch.settings !== undefined) validateSettings(batch.settings, "/settings");
    const requests = batch.requests === undefined ? [] : this._requests.stage(arrayField(batch.requests, "/requests"), { hasPerson: (id) => this._personIndex.has(id) || newPeople.has(id), hasOrganisation: (id) => this._orgIndex.has(id) || newOrgs.has(id) });
    const newFormats = new Set(staged.map((s) => s.format).filter((f) => !this._formatIndex.has(f)));
    if (this._formats.length + newFormats.size > 255) throw new TiegraphError(SCOPE, "invalid-field", "too many distinct exchange formats", { expected: "at most 254 distinct formats" });

    // --- apply (nothing below can fail)
    for (const o of orgs) {
      this._orgIndex.set(o.id, this._orgs.length);
      this._orgs.push(clean(o));
    }
    for (const p of people) {
      this._personIndex.set(p.id, this._people.length);
      this._people.push(clean(p));
      this._affs.push([]);
    }
    for (const { person, span } of affSpans) {
      const list = this._affs[person]!;
      list.push(span);
      list.sort((x, y) => x.from - y.from);
      this._affCount++;
    }
    this.ensureCapacity(this._n + staged.length);
    for (const s of staged) {
      const i = this._n++;
      this._from[i] = s.from;
      this._to[i] = s.to;
      this._day[i] = s.day;
      this._kind[i] = s.kind;
      this._value[i] = s.value;
      this._minutes[i] = s.minutes;
      this._flags[i] = (s.confidential ? FLAG_CONFIDENTIAL : 0) | (s.explicit ? FLAG_EXPLICIT_VALUE : 0);
      let f = this._formatIndex.get(s.format);
      if (f === undefined) {
        f = this._formats.length;
        this._formats.push(s.format);
        this._formatIndex.set(s.format, f);
      }
      this._format[i] = f;
      if (s.extras) {
        this._extras.set(i, s.extras);
        if (s.extras.id !== undefined) this._exchangeIds.set(s.extras.id, i);
      }
    }
    this._requests.commit(requests);
    this._ego = ego;
    if (batch.settings !== undefined) this._settings = { ...batch.settings };
    this._byPerson = undefined;
    this._revision++;
  }

  private ensureCapacity(n: number): void {
    if (n <= this._cap) return;
    let cap = Math.max(16, this._cap);
    while (cap < n) cap = Math.ceil(cap * 1.5);
    const grow = <T extends Int32Array | Uint8Array | Float64Array | Float32Array>(a: T, make: (c: number) => T): T => {
      const b = make(cap);
      b.set(a.subarray(0, this._n) as never);
      return b;
    };
    this._from = grow(this._from, (c) => new Int32Array(c));
    this._to = grow(this._to, (c) => new Int32Array(c));
    this._day = grow(this._day, (c) => new Int32Array(c));
    this._kind = grow(this._kind, (c) => new Uint8Array(c));
    this._value = grow(this._value, (c) => new Float64Array(c));
    this._minutes = grow(this._minutes, (c) => new Float32Array(c));
    this._flags = grow(this._flags, (c) => new Uint8Array(c));
    this._format = grow(this._format, (c) => new Uint8Array(c));
    this._cap = cap;
  }

  /** Gives back memory reserved for growth (call after bulk loading). */
  compact(): void {
    const n = this._n;
    if (this._cap === n) return;
    this._columns = undefined;
    this._from = this._from.slice(0, n);
    this._to = this._to.slice(0, n);
    this._day = this._day.slice(0, n);
    this._kind = this._kind.slice(0, n);
    this._value = this._value.slice(0, n);
    this._minutes = this._minutes.slice(0, n);
    this._flags = this._flags.slice(0, n);
    this._format = this._format.slice(0, n);
    this._cap = n;
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
    data.organisations = this._orgs.map((o) => clean(o));
    data.people = this._people.map((p) => clean(p));
    data.affiliations = [];
    this._affs.forEach((spans, pi) => spans.forEach((s) => data.affiliations!.push(this.spanToAffiliation(pi, s))));
    data.exchanges = [];
    for (let i = 0; i < this._n; i++) {
      const e: Exchange = this.exchangeAt(i);
      // implicit ids (#n) are positions, not stored ids: leave them out
      if (this._extras.get(i)?.id === undefined) delete e.id;
      data.exchanges.push(e);
    }
    if (this._requests.size) data.requests = this._requests.toData();
    return data;
  }
}

/** Indices 0..m-1 sorted by day (stable), by counting sort over the day range. */
export function sortedByDay(day: Int32Array, m: number): Int32Array {
  const order = new Int32Array(m);
  if (m === 0) return order;
  let lo = day[0]!;
  let hi = lo;
  for (let i = 1; i < m; i++) {
    const d = day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  if (span > 4 * m + 100000) {
    const idx = Array.from({ length: m }, (_, i) => i);
    idx.sort((a, b) => day[a]! - day[b]! || a - b);
    order.set(idx);
    return order;
  }
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < m; i++) counts[day[i]! - lo + 1]!++;
  for (let i = 0; i < span; i++) counts[i + 1]! += counts[i]!;
  for (let i = 0; i < m; i++) order[counts[day[i]! - lo]!++] = i;
  return order;
}

function recordError(code: ConstructorParameters<typeof TiegraphError>[1], problem: string, record: string, pointer: string, expected: string, got?: unknown): TiegraphError {
  const d: Record<string, string> = { record, pointer, expected };
  if (arguments.length > 5) d.got = showValue(got);
  return new TiegraphError(SCOPE, code, problem, d);
}

function arrayField<T>(v: T[] | undefined, at: string): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new TiegraphError(SCOPE, "invalid-format", `${at.slice(1)} must be an array`, { pointer: at, expected: "an array", got: showValue(v) });
  return v;
}

function requireDay(text: unknown, what: string): Day {
  const d = typeof text === "string" ? parseDay(text) : undefined;
  if (d === undefined) throw new TiegraphError(SCOPE, "invalid-date", `invalid ${what} ${showValue(text)}`, { expected: "a calendar date YYYY-MM-DD" });
  return d;
}

function dayField(text: unknown, pointer: string, record: string): Day {
  const d = typeof text === "string" ? parseDay(text) : undefined;
  if (d === undefined) throw recordError("invalid-date", `invalid date ${showValue(text)}`, record, pointer, "a calendar date YYYY-MM-DD");
  return d;
}

function checkStringArray(v: unknown, pointer: string, record: string): void {
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw recordError("invalid-field", "expected a list of strings", record, pointer, "an array of strings", v);
}

function validateOrganisation(o: Organisation, at: string): void {
  const rec = `organisation at ${at}`;
  if (o === null || typeof o !== "object") throw recordError("invalid-format", "organisation must be an object", rec, at, "{ id, name }", o);
  if (typeof o.id !== "string" || o.id === "") throw recordError("missing-field", "organisation without id", rec, at + "/id", "a non-empty string", o.id);
  if (typeof o.name !== "string") throw recordError("missing-field", "organisation without name", `organisation ${showValue(o.id)}`, at + "/name", "a string", o.name);
  if (o.tags !== undefined) checkStringArray(o.tags, at + "/tags", `organisation ${showValue(o.id)}`);
}

function validatePerson(p: Person, at: string): void {
  if (p === null || typeof p !== "object") throw recordError("invalid-format", "person must be an object", `person at ${at}`, at, "{ id, name, ... }", p);
  if (typeof p.id !== "string" || p.id === "") throw recordError("missing-field", "person without id", `person at ${at}`, at + "/id", "a non-empty string", p.id);
  const rec = `person ${showValue(p.id)}`;
  if (typeof p.name !== "string") throw recordError("missing-field", "person without name", rec, at + "/name", "a string", p.name);
  for (const k of ["emails", "tags", "interests"] as const) if (p[k] !== undefined) checkStringArray(p[k], `${at}/${k}`, rec);
  if (p.notes !== undefined && typeof p.notes !== "string") throw recordError("invalid-field", "notes must be text", rec, at + "/notes", "a string", p.notes);
  if (p.url !== undefined && typeof p.url !== "string") throw recordError("invalid-field", "url must be text", rec, at + "/url", "a string", p.url);
  if (p.cadenceDays !== undefined && (typeof p.cadenceDays !== "number" || !(p.cadenceDays > 0) || !Number.isFinite(p.cadenceDays))) throw recordError("invalid-value", "invalid cadence", rec, at + "/cadenceDays", "a positive number of days", p.cadenceDays);
  if (p.attributes !== undefined) {
    if (p.attributes === null || typeof p.attributes !== "object" || Array.isArray(p.attributes)) throw recordError("invalid-field", "attributes must be an object", rec, at + "/attributes", "an object of text, number or boolean values", p.attributes);
    for (const [k, v] of Object.entries(p.attributes)) {
      if (!["string", "number", "boolean"].includes(typeof v)) throw recordError("invalid-field", `attribute ${showValue(k)} has an unsupported value`, rec, `${at}/attributes/${k}`, "text, a number or a boolean", v);
    }
  }
}

function validateSettings(s: NetworkSettings, at: string): void {
  if (s === null || typeof s !== "object") throw recordError("invalid-format", "settings must be an object", "settings", at, "an object", s);
  if (s.halfLifeDays !== undefined && !(typeof s.halfLifeDays === "number" && s.halfLifeDays > 0 && Number.isFinite(s.halfLifeDays))) throw recordError("invalid-value", "invalid half-life", "settings", at + "/halfLifeDays", "a positive number of days", s.halfLifeDays);
  if (s.externalTarget !== undefined && !(typeof s.externalTarget === "number" && s.externalTarget >= 0 && s.externalTarget <= 1)) throw recordError("invalid-value", "invalid external target", "settings", at + "/externalTarget", "a share between 0 and 1", s.externalTarget);
  if (s.cadenceByTag !== undefined) {
    if (s.cadenceByTag === null || typeof s.cadenceByTag !== "object") throw recordError("invalid-field", "cadenceByTag must be an object", "settings", at + "/cadenceByTag", "an object of tag → days", s.cadenceByTag);
    for (const [k, v] of Object.entries(s.cadenceByTag)) if (!(typeof v === "number" && v > 0 && Number.isFinite(v))) throw recordError("invalid-value", `invalid cadence for tag ${showValue(k)}`, "settings", `${at}/cadenceByTag/${k}`, "a positive number of days", v);
  }
}

/** A shallow copy without undefined fields, with arrays copied. */
function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? [...v] : v !== null && typeof v === "object" ? { ...v } : v;
  }
  return out as T;
}
