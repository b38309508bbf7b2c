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
  /**
   * Problems listed at most (default: all); the rest are counted in
   * `ImportedNetwork.problemCount`, their records skipped all the same. A
   * file of a million bad rows then holds a count, not a million errors.
   */
  maxProblems?: number;
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
  /** Problems listed at most: the first by line (reported first among equal lines); the rest are only counted. */
  readonly max: number;
  /** Every problem reported: `problems.length` plus those past `max`. */
  count = 0;
  /** Once `max` are listed: the largest line among them (a problem on a later line is only counted). */
  private worst = Infinity;
  constructor(
    readonly scope: string,
    readonly file: string | undefined,
    strict: boolean | undefined,
    maxProblems?: number,
  ) {
    this.strict = strict === true;
    this.max = Math.max(0, maxProblems ?? Infinity);
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
    // past the bound (lenient) the error is not even built
    if (!this.countOnly(place.line)) this.add(this.error(code, problem, place, expected, got));
  }

  /**
   * Lenient, `max` problems listed and `line` not before any of them: counts
   * one more problem and says so, so the caller need not build its error.
   */
  countOnly(line: number | undefined): boolean {
    if (this.strict || this.problems.length < this.max) return false;
    if (this.max > 0 && (line ?? 0) < this.worst) return false;
    this.count++;
    return true;
  }

  /**
   * Throws (strict) or lists an error built elsewhere. Past the bound it
   * takes the place of the listed problem on the latest line (the one
   * reported last among those), when its own line is earlier: the list is
   * then the first `max` of all the problems in file order, as
   * {@link sorted} would give them unbounded. Problems are often reported
   * out of line order (a row's own checks as it is read, the model's rules
   * after).
   */
  add(error: TiegraphError): void {
    if (this.strict) throw error;
    this.count++;
    const list = this.problems;
    if (list.length < this.max) {
      list.push(error);
      if (list.length === this.max) this.worst = this.latest().line;
      return;
    }
    if (this.max === 0 || (error.line ?? 0) >= this.worst) return;
    list.splice(this.latest().at, 1);
    list.push(error);
    this.worst = this.latest().line;
  }

  /** The listed problem on the latest line (the last reported among those), and its line. */
  private latest(): { at: number; line: number } {
    let at = -1;
    let line = -Infinity;
    this.problems.forEach((p, k) => {
      if ((p.line ?? 0) >= line) {
        line = p.line ?? 0;
        at = k;
      }
    });
    return { at, line };
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
