/**
 * The one error type of tiegraph. Every failure that a caller can act on is a
 * `TiegraphError` with a machine-readable `code`, the record or position that
 * was wrong, and what was expected there.
 */

/** What went wrong, as a stable string callers can switch on. */
export type TiegraphErrorCode =
  | "duplicate-id"
  | "unknown-person"
  | "unknown-organisation"
  | "unknown-exchange"
  | "unknown-request"
  | "invalid-step"
  | "request-closed"
  | "self-exchange"
  | "invalid-value"
  | "invalid-date"
  | "invalid-range"
  | "invalid-kind"
  | "invalid-field"
  | "missing-field"
  | "invalid-format"
  | "unsupported-version"
  | "parse-error"
  | "invalid-option"
  | "decrypt-failed"
  | "limit-exceeded"
  | "io-error";

/** Where an error was found: a record, a JSON pointer, a file position. */
export interface ErrorLocation {
  /** Human description of the record, e.g. `exchange "x12"` or `person #3`. */
  record?: string;
  /** JSON pointer into a document, e.g. `/exchanges/12/date`. */
  pointer?: string;
  /** File name, when the input came from a file. */
  file?: string;
  /** 1-based line in the file. */
  line?: number;
  /** 1-based column in the file. */
  column?: number;
}

/**
 * One thing wrong with one record (see `checkBatch` in the model): its code,
 * what is wrong, the record, where it is, and what was expected.
 */
export interface Problem {
  /** Machine-readable code, the same as a thrown {@link TiegraphError}'s. */
  code: TiegraphErrorCode;
  /** What is wrong, without the location (e.g. `unknown person "zz"`). */
  message: string;
  /** The record, e.g. `person "p1"`, `exchange #12`, `affiliation #3`, `ego`. */
  record: string;
  /** JSON pointer of the field in the batch, e.g. `/exchanges/12/to`. */
  pointer?: string;
  /** File the record was read from, when known. */
  file?: string;
  /** 1-based line of the record in that file, when known. */
  line?: number;
  /** What was expected there. */
  expected?: string;
  /** The offending value, rendered as text. */
  got?: string;
}

/** Details attached to a {@link TiegraphError}. */
export interface TiegraphErrorDetails extends ErrorLocation {
  /** What was expected at that place. */
  expected?: string;
  /** The offending value, rendered as text (truncated). */
  got?: string;
  /** Every problem found, when a whole batch was checked (the error describes the first). */
  problems?: readonly Problem[];
}

/**
 * A typed tiegraph error. `message` is complete on its own
 * (`tiegraph/model: exchange "x12" /exchanges/12/date: invalid date "2023-02-30", expected a calendar date YYYY-MM-DD`);
 * the same facts are also available as fields.
 *
 * @example
 * ```ts
 * try { network.addExchange({ date: "2024-01-01", kind: "favour", from: "a", to: "zz" }); }
 * catch (e) { if (e instanceof TiegraphError && e.code === "unknown-person") console.log(e.record); }
 * ```
 */
export class TiegraphError extends Error {
  override readonly name = "TiegraphError";
  readonly code: TiegraphErrorCode;
  readonly record: string | undefined;
  readonly pointer: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly expected: string | undefined;
  readonly got: string | undefined;
  /**
   * Every problem found when a whole batch was checked (loading, applying,
   * editing); the error's own fields describe the first. A one-element list
   * otherwise.
   */
  readonly problems: readonly Problem[];
  /** The unprefixed problem statement, without location. */
  readonly problem: string;

  constructor(scope: string, code: TiegraphErrorCode, problem: string, details: TiegraphErrorDetails = {}) {
    super(formatMessage(scope, problem, details));
    this.code = code;
    this.problem = problem;
    this.record = details.record;
    this.pointer = details.pointer;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.expected = details.expected;
    this.got = details.got;
    this.problems = details.problems ?? [ownProblem(code, problem, details)];
  }

  /**
   * A copy of this error with a file position added (used by file loaders),
   * and optionally its list of problems located too.
   *
   * @example err.withLocation({ file: "net.json", line: 12, column: 7 })
   */
  withLocation(location: ErrorLocation, problems?: readonly Problem[]): TiegraphError {
    const scope = this.message.slice(0, this.message.indexOf(":"));
    return new TiegraphError(scope, this.code, this.problem, {
      record: location.record ?? this.record,
      pointer: location.pointer ?? this.pointer,
      file: location.file ?? this.file,
      line: location.line ?? this.line,
      column: location.column ?? this.column,
      expected: this.expected,
      got: this.got,
      problems: problems ?? (this.problems.length > 1 ? this.problems.map((p) => ({ ...p, ...(location.file !== undefined && p.file === undefined ? { file: location.file } : {}) })) : undefined),
    } as TiegraphErrorDetails);
  }
}

function ownProblem(code: TiegraphErrorCode, message: string, d: TiegraphErrorDetails): Problem {
  const p: Problem = { code, message, record: d.record ?? "" };
  if (d.pointer !== undefined) p.pointer = d.pointer;
  if (d.file !== undefined) p.file = d.file;
  if (d.line !== undefined) p.line = d.line;
  if (d.expected !== undefined) p.expected = d.expected;
  if (d.got !== undefined) p.got = d.got;
  return p;
}

function formatMessage(scope: string, problem: string, d: TiegraphErrorDetails): string {
  const where: string[] = [];
  if (d.file !== undefined) {
    let pos = d.file;
    if (d.line !== undefined) pos += `:${d.line}`;
    if (d.column !== undefined) pos += `:${d.column}`;
    where.push(pos);
  } else if (d.line !== undefined) {
    where.push(`line ${d.line}${d.column !== undefined ? `, column ${d.column}` : ""}`);
  }
  if (d.record !== undefined) where.push(d.record);
  if (d.pointer !== undefined) where.push(d.pointer);
  let msg = `${scope}: ${where.length ? `${where.join(" ")}: ` : ""}${problem}`;
  if (d.got !== undefined) msg += ` (got ${d.got})`;
  if (d.expected !== undefined) msg += `, expected ${d.expected}`;
  return msg;
}

/** Renders a value for an error message: JSON, cut to 60 characters. */
export function showValue(value: unknown): string {
  let s: string;
  try {
    s = value === undefined ? "undefined" : typeof value === "number" && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  } catch {
    // Too deep or cyclic for JSON.stringify; String() of a deep array recurses too.
    try {
      s = String(value);
    } catch {
      s = Array.isArray(value) ? "[…]" : typeof value === "object" && value !== null ? "{…}" : typeof value;
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
