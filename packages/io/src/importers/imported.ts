/**
 * What an importer hands back: the records it read, where each came from in
 * the file, and the problems it skipped. Nothing touches a network until
 * {@link mergeInto} applies it, all at once.
 */
import type { Affiliation, Exchange, ExchangeRows, Organisation, Person, TiegraphError } from "@tiegraph/core";
import { normaliseOrganisationName } from "../merge/identity.js";
import { withoutControlCharacters } from "./control-characters.js";
import { IdAllocator, slugId } from "./ids.js";

/** Where a record was read: file name (when known) and 1-based line. */
export interface RecordOrigin {
  file: string | undefined;
  line: number;
}

/** The formats the importers read. */
export type ImportFormat = "people-csv" | "exchanges-csv" | "affiliations-csv" | "linkedin" | "vcard" | "calendar" | "gexf" | "graphml";

/**
 * The records read from one file, not yet in any network. `origins` run
 * parallel to the record lists, so a problem found later (at merge time) can
 * still name its file and line.
 */
export interface ImportedNetwork {
  format: ImportFormat;
  file: string | undefined;
  /**
   * Whether person ids were made up by the importer (LinkedIn, vCard,
   * calendar) rather than written by the user (generic CSV). Made-up ids are
   * never used to match people; written ones are.
   */
  generatedIds: boolean;
  /** The person the file is seen from ("me"), for formats that have one. */
  ego: Person | undefined;
  organisations: Organisation[];
  people: Person[];
  affiliations: Affiliation[];
  exchanges: Exchange[];
  /**
   * Exchanges read column-wise (the exchanges CSV with `columnar: true`),
   * each already checked by the model's rules, in the file's order after
   * `exchanges`. {@link mergeInto} applies them as they are.
   */
  exchangeRows?: ExchangeRows;
  origins: {
    organisations: RecordOrigin[];
    people: RecordOrigin[];
    affiliations: RecordOrigin[];
    exchanges: RecordOrigin[];
  };
  /** Records (rows, cards, events) read, good or bad. */
  records: number;
  /** Bad records that were skipped (empty in strict mode, which throws instead), at most `ImportOptions.maxProblems` of them. */
  problems: TiegraphError[];
  /** How many problems were found: `problems.length` plus those past `ImportOptions.maxProblems`. */
  problemCount: number;
  /** Facts worth telling the user that are not problems (e.g. an inferred address of ego). */
  notes: string[];
  /**
   * Records read only in part: a recurring event cut at a bound, control
   * characters removed from a name. Each also has a line in `notes`.
   */
  warnings: ImportWarning[];
  /** Calendars only: recurrence expansion steps spent (never more than `CalendarOptions.maxFileSteps`). */
  steps?: number;
  /** Calendars only: events left out for their size (see `CalendarOptions.largeEventSize`). */
  largeEvents?: LargeEventsSkipped;
}

/** What a calendar import left out because the events were too large to say much about a tie. */
export interface LargeEventsSkipped {
  /** The size limit: events with more other participants than this were skipped. */
  limit: number;
  /** Events (a recurring series counts once) skipped. */
  events: number;
  /** Distinct participants of those events who did not become people because of it. */
  attendees: number;
}

/** Why a record was read only in part. */
export type ImportWarningCode =
  /** A recurring event repeats more often than daily (SECONDLY, MINUTELY, HOURLY): only its first start counts. */
  | "recurrence-too-frequent"
  /** A recurrence rule no date satisfies (e.g. BYMONTH=2;BYMONTHDAY=30): only its first start counts. */
  | "recurrence-impossible"
  /** Dates the calendar library produced that do not satisfy the rule (e.g. 1 March for 29 February) were dropped; `count` says how many. */
  | "recurrence-invented-dates"
  /** A series reached `limit` occurrences in range; later ones were not counted. */
  | "series-occurrence-limit"
  /** Expanding a series took `limit` steps; the rest of it was not counted. */
  | "series-step-limit"
  /** The file reached `limit` occurrences, steps or meetings; this event and later ones were not counted. */
  | "file-occurrence-limit"
  | "file-step-limit"
  | "file-meeting-limit"
  /** Control characters (C0, C1, DEL or NUL) were removed from `field`; `count` says how many. */
  | "control-characters-removed"
  /** A GEXF or GraphML file holds ties, not exchanges: each of its `count` edges became one `connection`, so reciprocity cannot be computed from it. */
  | "ties-not-exchanges";

/** A record read only in part, with where it is and the numbers that explain it (no sentences: see {@link importWarningText}). */
export interface ImportWarning {
  code: ImportWarningCode;
  file: string | undefined;
  /** 1-based line where the record (row, card, event) starts. */
  line: number;
  /** The record, e.g. `event "weekly-sync" at line 12`. */
  record: string;
  /** The bound that was reached. */
  limit?: number;
  /** How many (dates dropped, characters removed). */
  count?: number;
  /** The field concerned (e.g. `name`, `organisation`). */
  field?: string;
}

/**
 * One line of English for a warning (what the CLI prints as a note).
 *
 * @example importWarningText({ code: "series-occurrence-limit", file: "cal.ics", line: 9, record: "event \"x\" at line 9", limit: 1000 })
 * // "cal.ics:9: event \"x\" at line 9: only the first 1000 occurrences in range were counted"
 */
export function importWarningText(w: ImportWarning): string {
  const where = `${w.file !== undefined ? `${w.file}:` : "line "}${w.line}: ${w.record}`;
  const what: Record<ImportWarningCode, string> = {
    "recurrence-too-frequent": "repeats more often than daily; only its first start was counted",
    "recurrence-impossible": "its recurrence rule matches no date; only its first start was counted",
    "recurrence-invented-dates": `${w.count ?? 0} dates that do not satisfy its recurrence rule were dropped`,
    "series-occurrence-limit": `only the first ${w.limit ?? 0} occurrences in range were counted`,
    "series-step-limit": `expanding it stopped after ${w.limit ?? 0} steps; later occurrences were not counted`,
    "file-occurrence-limit": `the file reached ${w.limit ?? 0} occurrences; this and later events were not counted`,
    "file-step-limit": `the file reached ${w.limit ?? 0} expansion steps; this and later recurring events were not counted`,
    "file-meeting-limit": `the file reached ${w.limit ?? 0} meetings; this and later events were not counted`,
    "control-characters-removed": `${w.count ?? 0} control characters removed from ${w.field ?? "a field"}`,
    "ties-not-exchanges": `holds ties, not exchanges: each of its ${w.count ?? 0} ties became one connection dated at its last date, so reciprocity (who gave what) is not available from it`,
  };
  return `${where}: ${what[w.code]}`;
}

/** An empty import of a format, for importers to fill. */
export function emptyImport(format: ImportFormat, file: string | undefined, generatedIds: boolean): ImportedNetwork {
  return {
    format,
    file,
    generatedIds,
    ego: undefined,
    organisations: [],
    people: [],
    affiliations: [],
    exchanges: [],
    origins: { organisations: [], people: [], affiliations: [], exchanges: [] },
    records: 0,
    problems: [],
    problemCount: 0,
    notes: [],
    warnings: [],
  };
}

/**
 * Fills an {@link ImportedNetwork} record by record, keeping origins in step
 * and naming each organisation once.
 */
export class ImportBuilder {
  readonly result: ImportedNetwork;
  private readonly orgIds = new Map<string, string>();
  /** Organisation ids by the exact name or id a row gave (most rows repeat one): no key text is made per row. */
  private readonly orgByExactName = new Map<string, string>();
  private readonly orgByExactId = new Map<string, string>();
  private readonly orgAllocator = new IdAllocator();

  constructor(format: ImportFormat, file: string | undefined, generatedIds: boolean) {
    this.result = emptyImport(format, file, generatedIds);
  }

  private last: RecordOrigin = { file: undefined, line: 0 };
  /** Records of one row share one origin object (a 100,000-row file makes 300,000 records). */
  private origin(line: number): RecordOrigin {
    if (this.last.line !== line) this.last = { file: this.result.file, line };
    return this.last;
  }

  /** Lists a warning (and its text among the notes). */
  warn(w: Omit<ImportWarning, "file">): void {
    const full: ImportWarning = { ...w, file: this.result.file };
    this.result.warnings.push(full);
    this.result.notes.push(importWarningText(full));
  }

  /**
   * A name (person, organisation, role) as text: control characters removed,
   * with a `control-characters-removed` warning naming the field and line
   * (and the record, given as its text or made only when a warning needs it).
   */
  name(text: string, field: string, line: number, record: string | (() => string)): string {
    const clean = withoutControlCharacters(text);
    if (clean.removed) this.warn({ code: "control-characters-removed", line, record: typeof record === "string" ? record : record(), field, count: clean.removed });
    return clean.text;
  }

  /** Adds a person read at a line. */
  person(p: Person, line: number): void {
    this.result.people.push(p);
    this.result.origins.people.push(this.origin(line));
  }

  /** Adds an affiliation read at a line. */
  affiliation(a: Affiliation, line: number): void {
    this.result.affiliations.push(a);
    this.result.origins.affiliations.push(this.origin(line));
  }

  /** Adds an exchange read at a line. */
  exchange(e: Exchange, line: number): void {
    this.result.exchanges.push(e);
    this.result.origins.exchanges.push(this.origin(line));
  }

  /**
   * The id of the organisation named `name` in this import, adding it the
   * first time. With `id` given, that id is used (and kept for the name).
   */
  organisation(name: string, line: number, id?: string): string {
    // Most rows repeat a name exactly: look that up before normalising.
    const exact = id === undefined ? this.orgByExactName : this.orgByExactId;
    const cached = exact.get(id ?? name);
    if (cached !== undefined) return cached;
    const key = id ?? `name:${normaliseOrganisationName(name)}`;
    let known = this.orgIds.get(key);
    if (known === undefined) {
      known = id ?? this.orgAllocator.take(slugId(name, "organisation"));
      this.orgAllocator.reserve(known);
      this.orgIds.set(key, known);
      this.result.organisations.push({ id: known, name });
      this.result.origins.organisations.push(this.origin(line));
    }
    exact.set(id ?? name, known);
    return known;
  }
}
