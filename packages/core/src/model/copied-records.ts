/**
 * The records of a columnar copy (organisations, people, affiliations, ego,
 * settings) taken into a network's state in one bounded pass. The copy was
 * written from a network that had passed validation, so nothing is staged
 * again (records are only put in their canonical field order). What is
 * checked is what keeps the network consistent whatever the bytes say:
 * lists are lists, ids are unique non-empty text, and each record follows
 * the rules of validate.ts, whose own per-record checks are called
 * (`checkPerson`, `checkOrganisation`, `checkAffiliation`: fields of the
 * right types, references that resolve, dates that parse, no span ending
 * before it starts), so the rules stay in one place. Anything else is a
 * typed error naming the record (`invalid-format` for the structure, the
 * rule's own code otherwise); the reader then falls back to the file itself.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay } from "./dates.js";
import { NO_SPANS, addSpan, deferAffiliations, deferPeople, personCountOf, type ModelState, type PendingPeople } from "./state.js";
import type { Affiliation, NetworkData, Organisation, Person, PersonId } from "./types.js";
import { OPEN_END, OPEN_START, checkAffiliation, checkOrganisation, checkPerson, checkSettings, cleanOrganisation, adoptPerson, personValid, withoutNotes, type AffiliationRefs, type AffiliationSpan } from "./validate.js";

const SCOPE = "tiegraph/model";
const EXPECTED = "records written by encodeNetworkColumns from a valid network";

function bad(what: string, record: string, got?: unknown): TiegraphError {
  return new TiegraphError(SCOPE, "invalid-format", got === undefined ? what : `${what}: ${showValue(got)}`, { record, expected: EXPECTED });
}

function listOf<T>(records: Omit<NetworkData, "exchanges">, name: "organisations" | "people" | "affiliations"): T[] {
  const v = records[name] as unknown;
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw bad(`${name} is not a list`, name);
  return v as T[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * The people of a columnar copy as it stores them: every id, and the JSON
 * text `[p0,p1,…]` of their records (UTF-8) with where each starts, so that
 * one record can be parsed without the others.
 */
export interface CopiedPeople {
  /** Every person's id, by index. */
  readonly ids: readonly PersonId[];
  /** The UTF-8 bytes of the JSON array of the records, in index order, separated by single commas. */
  readonly bytes: Uint8Array;
  /** `ids.length + 1` byte offsets: where record i starts; the last is `bytes.length` (record i ends one byte before the next start). */
  readonly starts: Int32Array;
  /** The ids' index, when made already by {@link personIdIndex} from these `ids` (the network takes it over). */
  readonly index?: Map<PersonId, number> | undefined;
  /** The records, when parsed already from `bytes` (each still checked when first read). */
  readonly parsed?: unknown;
  /**
   * Every person's name, by index (the copy's list of them, parsed when a
   * reader asked for it): read by `Network.personName` without parsing the
   * records. Each must be the name the person's record holds.
   */
  readonly names?: readonly string[] | undefined;
}

/**
 * Each person's index by id, for the ids of a columnar copy; throws
 * `invalid-format` naming the first id that is not non-empty text or is
 * listed twice. A reader can make it while the rest of the copy is still
 * being read and hand it over with the ids ({@link CopiedPeople}`.index`).
 *
 * @example personIdIndex(["a", "b"]).get("b") // 1
 */
export function personIdIndex(ids: readonly unknown[]): Map<PersonId, number> {
  if (!Array.isArray(ids)) throw bad("person ids are not a list", "people");
  const index = new Map<PersonId, number>();
  for (let k = 0; k < ids.length; k++) {
    const id: unknown = ids[k];
    if (typeof id !== "string" || id === "") throw bad("person id is not text", `person #${k}`, id);
    // one lookup, not two: an id seen before leaves the size as it was
    const known = index.size;
    index.set(id, k);
    if (index.size === known) throw bad("duplicate person id", `person #${k}`, id);
  }
  return index;
}

/**
 * Checks the shape of {@link CopiedPeople} in one pass over the starts (each
 * record at least one byte, the text opened by `[` and closed by `]`); the
 * ids are checked as they are indexed. Throws `invalid-format`.
 */
function checkCopiedPeople(people: CopiedPeople): void {
  const { ids, bytes, starts } = people;
  if (!Array.isArray(ids)) throw bad("person ids are not a list", "people");
  const n = ids.length;
  if (!(bytes instanceof Uint8Array) || !(starts instanceof Int32Array) || starts.length !== n + 1) throw bad("person records do not match their ids", "people");
  const names = people.names;
  if (names !== undefined) {
    if (!Array.isArray(names) || names.length !== n) throw bad("person names do not match their ids", "people");
    for (let i = 0; i < n; i++) if (typeof names[i] !== "string") throw bad("person name is not text", `person #${i}`, names[i]);
  }
  if (bytes[0] !== 0x5b || bytes[bytes.length - 1] !== 0x5d || starts[n] !== bytes.length || starts[0] !== (n === 0 ? 2 : 1)) throw bad("person records are not a list", "people");
  for (let i = 0; i < n; i++) if (!(starts[i + 1]! >= starts[i]! + 2)) throw bad("person record out of place", `person #${i}`);
}

/**
 * A reader of {@link CopiedPeople} for {@link deferPeople}: each record is
 * parsed from its own bytes when first asked for, checked by the rules of
 * validate.ts (`personValid`, else `checkPerson`'s typed problems), its id
 * compared with the copy's list, and put in canonical field order; `all()`
 * parses the whole text once. Records of a copy are checked as strictly
 * when read on demand as when read at once; a bad one is a typed error
 * naming it whenever it is read.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('[{"id":"a","name":"A"}]');
 * const pending = lazyPeople({ ids: ["a"], bytes, starts: Int32Array.of(1, bytes.length) });
 * pending.at(0).name; // "A"
 * ```
 */
export function lazyPeople(people: CopiedPeople, dropNotes = false): PendingPeople {
  const { ids, bytes, starts, names } = people;
  const n = ids.length;
  const parsed = people.parsed;
  if (parsed !== undefined && !(Array.isArray(parsed) && parsed.length === n)) throw bad("person records do not match their ids", "people");
  let cache: (Person | undefined)[] | undefined;
  let noNotes = dropNotes;
  // one decoder for every record read (making one costs more than decoding a record)
  const decoder = new TextDecoder();
  // per field asked about, 1 for each record whose text names it (see recordsNaming)
  const holders = new Map<string, Uint8Array>();
  const adopt = (p: Person, i: number): Person => {
    if (!isRecord(p)) throw bad("not a person record", `person #${i}`);
    if (!personValid(p)) checkPerson(p, `/people/${i}`);
    if (p.id !== ids[i]) throw bad("person record does not have its listed id", `person #${i}`, p.id);
    if (names !== undefined && p.name !== names[i]) throw bad("person record does not have its listed name", `person #${i}`, p.name);
    const own = adoptPerson(p);
    return noNotes ? withoutNotes(own) : own;
  };
  const reader: PendingPeople = {
    ids,
    names: people.names,
    at(i) {
      cache ??= new Array<Person | undefined>(n);
      let p = cache[i];
      if (p === undefined) {
        let record: Person;
        if (parsed !== undefined) record = parsed[i] as Person;
        else
          try {
            record = JSON.parse(decoder.decode(bytes.subarray(starts[i]!, starts[i + 1]! - 1))) as Person;
          } catch {
            throw bad("person record is not JSON", `person #${i}`);
          }
        cache[i] = p = adopt(record, i);
      }
      return p;
    },
    all() {
      let records = parsed;
      if (records === undefined)
        try {
          records = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          throw bad("person records are not JSON", "people");
        }
      if (!Array.isArray(records) || records.length !== n) throw bad("person records do not match their ids", "people");
      const out = new Array<Person>(n);
      for (let i = 0; i < n; i++) out[i] = cache?.[i] ?? adopt(records[i] as Person, i);
      return out;
    },
    mayHold(i, field) {
      if (parsed !== undefined) return true;
      let holds = holders.get(field);
      if (holds === undefined) holders.set(field, (holds = recordsNaming(bytes, starts, new TextEncoder().encode(JSON.stringify(field) + ":"))));
      return holds[i] === 1;
    },
    dropNotes() {
      noNotes = true;
      if (cache) for (let i = 0; i < n; i++) if (cache[i] !== undefined) cache[i] = withoutNotes(cache[i]!);
    },
    copy: (drop) => lazyPeople(people, drop || noNotes),
  };
  return reader;
}

/**
 * For each record of a copy's people text (record i from `starts[i]` to
 * `starts[i + 1]`), 1 when `key` occurs in it, else 0: one pass over the
 * text. A record written by `JSON.stringify` that holds a field has its
 * key's text, `"field":`, in it (an unescaped `"` only opens or closes a
 * string), so a record without that text does not hold the field; one with
 * it may (the text can be a nested object's key).
 */
function recordsNaming(bytes: Uint8Array, starts: Int32Array, key: Uint8Array): Uint8Array {
  const n = starts.length - 1;
  const out = new Uint8Array(n);
  const first = key[0]!;
  const m = key.length;
  const last = bytes.length - m;
  let i = 0;
  for (let at = 0; at <= last; at++) {
    if (bytes[at] !== first) continue;
    let k = 1;
    while (k < m && bytes[at + k] === key[k]) k++;
    if (k < m) continue;
    // the record this occurrence starts in (records are in order; a key never spans two)
    while (i < n - 1 && starts[i + 1]! <= at) i++;
    out[i] = 1;
    at += m - 1;
  }
  return out;
}

/**
 * Fills an empty state with the records of a columnar copy (no exchanges,
 * no introduction requests: a copy that holds requests is read through
 * {@link Network.apply} instead). The people come in `records.people`, or
 * as a copy stores them (`people`, with no `records.people`): their ids are
 * indexed now and each record read when first needed (see
 * {@link deferPeople}). Throws `invalid-format` at the first record that
 * breaks the structure; the state is then left half-filled, so callers pass
 * a state of a network nobody else holds yet.
 *
 * @example
 * ```ts
 * const state = emptyState();
 * adoptCopiedRecords(state, { people: [{ id: "a", name: "A" }] });
 * state.personIndex.get("a"); // 0
 * ```
 */
export function adoptCopiedRecords(state: ModelState, records: Omit<NetworkData, "exchanges">, copied?: CopiedPeople): void {
  if (!isRecord(records)) throw bad("the records are not an object", "records");
  const orgs = listOf<Organisation>(records, "organisations");
  const people = listOf<Person>(records, "people");
  const affs = listOf<Affiliation>(records, "affiliations");
  if (copied !== undefined && records.people !== undefined) throw bad("people given twice", "people");
  for (let k = 0; k < orgs.length; k++) {
    const o = orgs[k]!;
    if (!isRecord(o)) throw bad("not an organisation record", `organisation #${k}`);
    checkOrganisation(o, `/organisations/${k}`);
    if (state.orgIndex.has(o.id)) throw bad("duplicate organisation id", `organisation #${k}`, o.id);
    state.orgIndex.set(o.id, k);
    state.orgs.push(cleanOrganisation(o));
  }
  for (let k = 0; k < people.length; k++) {
    const p = people[k]!;
    if (!isRecord(p)) throw bad("not a person record", `person #${k}`);
    if (!personValid(p)) checkPerson(p, `/people/${k}`);
    // one lookup, not two: an id seen before leaves the size as it was
    const known = state.personIndex.size;
    state.personIndex.set(p.id, k);
    if (state.personIndex.size === known) throw bad("duplicate person id", `person #${k}`, p.id);
    // the records were parsed for this state alone: a person already in canonical order is kept as it is
    state.people.push(adoptPerson(p));
    state.affs.push(NO_SPANS);
  }
  if (copied !== undefined) {
    if (state.personIndex.size !== 0) throw bad("people given twice", "people");
    checkCopiedPeople(copied);
    const ids = copied.ids;
    const index = copied.index ?? personIdIndex(ids);
    if (index.size !== ids.length) throw bad("person ids do not match their index", "people");
    state.personIndex = index;
    for (let k = 0; k < ids.length; k++) state.affs.push(NO_SPANS);
    deferPeople(state, lazyPeople(copied));
  }
  const refs: AffiliationRefs = { person: (id) => state.personIndex.get(id), organisation: (id) => state.orgIndex.get(id) };
  for (let k = 0; k < affs.length; k++) {
    const a = affs[k]!;
    if (!isRecord(a)) throw bad("not an affiliation record", `affiliation #${k}`);
    const { person, span } = checkAffiliation(a, k, refs);
    addSpan(state, person, span);
  }
  // each person's spans by start day (a stable sort: equal starts keep their order, as when applied one by one)
  for (const spans of state.affs) if (spans.length > 1) spans.sort((x, y) => x.from - y.from);
  state.affCount = affs.length;
  if (records.ego !== undefined) {
    const ego = typeof records.ego === "string" ? state.personIndex.get(records.ego) : undefined;
    if (ego === undefined) throw bad("ego is not a person", "ego", records.ego);
    state.ego = ego;
  }
  if (records.settings !== undefined) {
    if (!isRecord(records.settings)) throw bad("settings are not an object", "settings");
    checkSettings(records.settings);
    state.settings = { ...records.settings };
  }
}

/**
 * A network's affiliations as columns, one row per affiliation, in each
 * person's order (by start day): what a columnar copy stores instead of a
 * JSON object per affiliation.
 */
export interface AffiliationColumns {
  /** Person index of each row. */
  readonly person: Int32Array;
  /** Organisation index of each row. */
  readonly organisation: Int32Array;
  /** First and last day ({@link OPEN_START} / {@link OPEN_END} when open). */
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Index into `roles`, or -1 for none. */
  readonly role: Int32Array;
  readonly roles: readonly string[];
}

/** The first and last day a network file can spell (years 0000 to 9999). */
const FIRST_DAY = parseDay("0000-01-01")!;
const LAST_DAY = parseDay("9999-12-31")!;

/**
 * The affiliations of a network as columns (see {@link AffiliationColumns}).
 *
 * @example
 * ```ts
 * const cols = affiliationColumns(net);
 * cols.person.length === net.affiliationCount; // true
 * ```
 */
export function affiliationColumns(network: { readonly personCount: number; readonly affiliationCount: number; affiliationSpans(person: number): readonly AffiliationSpan[] }): AffiliationColumns {
  const k = network.affiliationCount;
  const person = new Int32Array(k);
  const organisation = new Int32Array(k);
  const from = new Int32Array(k);
  const to = new Int32Array(k);
  const role = new Int32Array(k);
  const roles: string[] = [];
  const roleIndex = new Map<string, number>();
  let r = 0;
  for (let p = 0; p < network.personCount; p++) {
    for (const s of network.affiliationSpans(p)) {
      person[r] = p;
      organisation[r] = s.organisation;
      from[r] = s.from;
      to[r] = s.to;
      let j = -1;
      if (s.role !== undefined) {
        j = roleIndex.get(s.role) ?? -1;
        if (j < 0) {
          j = roles.length;
          roles.push(s.role);
          roleIndex.set(s.role, j);
        }
      }
      role[r++] = j;
    }
  }
  return { person, organisation, from, to, role, roles };
}

/**
 * Adds the affiliations of a columnar copy to a state that holds its people
 * and organisations, checking each row in constant time: indices in range,
 * days a file can spell (or open), no span ending before it starts. Throws
 * `invalid-format` naming the first bad row; callers pass a state of a
 * network nobody else holds yet. Rows in the order a copy writes them (by
 * person, each person's by start day) given to a state without
 * affiliations are kept as they are and made into spans only when the
 * spans are first read (see {@link deferAffiliations}); the E-I index reads
 * the columns themselves (`Network.affiliationColumns`).
 *
 * @example
 * ```ts
 * adoptAffiliationColumns(state, affiliationColumns(net));
 * ```
 */
export function adoptAffiliationColumns(state: ModelState, cols: AffiliationColumns): void {
  const k = cols.person.length;
  if (cols.organisation.length !== k || cols.from.length !== k || cols.to.length !== k || cols.role.length !== k) throw bad("affiliation columns of different lengths", "affiliations");
  if (!Array.isArray(cols.roles) || cols.roles.some((r) => typeof r !== "string")) throw bad("roles are not a list of text", "affiliations");
  const people = personCountOf(state);
  const orgs = state.orgs.length;
  const roles = cols.roles.length;
  const dayOk = (d: number, open: number): boolean => d === open || (d >= FIRST_DAY && d <= LAST_DAY);
  // rows in the order the spans would have after adding them and sorting each person's by start day
  let ordered = true;
  for (let r = 0; r < k; r++) {
    const p = cols.person[r]!;
    const o = cols.organisation[r]!;
    const from = cols.from[r]!;
    const to = cols.to[r]!;
    const j = cols.role[r]!;
    if (!(p >= 0 && p < people && o >= 0 && o < orgs && j >= -1 && j < roles && dayOk(from, OPEN_START) && dayOk(to, OPEN_END) && to >= from)) throw bad("affiliation row out of range", `affiliation #${r}`);
    if (r > 0 && (p < cols.person[r - 1]! || (p === cols.person[r - 1]! && from < cols.from[r - 1]!))) ordered = false;
  }
  state.affCount += k;
  // a state with no span yet takes ordered rows as they are, made into spans when first read
  if (ordered && k > 0 && state.affCount === k && state.pendingAffs === undefined) {
    deferAffiliations(state, cols, () => addRows(state, cols));
    return;
  }
  addRows(state, cols);
  for (const spans of state.affs) if (spans.length > 1) spans.sort((x, y) => x.from - y.from);
}

/** Adds a span for each row of checked affiliation columns to the person's list. */
function addRows(state: ModelState, cols: AffiliationColumns): void {
  for (let r = 0; r < cols.person.length; r++) {
    const j = cols.role[r]!;
    addSpan(state, cols.person[r]!, { organisation: cols.organisation[r]!, from: cols.from[r]!, to: cols.to[r]!, role: j < 0 ? undefined : cols.roles[j] });
  }
}
