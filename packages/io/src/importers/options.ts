/**
 * Options every importer takes, and the log that turns a bad record into a
 * listed problem (default) or a thrown error (strict mode).
 */
import { showValue } from "@tiegraph/core/internal";
import { TiegraphError, type Person, type PersonId, type TiegraphErrorCode } from "@tiegraph/core";
import type { ReadProgress } from "../input/text-source.js";

/** Options shared by all importers. */
export interface ImportOptions {
  /** File name used in problem reports (e.g. `Connections.csv`). */
  file?: string;
  /** Stop at the first problem by throwing it, instead of skipping the record and listing it. */
  strict?: boolean;
  /** Called after each chunk of input with bytes read and records handled. */
  onProgress?: (progress: ReadProgress) => void;
}

/** Defaults of {@link ImportOptions}: lenient, no file name. */
export const DEFAULT_IMPORT_OPTIONS: Readonly<{ strict: boolean }> = { strict: false };

/** Ego of an import: an id, or a whole person (with e-mail addresses for calendars). */
export type EgoOption = PersonId | Person;

/** The ego used when none is given. */
export const DEFAULT_EGO: Readonly<Person> = { id: "me", name: "Me" };

/** Resolves an {@link EgoOption} to a person record. */
export function egoPerson(ego: EgoOption | undefined): Person {
  if (ego === undefined) return { ...DEFAULT_EGO };
  if (typeof ego === "string") {
    if (ego === "") throw new TiegraphError("tiegraph/io", "invalid-option", "ego must not be empty", { expected: "a person id" });
    return { id: ego, name: ego === DEFAULT_EGO.id ? DEFAULT_EGO.name : ego };
  }
  if (typeof ego.id !== "string" || ego.id === "" || typeof ego.name !== "string") {
    throw new TiegraphError("tiegraph/io", "invalid-option", "ego must have an id and a name", { expected: "{ id, name, emails? }", got: showValue(ego) });
  }
  return { ...ego };
}

/** Where in a file a problem is: 1-based line, optional 1-based column (CSV: the spreadsheet column). */
export interface ProblemPlace {
  line: number;
  column?: number;
  record?: string;
}

/**
 * Collects the problems of one import. In strict mode `report` throws the
 * first one; otherwise it lists it and the importer skips the record.
 */
export class ProblemLog {
  readonly problems: TiegraphError[] = [];
  readonly strict: boolean;
  constructor(
    readonly scope: string,
    readonly file: string | undefined,
    strict: boolean | undefined,
  ) {
    this.strict = strict === true;
  }

  /** Builds the error for a problem at a place. */
  error(code: TiegraphErrorCode, problem: string, place: ProblemPlace, expected?: string, got?: unknown): TiegraphError {
    const details: Record<string, string | number> = { line: place.line };
    if (this.file !== undefined) details.file = this.file;
    if (place.column !== undefined) details.column = place.column;
    if (place.record !== undefined) details.record = place.record;
    if (expected !== undefined) details.expected = expected;
    if (got !== undefined) details.got = showValue(got);
    return new TiegraphError(this.scope, code, problem, details);
  }

  /** Throws (strict) or lists a problem. */
  report(code: TiegraphErrorCode, problem: string, place: ProblemPlace, expected?: string, got?: unknown): void {
    this.add(this.error(code, problem, place, expected, got));
  }

  /** Throws (strict) or lists an error built elsewhere. */
  add(error: TiegraphError): void {
    if (this.strict) throw error;
    this.problems.push(error);
  }

  /** The listed problems in file order. */
  sorted(): TiegraphError[] {
    return [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  /** A problem that stops the import whatever the mode (e.g. a missing header). */
  fatal(code: TiegraphErrorCode, problem: string, place: ProblemPlace, expected?: string, got?: unknown): never {
    throw this.error(code, problem, place, expected, got);
  }
}
