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
import { NO_SPANS, addSpan, type ModelState } from "./state.js";
import type { Affiliation, NetworkData, Organisation, Person } from "./types.js";
import { OPEN_END, OPEN_START, checkAffiliation, checkOrganisation, checkPerson, checkSettings, cleanOrganisation, adoptPerson, personValid, type AffiliationRefs, type AffiliationSpan } from "./validate.js";

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
 * Fills an empty state with the records of a columnar copy (no exchanges,
 * no introduction requests: a copy that holds requests is read through
 * {@link Network.apply} instead). Throws `invalid-format` at the first record
 * that breaks the structure; the state is then left half-filled, so callers
 * pass a state of a network nobody else holds yet.
 *
 * @example
 * ```ts
 * const state = emptyState();
 * adoptCopiedRecords(state, { people: [{ id: "a", name: "A" }] });
 * state.personIndex.get("a"); // 0
 * ```
 */
export function adoptCopiedRecords(state: ModelState, records: Omit<NetworkData, "exchanges">): void {
  if (!isRecord(records)) throw bad("the records are not an object", "records");
  const orgs = listOf<Organisation>(records, "organisations");
  const people = listOf<Person>(records, "people");
  const affs = listOf<Affiliation>(records, "affiliations");
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
 * network nobody else holds yet.
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
  const people = state.people.length;
  const orgs = state.orgs.length;
  const roles = cols.roles.length;
  const dayOk = (d: number, open: number): boolean => d === open || (d >= FIRST_DAY && d <= LAST_DAY);
  for (let r = 0; r < k; r++) {
    const p = cols.person[r]!;
    const o = cols.organisation[r]!;
    const from = cols.from[r]!;
    const to = cols.to[r]!;
    const j = cols.role[r]!;
    if (!(p >= 0 && p < people && o >= 0 && o < orgs && j >= -1 && j < roles && dayOk(from, OPEN_START) && dayOk(to, OPEN_END) && to >= from)) throw bad("affiliation row out of range", `affiliation #${r}`);
    addSpan(state, p, { organisation: o, from, to, role: j < 0 ? undefined : cols.roles[j] });
  }
  for (const spans of state.affs) if (spans.length > 1) spans.sort((x, y) => x.from - y.from);
  state.affCount += k;
}
