/**
 * Exchanges CSV: one exchange per row (a tip, a favour, an introduction, a
 * coffee…) between people known by id.
 */
import { EXCHANGE_KINDS, ExchangeRows, type Exchange, type ExchangeKind } from "@tiegraph/core";
import { readCsvRows } from "../input/csv-rows.js";
import type { TextSource } from "../input/text-source.js";
import { CsvColumns, RowReader, listCell } from "./csv-columns.js";
import { exchangesCsvLayout, isByteSource, readExchangesCsvBytes } from "./exchanges-csv-bytes.js";
import { checkImport, logProblem } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, type ImportOptions } from "./options.js";

/** Documented columns of an exchanges CSV. */
export const EXCHANGES_CSV_COLUMNS = ["date", "from", "to", "kind", "value", "minutes", "confidential", "note", "id", "format", "tags", "introduced"] as const;
type Column = (typeof EXCHANGES_CSV_COLUMNS)[number];

/** Kinds by name, so every exchange of a kind holds the same text. */
const KIND_NAMES: ReadonlyMap<string, ExchangeKind> = new Map(EXCHANGE_KINDS.map((k) => [k, k]));
const KIND_EXPECTED = `one of ${EXCHANGE_KINDS.join(", ")}`;
/** Distinct dates and tags shared, at most (beyond that, texts are kept as read). */
const MAX_SHARED_TEXTS = 100_000;

const exchangeAtLine = (line: number): string => `exchange at line ${line}`;

/** Options of {@link importExchangesCsv}. */
export interface ExchangesCsvOptions extends ImportOptions {
  /**
   * Read the rows into columns (`exchangeRows`, {@link ExchangeRows}) instead
   * of one record each (`exchanges`), each row checked by the model's rules as
   * it is read: for large files (less memory, checked once). Default false.
   */
  columnar?: boolean;
  /**
   * With `columnar`, read a source of bytes or a file (`Uint8Array`,
   * `ArrayBuffer`, `Blob`/`File`) straight from its bytes (see
   * exchanges-csv-bytes.ts): plainly written rows go into the columns with no
   * string per cell, everything else is read the general way. Default true;
   * false reads every row the general way (the same result, only slower:
   * tests compare the two).
   */
  direct?: boolean;
  /** Bytes the direct reading reads at a time from a file (default 1 MiB; memory stays near one block). */
  blockSize?: number;
  /** Rows the direct reading scans before reading them together (default 128; the same records whatever it is). */
  batchRows?: number;
  /**
   * With `columnar`, keep the rows' columns in shared memory (see core's
   * `ExchangeRows`): a worker thread that read them can send them to another
   * thread and go on reading them, with nothing copied. Default false.
   */
  sharedColumns?: boolean;
}

/** Defaults of {@link importExchangesCsv}. */
export const DEFAULT_EXCHANGES_CSV_OPTIONS: Readonly<ExchangesCsvOptions> = { ...DEFAULT_IMPORT_OPTIONS, columnar: false, direct: true };

/**
 * Reads an exchanges CSV. Columns, by header name in any order:
 * - `date` (required): ISO 8601 (`2024-03-12`; a time part is dropped);
 * - `from`, `to` (required): person ids (the giver and the receiver);
 * - `kind` (required): information, favour, introduction, gesture, meeting or connection;
 * - `value`: overrides the kind's default value (a number ≥ 0; empty = default);
 * - `minutes`: duration; `confidential`: true/false (yes/no, 1/0); `note`: private note;
 * - `id`, `format` (coffee, lunch, call…), `tags` (`;`-separated), `introduced` (introductions: who `to` was introduced to).
 *
 * People are checked when the import is merged ({@link mergeInto}): an
 * exchange naming an unknown person is skipped there and listed with its line.
 * With `columnar: true` the rows go into `exchangeRows` instead of `exchanges`
 * (the same checks, the same problems; the same network once merged); from
 * bytes or a file, plainly written rows are then read straight from the
 * bytes (option `direct`).
 *
 * @example
 * ```ts
 * const ex = await importExchangesCsv("date,from,to,kind,value\n2024-03-12,ann,me,favour,\n");
 * ex.exchanges[0]; // { date: "2024-03-12", from: "ann", to: "me", kind: "favour" }
 * ```
 */
export async function importExchangesCsv(source: TextSource, options: ExchangesCsvOptions = {}): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_EXCHANGES_CSV_OPTIONS, ...options };
  const log = new ProblemLog("tiegraph/io/exchanges-csv", opts.file, opts.strict, opts.maxProblems);
  const out = new ImportBuilder("exchanges-csv", opts.file, false);
  let columns: CsvColumns<Column> | undefined;
  // dates and tags repeat across a million rows: each distinct text is kept once
  const texts = new Map<string, string>();
  const shared = (text: string): string => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    if (texts.size < MAX_SHARED_TEXTS) texts.set(text, text);
    return text;
  };
  const rows = opts.columnar === true ? new ExchangeRows(opts.file, undefined, opts.sharedColumns === true) : undefined;
  const scratch: { [K in keyof Exchange]-?: Exchange[K] | undefined } = { id: undefined, date: undefined, kind: undefined, from: undefined, to: undefined, value: undefined, minutes: undefined, format: undefined, introduced: undefined, tags: undefined, note: undefined, confidential: undefined };
  const columnOf = (field: string): number | undefined => columns?.column(field as Column);
  const onRow = (row: string[], line: number): void => {
    if (!columns) {
      columns = CsvColumns.fromHeader(row, EXCHANGES_CSV_COLUMNS, ["date", "from", "to", "kind"], log, line);
      for (const [name, i] of columns.extra) log.report("invalid-field", `unknown column ${JSON.stringify(name)} ignored`, { line, column: i + 1 }, `one of ${EXCHANGES_CSV_COLUMNS.join(", ")}`);
      return;
    }
    const r = new RowReader(columns, row, line, log, exchangeAtLine);
    r.checkWidth();
    const date = r.date("date");
    if (date === undefined && r.ok) r.bad("missing-field", "empty date", "date", "an ISO 8601 date YYYY-MM-DD");
    const from = r.required("from", "the id of the giver");
    const to = r.required("to", "the id of the receiver");
    // Kinds, ids, formats, introductions and self-exchanges are the model's rules: checkImport applies them.
    const kindText = r.required("kind", KIND_EXPECTED).toLowerCase();
    const kind = (KIND_NAMES.get(kindText) ?? kindText) as ExchangeKind;
    const value = r.number("value");
    const minutes = r.number("minutes");
    const confidential = r.boolean("confidential");
    const id = r.text("id");
    const format = r.text("format");
    const introduced = r.text("introduced");
    if (!r.ok || date === undefined) return;
    if (rows !== undefined) {
      // one record for every row, every field present (absent ones undefined): the rules then read
      // fields of one shape, not of as many shapes as there are sets of fields
      const x = scratch;
      x.date = date;
      x.from = from;
      x.to = to;
      x.kind = kind;
      x.id = id !== "" ? id : undefined;
      x.value = value;
      x.minutes = minutes;
      x.format = format !== "" ? format : undefined;
      x.introduced = introduced !== "" ? introduced : undefined;
      const tags = listCell(r.text("tags"));
      x.tags = tags.length ? tags : undefined;
      const note = r.text("note");
      x.note = note !== "" ? note : undefined;
      x.confidential = confidential ? true : undefined;
      for (const p of rows.add(x as Exchange, line)) logProblem(p, { file: opts.file, line }, log, columnOf);
      return;
    }
    // records share their texts (dates and tags repeat across a million rows)
    const e: Exchange = { date: shared(date), from, to, kind };
    if (id !== "") e.id = id;
    if (value !== undefined) e.value = value;
    if (minutes !== undefined) e.minutes = minutes;
    if (format !== "") e.format = format;
    if (introduced !== "") e.introduced = introduced;
    const tags = listCell(r.text("tags"));
    for (let t = 0; t < tags.length; t++) tags[t] = shared(tags[t]!);
    if (tags.length) e.tags = tags;
    const note = r.text("note");
    if (note !== "") e.note = note;
    if (confidential) e.confidential = true;
    out.exchange(e, line);
  };
  if (rows !== undefined && opts.direct !== false && isByteSource(source)) {
    out.result.records = await readExchangesCsvBytes(source, {
      rows,
      onRow,
      layout: () => columns && exchangesCsvLayout(columns.width, (k) => columns!.column(k)),
      onProblems: (problems, line) => {
        for (const p of problems) logProblem(p, { file: opts.file, line }, log, columnOf);
      },
      log,
      onProgress: opts.onProgress,
      blockSize: opts.blockSize,
      batchRows: opts.batchRows,
    });
  } else out.result.records = await readCsvRows(source, log, onRow, opts.onProgress);
  if (!columns) log.fatal("missing-field", "the file has no header line", { line: 1 }, "a header line naming at least date, from, to, kind");
  if (rows !== undefined) out.result.exchangeRows = rows;
  else checkImport(out.result, log, columnOf);
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}

