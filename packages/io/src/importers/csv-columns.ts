/**
 * Header-named CSV columns: finds each known column by name in any order
 * (case, spaces, `_` and `-` ignored), reports unknown and missing ones, and
 * reads cells as text, lists, numbers, booleans and dates with precise
 * problems. Shared by the generic CSV importers.
 */
import { formatDay, parseDay } from "@tiegraph/core";
import { unguardFormula } from "../exporters/csv-guard.js";
import type { ProblemLog } from "./options.js";

/** A column name reduced for comparison: `Connected On` → `connectedon`. */
export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Where each column is, by its documented name. */
export class CsvColumns<K extends string> {
  private constructor(
    private readonly index: ReadonlyMap<K, number>,
    /** Columns that are not documented ones: [header text, position]. */
    readonly extra: readonly (readonly [string, number])[],
    readonly width: number,
  ) {}

  /**
   * Reads a header row. Missing required columns stop the import (nothing
   * could be read); a repeated column is a problem.
   */
  static fromHeader<K extends string>(header: readonly string[], known: readonly K[], required: readonly K[], log: ProblemLog, line: number): CsvColumns<K> {
    const byKey = new Map<string, K>(known.map((k) => [columnKey(k), k]));
    const index = new Map<K, number>();
    const extra: [string, number][] = [];
    const seen = new Set<string>();
    header.forEach((raw, i) => {
      const text = raw.trim();
      const key = columnKey(text);
      if (text === "") return;
      if (seen.has(key)) {
        log.report("invalid-format", `column ${JSON.stringify(text)} appears twice; the later one is ignored`, { line, column: i + 1 }, "each column once");
        return;
      }
      seen.add(key);
      const k = byKey.get(key);
      if (k !== undefined) index.set(k, i);
      else extra.push([text, i]);
    });
    const missing = required.filter((k) => !index.has(k));
    if (missing.length) {
      log.fatal("missing-field", `the header lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, { line }, `a header line naming at least ${required.join(", ")}`, header.join(","));
    }
    return new CsvColumns(index, extra, header.length);
  }

  /** Whether the file has this column. */
  has(k: K): boolean {
    return this.index.has(k);
  }
  /** 1-based spreadsheet column of a documented column (for problem reports). */
  column(k: K): number | undefined {
    const i = this.index.get(k);
    return i === undefined ? undefined : i + 1;
  }
  /** The trimmed cell of a column, "" when the column or cell is absent. */
  text(row: readonly string[], k: K): string {
    const i = this.index.get(k);
    return i === undefined ? "" : cellText(row[i]);
  }
}

/**
 * A cell's text with the guard of formula-like text removed (see
 * {@link unguardFormula}). The CSV reader has already trimmed unquoted cells;
 * spaces inside quotes are kept, so exported text reads back the same.
 */
export function cellText(cell: string | undefined): string {
  return cell === undefined ? "" : unguardFormula(cell);
}

/**
 * Splits a list cell on `;` (the separator our exports write), trimming and dropping empties.
 *
 * @example listCell(" a; ;b ") // ["a", "b"]
 */
export function listCell(text: string): string[] {
  if (text === "") return [];
  // one item with nothing to trim (most cells): no intermediate lists
  if (!text.includes(";") && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) return [text];
  return text.split(";").map((s) => s.trim()).filter((s) => s !== "");
}

/** How a row's problems name it: a fixed text, or one made from the row's line only when a problem is reported. */
export type RowRecord = string | ((line: number) => string);

/** Reads cells for one row, turning bad cells into problems; `ok` is false once one was bad. */
export class RowReader<K extends string> {
  ok = true;
  constructor(
    private readonly columns: CsvColumns<K>,
    private readonly row: readonly string[],
    private readonly line: number,
    private readonly log: ProblemLog,
    private readonly record: RowRecord,
  ) {}

  /** Text of a column ("" when empty). */
  text(k: K): string {
    return this.columns.text(this.row, k);
  }

  /** Text of a column that must not be empty. */
  required(k: K, expected: string): string {
    const t = this.text(k);
    if (t === "") this.bad("missing-field", `empty ${k}`, k, expected);
    return t;
  }

  /** A number ≥ 0, or undefined when the cell is empty. */
  number(k: K, expected = "a number ≥ 0"): number | undefined {
    const t = this.text(k);
    if (t === "") return undefined;
    const v = Number(t);
    if (!Number.isFinite(v) || v < 0) {
      this.bad("invalid-value", `invalid ${k}`, k, expected, t);
      return undefined;
    }
    return v;
  }

  /** true/false/yes/no/1/0 (any case), or undefined when empty. */
  boolean(k: K): boolean | undefined {
    const t = this.text(k).toLowerCase();
    if (t === "") return undefined;
    if (["true", "yes", "y", "1"].includes(t)) return true;
    if (["false", "no", "n", "0"].includes(t)) return false;
    this.bad("invalid-value", `invalid ${k}`, k, "true or false (also yes/no, 1/0)", t);
    return undefined;
  }

  /** An ISO 8601 date (a time part is allowed and dropped) as YYYY-MM-DD, or undefined when empty. */
  date(k: K): string | undefined {
    const t = this.text(k);
    if (t === "") return undefined;
    const d = parseDay(t);
    if (d === undefined) {
      // "invalid from date", but "invalid date" for the column named date (not "invalid date date")
      this.bad("invalid-date", k === "date" ? "invalid date" : `invalid ${k} date`, k, "an ISO 8601 date YYYY-MM-DD", t);
      return undefined;
    }
    // text of exactly ten characters that reads as a date is already YYYY-MM-DD
    return t.length === 10 ? t : formatDay(d);
  }

  /** Records a problem about a column of this row. */
  bad(code: Parameters<ProblemLog["report"]>[0], problem: string, k: K | undefined, expected: string, got?: unknown): void {
    this.ok = false;
    const column = k === undefined ? undefined : this.columns.column(k);
    const record = typeof this.record === "string" ? this.record : this.record(this.line);
    this.log.report(code, problem, column === undefined ? { line: this.line, record } : { line: this.line, column, record }, expected, got);
  }

  /** Checks the row is not wider than the header (trailing empty cells are fine). */
  checkWidth(): void {
    for (let i = this.columns.width; i < this.row.length; i++) {
      if (this.row[i]!.trim() !== "") {
        this.bad("invalid-format", `row has ${this.row.length} cells but the header names ${this.columns.width}`, undefined, "no more cells than header columns (quote cells that contain commas)");
        return;
      }
    }
  }
}
