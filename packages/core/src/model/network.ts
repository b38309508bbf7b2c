/**
 * The Network: people, organisations, affiliations over time and exchanges,
 * with fast indices. This file is the public API; the exchanges live in the
 * typed-array {@link ExchangeStore} (exchange-store.ts) and every change is
 * checked by the batch validation in validate.ts before any of it is applied.
 */
import { TiegraphError, showValue } from "../errors.js";
import { formatDay, parseDay, type Day } from "./dates.js";
import { ExchangeStore, KIND_CODE, TOUCHPOINT_CODES, sortedByDay, type ExchangeColumns, type LazyExtras, type RawExchangeColumns, type StoredExchangeColumns } from "./exchange-store.js";
import type { Affiliation, Exchange, NetworkData, NetworkSettings, Organisation, OrganisationId, Person, PersonId } from "./types.js";
import type { IntroductionRequest } from "./request-types.js";
import { applyEdits, type NetworkEdit } from "./edits.js";
import { NO_SPANS, addSpan, deferPeople, emptyState, personCountOf, personHoldsOf, personIdOf, personNameOf, personOf, type ModelState } from "./state.js";
import { RequestStore } from "./request-store.js";
import { OPEN_END, OPEN_START, checkPerson, checkSettings, cleanOrganisation, cleanPerson, problemsError, stageBatch, withoutNotes, withoutProblems, type AffiliationSpan, type ExchangeRowsPart, type RecordLines, type StagedBatch } from "./validate.js";
import type { ExchangeRows } from "./exchange-rows.js";
import type { Problem } from "../errors.js";
import { adoptAffiliationColumns, adoptCopiedRecords, affiliationColumns as columnsOfAffiliations, lazyPeople, type AffiliationColumns, type CopiedPeople } from "./copied-records.js";

export { KIND_CODE, OPEN_END, OPEN_START, TOUCHPOINT_CODES, sortedByDay };
export type { AffiliationColumns, CopiedPeople, AffiliationSpan, ExchangeColumns, LazyExtras, RawExchangeColumns, StoredExchangeColumns };

const SCOPE = "tiegraph/model";

/** Options of {@link Network.apply}. */
export interface ApplyOptions {
  /** Source lines of the batch's records, given to problems (see {@link RecordLines}). */
  lines?: RecordLines;
  /**
   * What problems do: `"throw"` (default) throws them and applies nothing;
   * `"refuse"` returns them and applies nothing; `"skip"` applies the records
   * without problems and returns the problems.
   */
  problems?: "throw" | "refuse" | "skip";
  /**
   * Exchanges read column-wise ({@link ExchangeRows}, each row checked as it
   * was read), applied after `batch.exchanges` and numbered after them in
   * pointers (`/exchanges/<batch.exchanges.length + i>`).
   */
  rows?: readonly ExchangeRows[];
  /**
   * With `"skip"` or `"refuse"`: problems listed at most, and as many
   * dependents (default: all). The rest are counted in
   * {@link AppliedBatch.problemCount} and {@link AppliedBatch.dependentCount}
   * and their records left out all the same, so a batch of a million bad
   * records costs a count, not a million problems. `"throw"` lists all.
   */
  maxProblems?: number;
}

/** What {@link Network.apply} did. */
export interface AppliedBatch {
  /** Problems found (empty when the whole batch was applied). */
  problems: Problem[];
  /** How many problems were found: `problems.length` plus those past `maxProblems`. */
  problemCount: number;
  /** With `"skip"`: records left out because they depend on one with a problem. */
  dependents: Problem[];
  /** How many records were left out as dependents: `dependents.length` plus those past `maxProblems`. */
  dependentCount: number;
  /** The records applied (with `"refuse"` and problems: none). */
  batch: NetworkData;
  /** How many of `options.rows` were applied. */
  rowsApplied: number;
}

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
  private readonly _s: ModelState = emptyState();
  private _revision = 0;
  /** {@link Network.personIds} as of `_idsRevision`, when the people are not pending. */
  private _ids: PersonId[] | undefined;
  private _idsRevision = -1;

  /**
   * Builds a network from plain data (e.g. the body of a network file), and
   * exchanges read into columns (`rows`, after `data.exchanges`), checked as
   * one batch. Throws a {@link TiegraphError} naming the record and JSON
   * pointer of the first problem, with every problem in its `problems`.
   *
   * @example Network.from({ people: [{ id: "me", name: "Me" }], ego: "me" }).personCount // 1
   */
  static from(data: NetworkData, options: Pick<ApplyOptions, "rows"> = {}): Network {
    const net = new Network();
    net.apply(data, options.rows ? { rows: options.rows } : {});
    return net;
  }

  /** Incremented on every change; caches of derived data compare it. */
  get revision(): number {
    return this._revision;
  }
  /** Number of people. */
  get personCount(): number {
    return personCountOf(this._s);
  }
  /** Number of organisations. */
  get organisationCount(): number {
    return this._s.orgs.length;
  }
  /** Number of affiliations. */
  get affiliationCount(): number {
    return this._s.affCount;
  }
  /** Number of exchanges. */
  get exchangeCount(): number {
    return this._s.ex.count;
  }
  /** Ego's id ("me"), if the network has one. */
  get ego(): PersonId | undefined {
    return this._s.ego < 0 ? undefined : personIdOf(this._s, this._s.ego);
  }
  /** Ego's person index, or -1. */
  get egoIndex(): number {
    return this._s.ego;
  }
  /** Network-wide settings (copy). */
  get settings(): NetworkSettings {
    return { ...this._s.settings };
  }
  /** Interned meeting/gesture formats; index 0 is "no format". */
  get formats(): readonly string[] {
    return this._s.ex.formats;
  }

  /** Sets (or clears) ego. */
  setEgo(id: PersonId | undefined): void {
    if (id === undefined) {
      this._s.ego = -1;
    } else {
      const i = this._s.personIndex.get(id);
      if (i === undefined) throw new TiegraphError(SCOPE, "unknown-person", `ego ${showValue(id)} is not a person in the network`, { expected: "the id of a person" });
      this._s.ego = i;
    }
    this._revision++;
  }

  /** Replaces the settings after validating them. */
  setSettings(settings: NetworkSettings): void {
    checkSettings(settings);
    this._s.settings = { ...settings };
    this._revision++;
  }

  // ---------------------------------------------------------------- people

  /** Whether a person with this id exists. */
  hasPerson(id: PersonId): boolean {
    return this._s.personIndex.has(id);
  }
  /** The person with this id (throws `unknown-person`). */
  person(id: PersonId): Person {
    return personOf(this._s, this.personIndex(id))!;
  }
  /** The person at an index. */
  personAt(index: number): Person {
    const p = personOf(this._s, index);
    if (!p) throw new TiegraphError(SCOPE, "unknown-person", `no person at index ${index}`);
    return p;
  }
  /** Index of a person (throws `unknown-person` naming the id). */
  personIndex(id: PersonId): number {
    const i = this._s.personIndex.get(id);
    if (i === undefined) throw new TiegraphError(SCOPE, "unknown-person", `unknown person ${showValue(id)}`, { expected: "the id of a person in the network" });
    return i;
  }
  /** Index of a person, or -1. */
  findPerson(id: PersonId): number {
    return this._s.personIndex.get(id) ?? -1;
  }
  /**
   * All people, in insertion order (index order). A network read from a
   * columnar copy reads its person records when first asked for; this reads
   * all of them, so code that needs only ids or a few people should use
   * {@link Network.personIds}, {@link Network.personId} or
   * {@link Network.personAt}.
   */
  people(): readonly Person[] {
    return this._s.people;
  }
  /**
   * Reads now whatever a network decoded from a columnar copy left to be
   * read when first needed: every person record and the affiliation spans
   * (a typed `invalid-format` error names a damaged record). For a caller
   * that will read them all and has a moment to spare now (the CLI does it
   * while another thread builds the tie index); nothing to do otherwise.
   *
   * @example net.readRecords(); net.people(); // already read
   */
  readRecords(): void {
    if (this._s.pendingPeople !== undefined) void this._s.people;
    if (this._s.pendingAffs !== undefined) void this._s.affs;
  }
  /**
   * Every person's id, by index (the list is the network's: do not change
   * it). Reads no person record.
   *
   * @example net.personIds()[net.personIndex("ann")] // "ann"
   */
  personIds(): readonly PersonId[] {
    const s = this._s;
    if (s.pendingPeople !== undefined) return s.pendingPeople.ids;
    if (this._ids === undefined || this._idsRevision !== this._revision) {
      this._ids = s.people.map((p) => p.id);
      this._idsRevision = this._revision;
    }
    return this._ids;
  }
  /**
   * The id of the person at an index (throws `unknown-person` out of range).
   * Reads no person record.
   *
   * @example net.personId(0) // "me"
   */
  personId(index: number): PersonId {
    const id = personIdOf(this._s, index);
    if (id === undefined) throw new TiegraphError(SCOPE, "unknown-person", `no person at index ${index}`);
    return id;
  }

  /**
   * The name of the person at an index (throws `unknown-person` out of
   * range). A network decoded from a columnar copy whose people are still
   * unread answers from the copy's list of names (checked with the copy),
   * reading no person record; otherwise this is `personAt(index).name`.
   *
   * @example net.personName(net.personIndex("ann")) // "Ann Lee"
   */
  personName(index: number): string {
    const name = personNameOf(this._s, index);
    if (name === undefined) throw new TiegraphError(SCOPE, "unknown-person", `no person at index ${index}`);
    return name;
  }

  /**
   * Whether the record of the person at an index holds a field (`tags`,
   * `attributes`, `notes`…): `personAt(index)[field] !== undefined`. A
   * network decoded from a columnar copy whose people are still unread
   * parses the record only when its text names the field (a scan of its
   * bytes for `"field":`), so a command that shows names and the odd tag
   * (the graph exports) parses the records of the people who have one, not
   * all of them. Throws `unknown-person` out of range.
   *
   * @example net.personHas(net.personIndex("ann"), "tags") // false: Ann has no tags
   */
  personHas(index: number, field: keyof Person): boolean {
    if (!(Number.isInteger(index) && index >= 0 && index < this.personCount)) throw new TiegraphError(SCOPE, "unknown-person", `no person at index ${index}`);
    return personHoldsOf(this._s, index, field);
  }

  // ---------------------------------------------------------- organisations

  /** Whether an organisation with this id exists. */
  hasOrganisation(id: OrganisationId): boolean {
    return this._s.orgIndex.has(id);
  }
  /** The organisation with this id (throws `unknown-organisation`). */
  organisation(id: OrganisationId): Organisation {
    const i = this._s.orgIndex.get(id);
    if (i === undefined) throw new TiegraphError(SCOPE, "unknown-organisation", `unknown organisation ${showValue(id)}`, { expected: "the id of an organisation in the network" });
    return this._s.orgs[i]!;
  }
  /** Organisation index, or -1. */
  findOrganisation(id: OrganisationId): number {
    return this._s.orgIndex.get(id) ?? -1;
  }
  /** The organisation at an index. */
  organisationAt(index: number): Organisation {
    return this._s.orgs[index]!;
  }
  /** All organisations, in index order. */
  organisations(): readonly Organisation[] {
    return this._s.orgs;
  }

  // ----------------------------------------------------------- affiliations

  /**
   * Every affiliation as columns, one row per span, person by person in
   * index order and each person's by start day (the order of
   * {@link Network.affiliationSpans}); see {@link AffiliationColumns}. A
   * network read from a columnar copy gives the copy's own columns (do not
   * change them) without making a span object per affiliation; any other
   * network makes them from its spans.
   *
   * @example net.affiliationColumns().person.length === net.affiliationCount // true
   */
  affiliationColumns(): AffiliationColumns {
    return this._s.pendingAffs ?? columnsOfAffiliations(this);
  }
  /** A person's affiliations (by id or index), as resolved spans. */
  affiliationSpans(person: PersonId | number): readonly AffiliationSpan[] {
    const i = typeof person === "number" ? person : this.personIndex(person);
    return this._s.affs[i] ?? [];
  }
  /**
   * Every affiliation as a plain record, person by person in the network's
   * order (each person's by start day): what `people().flatMap((p) =>
   * affiliationsOf(p.id))` gives, without looking each person up by id.
   *
   * @example net.affiliationRecords().length === net.affiliationCount
   */
  affiliationRecords(): Affiliation[] {
    const out: Affiliation[] = [];
    this._s.affs.forEach((spans, pi) => {
      for (const s of spans) out.push(this.spanToAffiliation(pi, s));
    });
    return out;
  }
  /** A person's affiliations as plain records. */
  affiliationsOf(person: PersonId): Affiliation[] {
    const pi = this.personIndex(person);
    return (this._s.affs[pi] ?? []).map((s) => this.spanToAffiliation(pi, s));
  }
  /**
   * Organisation indices a person belongs to on a day (inclusive ranges).
   * Most people have one, some none, a few several.
   */
  organisationIndicesOn(person: number, day: Day): number[] {
    const out: number[] = [];
    for (const s of this._s.affs[person] ?? []) if (s.from <= day && day <= s.to) out.push(s.organisation);
    return out;
  }
  /** Organisation ids a person belongs to on a date. */
  organisationsOn(person: PersonId, date: string | Day): OrganisationId[] {
    const day = typeof date === "number" ? date : requireDay(date, "date");
    return this.organisationIndicesOn(this.personIndex(person), day).map((o) => this._s.orgs[o]!.id);
  }
  /** True when two people share an organisation on a day (the internal-tie test). */
  shareOrganisationOn(a: number, b: number, day: Day): boolean {
    const sa = this._s.affs[a];
    const sb = this._s.affs[b];
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
    return this._s.ex.columns();
  }
  /** Whether exchange `i` is confidential. */
  isConfidential(i: number): boolean {
    return this._s.ex.isConfidential(i);
  }
  /** The id of exchange `i` (`#<i+1>` when none was given). */
  exchangeId(i: number): string {
    return this._s.ex.id(i);
  }
  /** Index of the exchange with this id (throws `unknown-exchange`). */
  exchangeIndex(id: string): number {
    const i = this._s.ex.find(id);
    if (i < 0) throw new TiegraphError(SCOPE, "unknown-exchange", `unknown exchange ${showValue(id)}`, { expected: "the id of an exchange in the network (or #n for the n-th one without an id)" });
    return i;
  }
  /**
   * Index of the exchange with this id, or -1.
   *
   * @example net.findExchange("x1") // 0
   */
  findExchange(id: string): number {
    return this._s.ex.find(id);
  }
  /** Exchange `i` as a plain record (notes and confidential flag included). */
  exchangeAt(i: number): Exchange & { id: string } {
    return this._s.ex.record(i, (p) => personIdOf(this._s, p)!);
  }
  /** Tags of exchange `i` (empty when none). */
  exchangeTags(i: number): readonly string[] {
    return this._s.ex.extrasOf(i)?.tags ?? [];
  }
  /** Note of exchange `i`, if any (private: callers decide whether to show it). */
  exchangeNote(i: number): string | undefined {
    return this._s.ex.extrasOf(i)?.note;
  }
  /** Person index introduced by exchange `i` (introductions), or -1. */
  exchangeIntroduced(i: number): number {
    return this._s.ex.extrasOf(i)?.introduced ?? -1;
  }
  /** Exchange indices involving a person (either side), in date-then-insertion order. */
  exchangesOf(person: PersonId | number): Int32Array {
    const p = typeof person === "number" ? person : this.personIndex(person);
    return this._s.ex.ofPerson(p, personCountOf(this._s));
  }
  /** Exchange indices between two people (either direction), in date order. */
  exchangesBetween(a: PersonId | number, b: PersonId | number): number[] {
    const pa = typeof a === "number" ? a : this.personIndex(a);
    const pb = typeof b === "number" ? b : this.personIndex(b);
    const cols = this._s.ex.columns();
    const out: number[] = [];
    // both lists hold every exchange of the pair, in the same order: walk the shorter
    const ofA = this.exchangesOf(pa);
    const ofB = this.exchangesOf(pb);
    for (const e of ofA.length <= ofB.length ? ofA : ofB) {
      const f = cols.from[e]!;
      const t = cols.to[e]!;
      if ((f === pa && t === pb) || (f === pb && t === pa)) out.push(e);
    }
    return out;
  }
  /** First and last exchange day, or undefined when there are none. */
  dayRange(): { first: Day; last: Day } | undefined {
    return this._s.ex.dayRange();
  }

  // --------------------------------------------------------------- requests

  /**
   * Introduction requests, in the order they were added (see `requests/`).
   * Read-only: change them with `applyRequestChange` or the `put-request` edit.
   *
   * @example net.requests().map((r) => r.id) // ["r1", "r2"]
   */
  requests(): readonly IntroductionRequest[] {
    return this._s.requests.all();
  }
  /**
   * The introduction request with this id, or undefined.
   *
   * @example net.findRequest("r1")?.steps.at(-1)?.step // "connector-agreed"
   */
  findRequest(id: string): IntroductionRequest | undefined {
    return this._s.requests.find(id);
  }
  /** Whether an introduction request has this id. */
  hasRequest(id: string): boolean {
    return this._s.requests.indexOf(id) >= 0;
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
    return this._s.ex.count - 1;
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
    const next = cleanPerson({ ...this._s.people[i]!, ...patch, id });
    checkPerson(next, `/people/${i}`);
    this._s.people[i] = next;
    this._revision++;
  }

  /**
   * Applies edits as one all-or-nothing change, checked by the same rules as
   * loading (the same typed errors, with `pointer` naming the edit, e.g.
   * `/1/exchange/date`); if any edit fails, nothing changes (not even
   * {@link revision}). Returns the edits that undo the change: `edit()` them to
   * get back a network whose {@link toData} is deep-equal, and whose file is
   * byte-for-byte the same. See {@link NetworkEdit} for what each edit does.
   * Edits change the network in place; none rebuilds it (removing an exchange
   * moves the later ones down in their columns).
   *
   * @example
   * ```ts
   * const undo = net.edit([
   *   { op: "add-person", person: { id: "cy", name: "Cy" } },
   *   { op: "add-exchange", exchange: { date: "2024-05-02", kind: "favour", from: "cy", to: "me" } },
   * ]);
   * net.edit(undo); // back to before
   * net.edit({ op: "merge-people", keep: "ann", drop: "ann2" }); // ann2's exchanges now ann's
   * ```
   */
  edit(edits: NetworkEdit | readonly NetworkEdit[]): NetworkEdit[] {
    const list: readonly NetworkEdit[] = Array.isArray(edits) ? (edits as readonly NetworkEdit[]) : [edits as NetworkEdit];
    const undo = applyEdits(this._s, this, list);
    if (list.length) this._revision++;
    return undo;
  }

  /**
   * Adds a batch of records: organisations, people, affiliations, exchanges,
   * and optionally ego and settings. Records may refer to each other and to
   * what the network already holds. The whole batch is checked first
   * ({@link checkBatch}); if anything is wrong a {@link TiegraphError} is
   * thrown whose fields locate the first problem (`pointer` e.g.
   * `/exchanges/12/to`) and whose `problems` list all of them, and nothing is applied.
   *
   * With `options.problems` set to `"refuse"`, problems are returned instead of
   * thrown (nothing applied); with `"skip"`, the records that have problems and
   * those depending on them are left out (`withoutProblems`, internal) and the rest
   * is applied. Either way a good batch is checked once, by the same pass that
   * applies it. `options.lines` gives problems their source lines.
   *
   * @example
   * ```ts
   * net.apply({ people: [{ id: "cy", name: "Cy" }], exchanges: [{ date: "2024-05-02", kind: "information", from: "cy", to: "me" }] });
   * const { problems, dependents } = net.apply(batch, { problems: "skip", lines: { exchanges: [2, 3] } });
   * ```
   */
  apply(batch: NetworkData, options: ApplyOptions = {}): AppliedBatch {
    const rows = options.rows ?? [];
    const mode = options.problems ?? "throw";
    const max = mode === "throw" ? Infinity : Math.max(0, options.maxProblems ?? Infinity);
    const { problems, unlisted, staged } = stageBatch(this, batch, { ...(options.lines ? { lines: options.lines } : {}), rows, maxProblems: max });
    const count = (parts: readonly ExchangeRowsPart[]): number => parts.reduce((n, r) => n + r.length, 0);
    const problemCount = problems.length + (unlisted?.count ?? 0);
    if (problemCount === 0) {
      this.commit(staged);
      return { problems, problemCount, dependents: [], dependentCount: 0, batch, rowsApplied: count(rows) };
    }
    if (mode === "throw") throw problemsError(problems);
    if (mode === "refuse") return { problems, problemCount, dependents: [], dependentCount: 0, batch: {}, rowsApplied: 0 };
    const left = withoutProblems(this, batch, problems, { ...(options.lines ? { lines: options.lines } : {}), rows, unlisted, maxDependents: max });
    const again = stageBatch(this, left.batch, { rows: left.rows });
    // withoutProblems leaves a batch that passes; a problem here is a bug, so nothing is applied
    if (again.problems.length) throw problemsError(again.problems);
    this.commit(again.staged);
    return { problems, problemCount, dependents: left.dependents, dependentCount: left.dependentCount, batch: left.batch, rowsApplied: count(left.rows) };
  }

  /** Applies a validated batch (nothing here can fail). */
  private commit(staged: StagedBatch): void {
    for (const o of staged.organisations) {
      this._s.orgIndex.set(o.id, this._s.orgs.length);
      this._s.orgs.push(o);
    }
    // an empty network takes over the index the batch's validation made of its people (the same ids at the same indices)
    const adopt = this._s.people.length === 0 && this._s.personIndex.size === 0 && staged.personIndex !== undefined && staged.personIndex.size === staged.people.length;
    if (adopt) this._s.personIndex = staged.personIndex!;
    for (const p of staged.people) {
      if (!adopt) this._s.personIndex.set(p.id, this._s.people.length);
      this._s.people.push(p);
      this._s.affs.push(NO_SPANS);
    }
    for (const { person, span } of staged.affiliations) {
      const list = addSpan(this._s, person, span);
      // the list is in order of start; only a span starting before the last one needs sorting in (stable)
      if (list.length > 1 && list[list.length - 2]!.from > span.from) list.sort((x, y) => x.from - y.from);
      this._s.affCount++;
    }
    this._s.ex.appendStaged(staged.exchanges);
    if (staged.ego !== undefined) this._s.ego = staged.ego;
    if (staged.settings !== undefined) this._s.settings = { ...staged.settings };
    this._s.requests.commit(staged.requests);
    this._revision++;
  }

  /**
   * This network as if its confidential exchanges had never been recorded,
   * without people's and exchanges' notes (nor the why and offer of
   * introduction requests): what an analysis shows when
   * nothing said in confidence may reach it. A cheap copy: the exchange
   * columns are filtered directly, nothing is re-validated, and this network
   * is left as it is. Equal, record for record, to loading the redacted file
   * (`serializeNetwork(net, { redact: true })`).
   *
   * @example
   * ```ts
   * const shared = net.withoutConfidential();
   * shared.exchangeCount; // the exchanges not marked confidential
   * ```
   */
  withoutConfidential(): Network {
    const keep = new Uint8Array(this._s.ex.count);
    const { confidential } = this._s.ex.columns();
    for (let i = 0; i < keep.length; i++) keep[i] = confidential[i] ? 0 : 1;
    return this.copyWhere(keep, true);
  }

  /**
   * This network as it stood at the end of `day`: the exchanges dated after
   * it left out (the others in their order, so implicit `#n` ids renumber as
   * if the later ones had never been recorded), people, organisations,
   * affiliations and requests kept. The network itself when no exchange is
   * later; otherwise a cheap copy (the exchange columns are filtered directly,
   * nothing is re-validated), equal record for record to building the network
   * again from its data without those exchanges.
   *
   * @example
   * ```ts
   * const then = net.until(parseDay("2026-03-01")!);
   * then.exchangeCount; // the exchanges dated on or before 1 March 2026
   * ```
   */
  until(day: Day): Network {
    const { day: days, count } = this._s.ex.columns();
    const keep = new Uint8Array(count);
    let later = false;
    for (let i = 0; i < count; i++) {
      if (days[i]! <= day) keep[i] = 1;
      else later = true;
    }
    return later ? this.copyWhere(keep, false) : this;
  }

  /** A copy keeping the exchanges whose `keep` entry is 1; `redact` also drops every note and requests' why and offer. */
  private copyWhere(keep: Uint8Array, redact: boolean): Network {
    const out = new Network();
    const from = this._s;
    const to = out._s;
    to.ego = from.ego;
    to.settings = { ...from.settings };
    // records are replaced, never changed in place, by edits: the copy may share the ones it keeps as they are
    // people not read yet stay so in the copy (its own reader of the same bytes)
    if (from.pendingPeople !== undefined) deferPeople(to, from.pendingPeople.copy(redact));
    else for (const p of from.people) to.people.push(redact ? withoutNotes(p) : p);
    for (const [id, i] of from.personIndex) to.personIndex.set(id, i);
    for (const o of from.orgs) to.orgs.push(o);
    for (const [id, i] of from.orgIndex) to.orgIndex.set(id, i);
    // spans are changed in place by edits: each copied, into a list of its length (the empty list is shared and never changed)
    if (from.pendingAffs !== undefined) {
      // the copy's columns are never changed: the new network shares them, each making its own spans when first read
      for (let p = personCountOf(from); p > 0; p--) to.affs.push(NO_SPANS);
      to.affCount = 0;
      adoptAffiliationColumns(to, from.pendingAffs);
    } else for (const spans of from.affs) to.affs.push(spans.length === 0 ? NO_SPANS : spans.map((s) => ({ organisation: s.organisation, from: s.from, to: s.to, role: s.role })));
    to.affCount = from.affCount;
    (to as { ex: ExchangeStore }).ex = from.ex.where(keep, redact);
    to.requests.commit(requestCopies(from.requests.all(), redact));
    out._revision = 1;
    return out;
  }

  /**
   * Makes this network what {@link withoutConfidential} returns, in place:
   * its confidential exchanges, people's and exchanges' notes and requests'
   * why and offer are removed, the other exchanges move down in their
   * columns (implicit `#n` ids renumber), and nothing is copied or
   * re-validated. For a network read only to be analysed (the CLI's analysis
   * commands): no copy of a million exchanges, nor of every person's
   * records, and what was removed cannot be brought back.
   *
   * @example
   * ```ts
   * net.removeConfidential();
   * serializeNetwork(net) === serializeNetwork(original.withoutConfidential()); // true
   * ```
   */
  removeConfidential(): void {
    const s = this._s;
    const { confidential, count } = s.ex.columns();
    const keep = new Uint8Array(count);
    for (let i = 0; i < count; i++) keep[i] = confidential[i] ? 0 : 1;
    // records are replaced, never changed in place: whoever holds one keeps its notes
    if (s.pendingPeople !== undefined) s.pendingPeople.dropNotes();
    else for (let i = 0; i < s.people.length; i++) s.people[i] = withoutNotes(s.people[i]!);
    s.ex.keepOnly(keep, true);
    const requests = new RequestStore();
    requests.commit(requestCopies(s.requests.all(), true));
    (s as { requests: RequestStore }).requests = requests;
    this._revision++;
  }

  /**
   * The exchange columns exactly as stored, for a columnar copy of the network
   * (see {@link Network.fromColumns}); read-only.
   *
   * @example const raw = net.rawExchangeColumns(); raw.count === net.exchangeCount;
   */
  rawExchangeColumns(): StoredExchangeColumns {
    return this._s.ex.raw();
  }

  /**
   * A network from its records without exchanges and the exchange columns of
   * {@link rawExchangeColumns} (taken over, checked cheaply column by column:
   * people in range, no self-exchange, known kinds and formats). The records
   * come from a network that was validated when it was written, so they are
   * checked structurally, in one pass (unique ids, references that resolve,
   * dates, field types: see copied-records.ts), not staged again; a copy
   * holding introduction requests is validated as {@link Network.from} does.
   * Affiliations may come as columns (see {@link affiliationColumns}) instead
   * of records, each row checked in constant time. The records, like the
   * columns, are taken over rather than copied (a person already in
   * canonical field order becomes the network's own): pass records nobody
   * will change afterwards, such as freshly parsed ones.
   * The people may come as a columnar copy stores them (`people`, with no
   * `records.people`): their ids are indexed at once and each record is read
   * when first needed (see {@link Network.people}), checked by the same rules.
   * Throws `invalid-format` naming the first bad record or row.
   *
   * @example const copy = Network.fromColumns({ people: net.toData().people }, net.rawExchangeColumns());
   */
  static fromColumns(records: Omit<NetworkData, "exchanges">, columns: RawExchangeColumns, affiliations?: AffiliationColumns, people?: CopiedPeople): Network {
    let net: Network;
    if (records !== null && typeof records === "object" && records.requests !== undefined) {
      if (people !== undefined && records.people !== undefined) throw new TiegraphError(SCOPE, "invalid-format", "people given twice", { record: "people" });
      net = Network.from({ ...records, ...(people !== undefined ? { people: lazyPeople(people).all() } : {}), exchanges: [] });
    } else {
      net = new Network();
      adoptCopiedRecords(net._s, records, people);
      net._revision++;
    }
    if (affiliations) adoptAffiliationColumns(net._s, affiliations);
    const store = ExchangeStore.fromRaw(columns, net.personCount);
    if (!(store instanceof ExchangeStore)) throw new TiegraphError(SCOPE, "invalid-format", `exchange column row ${store.badRow} is out of range`, { record: `exchange #${store.badRow + 1}`, expected: "columns written by rawExchangeColumns of a valid network" });
    (net._s as { ex: ExchangeStore }).ex = store;
    net._revision++;
    return net;
  }

  /** Gives back memory reserved for growth (call after bulk loading). */
  compact(): void {
    this._s.ex.compact();
  }

  private spanToAffiliation(person: number, s: AffiliationSpan): Affiliation {
    const a: Affiliation = { person: personIdOf(this._s, person)!, organisation: this._s.orgs[s.organisation]!.id };
    if (s.from !== OPEN_START) a.from = formatDay(s.from);
    if (s.to !== OPEN_END) a.to = formatDay(s.to);
    if (s.role !== undefined) a.role = s.role;
    return a;
  }

  /** Everything in the network as plain data (the body of a network file). */
  toData(): NetworkData {
    const data: NetworkData = {};
    if (this._s.ego >= 0) data.ego = personIdOf(this._s, this._s.ego)!;
    if (Object.keys(this._s.settings).length) data.settings = { ...this._s.settings };
    data.organisations = this._s.orgs.map((o) => cleanOrganisation(o));
    data.people = this._s.people.map((p) => cleanPerson(p));
    data.affiliations = this.affiliationRecords();
    data.exchanges = [];
    const n = this._s.ex.count;
    for (let i = 0; i < n; i++) {
      const e: Exchange = this.exchangeAt(i);
      // implicit ids (#n) are positions, not stored ids: leave them out
      if (!this._s.ex.hasExplicitId(i)) delete e.id;
      data.exchanges.push(e);
    }
    if (this._s.requests.size) data.requests = this._s.requests.toData();
    return data;
  }
}

/** Copies of introduction requests, without why and offer when `redact`. */
function requestCopies(list: readonly IntroductionRequest[], redact: boolean): IntroductionRequest[] {
  return list.map((r) => {
    // why someone wants an introduction and what they would offer are private notes too
    const { why, offer, ...rest } = r;
    const copy: IntroductionRequest = { ...rest, steps: r.steps.map((step) => ({ ...step })) };
    if (!redact && why !== undefined) copy.why = why;
    if (!redact && offer !== undefined) copy.offer = offer;
    return copy;
  });
}

/** A calendar date from text, or a typed error naming what it was for. */
function requireDay(text: unknown, what: string): Day {
  const d = typeof text === "string" ? parseDay(text) : undefined;
  if (d === undefined) throw new TiegraphError(SCOPE, "invalid-date", `invalid ${what} ${showValue(text)}`, { expected: "a calendar date YYYY-MM-DD" });
  return d;
}
