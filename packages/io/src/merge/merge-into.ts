/**
 * Merging imports into a network: people are matched across sources by id
 * (ids written by the user), e-mail address, profile URL or normalised name;
 * organisations by id or name. Everything is checked first and applied in one
 * {@link Network.apply}, so a failed merge changes nothing.
 */
import { KIND_CODE, problemsError } from "@tiegraph/core/internal";
import type { TiegraphError } from "@tiegraph/core";
import { Network, OPEN_END, OPEN_START, checkBatch, type ExchangeRows, parseDay, problemError, type Affiliation, type NetworkData, type RecordLines, type Exchange, type Organisation, type OrganisationId, type Person, type PersonId } from "@tiegraph/core";
import { IdAllocator } from "../importers/ids.js";
import type { ImportedNetwork, RecordOrigin } from "../importers/imported.js";
import { normaliseEmail, normaliseName, normaliseOrganisationName, normaliseUrl } from "./identity.js";

const SCOPE = "tiegraph/io/merge";

/** Options of {@link mergeInto}. */
export interface MergeOptions {
  /** Throw at the first record that cannot be merged (default: skip it and list it). */
  strict?: boolean;
  /**
   * Skip incoming exchanges equal to one already in the network (same date, kind,
   * giver and receiver) and affiliations already covered by one with the same
   * organisation, so importing the same file twice adds nothing (default true).
   */
  skipDuplicates?: boolean;
  /**
   * Problems listed in {@link MergeReport.problems} at most, the imports'
   * included (default: all). The rest are counted in
   * {@link MergeReport.problemCount} and their records skipped all the same,
   * so a million bad rows cost a count, not a million errors.
   */
  maxProblems?: number;
}

/** Defaults of {@link mergeInto}. */
export const DEFAULT_MERGE_OPTIONS: Readonly<Required<MergeOptions>> = { strict: false, skipDuplicates: true, maxProblems: Infinity };

/** How an incoming person was recognised. */
export type MatchKey = "id" | "email" | "url" | "name" | "ego";

/** An incoming person found to be someone already known. */
export interface MergedPerson {
  /** Id in the import. */
  incoming: PersonId;
  name: string;
  /** The person in the network (or added earlier in the same merge) they were merged into. */
  into: PersonId;
  by: MatchKey;
  origin: RecordOrigin | undefined;
}

/** An incoming person who might be someone known but could not be told apart: added as a new person. */
export interface AmbiguousPerson {
  incoming: PersonId;
  name: string;
  /** The people they might be. */
  candidates: PersonId[];
  reason: string;
  /** The id they were added under. */
  addedAs: PersonId;
  origin: RecordOrigin | undefined;
}

/** What {@link mergeInto} did. */
export interface MergeReport {
  /** The network's ego after the merge. */
  ego: PersonId | undefined;
  /** New people (ambiguous ones included), by id in the network. */
  added: PersonId[];
  merged: MergedPerson[];
  ambiguous: AmbiguousPerson[];
  organisationsAdded: OrganisationId[];
  affiliationsAdded: number;
  exchangesAdded: number;
  /** Incoming records left out because the network already had them. */
  duplicates: { affiliations: number; exchanges: number };
  /** Problems of the imports and of the merge: each skipped record with its file and line (at most `maxProblems`). */
  problems: TiegraphError[];
  /** How many problems there were: `problems.length` plus those past `maxProblems` (the imports' and the merge's). */
  problemCount: number;
  /** Notes of the imports (e.g. an inferred address of ego). */
  notes: string[];
}

/** A person's matching keys, normalised once. */
interface PersonKeys {
  emails: string[];
  url: string;
  name: string;
}

/** No keys: a person nobody can be matched with by e-mail, URL or name. */
const NO_KEYS: PersonKeys = { emails: [], url: "", name: "" };

function personKeys(p: Person): PersonKeys {
  return { emails: (p.emails ?? []).map(normaliseEmail).filter((e) => e !== ""), url: p.url ? normaliseUrl(p.url) : "", name: normaliseName(p.name) };
}

interface Known {
  id: PersonId;
  /** Import that added this person in this merge, or -1 for people already in the network. */
  from: number;
}

/** A person this merge adds, and the affiliations staged for them (looked through for duplicates). */
interface StagedPerson {
  person: Person;
  affiliations?: Affiliation[];
}

/**
 * Where people can be found by key: the network's people plus those staged
 * by this merge. The network's people are indexed by key when a key is first
 * asked for or added (before any staged person, so each list starts with
 * them): a merge whose people need no keys (an exchanges CSV into a network
 * of 100,000 people) works none out.
 */
class PeopleIndex {
  readonly byEmail = new Map<string, Known[]>();
  readonly byUrl = new Map<string, Known[]>();
  readonly byName = new Map<string, Known[]>();
  /** People this merge adds, by id, each with the affiliations staged for them so far. */
  readonly staged = new Map<PersonId, StagedPerson>();
  private networkIndexed = false;
  constructor(private readonly network: Network) {}
  has(id: PersonId): boolean {
    return this.staged.has(id) || this.network.hasPerson(id);
  }
  /** Indexes the network's people by key, once. */
  private indexNetwork(): void {
    if (this.networkIndexed) return;
    this.networkIndexed = true;
    for (const p of this.network.people()) this.index(p.id, personKeys(p), -1);
  }
  index(id: PersonId, keys: PersonKeys, from: number): void {
    if (keys === NO_KEYS) return;
    this.indexNetwork();
    const add = (map: Map<string, Known[]>, key: string): void => {
      if (!key) return;
      const list = map.get(key);
      if (!list) map.set(key, [{ id, from }]);
      else if (!list.some((k) => k.id === id)) list.push({ id, from });
    };
    for (const e of keys.emails) add(this.byEmail, e);
    add(this.byUrl, keys.url);
    add(this.byName, keys.name);
  }
  /** Ids under a key, leaving out people added by the import `exclude`. */
  lookup(map: Map<string, Known[]>, key: string, exclude: number): PersonId[] {
    if (!key) return [];
    this.indexNetwork();
    return (map.get(key) ?? []).filter((k) => k.from !== exclude).map((k) => k.id);
  }
}

/**
 * Merges one import, or several in order, into a network, and reports what
 * happened. An incoming person is:
 * - merged by `id` when the import's ids were written by the user (generic CSV) and the id is known;
 * - else merged by `email` or `url` when those point to exactly one known person
 *   (ambiguous when they point to several);
 * - else merged by `name` (normalised: accents, case, punctuation, "Last, First" ignored) when exactly
 *   one known person has it and their profile URLs do not differ (ambiguous otherwise);
 * - else added. Ambiguous people are added apart and listed.
 *
 * Merging fills in what the known person lacks (addresses, URL, tags, interests,
 * attributes, notes) and never overwrites. People in the same import are never
 * merged with each other. The import's ego becomes the network's ego (created
 * when the network has none). Exchanges and affiliations are re-pointed at the
 * merged people; those naming someone unknown are skipped and listed with
 * their file and line (thrown in strict mode). Nothing changes if it throws.
 *
 * @example
 * ```ts
 * const report = mergeInto(network, await importLinkedInConnections(file));
 * console.log(report.added.length, report.merged.length, report.ambiguous);
 * ```
 */
export function mergeInto(network: Network, imports: ImportedNetwork | readonly ImportedNetwork[], options: MergeOptions = {}): MergeReport {
  const opts = { ...DEFAULT_MERGE_OPTIONS, ...options };
  const list: readonly ImportedNetwork[] = Array.isArray(imports) ? imports : [imports as ImportedNetwork];
  const report: MergeReport = { ego: network.ego, added: [], merged: [], ambiguous: [], organisationsAdded: [], affiliationsAdded: 0, exchangesAdded: 0, duplicates: { affiliations: 0, exchanges: 0 }, problems: [], problemCount: 0, notes: [] };
  const max = Math.max(0, opts.maxProblems);
  for (const imp of list) {
    if (opts.strict && imp.problems.length) throw imp.problems[0]!;
    // one at a time: a list spread into push's arguments overflows the stack past about 100,000
    for (const p of imp.problems) if (report.problems.length < max) report.problems.push(p);
    report.problemCount += imp.problemCount;
    for (const n of imp.notes) report.notes.push(n);
  }

  const people = new PeopleIndex(network);
  const newPeople: Person[] = [];
  const newPeopleOrigins: (RecordOrigin | undefined)[] = [];
  const patched = new Map<PersonId, Person>();
  const allocate = new IdAllocator((id) => people.has(id));
  const orgs = new OrganisationIndex(network);
  const affiliations: Affiliation[] = [];
  const affiliationOrigins: RecordOrigin[] = [];
  // affiliations staged by this merge for people the network already has (those it adds keep theirs on their entry)
  const stagedAffiliations = new Map<PersonId, Affiliation[]>();
  // each import's exchanges (with their origins) as they go into the batch, records or rows read column-wise
  const exchangeParts: ([Exchange[], RecordOrigin[]] | ExchangeRows)[] = [];
  let ego = network.ego;
  let egoChanged = false;

  const addPerson = (p: Person, from: number, origin: RecordOrigin | undefined, id: PersonId, keys: PersonKeys = personKeys(p)): void => {
    const person = { ...p, id };
    people.staged.set(id, { person });
    people.index(id, keys, from);
    newPeople.push(person);
    newPeopleOrigins.push(origin);
    report.added.push(id);
  };
  const mergePerson = (into: PersonId, p: Person, from: number, keys: PersonKeys): void => {
    const staged = people.staged.get(into)?.person;
    const base = staged ?? patched.get(into) ?? network.person(into);
    const merged = combinePeople(base, p);
    if (staged) Object.assign(staged, merged);
    else patched.set(into, merged);
    people.index(into, keys, from);
  };

  list.forEach((imp, no) => {
    // the incoming ids that go in under another id (an id mapped to itself is left out unless it was mapped
    // otherwise before: a later mapping wins, as in one map of every id)
    const personMap = new Map<PersonId, PersonId>();
    // whether every id maps to itself (most imports: ids written by the user, none taken): then nothing is looked up
    let sameIds = true;
    const mapPerson = (incoming: PersonId, id: PersonId): void => {
      if (incoming !== id) {
        personMap.set(incoming, id);
        sameIds = false;
      } else if (personMap.size > 0 && personMap.has(incoming)) personMap.set(incoming, id);
    };
    if (imp.ego) {
      if (ego !== undefined) mapPerson(imp.ego.id, ego);
      else {
        ego = people.has(imp.ego.id) ? imp.ego.id : allocate.take(imp.ego.id);
        if (!people.has(ego)) addPerson(imp.ego, no, undefined, ego);
        mapPerson(imp.ego.id, ego);
        egoChanged = true;
      }
    }
    const orgMap = new Map<OrganisationId, OrganisationId>();
    imp.organisations.forEach((o, k) => orgMap.set(o.id, orgs.resolve(o, imp.origins.organisations[k])));

    // Keys match people of other sources: with none before (an empty network, the first import) and none
    // after that has people, nobody is matched by e-mail, URL or name, so they are not worked out.
    const othersBefore = network.personCount > 0 || no > 0;
    const othersAfter = list.slice(no + 1).some((later) => later.people.length > 0 || later.ego !== undefined);
    const needKeys = othersBefore || othersAfter;
    imp.people.forEach((p, k) => {
      const origin = imp.origins.people[k];
      const keys = needKeys ? personKeys(p) : NO_KEYS;
      const match = matchPerson(p, keys, imp.generatedIds, no, people, network);
      if (match.kind === "match") {
        mapPerson(p.id, match.id);
        mergePerson(match.id, p, no, keys);
        report.merged.push({ incoming: p.id, name: p.name, into: match.id, by: match.by, origin });
        return;
      }
      // an id written by the user that nobody has (matchPerson found no one under it) is kept; added people
      // are in people.staged, which the allocator consults, so the id needs no reserving
      const id = imp.generatedIds ? allocate.take(p.id) : p.id;
      mapPerson(p.id, id);
      addPerson(p, no, origin, id, keys);
      if (match.kind === "ambiguous") report.ambiguous.push({ incoming: p.id, name: p.name, candidates: match.candidates, reason: match.reason, addedAs: id, origin });
    });

    // Ids are only translated here; whether they name someone, and every other rule, is checked
    // by the model (checkBatch below), with each record's file and line.
    const personRef = sameIds ? (id: PersonId): PersonId => id : (id: PersonId): PersonId => personMap.get(id) ?? id;

    imp.affiliations.forEach((a, k) => {
      const origin = imp.origins.affiliations[k]!;
      const person = personRef(a.person);
      const organisation = orgMap.get(a.organisation) ?? a.organisation;
      // a record whose person and organisation keep their ids is taken as it is (most are), as exchanges are below
      const aff: Affiliation = person === a.person && organisation === a.organisation ? a : { ...a, person, organisation };
      // the person's affiliations staged so far: on their entry when this merge adds them (one lookup), else by id
      const entry = people.staged.get(person);
      const mine = entry !== undefined ? entry.affiliations : stagedAffiliations.get(person);
      if (opts.skipDuplicates && covered(aff, network, mine)) {
        report.duplicates.affiliations++;
        return;
      }
      affiliations.push(aff);
      if (mine) mine.push(aff);
      else if (entry !== undefined) entry.affiliations = [aff];
      else stagedAffiliations.set(person, [aff]);
      affiliationOrigins.push(origin);
    });

    const { exchanges: incoming } = imp;
    const incomingOrigins = imp.origins.exchanges;
    const rows = imp.exchangeRows;
    if (incoming.length === 0) {
      if (rows !== undefined && rows.length > 0) exchangeParts.push(sameIds ? rows : rows.withPeople(personRef));
      return;
    }
    // people who keep their ids (most imports: ids written by the user): the records go in as they are, not copied
    if (sameIds) {
      exchangeParts.push([incoming, incomingOrigins]);
      return;
    }
    const mapped: Exchange[] = [];
    const mappedOrigins: RecordOrigin[] = [];
    exchangeParts.push([mapped, mappedOrigins]);
    for (let k = 0; k < incoming.length; k++) {
      const e = incoming[k]!;
      const from = personRef(e.from);
      const to = personRef(e.to);
      const introduced = e.introduced === undefined ? undefined : personRef(e.introduced);
      // a record whose people keep their ids is taken as it is (most are: ids written by the user)
      let ex = e;
      if (from !== e.from || to !== e.to || introduced !== e.introduced) {
        ex = { ...e, from, to };
        if (introduced !== undefined) ex.introduced = introduced;
      }
      mapped.push(ex);
      mappedOrigins.push(incomingOrigins[k]!);
    }
    if (rows !== undefined && rows.length > 0) exchangeParts.push(sameIds ? rows : rows.withPeople(personRef));
  });

  // Rows go to the model as they are, after the records, when nothing needs them as records: no records
  // come after them, and the network has no exchanges they could repeat. Otherwise they become records.
  const firstRows = exchangeParts.findIndex((part) => !Array.isArray(part));
  const asRows = firstRows >= 0 && exchangeParts.slice(firstRows).every((part) => !Array.isArray(part)) && !(opts.skipDuplicates && network.exchangeCount > 0);
  const rowParts = asRows ? (exchangeParts.slice(firstRows) as ExchangeRows[]) : [];
  const recordParts = (asRows ? exchangeParts.slice(0, firstRows) : exchangeParts).map((part) => (Array.isArray(part) ? part : rowRecords(part)));
  const exchanges = recordParts.length === 1 ? recordParts[0]![0] : recordParts.flatMap(([records]) => records);
  const exchangeOrigins = recordParts.length === 1 ? recordParts[0]![1] : recordParts.flatMap(([, origins]) => origins);

  // Exchanges the network already has.
  const keep = opts.skipDuplicates && network.exchangeCount > 0 ? notDuplicated(network, exchanges, report) : undefined;

  const batch = {
    organisations: orgs.added,
    people: newPeople,
    affiliations,
    exchanges: keep ? exchanges.filter((_, i) => keep[i]) : exchanges,
  };
  const origins = {
    organisations: orgs.origins,
    people: newPeopleOrigins,
    affiliations: affiliationOrigins,
    exchanges: keep ? exchangeOrigins.filter((_, i) => keep[i]) : exchangeOrigins,
  };

  // Check merged people, then the batch, in the one pass that applies it: in lenient mode the records the model
  // refuses (and those that depend on them) are left out and listed, and the rest is applied at once.
  if (patched.size) {
    const bad = checkBatch(new Network(), { people: [...patched.values()] });
    if (bad.length) throw problemsError(bad, SCOPE);
  }
  const whole: NetworkData = egoChanged ? { ...batch, ego: ego! } : batch;
  const lines: RecordLines = origins;
  const room = max - report.problems.length;
  const applied = network.apply(whole, { lines, rows: rowParts, ...(opts.strict ? { problems: "refuse" } : { problems: "skip", maxProblems: room }) });
  const good = applied.batch;
  if (applied.problemCount) {
    if (opts.strict) throw problemsError(applied.problems, SCOPE);
    for (const list of [applied.problems, applied.dependents]) for (const p of list) if (report.problems.length < max) report.problems.push(problemError(p, SCOPE));
    report.problemCount += applied.problemCount + applied.dependentCount;
    const keptPeople = new Set((good.people ?? []).map((p) => p.id));
    report.added = report.added.filter((id) => keptPeople.has(id) || network.hasPerson(id));
  }
  for (const [id, p] of patched) {
    const { id: _id, ...rest } = p;
    network.updatePerson(id, rest);
  }
  report.ego = network.ego;
  report.organisationsAdded = (good.organisations ?? []).map((o) => o.id);
  report.affiliationsAdded = good.affiliations?.length ?? 0;
  report.exchangesAdded = (good.exchanges?.length ?? 0) + applied.rowsApplied;
  return report;
}

/** Rows read column-wise as records, with their origins. */
function rowRecords(rows: ExchangeRows): [Exchange[], RecordOrigin[]] {
  const records: Exchange[] = [];
  const origins: RecordOrigin[] = [];
  for (let i = 0; i < rows.length; i++) {
    records.push(rows.record(i));
    origins.push({ file: rows.file, line: rows.lineOf(i) });
  }
  return [records, origins];
}

type Match = { kind: "match"; id: PersonId; by: MatchKey } | { kind: "ambiguous"; candidates: PersonId[]; reason: string } | { kind: "new" };
const NEW: Match = { kind: "new" };

function matchPerson(p: Person, keys: PersonKeys, generatedIds: boolean, from: number, people: PeopleIndex, network: Network): Match {
  if (!generatedIds && people.has(p.id)) return { kind: "match", id: p.id, by: "id" };
  // no e-mail, URL or name to match on (keys not worked out): nobody else to look for
  if (keys === NO_KEYS) return NEW;
  const byEmail = new Set(keys.emails.flatMap((e) => people.lookup(people.byEmail, e, from)));
  const byUrl = new Set(people.lookup(people.byUrl, keys.url, from));
  const strong = new Set([...byEmail, ...byUrl]);
  if (strong.size === 1) {
    const id = [...strong][0]!;
    return { kind: "match", id, by: byEmail.has(id) ? "email" : "url" };
  }
  if (strong.size > 1) return { kind: "ambiguous", candidates: [...strong], reason: "its e-mail addresses or profile URL belong to different people" };
  const byName = people.lookup(people.byName, keys.name, from);
  if (byName.length === 1) {
    const id = byName[0]!;
    const other = people.staged.get(id)?.person ?? network.person(id);
    if (p.url && other.url && normaliseUrl(p.url) !== normaliseUrl(other.url)) return { kind: "ambiguous", candidates: byName, reason: "same name, different profile URL" };
    return { kind: "match", id, by: "name" };
  }
  if (byName.length > 1) return { kind: "ambiguous", candidates: byName, reason: `several people are named ${JSON.stringify(p.name)}` };
  return NEW;
}

/** `base` with what `extra` adds: list fields joined, missing fields filled; nothing overwritten. */
function combinePeople(base: Person, extra: Person): Person {
  const out: Person = { ...base };
  const union = (a: string[] | undefined, b: string[] | undefined, key: (s: string) => string = (s) => s): string[] | undefined => {
    if (!b?.length) return a;
    const seen = new Set((a ?? []).map(key));
    const joined = [...(a ?? [])];
    for (const x of b) {
      if (seen.has(key(x))) continue;
      seen.add(key(x));
      joined.push(x);
    }
    return joined;
  };
  const emails = union(base.emails, extra.emails, normaliseEmail);
  if (emails) out.emails = emails;
  const tags = union(base.tags, extra.tags);
  if (tags) out.tags = tags;
  const interests = union(base.interests, extra.interests);
  if (interests) out.interests = interests;
  if (out.url === undefined && extra.url !== undefined) out.url = extra.url;
  if (out.cadenceDays === undefined && extra.cadenceDays !== undefined) out.cadenceDays = extra.cadenceDays;
  if (extra.notes !== undefined && extra.notes !== base.notes) out.notes = base.notes ? `${base.notes}\n${extra.notes}` : extra.notes;
  if (extra.attributes) out.attributes = { ...extra.attributes, ...base.attributes };
  return out;
}

/** Organisations of the network and of this merge, found by id or name. */
class OrganisationIndex {
  readonly added: Organisation[] = [];
  readonly origins: (RecordOrigin | undefined)[] = [];
  private readonly byName = new Map<string, OrganisationId>();
  private readonly ids = new Set<OrganisationId>();
  constructor(private readonly network: Network) {
    for (const o of network.organisations()) this.byName.set(normaliseOrganisationName(o.name), o.id);
  }
  private has(id: OrganisationId): boolean {
    return this.ids.has(id) || this.network.hasOrganisation(id);
  }
  resolve(o: Organisation, origin: RecordOrigin | undefined): OrganisationId {
    if (this.has(o.id)) return o.id;
    if (this.has(o.name)) return o.name;
    const key = normaliseOrganisationName(o.name);
    const known = key ? this.byName.get(key) : undefined;
    if (known !== undefined) return known;
    this.ids.add(o.id);
    if (key) this.byName.set(key, o.id);
    this.added.push({ ...o });
    this.origins.push(origin ?? { file: undefined, line: 0 });
    return o.id;
  }
}

/** Whether an affiliation is already implied: same person and organisation over a period that covers it (`staged`: the person's affiliations added by this merge). */
function covered(a: Affiliation, network: Network, staged: readonly Affiliation[] | undefined): boolean {
  // a new person with nothing staged yet (most of an import): nothing to compare, nothing made
  if (staged === undefined && !network.hasPerson(a.person)) return false;
  const from = a.from === undefined ? -Infinity : parseDay(a.from)!;
  const to = a.to === undefined ? Infinity : parseDay(a.to)!;
  const covers = (f: number, t: number): boolean => f <= from && t >= to;
  if (network.hasPerson(a.person) && network.hasOrganisation(a.organisation)) {
    const org = network.findOrganisation(a.organisation);
    for (const s of network.affiliationSpans(a.person)) {
      if (s.organisation === org && covers(s.from === OPEN_START ? -Infinity : s.from, s.to === OPEN_END ? Infinity : s.to)) return true;
    }
  }
  return staged !== undefined && staged.some((s) => s.organisation === a.organisation && covers(s.from === undefined ? -Infinity : parseDay(s.from)!, s.to === undefined ? Infinity : parseDay(s.to)!));
}

/** Marks incoming exchanges the network already holds: same explicit id, or same day, kind, giver and receiver. */
function notDuplicated(network: Network, exchanges: readonly Exchange[], report: MergeReport): boolean[] {
  const touched = new Set<number>();
  for (const e of exchanges) {
    const f = network.findPerson(e.from);
    if (f >= 0 && network.findPerson(e.to) >= 0) touched.add(f);
  }
  const known = new Set<string>();
  const cols = network.exchangeColumns();
  for (const p of touched) {
    for (const x of network.exchangesOf(p)) if (cols.from[x] === p) known.add(`${p}|${cols.to[x]}|${cols.day[x]}|${cols.kind[x]}`);
  }
  return exchanges.map((e) => {
    if (e.id !== undefined) {
      try {
        network.exchangeIndex(e.id);
        report.duplicates.exchanges++;
        return false;
      } catch {
        // a new id
      }
    }
    const f = network.findPerson(e.from);
    const t = network.findPerson(e.to);
    if (f < 0 || t < 0) return true;
    const dup = known.has(`${f}|${t}|${parseDay(e.date)}|${KIND_CODE[e.kind]}`);
    if (dup) report.duplicates.exchanges++;
    return !dup;
  });
}
