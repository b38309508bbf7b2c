/**
 * The records of a columnar copy (organisations, people, affiliations, ego,
 * settings) taken into a network's state in one bounded pass. The copy was
 * written from a network that had passed validation, so nothing is staged
 * again (records are only put in their canonical field order). What is
 * checked is what keeps the network consistent whatever the bytes say:
 * lists are lists, ids are unique non-empty text, every reference resolves,
 * dates parse and spans do not end before they start, and each record's
 * fields have the types validate.ts requires (its own per-record checks are
 * called, so the rules stay there). Anything else is a typed
 * `invalid-format` error naming the record; the reader then falls back to
 * the file itself.
 */
import { TiegraphError, showValue } from "../errors.js";
import { parseDay, type Day } from "./dates.js";
import type { ModelState } from "./state.js";
import type { Affiliation, NetworkData, Organisation, Person } from "./types.js";
import { OPEN_END, OPEN_START, checkOrganisation, checkPerson, checkSettings, cleanOrganisation, cleanPerson, type AffiliationSpan } from "./validate.js";

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

function dayOr(text: unknown, open: Day, record: string): Day {
  if (text === undefined) return open;
  const d = typeof text === "string" ? parseDay(text) : undefined;
  if (d === undefined) throw bad("invalid date", record, text);
  return d;
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
    checkPerson(p, `/people/${k}`);
    if (state.personIndex.has(p.id)) throw bad("duplicate person id", `person #${k}`, p.id);
    state.personIndex.set(p.id, k);
    state.people.push(cleanPerson(p));
    state.affs.push([]);
  }
  for (let k = 0; k < affs.length; k++) {
    const a = affs[k]!;
    const record = `affiliation #${k}`;
    if (!isRecord(a)) throw bad("not an affiliation record", record);
    const person = typeof a.person === "string" ? state.personIndex.get(a.person) : undefined;
    if (person === undefined) throw bad("unknown person", record, a.person);
    const organisation = typeof a.organisation === "string" ? state.orgIndex.get(a.organisation) : undefined;
    if (organisation === undefined) throw bad("unknown organisation", record, a.organisation);
    const from = dayOr(a.from, OPEN_START, record);
    const to = dayOr(a.to, OPEN_END, record);
    if (to < from) throw bad("ends before it starts", record, a.to);
    if (a.role !== undefined && typeof a.role !== "string") throw bad("role is not text", record, a.role);
    const span: AffiliationSpan = { organisation, from, to, role: a.role };
    state.affs[person]!.push(span);
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
