/**
 * What an importer hands back: the records it read, where each came from in
 * the file, and the problems it skipped. Nothing touches a network until
 * {@link mergeInto} applies it, all at once.
 */
import type { Affiliation, Exchange, Organisation, Person, TiegraphError } from "@tiegraph/core";
import { normaliseOrganisationName } from "../merge/identity.js";
import { IdAllocator, slugId } from "./ids.js";

/** Where a record was read: file name (when known) and 1-based line. */
export interface RecordOrigin {
  file: string | undefined;
  line: number;
}

/** The formats the importers read. */
export type ImportFormat = "people-csv" | "exchanges-csv" | "affiliations-csv" | "linkedin" | "vcard" | "calendar";

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
  origins: {
    organisations: RecordOrigin[];
    people: RecordOrigin[];
    affiliations: RecordOrigin[];
    exchanges: RecordOrigin[];
  };
  /** Records (rows, cards, events) read, good or bad. */
  records: number;
  /** Bad records that were skipped (empty in strict mode, which throws instead). */
  problems: TiegraphError[];
  /** Facts worth telling the user that are not problems (e.g. an inferred address of ego). */
  notes: string[];
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
    notes: [],
  };
}

/**
 * Fills an {@link ImportedNetwork} record by record, keeping origins in step
 * and naming each organisation once.
 */
export class ImportBuilder {
  readonly result: ImportedNetwork;
  private readonly orgIds = new Map<string, string>();
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
    const exact = id ?? `exact:${name}`;
    const cached = this.orgIds.get(exact);
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
    this.orgIds.set(exact, known);
    return known;
  }
}
