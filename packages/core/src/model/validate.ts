/**
 * Batch validation, in one place: every rule a network's records must follow
 * (ids, references, dates, kinds, values) is checked here, for
 * {@link Network.apply}, the importers, merging and edits alike. A check
 * returns every problem it finds, each with its record, JSON pointer and,
 * when the batch was read from a file, the file and line.
 */
import { TiegraphError, showValue, type Problem, type TiegraphErrorCode } from "../errors.js";
import { parseDay, type Day } from "./dates.js";
import { KIND_CODE, StagedExchanges, type ExchangeExtras, type StagedExchange } from "./exchange-store.js";
import { IdIndex } from "./id-index.js";
import { checkRequests } from "./request-check.js";
import { copyRequest } from "./request-store.js";
import type { IntroductionRequest } from "./request-types.js";
import { DEFAULT_KIND_VALUES, EXCHANGE_KINDS, type Affiliation, type Exchange, type NetworkData, type NetworkSettings, type Organisation, type Person } from "./types.js";

const SCOPE = "tiegraph/model";
/**
 * Sentinel day for open-ended affiliation ranges.
 *
 * @example network.affiliationSpans("ann")[0].from === OPEN_START // no start date recorded
 */
export const OPEN_START: Day = -2147483648;
/**
 * Sentinel day for affiliations that have not ended.
 *
 * @example network.affiliationSpans("ann")[0].to === OPEN_END // still there
 */
export const OPEN_END: Day = 2147483647;
/** At most this many distinct exchange formats (codes fit a byte; 0 is "none"). */
const MAX_FORMATS = 255;

/** Where a record was read: a line, or a file and a line. */
export type RecordPlace = number | { file?: string | undefined; line: number } | undefined;

/**
 * Source lines of a batch's records, parallel to its lists (entry `k` of
 * `exchanges` is where `batch.exchanges[k]` was read).
 */
export interface RecordLines {
  organisations?: readonly RecordPlace[];
  people?: readonly RecordPlace[];
  affiliations?: readonly RecordPlace[];
  exchanges?: readonly RecordPlace[];
  requests?: readonly RecordPlace[];
  ego?: RecordPlace;
  settings?: RecordPlace;
}

/** Options of {@link checkBatch}. */
export interface CheckBatchOptions {
  /** File name given to every problem (unless `lines` names another). */
  file?: string;
  /** Source line of each record. */
  lines?: RecordLines;
  /**
   * Whether ids that refer to people and organisations must resolve, in the
   * network or in the batch (default true). Importers set it to false: a file
   * of exchanges names people another file defines, and merging checks them.
   */
  resolveReferences?: boolean;
  /**
   * Exchanges read column-wise ({@link ExchangeRows}), after the batch's own
   * exchanges: positions `exchanges.length`, … in pointers and record names.
   */
  rows?: readonly ExchangeRowsPart[];
}

/**
 * What validation needs of exchanges read column-wise (implemented by
 * {@link ExchangeRows}): the person ids they name, where each was read, and
 * each row checked against what its people resolved to.
 */
export interface ExchangeRowsPart {
  readonly length: number;
  /** The person ids the rows name (rows hold positions in this list). */
  readonly people: readonly string[];
  /** File and line of row `i`. */
  place(i: number): { file?: string; line?: number };
  /**
   * Row `i` staged with its people resolved (`refs`: what each of {@link people}
   * resolved to), after the rules that depend on the network and the batch
   * ({@link partiesRule}, {@link introducedRule}, {@link idRule}, {@link formatRule});
   * undefined when one reported a problem.
   */
  row(i: number, refs: readonly number[], network: NetworkLookup, newIds: Set<string>, newFormats: Set<string>, k: number, report: Report, problems: readonly Problem[]): StagedExchange | undefined;
  /**
   * Optional: stages the rows that pass every rule of {@link row} into
   * `into` (when given) without running them, and hands each other row to
   * `judge`, all in order (see `ExchangeRows.stageRows`).
   */
  stageRows?(refs: readonly number[], network: NetworkLookup, newFormats: ReadonlySet<string>, into: StagedExchanges | undefined, judge: (i: number) => void): void;
  /** Positions in {@link people} of row `i`'s giver, receiver and introduced person (-1: none). */
  peopleOf(i: number): [from: number, to: number, introduced: number];
  /** Explicit id of row `i`, if any. */
  idOf(i: number): string | undefined;
  /** The rows where `keep` is non-zero. */
  subset(keep: Uint8Array): ExchangeRowsPart;
}

/** The minimum of a network that validation reads. A {@link Network} is one. */
export interface NetworkLookup {
  readonly personCount: number;
  readonly organisationCount: number;
  readonly formats: readonly string[];
  /** Person index, or -1. */
  findPerson(id: string): number;
  /** Organisation index, or -1. */
  findOrganisation(id: string): number;
  /** Position of the exchange with this id, or -1. */
  findExchange(id: string): number;
  /** Whether an introduction request has this id (absent: none has). */
  hasRequest?(id: string): boolean;
}

/** An affiliation with its organisation and dates resolved to indices and day numbers. */
export interface AffiliationSpan {
  organisation: number;
  from: Day;
  to: Day;
  role: string | undefined;
}

/** A batch resolved to indices, ready to be applied (only meaningful when it has no problems). */
export interface StagedBatch {
  organisations: Organisation[];
  people: Person[];
  affiliations: { person: number; span: AffiliationSpan }[];
  exchanges: StagedExchanges;
  /** New ego index; undefined when the batch does not set ego. */
  ego: number | undefined;
  settings: NetworkSettings | undefined;
  /** Introduction requests, copied (see requests/). */
  requests: IntroductionRequest[];
  /**
   * The staged people's indices by id, when every person of the batch was
   * staged (the index the network makes of them: an empty network takes it
   * over rather than build it again).
   */
  personIndex?: Map<string, number>;
}

/**
 * Checks a batch of records against a network (plus the batch itself, whose
 * records may refer to each other) and returns every problem, in batch
 * order: organisations, people, affiliations, exchanges, ego, settings. An
 * empty list means {@link Network.apply} will accept the batch.
 *
 * A record with a problem still counts as present for the records that refer
 * to it (an exchange naming a person whose cadence is invalid is not itself
 * reported); `network.apply(batch, { problems: "skip" })` drops both.
 *
 * @example
 * ```ts
 * const problems = checkBatch(network, { exchanges: [{ date: "2024-01-01", kind: "introduction", from: "a", to: "b", introduced: "a" }] }, { file: "x.csv", lines: { exchanges: [2] } });
 * problems[0]; // { code: "invalid-field", record: "exchange #0", pointer: "/exchanges/0/introduced", file: "x.csv", line: 2, ... }
 * ```
 */
export function checkBatch(network: NetworkLookup, batch: NetworkData, options: CheckBatchOptions = {}): Problem[] {
  return validateBatch(network, batch, options, false).problems;
}

/**
 * The error thrown for a list of problems: the first one's code and place, all of them in `problems`.
 *
 * @example
 * ```ts
 * const problems = checkBatch(network, batch);
 * if (problems.length) throw problemsError(problems); // "tiegraph/model: exchange #3 /exchanges/3/date: invalid date … (and 2 more problems)"
 * ```
 */
export function problemsError(problems: readonly Problem[], scope = SCOPE): TiegraphError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
  const details: ConstructorParameters<typeof TiegraphError>[3] = { record: first.record, problems: [...problems] };
  if (first.pointer !== undefined) details.pointer = first.pointer;
  if (first.file !== undefined) details.file = first.file;
  if (first.line !== undefined) details.line = first.line;
  if (first.expected !== undefined) details.expected = first.expected;
  if (first.got !== undefined) details.got = first.got;
  return new TiegraphError(scope, first.code, first.message + more, details);
}

/**
 * One problem as a {@link TiegraphError} of its own (for lists of skipped records).
 *
 * @example checkBatch(network, batch).map((p) => problemError(p, "tiegraph/io/merge"))
 */
export function problemError(problem: Problem, scope = SCOPE): TiegraphError {
  const { code, message, ...rest } = problem;
  return new TiegraphError(scope, code, message, rest);
}

type Section = "organisations" | "people" | "affiliations" | "exchanges";

/**
 * Validates a batch and resolves it to indices. Used by {@link checkBatch}
 * and {@link Network.apply}; the staged records are only meaningful when
 * `problems` is empty.
 *
 * @example
 * ```ts
 * const { problems, staged } = stageBatch(network, { people: [{ id: "cy", name: "Cy" }] });
 * problems; // []
 * staged.people[0]; // { id: "cy", name: "Cy" }
 * ```
 */
export function stageBatch(network: NetworkLookup, batch: NetworkData, options: StageOptions = {}): StagedResult {
  return validateBatch(network, batch, options, true);
}

/** Options of {@link stageBatch}: {@link CheckBatchOptions} and a bound on the problems listed. */
export interface StageOptions extends CheckBatchOptions {
  /**
   * Problems listed at most (default: all). Past it a problem is only counted
   * and its record marked in {@link StagedResult.unlisted}, so a file of a
   * million bad rows does not hold a million problems.
   */
  maxProblems?: number;
}

/** What {@link stageBatch} found: the problems listed, the records of the unlisted ones, and the staged batch. */
export interface StagedResult {
  problems: Problem[];
  /** Problems past `maxProblems`: how many, and which records they are about (for {@link withoutProblems}). */
  unlisted: UnlistedProblems | undefined;
  staged: StagedBatch;
}

/** The records of problems counted but not listed: positions per list, whole lists, ego and settings. */
export interface UnlistedProblems {
  count: number;
  records: Record<Section, Set<number>>;
  whole: Set<Section>;
  ego: boolean;
  settings: boolean;
}

/** {@link stageBatch}; with `keep` false only the problems are wanted, so no exchange is staged (a million fewer objects). */
function validateBatch(network: NetworkLookup, batch: NetworkData, options: StageOptions, keep: boolean): StagedResult {
  const problems: Problem[] = [];
  const max = options.maxProblems ?? Infinity;
  let unlisted: UnlistedProblems | undefined;
  const staged: StagedBatch = { organisations: [], people: [], affiliations: [], exchanges: new StagedExchanges(), ego: undefined, settings: undefined, requests: [] };
  const resolve = options.resolveReferences !== false;
  // while the rows of an exchanges part are checked: the part and the position of its first row in the batch
  let rowsSection: { rows: ExchangeRowsPart; offset: number } | undefined;
  const place = (section: Section | "requests" | "ego" | "settings", k: number): { file?: string; line?: number } => {
    if (rowsSection !== undefined && section === "exchanges") return rowsSection.rows.place(k - rowsSection.offset);
    const lines = options.lines;
    const p = section === "ego" || section === "settings" ? lines?.[section] : lines?.[section]?.[k];
    const out: { file?: string; line?: number } = {};
    const file = typeof p === "object" && p.file !== undefined ? p.file : options.file;
    if (file !== undefined) out.file = file;
    const line = typeof p === "number" ? p : p?.line;
    if (line !== undefined && line > 0) out.line = line;
    return out;
  };
  let section: Section | "requests" | "ego" | "settings" = "organisations";
  let k = 0;
  const report = (code: TiegraphErrorCode, message: string, record: string, pointer: string | undefined, expected?: string, ...got: unknown[]): void => {
    if (problems.length >= max) {
      // counted, and the record marked as withoutProblems would read the pointer (a list's position, or the whole list)
      unlisted ??= { count: 0, records: { organisations: new Set(), people: new Set(), affiliations: new Set(), exchanges: new Set() }, whole: new Set(), ego: false, settings: false };
      unlisted.count++;
      if (section === "ego" || section === "settings") unlisted[section] = true;
      else if (section !== "requests") {
        if (k < 0) unlisted.whole.add(section);
        else unlisted.records[section].add(k);
      }
      return;
    }
    const p: Problem = { code, message, record };
    if (pointer !== undefined) p.pointer = pointer;
    Object.assign(p, place(section, k));
    if (expected !== undefined) p.expected = expected;
    if (got.length) p.got = showValue(got[0]);
    problems.push(p);
  };

  if (batch === null || typeof batch !== "object" || Array.isArray(batch)) {
    section = "settings";
    report("invalid-format", "network data must be an object", "batch", "", "{ people, organisations, affiliations, exchanges }", batch);
    return { problems, unlisted, staged };
  }
  const list = <T>(name: Section): T[] => {
    const v = batch[name] as unknown;
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      section = name;
      k = -1;
      report("invalid-format", `${name} must be an array`, name, `/${name}`, "an array", v);
      return [];
    }
    return v as T[];
  };
  const orgs = list<Organisation>("organisations");
  const people = list<Person>("people");
  const affs = list<Affiliation>("affiliations");
  const exchanges = list<Exchange>("exchanges");
  if (problems.length || unlisted) return { problems, unlisted, staged };
  if (keep) staged.exchanges = new StagedExchanges(exchanges.length + (options.rows ?? []).reduce((n, r) => n + r.length, 0));

  // --- organisations
  section = "organisations";
  const newOrgs = new Map<string, number>();
  for (k = 0; k < orgs.length; k++) {
    const o = orgs[k]!;
    const at = `/organisations/${k}`;
    if (!organisationOk(o, at, report)) continue;
    if (network.findOrganisation(o.id) >= 0 || newOrgs.has(o.id)) {
      report("duplicate-id", `duplicate organisation id ${showValue(o.id)}`, `organisation ${showValue(o.id)}`, at + "/id", "an id not used by another organisation");
      continue;
    }
    newOrgs.set(o.id, network.organisationCount + newOrgs.size);
    if (keep) staged.organisations.push(cleanOrganisation(o));
  }

  // --- people
  section = "people";
  const newPeople = new Map<string, number>();
  for (k = 0; k < people.length; k++) {
    const p = people[k]!;
    // a good record (most) is told good without a pointer or a closure made for it
    const ok = personValid(p) || personOk(p, `/people/${k}`, report);
    // A person with an id counts as present for references even when another field is bad.
    if (p === null || typeof p !== "object" || typeof p.id !== "string" || p.id === "") continue;
    if (network.findPerson(p.id) >= 0 || newPeople.has(p.id)) {
      report("duplicate-id", `duplicate person id ${showValue(p.id)}`, `person ${showValue(p.id)}`, `/people/${k}/id`, "an id not used by another person");
      continue;
    }
    newPeople.set(p.id, network.personCount + newPeople.size);
    if (ok && keep) staged.people.push(cleanPerson(p));
  }
  if (keep && staged.people.length === newPeople.size) staged.personIndex = newPeople;
  // Ids not found when references are not resolved are OUTSIDE_ID (compared by their text, see samePerson).
  let batchIds: IdIndex | null | undefined;
  let lookups = 0;
  const personRef = (id: unknown): number => {
    if (typeof id !== "string" || id === "") return NO_ID;
    if (network.personCount > 0) {
      const i = network.findPerson(id);
      if (i >= 0) return i;
    }
    if (newPeople.size > 0) {
      // a batch of exchanges alone has no people to look in; a batch with many references looks them up packed
      if (batchIds === undefined && ++lookups > PACK_AFTER) batchIds = IdIndex.of([...newPeople.keys()]) ?? null;
      if (batchIds) {
        const j = batchIds.get(id);
        if (j >= 0) return network.personCount + j;
      } else {
        const j = newPeople.get(id);
        if (j !== undefined) return j;
      }
    }
    return resolve ? UNKNOWN_ID : OUTSIDE_ID;
  };
  const personOf = (id: unknown, at: string, rec: string): number | undefined => {
    const ref = personRef(id);
    if (ref === NO_ID || ref === UNKNOWN_ID) {
      personProblem(report, ref, id, at, rec);
      return undefined;
    }
    return ref;
  };

  // --- affiliations
  section = "affiliations";
  // unresolved references (resolveReferences false) stay outside ids and organisation -1
  const affRefs: AffiliationRefs = {
    person: (id) => {
      const ref = personRef(id);
      return ref === UNKNOWN_ID ? undefined : ref;
    },
    organisation: (id) => {
      const o = network.findOrganisation(id);
      return o >= 0 ? o : (newOrgs.get(id) ?? (resolve ? undefined : -1));
    },
  };
  for (k = 0; k < affs.length; k++) {
    const resolved = affiliationOf(affs[k]!, k, affRefs, report);
    if (resolved) staged.affiliations.push(resolved);
  }

  // --- exchanges
  section = "exchanges";
  const newIds = new Set<string>();
  const newFormats = new Set<string>();
  const tags = new SharedTags();
  for (k = 0; k < exchanges.length; k++) {
    const e = exchanges[k]!;
    const s = exchangeOf(e, k, network, newIds, personRef, report, problems, keep, tags);
    if (s === undefined) continue;
    if (e.format !== undefined && !formatRule(e.format, network, newFormats, () => exchangeRecord(e, k), k, report)) continue;
    if (keep) staged.exchanges.push(s);
  }
  // exchanges read column-wise (see exchange-rows.ts): their own fields were checked as they were read; here, what depends on the network and the batch
  let offset = exchanges.length;
  for (const part of options.rows ?? []) {
    rowsSection = { rows: part, offset };
    const refs = part.people.map((id) => personRef(id));
    const first = offset;
    // a row the rules could find a problem with (`k` tells `report` which one it is)
    const judge = (i: number): void => {
      k = first + i;
      const s = part.row(i, refs, network, newIds, newFormats, k, report, problems);
      if (s !== undefined && keep) staged.exchanges.push(s);
    };
    // the rows that pass every rule are staged as they are (a million rows: a loop over their columns)
    if (part.stageRows !== undefined) part.stageRows(refs, network, newFormats, keep ? staged.exchanges : undefined, judge);
    else for (let i = 0; i < part.length; i++) judge(i);
    offset += part.length;
    k = offset;
  }
  rowsSection = undefined;

  // --- ego and settings
  if (batch.ego !== undefined) {
    section = "ego";
    staged.ego = personOf(batch.ego, "/ego", "ego");
  }
  if (batch.settings !== undefined) {
    section = "settings";
    if (settingsOk(batch.settings, "/settings", report)) staged.settings = { ...batch.settings };
  }

  // --- introduction requests (their rules live in requests/check-requests.ts)
  if (batch.requests !== undefined) {
    section = "requests";
    k = -1;
    if (!Array.isArray(batch.requests)) report("invalid-format", "requests must be an array", "requests", "/requests", "an array", batch.requests);
    else {
      const found = checkRequests(batch.requests, {
        hasPerson: (id) => !resolve || network.findPerson(id) >= 0 || newPeople.has(id),
        hasOrganisation: (id) => !resolve || network.findOrganisation(id) >= 0 || newOrgs.has(id),
        isTaken: (id) => network.hasRequest?.(id) === true,
      });
      const bad = new Set<number>();
      for (const p of found) {
        k = Number(/^\/requests\/(\d+)/.exec(p.pointer)?.[1] ?? -1);
        bad.add(k);
        problems.push({ ...p, ...place("requests", k) });
      }
      batch.requests.forEach((r, j) => {
        if (!bad.has(j)) staged.requests.push(copyRequest(r));
      });
    }
  }
  return { problems, unlisted, staged };
}

/** `exchange "id"` or `exchange #k` (k: position in the batch). */
export function exchangeRecord(e: Exchange, k: number): string {
  return e !== null && typeof e === "object" && typeof e.id === "string" && e.id !== "" ? `exchange ${showValue(e.id)}` : `exchange #${k}`;
}

/** How a rule reports a problem: code, message, record, JSON pointer, what was expected and, optionally, what was found. */
export type Report = (code: TiegraphErrorCode, message: string, record: string, pointer: string | undefined, expected?: string, ...got: unknown[]) => void;
/** A person id resolved to an index (or an outside number ≤ -2), {@link NO_ID} or {@link UNKNOWN_ID}. */
export type PersonRef = (id: unknown) => number;
/** Not a person id: missing, empty or not text. */
export const NO_ID = -1;
/** A person id the network and the batch do not know (references resolved). */
export const UNKNOWN_ID = -Infinity;
/** A person id the network and the batch do not know, when references are not resolved (another file may define it). */
const OUTSIDE_ID = -2;
/** What {@link exchangeOf} returns for a good exchange: one record, rewritten for each exchange and copied into the staged columns. */
const SCRATCH: StagedExchange = { from: -1, to: -1, day: 0, kind: 0, value: 0, explicit: false, minutes: NaN, confidential: false, format: "", extras: undefined };

/** Whether two resolved references name the same person (ids outside the batch compare by their text). */
function samePerson(a: number, b: number, idA: unknown, idB: unknown): boolean {
  return a === b && (a !== OUTSIDE_ID || idA === idB);
}

/** Reports why a person reference did not resolve. */
function personProblem(report: Report, ref: number, id: unknown, at: string, rec: string): void {
  if (ref === NO_ID) report("missing-field", "missing person id", rec, at, "a person id (non-empty string)", id);
  else report("unknown-person", `unknown person ${showValue(id)}`, rec, at, "the id of a person in the network or this batch");
}

/**
 * The giver and receiver of exchange `k` (resolved to `from` and `to`, see
 * {@link PersonRef}): each names a person, and not the same one.
 *
 * @example partiesRule(3, 3, "ann", "ann", 0, () => "exchange #0", report) // reports self-exchange at /exchanges/0/to
 */
export function partiesRule(from: number, to: number, fromId: unknown, toId: unknown, k: number, rec: () => string, report: Report): void {
  if (from === NO_ID || from === UNKNOWN_ID) personProblem(report, from, fromId, `/exchanges/${k}/from`, rec());
  if (to === NO_ID || to === UNKNOWN_ID) personProblem(report, to, toId, `/exchanges/${k}/to`, rec());
  else if (samePerson(from, to, fromId, toId)) report("self-exchange", `exchange of a person with themself (${showValue(fromId)})`, rec(), `/exchanges/${k}/to`, "two different people");
}

/**
 * The person exchange `k` introduced (`ref`, resolved): named, only by an
 * introduction, and someone other than its giver and receiver. Returns the
 * resolved person, or undefined when not named.
 *
 * @example introducedRule(2, 2, 5, "ann", "ann", "bob", true, 0, () => "exchange #0", report) // 2, after reporting "an introduction joins two other people"
 */
export function introducedRule(ref: number, from: number, to: number, id: unknown, fromId: unknown, toId: unknown, isIntroduction: boolean, k: number, rec: () => string, report: Report): number | undefined {
  const at = `/exchanges/${k}/introduced`;
  const intro = ref === NO_ID || ref === UNKNOWN_ID ? undefined : ref;
  if (intro === undefined) personProblem(report, ref, id, at, rec());
  if (!isIntroduction) report("invalid-field", "only introductions name an introduced person", rec(), at, 'kind "introduction"');
  else if (intro !== undefined && (samePerson(intro, to, id, toId) || samePerson(intro, from, id, fromId))) report("invalid-field", "an introduction joins two other people", rec(), at, "a person other than from and to", id);
  return intro;
}

/**
 * An explicit exchange id (well-formed) not used by the network nor earlier in the batch; adds it to `newIds`.
 *
 * @example idRule("e1", 4, network, new Set(["e1"]), report) // reports duplicate-id at /exchanges/4/id
 */
export function idRule(id: string, k: number, network: NetworkLookup, newIds: Set<string>, report: Report): void {
  if (network.findExchange(id) >= 0 || newIds.has(id)) report("duplicate-id", `duplicate exchange id ${showValue(id)}`, `exchange ${showValue(id)}`, `/exchanges/${k}/id`, "an id not used by another exchange");
  newIds.add(id);
}

/**
 * A format of exchange `k` fits among the network's and the batch's (`newFormats`, which it joins): at most {@link MAX_FORMATS} - 1 distinct.
 *
 * @example formatRule("coffee", network, new Set(), () => "exchange #0", 0, report) // true (and "coffee" joins the set)
 */
export function formatRule(format: string, network: NetworkLookup, newFormats: Set<string>, rec: () => string, k: number, report: Report): boolean {
  if (format === "" || network.formats.includes(format) || newFormats.has(format)) return true;
  if (network.formats.length + newFormats.size >= MAX_FORMATS) {
    report("invalid-field", "too many distinct exchange formats", rec(), `/exchanges/${k}/format`, `at most ${MAX_FORMATS - 1} distinct formats`, format);
    return false;
  }
  newFormats.add(format);
  return true;
}

/** Distinct tag lists shared, at most (beyond that, each exchange gets its own copy). */
const MAX_SHARED_TAG_LISTS = 10_000;

/**
 * The tags of staged exchanges, each distinct list copied once and shared by
 * every exchange that has it, and the extras of exchanges that have nothing
 * but tags shared likewise: a million tagged exchanges hold a few hundred
 * lists, not a million (less memory, less for the garbage collector to move).
 * Safe because stored tag lists are never changed in place, and the only
 * extras changed in place (those naming an introduced person) are never shared.
 */
export class SharedTags {
  private readonly single = new Map<string, string[]>();
  private readonly several = new Map<string, string[]>();
  private readonly tagsOnly = new Map<string[], ExchangeExtras>();

  /** The shared copy of a (valid, non-empty) tag list. */
  list(tags: readonly string[]): string[] {
    const map = tags.length === 1 ? this.single : this.several;
    const key = tags.length === 1 ? tags[0]! : JSON.stringify(tags);
    let shared = map.get(key);
    if (shared === undefined) {
      shared = [...tags];
      if (map.size < MAX_SHARED_TAG_LISTS) map.set(key, shared);
    }
    return shared;
  }

  /** Shared extras holding only this tag list. */
  alone(tags: readonly string[]): ExchangeExtras {
    const list = this.list(tags);
    let extras = this.tagsOnly.get(list);
    if (extras === undefined) {
      extras = { tags: list };
      if (this.tagsOnly.size < MAX_SHARED_TAG_LISTS) this.tagsOnly.set(list, extras);
    }
    return extras;
  }
}

/** References to the batch's people looked up in its `Map` before they are packed into an {@link IdIndex}. */
const PACK_AFTER = 1024;

/** Known kinds by name (no prototype lookups). */
const KINDS: ReadonlyMap<string, number> = new Map(Object.entries(KIND_CODE));

/**
 * The exchange {@link exchangeOf} is checking, and its record name made from
 * it (`exchange "id"` once its id is known good, else `exchange #k`). One for
 * all: a check runs to its end before the next begins, and the rules it calls
 * ask for the name only while it runs.
 */
const CHECKED: { e: Exchange | undefined; k: number; named: boolean; record: () => string } = {
  e: undefined,
  k: 0,
  named: false,
  record: () => (CHECKED.named ? `exchange ${showValue(CHECKED.e!.id)}` : `exchange #${CHECKED.k}`),
};

/** The JSON pointer of a field of exchange `k` (`field` with its leading `/`). */
function exchangePointer(k: number, field: string): string {
  return `/exchanges/${k}${field}`;
}

/**
 * Checks exchange `k` and resolves it. Its record name and pointers are made
 * only when a problem is reported: a million good exchanges make no strings.
 */
export function exchangeOf(e: Exchange, k: number, network: NetworkLookup, newIds: Set<string>, personRef: PersonRef, report: Report, problems: readonly Problem[], keep: boolean, tags: SharedTags): StagedExchange | undefined {
  if (e === null || typeof e !== "object") {
    report("invalid-format", "exchange must be an object", `exchange #${k}`, `/exchanges/${k}`, "{ date, kind, from, to, ... }", e);
    return undefined;
  }
  const before = problems.length;
  // the record's name and pointers are made only when a problem is reported: no closure per exchange either
  const rec = CHECKED.record;
  CHECKED.e = e;
  CHECKED.k = k;
  CHECKED.named = false;
  if (e.id !== undefined) {
    if (typeof e.id !== "string" || e.id === "" || e.id.startsWith("#")) report("invalid-field", "invalid exchange id", rec(), exchangePointer(k, "/id"), "a non-empty string not starting with '#'", e.id);
    else {
      CHECKED.named = true;
      idRule(e.id, k, network, newIds, report);
    }
  }
  const kind = typeof e.kind === "string" ? KINDS.get(e.kind) : undefined;
  if (kind === undefined) report("invalid-kind", `unknown exchange kind ${showValue(e.kind)}`, rec(), exchangePointer(k, "/kind"), `one of ${EXCHANGE_KINDS.join(", ")}`);
  const from = personRef(e.from);
  const to = personRef(e.to);
  partiesRule(from, to, e.from, e.to, k, rec, report);
  const day = typeof e.date === "string" ? parseDay(e.date) : undefined;
  if (day === undefined) report("invalid-date", `invalid date ${showValue(e.date)}`, rec(), exchangePointer(k, "/date"), "a calendar date YYYY-MM-DD");
  let value = kind === undefined ? 0 : DEFAULT_KIND_VALUES[e.kind];
  if (e.value !== undefined) {
    if (typeof e.value !== "number" || !Number.isFinite(e.value) || e.value < 0) report("invalid-value", "invalid value", rec(), exchangePointer(k, "/value"), "a finite number ≥ 0", e.value);
    else value = e.value;
  }
  let minutes = NaN;
  if (e.minutes !== undefined) {
    if (typeof e.minutes !== "number" || !Number.isFinite(e.minutes) || e.minutes < 0) report("invalid-value", "invalid minutes", rec(), exchangePointer(k, "/minutes"), "a finite number of minutes ≥ 0", e.minutes);
    else minutes = e.minutes;
  }
  if (e.format !== undefined && (typeof e.format !== "string" || e.format.length > 40)) report("invalid-field", "invalid format", rec(), exchangePointer(k, "/format"), "a short text like coffee, lunch, call", e.format);
  if (e.confidential !== undefined && typeof e.confidential !== "boolean") report("invalid-field", "confidential must be true or false", rec(), exchangePointer(k, "/confidential"), "a boolean", e.confidential);
  if (e.note !== undefined && typeof e.note !== "string") report("invalid-field", "note must be text", rec(), exchangePointer(k, "/note"), "a string", e.note);
  if (e.tags !== undefined && !isStringList(e.tags)) stringList(e.tags, exchangePointer(k, "/tags"), rec(), report);
  let extras: ExchangeExtras | undefined;
  if (e.introduced !== undefined) {
    const intro = introducedRule(personRef(e.introduced), from, to, e.introduced, e.from, e.to, e.kind === "introduction", k, rec, report);
    if (intro !== undefined) extras = { introduced: intro };
  }
  if (problems.length !== before) return undefined;
  if (!keep) return SCRATCH;
  const tagged = e.tags !== undefined && e.tags.length > 0;
  if (tagged && extras === undefined && e.id === undefined && e.note === undefined) extras = tags.alone(e.tags!);
  else if (e.id !== undefined || e.note !== undefined || tagged) {
    extras ??= {};
    if (e.id !== undefined) extras.id = e.id;
    if (e.note !== undefined) extras.note = e.note;
    if (tagged) extras.tags = tags.list(e.tags!);
  }
  SCRATCH.from = from;
  SCRATCH.to = to;
  SCRATCH.day = day!;
  SCRATCH.kind = kind!;
  SCRATCH.value = value;
  SCRATCH.explicit = e.value !== undefined;
  SCRATCH.minutes = minutes;
  SCRATCH.confidential = e.confidential === true;
  SCRATCH.format = e.format ?? "";
  SCRATCH.extras = extras;
  return SCRATCH;
}

/** Person and organisation indices of ids, for {@link checkAffiliation}. */
export interface AffiliationRefs {
  /** The index of the person with this (non-empty) id, or undefined when there is none. */
  person(id: string): number | undefined;
  /** The index of the organisation with this (non-empty) id, or undefined when there is none. */
  organisation(id: string): number | undefined;
}

/**
 * The rules of one affiliation record (the `k`-th of its list): an object
 * naming a person and an organisation that resolve, dates that parse, an end
 * on or after the start, a role that is text. Reports every problem and
 * returns the resolved span only when there is none. Its record name and
 * pointers are made only when a problem is reported.
 */
function affiliationOf(a: Affiliation, k: number, refs: AffiliationRefs, report: Report): { person: number; span: AffiliationSpan } | undefined {
  // the record's name and pointers are made only for a problem: a hundred thousand good records make no closures
  if (a === null || typeof a !== "object") {
    report("invalid-format", "affiliation must be an object", affiliationName(k), affiliationAt(k, ""), "{ person, organisation, from?, to?, role? }", a);
    return undefined;
  }
  const person = affiliationRef(a, "person", refs, k, report);
  const org = affiliationRef(a, "organisation", refs, k, report);
  let ok = person !== undefined && org !== undefined;
  const from = a.from === undefined ? OPEN_START : typeof a.from === "string" ? parseDay(a.from) : undefined;
  if (from === undefined) report("invalid-date", `invalid date ${showValue(a.from)}`, affiliationName(k), affiliationAt(k, "/from"), "a calendar date YYYY-MM-DD");
  const to = a.to === undefined ? OPEN_END : typeof a.to === "string" ? parseDay(a.to) : undefined;
  if (to === undefined) report("invalid-date", `invalid date ${showValue(a.to)}`, affiliationName(k), affiliationAt(k, "/to"), "a calendar date YYYY-MM-DD");
  if (from === undefined || to === undefined) ok = false;
  else if (to < from) {
    report("invalid-range", `affiliation ends (${a.to}) before it starts (${a.from})`, affiliationName(k), affiliationAt(k, "/to"), "an end date on or after the start date");
    ok = false;
  }
  if (a.role !== undefined && typeof a.role !== "string") {
    report("invalid-field", "role must be text", affiliationName(k), affiliationAt(k, "/role"), "a string", a.role);
    ok = false;
  }
  return ok ? { person: person!, span: { organisation: org!, from: from!, to: to!, role: a.role } } : undefined;
}

/** How a problem names the `k`-th affiliation record. */
function affiliationName(k: number): string {
  return `affiliation #${k}`;
}

/** The pointer to a field of the `k`-th affiliation record ("" for the record). */
function affiliationAt(k: number, field: string): string {
  return `/affiliations/${k}${field}`;
}

/** What an affiliation reports when its person or its organisation is missing or unknown. */
const AFFILIATION_REF_PROBLEMS = {
  person: { missing: "missing person id", named: "a person id (non-empty string)", unknown: "unknown-person", known: "the id of a person in the network or this batch" },
  organisation: { missing: "missing organisation", named: "an organisation id", unknown: "unknown-organisation", known: "the id of an organisation in the network or this batch" },
} as const;

/**
 * The index an affiliation's `person` or `organisation` field resolves to
 * (see {@link AffiliationRefs}); reports a missing or unknown one and gives
 * undefined.
 */
function affiliationRef(a: Affiliation, field: "person" | "organisation", refs: AffiliationRefs, k: number, report: Report): number | undefined {
  const id = a[field];
  const words = AFFILIATION_REF_PROBLEMS[field];
  if (typeof id !== "string" || id === "") {
    report("missing-field", words.missing, affiliationName(k), affiliationAt(k, `/${field}`), words.named, id);
    return undefined;
  }
  const found = refs[field](id);
  if (found === undefined) report(words.unknown, `unknown ${field} ${showValue(id)}`, affiliationName(k), affiliationAt(k, `/${field}`), words.known);
  return found;
}

/**
 * The person index and resolved span of one affiliation record (the `k`-th
 * of its list), checked by the rules {@link Network.apply} uses; throws the
 * record's problems (the first first, pointer `/affiliations/k/...`).
 *
 * @example
 * ```ts
 * const refs = { person: (id: string) => (id === "ann" ? 0 : undefined), organisation: (id: string) => (id === "acme" ? 0 : undefined) };
 * checkAffiliation({ person: "ann", organisation: "acme", from: "2020-01-01" }, 0, refs).span.organisation; // 0
 * checkAffiliation({ person: "ann", organisation: "acme", from: "2021-01-01", to: "2020-01-01" }, 3, refs); // throws invalid-range at /affiliations/3/to
 * ```
 */
export function checkAffiliation(a: Affiliation, k: number, refs: AffiliationRefs): { person: number; span: AffiliationSpan } {
  let resolved: { person: number; span: AffiliationSpan } | undefined;
  const problems = collect((report) => (resolved = affiliationOf(a, k, refs, report)));
  if (problems.length || !resolved) throw problemsError(problems);
  return resolved;
}

function isStringList(v: unknown): boolean {
  return Array.isArray(v) && !v.some((x) => typeof x !== "string");
}

function stringList(v: unknown, pointer: string, record: string, report: Report): boolean {
  if (!isStringList(v)) {
    report("invalid-field", "expected a list of strings", record, pointer, "an array of strings", v);
    return false;
  }
  return true;
}

function organisationOk(o: Organisation, at: string, report: Report): boolean {
  const rec = `organisation at ${at}`;
  if (o === null || typeof o !== "object") {
    report("invalid-format", "organisation must be an object", rec, at, "{ id, name }", o);
    return false;
  }
  if (typeof o.id !== "string" || o.id === "") {
    report("missing-field", "organisation without id", rec, at + "/id", "a non-empty string", o.id);
    return false;
  }
  let ok = true;
  if (typeof o.name !== "string") {
    report("missing-field", "organisation without name", `organisation ${showValue(o.id)}`, at + "/name", "a string", o.name);
    ok = false;
  }
  if (o.tags !== undefined) ok = stringList(o.tags, at + "/tags", `organisation ${showValue(o.id)}`, report) && ok;
  return ok;
}

function personOk(p: Person, at: string, report: Report): boolean {
  if (p === null || typeof p !== "object") {
    report("invalid-format", "person must be an object", `person at ${at}`, at, "{ id, name, ... }", p);
    return false;
  }
  if (typeof p.id !== "string" || p.id === "") {
    report("missing-field", "person without id", `person at ${at}`, at + "/id", "a non-empty string", p.id);
    return false;
  }
  // the record's name is made only for a problem: a hundred thousand good people make no strings
  const rec = (): string => `person ${showValue(p.id)}`;
  let ok = true;
  const bad = (...args: Parameters<Report>): void => {
    report(...args);
    ok = false;
  };
  if (typeof p.name !== "string") bad("missing-field", "person without name", rec(), at + "/name", "a string", p.name);
  for (const key of PERSON_LISTS) if (p[key] !== undefined && !isStringList(p[key])) ok = stringList(p[key], `${at}/${key}`, rec(), report);
  if (p.notes !== undefined && typeof p.notes !== "string") bad("invalid-field", "notes must be text", rec(), at + "/notes", "a string", p.notes);
  if (p.url !== undefined && typeof p.url !== "string") bad("invalid-field", "url must be text", rec(), at + "/url", "a string", p.url);
  if (p.cadenceDays !== undefined && (typeof p.cadenceDays !== "number" || !(p.cadenceDays > 0) || !Number.isFinite(p.cadenceDays))) bad("invalid-value", "invalid cadence", rec(), at + "/cadenceDays", "a positive number of days", p.cadenceDays);
  if (p.attributes !== undefined) {
    if (p.attributes === null || typeof p.attributes !== "object" || Array.isArray(p.attributes)) bad("invalid-field", "attributes must be an object", rec(), at + "/attributes", "an object of text, number or boolean values", p.attributes);
    else {
      for (const [key, v] of Object.entries(p.attributes)) {
        if (!["string", "number", "boolean"].includes(typeof v)) bad("invalid-field", `attribute ${showValue(key)} has an unsupported value`, rec(), `${at}/attributes/${key}`, "text, a number or a boolean", v);
      }
    }
  }
  return ok;
}

const PERSON_LISTS = ["emails", "tags", "interests", "offers"] as const;

/**
 * Whether {@link personOk} would find nothing wrong with a person record,
 * told without making anything (no pointer, no closure, no list): the same
 * rules, for the hundred thousand good records of a file. A record it does
 * not call good is checked by personOk, which says what is wrong.
 *
 * @example personValid({ id: "ann", name: "Ann", tags: ["x"] }) // true
 */
export function personValid(p: Person): boolean {
  if (p === null || typeof p !== "object" || typeof p.id !== "string" || p.id === "" || typeof p.name !== "string") return false;
  if (!stringsOrAbsent(p.emails) || !stringsOrAbsent(p.tags) || !stringsOrAbsent(p.interests) || !stringsOrAbsent(p.offers)) return false;
  if (p.notes !== undefined && typeof p.notes !== "string") return false;
  if (p.url !== undefined && typeof p.url !== "string") return false;
  const cadence = p.cadenceDays;
  if (cadence !== undefined && (typeof cadence !== "number" || !(cadence > 0) || !Number.isFinite(cadence))) return false;
  const attributes = p.attributes;
  if (attributes !== undefined) {
    if (attributes === null || typeof attributes !== "object" || Array.isArray(attributes)) return false;
    for (const key of Object.keys(attributes)) {
      const t = typeof attributes[key];
      if (t !== "string" && t !== "number" && t !== "boolean") return false;
    }
  }
  return true;
}

/** Undefined, or an array of strings only. */
function stringsOrAbsent(v: unknown): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== "string") return false;
  return true;
}

function settingsOk(s: NetworkSettings, at: string, report: Report): boolean {
  const n = { count: 0 };
  const bad = (...args: Parameters<Report>): void => {
    report(...args);
    n.count++;
  };
  if (s === null || typeof s !== "object") {
    bad("invalid-format", "settings must be an object", "settings", at, "an object", s);
    return false;
  }
  if (s.halfLifeDays !== undefined && !(typeof s.halfLifeDays === "number" && s.halfLifeDays > 0 && Number.isFinite(s.halfLifeDays))) bad("invalid-value", "invalid half-life", "settings", at + "/halfLifeDays", "a positive number of days", s.halfLifeDays);
  if (s.externalTarget !== undefined && !(typeof s.externalTarget === "number" && s.externalTarget >= 0 && s.externalTarget <= 1)) bad("invalid-value", "invalid external target", "settings", at + "/externalTarget", "a share between 0 and 1", s.externalTarget);
  if (s.cadenceByTag !== undefined) {
    if (s.cadenceByTag === null || typeof s.cadenceByTag !== "object") bad("invalid-field", "cadenceByTag must be an object", "settings", at + "/cadenceByTag", "an object of tag → days", s.cadenceByTag);
    else for (const [key, v] of Object.entries(s.cadenceByTag)) if (!(typeof v === "number" && v > 0 && Number.isFinite(v))) bad("invalid-value", `invalid cadence for tag ${showValue(key)}`, "settings", `${at}/cadenceByTag/${key}`, "a positive number of days", v);
  }
  return n.count === 0;
}

/**
 * Throws the problems of a single person record (used when a person is replaced in place).
 *
 * @example checkPerson({ id: "ann", name: "Ann", cadenceDays: 0 }, "/people/1") // throws invalid-value at /people/1/cadenceDays
 */
export function checkPerson(p: Person, at: string): void {
  if (personValid(p)) return;
  const problems = collect((report) => personOk(p, at, report));
  if (problems.length) throw problemsError(problems);
}

/**
 * Throws the problems of network settings.
 *
 * @example checkSettings({ externalTarget: 2 }) // throws invalid-value at /settings/externalTarget
 */
export function checkSettings(s: NetworkSettings, at = "/settings"): void {
  const problems = collect((report) => settingsOk(s, at, report));
  if (problems.length) throw problemsError(problems);
}

/**
 * Throws the problems of a single organisation record.
 *
 * @example checkOrganisation({ id: "acme", name: 3 as never }, "/organisations/0") // throws missing-field
 */
export function checkOrganisation(o: Organisation, at: string): void {
  const problems = collect((report) => organisationOk(o, at, report));
  if (problems.length) throw problemsError(problems);
}

function collect(run: (report: Report) => unknown): Problem[] {
  const problems: Problem[] = [];
  run((code, message, record, pointer, expected, ...got) => {
    const p: Problem = { code, message, record };
    if (pointer !== undefined) p.pointer = pointer;
    if (expected !== undefined) p.expected = expected;
    if (got.length) p.got = showValue(got[0]);
    problems.push(p);
  });
  return problems;
}

const PERSON_FIELDS = ["id", "name", "emails", "url", "tags", "notes", "interests", "offers", "cadenceDays", "attributes"] as const;
const ORGANISATION_FIELDS = ["id", "name", "tags"] as const;

/**
 * A copy of a record with its known fields in one fixed order (unknown ones
 * after), arrays and objects copied and undefined fields left out, so the
 * same record always serialises to the same text, however it was built or edited.
 */
function canonical<T extends object>(o: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const src = o as Record<string, unknown>;
  const put = (key: string): void => {
    const v = src[key];
    if (v === undefined) return;
    out[key] = Array.isArray(v) ? [...(v as unknown[])] : v !== null && typeof v === "object" ? { ...(v as object) } : v;
  };
  for (const key of order) put(key);
  for (const key of Object.keys(src)) if (!order.includes(key)) put(key);
  return out as T;
}

/**
 * A person record in canonical field order (id, name, emails, url, tags, notes, interests, offers, cadenceDays, attributes).
 *
 * @example Object.keys(cleanPerson({ tags: ["x"], name: "Ann", id: "ann" })) // ["id", "name", "tags"]
 */
export function cleanPerson(p: Person): Person {
  return canonical(p, PERSON_FIELDS);
}

/**
 * A person record without its notes: the record itself when it has none,
 * else a copy (records are replaced, never changed in place, so whoever
 * holds the original keeps its notes).
 *
 * @example withoutNotes({ id: "a", name: "A", notes: "x" }) // { id: "a", name: "A" }
 */
export function withoutNotes(p: Person): Person {
  if (p.notes === undefined) return p;
  const { notes: _n, ...rest } = p;
  return rest;
}

const PERSON_RANK: ReadonlyMap<string, number> = new Map(PERSON_FIELDS.map((key, i) => [key, i]));

/**
 * {@link cleanPerson} for a record nobody else holds (fresh from
 * `JSON.parse`): the record itself when its fields are known and already in
 * canonical order (as a network file writes them), else the canonical copy.
 * Saves a copy of every person when reading a file's records.
 *
 * @example
 * ```ts
 * const p = JSON.parse('{"id":"ann","name":"Ann"}');
 * adoptPerson(p) === p; // true
 * ```
 */
export function adoptPerson(p: Person): Person {
  let last = -1;
  for (const key in p) {
    const rank = PERSON_RANK.get(key);
    if (rank === undefined || rank <= last || (p as unknown as Record<string, unknown>)[key] === undefined) return cleanPerson(p);
    last = rank;
  }
  return p;
}

/**
 * An organisation record in canonical field order (id, name, tags).
 *
 * @example Object.keys(cleanOrganisation({ name: "Acme", id: "acme" })) // ["id", "name"]
 */
export function cleanOrganisation(o: Organisation): Organisation {
  return canonical(o, ORGANISATION_FIELDS);
}

/** What {@link withoutProblems} kept and left out. */
export interface BatchWithoutProblems {
  /** The batch less the records with problems and those that depend on them. */
  batch: NetworkData;
  /** Likewise, the exchanges read column-wise (`options.rows`). */
  rows: ExchangeRowsPart[];
  /** For each list, the positions (in the input batch) of the records kept. */
  kept: { organisations: number[]; people: number[]; affiliations: number[]; exchanges: number[] };
  /**
   * Records left out only because they depend on one that had a problem (an
   * exchange naming a person left out), each as a problem of its own
   * (`unknown-person` / `unknown-organisation`, the dropped id in the message).
   */
  dependents: Problem[];
  /** How many records were left out as dependents: `dependents.length` plus those past `maxDependents`. */
  dependentCount: number;
}

/** Options of {@link withoutProblems}. */
export interface WithoutProblemsOptions extends Pick<CheckBatchOptions, "file" | "lines" | "rows"> {
  /** Records of problems that were counted but not listed ({@link stageBatch} with `maxProblems`): left out too. */
  unlisted?: UnlistedProblems | undefined;
  /** Dependents listed at most (default: all); the rest are counted in `dependentCount`. */
  maxDependents?: number;
}

/**
 * Leaves out of a batch exactly the records that have problems (as found by
 * {@link checkBatch} on the same network and batch) and the records that
 * depend on them: affiliations and exchanges naming a person or organisation
 * left out, and ego when it names one. What remains passes {@link checkBatch},
 * so lenient loading is one check and one apply however many records are bad.
 * A problem with the whole list (`/exchanges` not an array) leaves the list out.
 *
 * @example
 * ```ts
 * const problems = checkBatch(network, batch);
 * const { batch: good, dependents } = withoutProblems(network, batch, problems);
 * network.apply(good); // never throws
 * ```
 */
export function withoutProblems(network: NetworkLookup, batch: NetworkData, problems: readonly Problem[], options: WithoutProblemsOptions = {}): BatchWithoutProblems {
  const sections = ["organisations", "people", "affiliations", "exchanges"] as const;
  const bad = { organisations: new Set<number>(), people: new Set<number>(), affiliations: new Set<number>(), exchanges: new Set<number>() };
  const whole = new Set<string>();
  let dropEgo = false;
  let dropSettings = false;
  for (const p of problems) {
    const m = p.pointer === undefined ? null : /^\/(organisations|people|affiliations|exchanges)(?:\/(\d+))?/.exec(p.pointer);
    if (m) {
      if (m[2] === undefined) whole.add(m[1]!);
      else bad[m[1] as Section].add(Number(m[2]));
    } else if (p.record === "ego") dropEgo = true;
    else if (p.record === "settings") dropSettings = true;
  }
  const unlisted = options.unlisted;
  if (unlisted !== undefined) {
    for (const sec of sections) for (const k of unlisted.records[sec]) bad[sec].add(k);
    for (const sec of unlisted.whole) whole.add(sec);
    if (unlisted.ego) dropEgo = true;
    if (unlisted.settings) dropSettings = true;
  }
  const maxDependents = options.maxDependents ?? Infinity;
  let dependentCount = 0;
  const kept = { organisations: [] as number[], people: [] as number[], affiliations: [] as number[], exchanges: [] as number[] };
  const lists = {} as Record<Section, unknown[]>;
  for (const s of sections) {
    const v = batch[s] as unknown;
    const all = Array.isArray(v) && !whole.has(s) ? (v as unknown[]) : [];
    lists[s] = [];
    all.forEach((r, k) => {
      if (bad[s].has(k)) return;
      kept[s].push(k);
      lists[s].push(r);
    });
  }
  const orgIds = new Set((lists.organisations as Organisation[]).map((o) => o.id));
  const personIds = new Set((lists.people as Person[]).map((p) => p.id));
  const personKnown = (id: unknown): boolean => typeof id === "string" && (personIds.has(id) || network.findPerson(id) >= 0);
  const orgKnown = (id: unknown): boolean => typeof id === "string" && (orgIds.has(id) || network.findOrganisation(id) >= 0);
  const dependents: Problem[] = [];
  const dependent = (s: Section, k: number, record: string, field: string, id: string, code: TiegraphErrorCode): void => {
    if (dependentCount++ >= maxDependents) return;
    const p: Problem = { code, message: `names ${code === "unknown-person" ? "person" : "organisation"} ${showValue(id)}, which was left out for its own problem`, record, pointer: `/${s}/${k}/${field}`, expected: "a record that depends only on records that are kept" };
    const at = s === "exchanges" || s === "affiliations" ? options.lines?.[s]?.[k] : undefined;
    const file = typeof at === "object" && at.file !== undefined ? at.file : options.file;
    if (file !== undefined) p.file = file;
    const line = typeof at === "number" ? at : at?.line;
    if (line !== undefined && line > 0) p.line = line;
    dependents.push(p);
  };
  const affKept: number[] = [];
  const affs = (lists.affiliations as Affiliation[]).filter((a, j) => {
    const k = kept.affiliations[j]!;
    const ok = personKnown(a.person) && orgKnown(a.organisation);
    if (!personKnown(a.person)) dependent("affiliations", k, `affiliation #${k}`, "person", a.person, "unknown-person");
    else if (!orgKnown(a.organisation)) dependent("affiliations", k, `affiliation #${k}`, "organisation", a.organisation, "unknown-organisation");
    if (ok) affKept.push(k);
    return ok;
  });
  const exKept: number[] = [];
  const exchanges = (lists.exchanges as Exchange[]).filter((e, j) => {
    const k = kept.exchanges[j]!;
    for (const field of ["from", "to", "introduced"] as const) {
      const id = e[field];
      if (id === undefined || personKnown(id)) continue;
      dependent("exchanges", k, exchangeRecord(e, k), field, id, "unknown-person");
      return false;
    }
    exKept.push(k);
    return true;
  });
  // rows read column-wise come after the batch's exchanges, in the same numbering
  const rows: ExchangeRowsPart[] = [];
  let offset = Array.isArray(batch.exchanges) ? batch.exchanges.length : 0;
  for (const part of options.rows ?? []) {
    const known = Uint8Array.from(part.people, (id) => (personKnown(id) ? 1 : 0));
    const keepRow = new Uint8Array(part.length);
    for (let i = 0; i < part.length; i++) {
      const k = offset + i;
      if (bad.exchanges.has(k) || whole.has("exchanges")) continue;
      const who = part.peopleOf(i);
      const field: number = !known[who[0]] ? 0 : !known[who[1]] ? 1 : who[2] >= 0 && !known[who[2]] ? 2 : -1;
      if (field >= 0) {
        if (dependentCount++ >= maxDependents) continue;
        const id = part.people[who[field as 0 | 1 | 2]]!;
        const named = part.idOf(i);
        const p: Problem = { code: "unknown-person", message: `names person ${showValue(id)}, which was left out for its own problem`, record: named !== undefined ? `exchange ${showValue(named)}` : `exchange #${k}`, pointer: `/exchanges/${k}/${["from", "to", "introduced"][field]!}`, expected: "a record that depends only on records that are kept" };
        dependents.push(Object.assign(p, part.place(i)));
        continue;
      }
      keepRow[i] = 1;
      exKept.push(k);
    }
    rows.push(part.subset(keepRow));
    offset += part.length;
  }
  kept.affiliations = affKept;
  kept.exchanges = exKept;
  const out: NetworkData = {};
  if (batch.ego !== undefined && !dropEgo) {
    if (personKnown(batch.ego)) out.ego = batch.ego;
    else if (dependentCount++ < maxDependents) {
      const p: Problem = { code: "unknown-person", message: `names person ${showValue(batch.ego)}, which was left out for its own problem`, record: "ego", pointer: "/ego", expected: "a record that depends only on records that are kept" };
      if (options.file !== undefined) p.file = options.file;
      dependents.push(p);
    }
  }
  if (batch.settings !== undefined && !dropSettings) out.settings = batch.settings;
  out.organisations = lists.organisations as Organisation[];
  out.people = lists.people as Person[];
  out.affiliations = affs;
  out.exchanges = exchanges;
  return { batch: out, rows, kept, dependents, dependentCount };
}
