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

/** Details attached to a {@link TiegraphError}. */
export interface TiegraphErrorDetails extends ErrorLocation {
  /** What was expected at that place. */
  expected?: string;
  /** The offending value, rendered as text (truncated). */
  got?: string;
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
  }

  /** A copy of this error with a file position added (used by file loaders). */
  withLocation(location: ErrorLocation): TiegraphError {
    const scope = this.message.slice(0, this.message.indexOf(":"));
    return new TiegraphError(scope, this.code, this.problem, {
      record: location.record ?? this.record,
      pointer: location.pointer ?? this.pointer,
      file: location.file ?? this.file,
      line: location.line ?? this.line,
      column: location.column ?? this.column,
      expected: this.expected,
      got: this.got,
    } as TiegraphErrorDetails);
  }
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
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
