/**
 * Exchanges CSV read straight from bytes into {@link ExchangeRows} (the
 * columnar import's direct reading): no text of the file, no string per
 * cell. A row is split on `,` and its line break in one pass over its bytes;
 * person ids, dates, kinds, formats, tags, values and confidential flags
 * repeat across a million rows, so each distinct one is decoded and judged
 * once and then found by its bytes (a {@link ByteTable}); the row's fields go
 * into one reused record that `ExchangeRows.add` checks with the model's
 * rules, as the general reading's rows are.
 *
 * Only rows written plainly are read here. Every other record goes to the
 * general reading, so what is read, and every problem with its line, column
 * and words, stays the general reading's:
 * - a line without `"` that is not plain (spaces or a formula guard `'` at a
 *   cell's edge, control characters, a lone `\r`, bytes that are not UTF-8,
 *   more or fewer cells than the header names, a value that does not
 *   read as written: an empty date, giver, receiver or kind, a date not
 *   written YYYY-MM-DD, a kind not in lower case, a number or flag that does
 *   not read, a tag list with empty items or spaces) is decoded and read as
 *   the general reading reads it (plain-records.ts), then handed to the
 *   importer's row handler: the header line always goes this way;
 * - a quoted cell that opens at a cell's start and closes right before a
 *   `,` or the line's end, with no `"`, line break or control character
 *   inside (a note with a comma, as spreadsheets write it), is read
 *   directly as its inside, as csv-parse reads it;
 * - a record with a `"` not read so, on one line and written the plainest
 *   quoted way (`""` inside, say), has its cells read at once from its text,
 *   as csv-parse reads them (see `simpleQuotedRecord`);
 * - any other record with a `"` (quoted cells may hold line breaks: records no
 *   longer follow lines) goes to the general reading of whole records
 *   (csv-rows.ts's `readCsvBlock`), with the records right after it that
 *   hold one too, cut where the general reading's scanner cuts records; the
 *   direct reading goes on at the first record without one. A quoted cell
 *   still open at the end of the file, or a record with quotes longer than
 *   a megabyte, hands the rest of the file to the general reading
 *   (`readCsvRows`), which says what is wrong with it;
 * - a byte order mark opening the file is dropped, as the general reading
 *   drops it (a file that opens with two, both dropped there, is read the
 *   general way whole).
 * A row the model's rules refuse lists the same problems either way (the
 * record holds the same texts; people are numbered as the rules ask for
 * them, see `ref`).
 */
import { EXCHANGE_KINDS, parseDay, type Exchange, type ExchangeKind, type ExchangeRows, type Problem } from "@tiegraph/core";
import { ByteTable, byteHash, FNV_BASIS, FNV_PRIME } from "@tiegraph/core/internal";
import { readCsvBlock, readCsvRows, type CsvRowHandler } from "../input/csv-rows.js";
import { readPlainRecords } from "../input/plain-records.js";
import type { ReadProgress, TextSource } from "../input/text-source.js";
import type { ProblemLog } from "./options.js";

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const APOSTROPHE = 0x27;
const SEMICOLON = 0x3b;
const DELETE = 0x7f;
const TAB = 0x09;
/** Where the run scanner is in a record: at a cell's start, in an unquoted cell, in a quoted one, just after a `"` in one. */
const CELL_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
/** A run of records with quotes is handed to the general reading in pieces of about this many bytes. */
const RUN_BYTES = 1 << 18;
/**
 * A record with quotes longer than this (bytes) sends the rest of the file to
 * the general reading, which says when a quoted cell runs past
 * MAX_QUOTED_CELL characters (far more: a record this short never does).
 */
const LONGEST_RUN_RECORD = 1 << 20;
/** {@link ExchangeCsvReader.quotedRun}: no record of the run ends in the bytes at hand. */
const NEED_MORE = -1;
/** {@link ExchangeCsvReader.quotedRun}: the rest of the file goes to the general reading. */
const HAND_OVER = -2;
/** Bytes read at a time from a file, by default (a line longer than a block is read in a larger one). */
export const DEFAULT_BYTE_BLOCK = 1 << 20;

/** Rows {@link ExchangeCsvReader.block} scans before reading them, by default (see {@link ExchangeCsvReader.flush}). */
export const DEFAULT_BATCH_ROWS = 128;
/** {@link ExchangeCsvReader.flush}: every row was read. */
const FLUSHED = Number.MIN_SAFE_INTEGER;

/** Fewest bytes a row that is kept takes ("2024-01-01,a,b,meeting" and its line break): room is made for no more rows than the file could hold. */
const MIN_ROW_BYTES = 16;

/** Sources the direct reading reads: bytes, or a file (a `Blob`, which can be read again from any offset). */
export type ByteSource = Uint8Array | ArrayBuffer | Blob;

/**
 * Whether a source is one {@link readExchangesCsvBytes} reads (bytes or a
 * `Blob`/`File`); streams and text are read the general way.
 *
 * @example isByteSource(new Uint8Array(0)) // true
 * @example isByteSource("date,from,to,kind\n") // false
 */
export function isByteSource(source: TextSource): source is ByteSource {
  return source instanceof Uint8Array || source instanceof ArrayBuffer || (typeof Blob !== "undefined" && source instanceof Blob);
}

/** The columns the direct reading reads (those of an exchanges CSV). */
const LAYOUT_COLUMNS = ["date", "from", "to", "kind", "value", "minutes", "confidential", "note", "id", "format", "tags", "introduced"] as const;

/** Position of each documented column in a row (-1: the file has no such column), and the header's width. */
export interface ExchangesCsvLayout {
  width: number;
  date: number;
  from: number;
  to: number;
  kind: number;
  value: number;
  minutes: number;
  confidential: number;
  note: number;
  id: number;
  format: number;
  tags: number;
  introduced: number;
}

/**
 * The layout of a header `width` cells wide whose columns are found by
 * `column` (1-based, as `CsvColumns.column` answers; undefined when absent).
 *
 * @example exchangesCsvLayout(4, (k) => ["date", "from", "to", "kind"].indexOf(k) + 1 || undefined) // { width: 4, date: 0, from: 1, to: 2, kind: 3, value: -1, … }
 */
export function exchangesCsvLayout(width: number, column: (name: (typeof LAYOUT_COLUMNS)[number]) => number | undefined): ExchangesCsvLayout {
  const layout = { width } as ExchangesCsvLayout;
  for (const k of LAYOUT_COLUMNS) layout[k] = (column(k) ?? 0) - 1;
  return layout;
}

/** What the direct reading reads into, and the importer's general handling it falls back on. */
export interface ExchangesCsvBytesReading {
  /** The rows read. */
  rows: ExchangeRows;
  /** The importer's handling of one record's cells (header included), as the general reading calls it. */
  onRow: CsvRowHandler;
  /** The columns once the header has been handled (undefined before). */
  layout: () => ExchangesCsvLayout | undefined;
  /** Lists the problems `rows.add` found in the row at `line`. */
  onProblems: (problems: Problem[], line: number) => void;
  /** The import's problem log (for the general reading of a rest). */
  log: ProblemLog;
  /** Called after each block with bytes read and records handled. */
  onProgress?: ((progress: ReadProgress) => void) | undefined;
  /** Bytes read at a time (default {@link DEFAULT_BYTE_BLOCK}): memory stays near one block. */
  blockSize?: number | undefined;
  /**
   * Rows scanned before they are read, together (default {@link DEFAULT_BATCH_ROWS}; see
   * `ExchangeCsvReader.flush`). The same records either way: tests set a few, so that batches fill.
   */
  batchRows?: number | undefined;
}

/**
 * Reads an exchanges CSV from bytes or a file (see the module comment): the
 * header and every row not plainly written go to `reading.onRow`, plain
 * rows straight into `reading.rows`. Resolves to the number of records
 * handled (header included), as `readCsvRows` counts them.
 *
 * @example
 * ```ts
 * const rows = new ExchangeRows("ex.csv");
 * const log = new ProblemLog("tiegraph/io/exchanges-csv", "ex.csv", false);
 * let columns: CsvColumns<"date" | "from" | "to" | "kind"> | undefined;
 * await readExchangesCsvBytes(new TextEncoder().encode("date,from,to,kind\n2024-03-12,ann,me,favour\n"), {
 *   rows,
 *   log,
 *   onRow: (cells, line) => void (columns ??= CsvColumns.fromHeader(cells, ["date", "from", "to", "kind"], ["date", "from", "to", "kind"], log, line)),
 *   layout: () => columns && exchangesCsvLayout(columns.width, (k) => columns!.column(k as "date")),
 *   onProblems: (problems, line) => console.log(line, problems),
 * }); // 2; rows.length === 1
 * ```
 */
export async function readExchangesCsvBytes(source: ByteSource, reading: ExchangesCsvBytesReading): Promise<number> {
  const size = source instanceof Blob ? source.size : source.byteLength;
  const bytesOf = source instanceof Uint8Array ? source : source instanceof ArrayBuffer ? new Uint8Array(source) : undefined;
  const read = async (from: number, to: number): Promise<Uint8Array> => bytesOf?.subarray(from, to) ?? new Uint8Array(await (source as Blob).slice(from, to).arrayBuffer());
  const rest = (from: number): TextSource => bytesOf?.subarray(from) ?? (source as Blob).slice(from);
  const reader = new ExchangeCsvReader(reading);
  let at = 0;
  const block = Math.max(1, reading.blockSize ?? DEFAULT_BYTE_BLOCK);
  let want = block;
  while (at < size) {
    const end = Math.min(size, at + want);
    let bytes = await read(at, end);
    // a byte order mark (Excel's "CSV UTF-8" writes one) is dropped, as the general reading drops it, and the
    // rest read directly; a second one right after it (the general reading drops that too) sends the file there whole
    if (at === 0 && isByteOrderMark(bytes, 0)) {
      if (end < size && bytes.length < 6) {
        want *= 2;
        continue;
      }
      if (isByteOrderMark(bytes, 3)) return reader.general(rest(0), 0, size);
      bytes = bytes.subarray(3);
      at = 3;
    }
    const done = reader.block(bytes, end === size);
    if (done < 0) return reader.general(rest(at + ~done), at + ~done, size);
    // (never: the last block is always read to its end) the general reading takes what could not be read
    if (done === 0 && end === size) return reader.general(rest(at), at, size);
    // room for the rows the whole file holds, at the first block's bytes per record (and a little more):
    // the columns are not copied again and again as they grow
    if (at <= 3 && done > 0 && end < size) reading.rows.reserve(Math.min(size / MIN_ROW_BYTES, ((reader.records * size) / done) * 1.05));
    // no whole line in the block: read a larger one (always ends: at the file's end, the last line is whole)
    want = done === 0 ? want * 2 : block;
    at += done;
    reading.onProgress?.({ read: at, total: size, records: reader.records });
  }
  if (size === 0) reading.onProgress?.({ read: 0, total: 0, records: 0 });
  return reader.records;
}

/** 1 for the bytes {@link ExchangeCsvReader.block} only hashes: printable ASCII but `,` and `"` (the rest are tested one by one). */
const ORDINARY = new Uint8Array(256);
for (let c = SPACE; c < DELETE; c++) if (c !== COMMA && c !== QUOTE) ORDINARY[c] = 1;

/** What is known of a distinct text as a cell of each kind: 0 not judged yet, 1 reads as written, 2 does not. */
const UNKNOWN = 0;
const GOOD = 1;
const BAD = 2;
/** A flag's text that reads as false (kept apart from UNKNOWN, which means not judged yet). */
const FALSE_FLAG = 3;

/** The state of one direct reading: where it is (line, records), the texts seen and the row being read. */
class ExchangeCsvReader {
  line = 1;
  records = 0;
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /**
   * Every distinct text of the cells read through a table but for person
   * ids (dates, kinds, formats, tags, numbers, flags: a few thousand, whose
   * table stays in the cache), by number, and what is known of it per column.
   */
  private readonly texts: string[] = [];
  private asDate = new Uint8Array(1 << 10);
  /** The day number of a text that reads as a date. */
  private dayOf = new Int32Array(1 << 10);
  private asKind = new Uint8Array(1 << 10);
  /** The kind a text names, as its index in EXCHANGE_KINDS. */
  private kindCode = new Uint8Array(1 << 10);
  private asNumber = new Uint8Array(1 << 10);
  private numberOf = new Float64Array(1 << 10);
  private asFlag = new Uint8Array(1 << 10);
  private asTag = new Uint8Array(1 << 10);
  /** Texts as one-tag lists (the rules copy a list before keeping it, so one is shared). */
  private readonly alone = new Map<number, string[]>();
  private readonly words = new ByteTable((bytes, from, to) => {
    const t = this.texts.push(this.decoder.decode(bytes.subarray(from, to))) - 1;
    if (t === this.asDate.length) this.grow(2 * t);
    return t;
  });
  /** Every distinct person id, by number, and its position in the rows' people plus one (0: not asked for yet). */
  private readonly ids: string[] = [];
  private person = new Int32Array(1 << 10);
  private readonly people = new ByteTable((bytes, from, to) => {
    const t = this.ids.push(this.decoder.decode(bytes.subarray(from, to))) - 1;
    if (t === this.person.length) {
      const more = new Int32Array(2 * t);
      more.set(this.person);
      this.person = more;
    }
    return t;
  });
  private layout: ExchangesCsvLayout | undefined;
  /** Each cell of the row being read: start, end (exclusive) and hash of its bytes. */
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private hashes = new Int32Array(16);
  /**
   * The rows scanned and not read yet (see {@link flush}): up to `batch` of them, one after another, each
   * with its cells' starts, ends and hashes from `stride` times its place, where its line starts and where the
   * next begins, and whether a cell was quoted.
   */
  private readonly batch: number;
  private batched = 0;
  private stride = 16;
  private batchStarts: Int32Array;
  private batchEnds: Int32Array;
  private batchHashes: Int32Array;
  private readonly lineStarts: Int32Array;
  private readonly lineNexts: Int32Array;
  private readonly lineQuoted: Uint8Array;
  /** Set by {@link flush} when the block must return what it returned. */
  private stopped = false;
  /** What the slots read ahead held (kept so that the reads are not left out). */
  private sink = 0;
  /** One record for every row, every field present (absent ones undefined), so that it keeps one shape. */
  private readonly x: { [K in keyof Exchange]-?: Exchange[K] | undefined } = { id: undefined, date: undefined, kind: undefined, from: undefined, to: undefined, value: undefined, minutes: undefined, format: undefined, introduced: undefined, tags: undefined, note: undefined, confidential: undefined };
  private readonly tagList: string[] = [];
  /** Id numbers of the row's giver, receiver and introduced person, and how many of them the rules asked for. */
  private fromId = -1;
  private toId = -1;
  private introducedId = -1;
  private asked = 0;
  /**
   * The rules ask for the position of the giver, the receiver and then the
   * introduced person (by the record's texts); each distinct id is numbered
   * the first time they ask, exactly as the general reading numbers it, so
   * the rows' people come in the same order, refused rows included. The one
   * expected next is compared first: the very same string, found at once.
   */
  private readonly ref = (id: unknown): number => {
    const x = this.x;
    const k = this.asked++;
    let t: number;
    if (k === 0 && id === x.from) t = this.fromId;
    else if (k === 1 && id === x.to) t = this.toId;
    else t = id === x.from ? this.fromId : id === x.to ? this.toId : id === x.introduced ? this.introducedId : -1;
    return t < 0 ? this.reading.rows.personNumber(id as string) : this.personOf(t);
  };

  /** The position in the rows' people of person id number `t` (numbered the first time it is asked for). */
  private personOf(t: number): number {
    const p = this.person[t]!;
    if (p > 0) return p - 1;
    const number = this.reading.rows.personNumber(this.ids[t]!);
    this.person[t] = number + 1;
    return number;
  }

  constructor(private readonly reading: ExchangesCsvBytesReading) {
    const batch = (this.batch = Math.max(1, Math.floor(reading.batchRows ?? DEFAULT_BATCH_ROWS)));
    this.batchStarts = new Int32Array(batch * this.stride);
    this.batchEnds = new Int32Array(batch * this.stride);
    this.batchHashes = new Int32Array(batch * this.stride);
    this.lineStarts = new Int32Array(batch);
    this.lineNexts = new Int32Array(batch);
    this.lineQuoted = new Uint8Array(batch);
  }

  /** Room for what is known of `size` texts. */
  private grow(size: number): void {
    const more = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.asDate = more(this.asDate);
    this.dayOf = more(this.dayOf);
    this.asKind = more(this.asKind);
    this.kindCode = more(this.kindCode);
    this.asNumber = more(this.asNumber);
    this.numberOf = more(this.numberOf);
    this.asFlag = more(this.asFlag);
    this.asTag = more(this.asTag);
  }

  /** The general reading of the rest of the source (which starts at `offset`, on this reader's line). */
  async general(rest: TextSource, offset: number, size: number): Promise<number> {
    const before = this.records;
    const { onRow, onProgress, log } = this.reading;
    const count = (cells: string[], line: number): void => {
      this.records++;
      onRow(cells, line);
    };
    const progress = onProgress && ((p: ReadProgress) => onProgress({ read: offset + p.read, total: size, records: before + p.records }));
    await readCsvRows(rest, log, count, progress, { startLine: this.line });
    return this.records;
  }

  /**
   * Reads the whole lines of `bytes` (all of them when `last`). Returns how
   * many bytes it read, or `~offset` of a line with a `"`, from which the
   * general reading must go on.
   */
  block(bytes: Uint8Array, last: boolean): number {
    const n = bytes.length;
    let i = 0;
    this.batched = 0;
    this.stopped = false;
    lines: for (;;) {
      if (i === n) {
        const f = this.flush(bytes, last);
        if (f === FLUSHED) return n;
        if (this.stopped) return f;
        i = f;
        continue;
      }
      const start = i;
      const layout = this.layout;
      const room = this.stride;
      // the row's cells go after those of the rows scanned before it and not read yet
      const base = this.batched * room;
      const starts = this.batchStarts;
      const ends = this.batchEnds;
      const hashes = this.batchHashes;
      let cells = 0;
      let h = FNV_BASIS;
      let plain = true;
      let high = false;
      let lineEnd: number;
      let next: number;
      // where the cell being read ends when it was quoted (before its closing quote), else -1; whether one was
      let closed = -1;
      let quoted = false;
      starts[base] = i;
      for (;;) {
        if (i === n) {
          if (!last) {
            const f = this.flush(bytes, last);
            if (f === FLUSHED) return start;
            if (this.stopped) return f;
            i = f;
            continue lines;
          }
          lineEnd = next = n;
          break;
        }
        const c = bytes[i]!;
        // most bytes are printable ASCII other than `,` and `"`: hashed, with no other test
        if (ORDINARY[c] === 1) {
          h = Math.imul(h ^ c, FNV_PRIME);
          i++;
          continue;
        }
        if (c === COMMA) {
          if (cells + 1 < room) {
            ends[base + cells] = closed < 0 ? i : closed;
            hashes[base + cells] = h | 0;
            starts[base + cells + 1] = i + 1;
          }
          closed = -1;
          cells++;
          h = FNV_BASIS;
          i++;
          continue;
        }
        if (c === QUOTE && cells + 1 < room && i === starts[base + cells]) {
          // a quoted cell closed right before a comma or the line's end, with no quote, line break or
          // control character inside (a note with a comma, as spreadsheets write it): read as its inside
          let q = i + 1;
          let inside = true;
          for (; q < n; q++) {
            const d = bytes[q]!;
            if (d === QUOTE) break;
            if (d < SPACE || d === DELETE) {
              inside = false;
              break;
            }
            if (d >= 0x80) high = true;
            h = Math.imul(h ^ d, FNV_PRIME);
          }
          const after = q + 1 < n ? bytes[q + 1]! : -1;
          if (inside && q < n && (after === COMMA || after === LF || after === CR || (after === -1 && last))) {
            starts[base + cells] = i + 1;
            closed = q;
            quoted = true;
            i = q + 1;
            continue;
          }
          if (q >= n && !last) {
            const f = this.flush(bytes, last);
            if (f === FLUSHED) return start;
            if (this.stopped) return f;
            i = f;
            continue lines;
          }
        }
        if (c === LF) {
          lineEnd = i;
          next = i + 1;
          break;
        }
        if (c === CR) {
          if (i + 1 === n && !last) {
            const f = this.flush(bytes, last);
            if (f === FLUSHED) return start;
            if (this.stopped) return f;
            i = f;
            continue lines;
          }
          if (bytes[i + 1] === LF) {
            lineEnd = i;
            next = i + 2;
            break;
          }
          plain = false; // a lone \r ends a record too
        } else if (c === QUOTE) {
          // the records from here that hold quotes go to the general reading, then on directly after them
          // (once the rows before them are read)
          const f = this.flush(bytes, last);
          if (f !== FLUSHED) {
            if (this.stopped) return f;
            i = f;
            continue lines;
          }
          const end = this.quotedRecords(bytes, start, last);
          if (end < 0) return end === NEED_MORE ? start : ~start;
          i = end;
          continue lines;
        } else if (c < SPACE || c === DELETE) plain = false;
        else if (c >= 0x80) high = true;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      i = next;
      if (cells + 1 < room) {
        ends[base + cells] = closed < 0 ? lineEnd : closed;
        hashes[base + cells] = h | 0;
      }
      cells++;
      if (lineEnd !== start && plain && layout !== undefined && cells === layout.width && (!high || validUtf8(bytes, start, lineEnd))) {
        // a row to read directly: read with the rows after it, once their people's slots are fetched together
        const r = this.batched++;
        this.lineStarts[r] = start;
        this.lineNexts[r] = next;
        this.lineQuoted[r] = quoted ? 1 : 0;
        if (r + 1 < this.batch) continue;
        const f = this.flush(bytes, last);
        if (f === FLUSHED) continue;
        if (this.stopped) return f;
        i = f;
        continue;
      }
      // any other line once the rows before it are read
      const f = this.flush(bytes, last);
      if (f !== FLUSHED) {
        if (this.stopped) return f;
        i = f;
        continue;
      }
      if (lineEnd === start) {
        this.line++; // a blank line
        continue;
      }
      if (!quoted) {
        this.plainRecords(bytes, start, next);
        continue;
      }
      // a line with a quoted cell that is not read directly: as any record with a quote
      const end = this.quotedRecords(bytes, start, last);
      if (end < 0) return end === NEED_MORE ? start : ~start;
      i = end;
    }
  }

  /**
   * Reads the rows {@link block} scanned and kept back, in order: first the
   * slots of their givers' and receivers' ids are read from the people's table
   * all together ({@link ByteTable.peek}), then each row is read as ever. A
   * table of 100,000 ids is larger than the cache: looked up row by row, every
   * id waited for its own miss (in process, 2 million lookups of the
   * 100,000-person CSV's ids took about twice as long that way; the whole
   * read of the 300,000-person CSV took 3.01 s against 3.51 s, medians of 8
   * alternating runs, and of the 100,000-person notes CSV 1.32 s against
   * 1.51 s, medians of 10). Returns
   * {@link FLUSHED} when every row was read; where scanning goes on when a row
   * not read directly took the general reading past the rows after it; or,
   * with {@link stopped} set, what {@link block} returns.
   */
  private flush(bytes: Uint8Array, last: boolean): number {
    const m = this.batched;
    if (m === 0) return FLUSHED;
    this.batched = 0;
    const layout = this.layout!;
    const { stride, batchStarts, batchEnds, batchHashes, people, starts, ends, hashes } = this;
    const width = layout.width;
    const from = layout.from;
    const to = layout.to;
    // and, through the number a slot holds (most often the id's own), where the id's position among the rows' people is kept
    const person = this.person;
    let sink = 0;
    for (let r = 0, base = 0; r < m; r++, base += stride) {
      const a = people.peek(batchHashes[base + from]!);
      const b = people.peek(batchHashes[base + to]!);
      sink ^= person[a > 0 ? a - 1 : 0]! ^ person[b > 0 ? b - 1 : 0]!;
    }
    this.sink ^= sink;
    for (let r = 0, base = 0; r < m; r++, base += stride) {
      for (let k = 0; k < width; k++) {
        starts[k] = batchStarts[base + k]!;
        ends[k] = batchEnds[base + k]!;
        hashes[k] = batchHashes[base + k]!;
      }
      if (this.row(bytes, layout, width)) {
        this.line++;
        continue;
      }
      const start = this.lineStarts[r]!;
      if (this.lineQuoted[r] === 0) {
        this.plainRecords(bytes, start, this.lineNexts[r]!);
        continue;
      }
      // a line with a quoted cell that is not read directly: as any record with a quote (which may take the rows after it)
      const end = this.quotedRecords(bytes, start, last);
      if (end < 0) {
        this.stopped = true;
        return end === NEED_MORE ? start : ~start;
      }
      return end;
    }
    return FLUSHED;
  }

  /** Hands the records of a line without `"` to the importer's general handling, read as the general reading reads them. */
  private plainRecords(bytes: Uint8Array, from: number, to: number): void {
    const { onRow } = this.reading;
    // without a `"`, and decoded (no lone surrogates), every record of the text is read
    const done = readPlainRecords(this.decoder.decode(bytes.subarray(from, to)), this.line, (cells, line) => {
      this.records++;
      onRow(cells, line);
    });
    this.line = done.line;
    this.takeLayout();
  }

  /**
   * Reads the record with a `"` at `start` with its cells at once when it is
   * written plainly (see {@link simpleRecord}), else with the records after
   * it that hold one too the general way (see {@link quotedRun}). Returns
   * where the direct reading goes on, or {@link NEED_MORE} or
   * {@link HAND_OVER}.
   */
  private quotedRecords(bytes: Uint8Array, start: number, last: boolean): number {
    const one = this.quotedRun(bytes, start, last, true);
    if (one < 0) return one;
    if (this.simpleRecord(bytes, start, one, this.runLines)) return one;
    const end = this.quotedRun(bytes, start, last, false);
    if (end < 0) return end;
    this.generalRecords(bytes, start, end, this.runLines);
    return end;
  }

  /**
   * Where the run of records from `start` (a line with a `"`) that hold a
   * `"` ends: after the last of them, before the first record without one
   * (read directly), or after about {@link RUN_BYTES}; with `firstOnly`,
   * after the first record. Records end where the
   * general reading's scanner ends them (csv-rows.ts: a line break outside a
   * quoted cell, which opens with a `"` at a cell's start, after spaces or
   * tabs, and closes at a `"` not doubled), and {@link runLines} is set to
   * the lines they take as it counts them (a `\n` anywhere; a lone `\r`
   * outside a quoted cell). {@link NEED_MORE} when no record of the run ends
   * in these bytes yet; {@link HAND_OVER} for a quoted cell still open at
   * the end of the file, or a record longer than {@link LONGEST_RUN_RECORD}:
   * the rest of the file then goes to the general reading, which says what
   * is wrong. The scanner's transitions are csv-rows.ts's (`scan`,
   * `recordSpans`), on bytes rather than text; the property test in
   * test/exchanges-csv-bytes.test.ts holds the two readings to the same records.
   */
  private quotedRun(bytes: Uint8Array, start: number, last: boolean, firstOnly: boolean): number {
    const n = bytes.length;
    let state = CELL_START;
    let lines = 0;
    let quoted = false;
    let recordStart = start;
    let runEnd = start;
    let runLines = 0;
    let sawQuoted = false;
    let i = start;
    for (; i < n; i++) {
      let c = bytes[i]!;
      if (c === CR && state !== QUOTED) {
        // \r\n ends the record at the \n; a lone \r ends it too (and may be a \r\n cut by the block's end)
        if (i + 1 === n && !last) break;
        if (bytes[i + 1] === LF) continue;
        c = LF;
      }
      if (c === LF) lines++;
      if (c === QUOTE) quoted = true;
      if (i - recordStart > LONGEST_RUN_RECORD) return runEnd > start ? this.runUpTo(runEnd, runLines) : HAND_OVER;
      if (state === QUOTED) {
        if (c === QUOTE) state = QUOTE_IN_QUOTED;
        continue;
      }
      if (c === COMMA) state = CELL_START;
      else if (c === LF) {
        // the run ends before a record without a quote, once it holds one with (a lone \r can end a
        // record without one on the line that has the quote: that record goes in the run too)
        if (!quoted && sawQuoted) break;
        if (quoted) sawQuoted = true;
        runEnd = i + 1;
        runLines = lines;
        recordStart = i + 1;
        quoted = false;
        state = CELL_START;
        if (firstOnly || runEnd - start >= RUN_BYTES) break;
      } else if (c === QUOTE && state === CELL_START) state = QUOTED;
      else if (c === QUOTE && state === QUOTE_IN_QUOTED) state = QUOTED;
      else if (!(state === CELL_START && (c === SPACE || c === TAB))) state = UNQUOTED;
    }
    if (i === n && last && recordStart < n) {
      // the file's last record, without a line break: in the run when it holds a quote (closed)
      if (state === QUOTED) return HAND_OVER;
      if (quoted) {
        runEnd = n;
        runLines = lines;
      }
    }
    if (runEnd > start) return this.runUpTo(runEnd, runLines);
    // a record this long is left to the general reading, which bounds a quoted cell its own way
    return n - start > LONGEST_RUN_RECORD ? HAND_OVER : NEED_MORE;
  }

  /** Lines the last run found by {@link quotedRun} takes. */
  private runLines = 0;

  /** A run that ends at `end` and takes `lines` lines (see {@link quotedRun}). */
  private runUpTo(end: number, lines: number): number {
    this.runLines = lines;
    return end;
  }

  /** Hands whole records from `from` to `to`, which take `lines` lines, to the general reading, and goes on after them. */
  private generalRecords(bytes: Uint8Array, from: number, to: number, lines: number): void {
    const { onRow, log } = this.reading;
    readCsvBlock(this.decoder.decode(bytes.subarray(from, to)), this.line, log, (cells, line) => {
      this.records++;
      onRow(cells, line);
    });
    this.line += lines;
    this.takeLayout();
  }

  /**
   * Hands the record from `from` to `to` (which takes `lines` lines) to the
   * importer's general handling with its cells read at once, when it is one
   * record on one line written the plainest way quoted cells are (see
   * {@link simpleQuotedRecord}): csv-parse costs some twenty microseconds a
   * call, more than the row. False (nothing done) otherwise, and for the header.
   */
  private simpleRecord(bytes: Uint8Array, from: number, to: number, lines: number): boolean {
    if (this.layout === undefined || lines > 1) return false;
    const cells = simpleQuotedRecord(this.decoder.decode(bytes.subarray(from, to)));
    if (cells === undefined) return false;
    // a record of one empty cell ("") is a blank row, skipped as the general reading skips it
    if (!(cells.length === 1 && cells[0]!.trim() === "")) {
      this.records++;
      this.reading.onRow(cells, this.line);
    }
    this.line += lines;
    return true;
  }

  /** Once the header has been handled: the columns, and room for their cells. */
  private takeLayout(): void {
    const { layout } = this.reading;
    if (this.layout === undefined) {
      this.layout = layout();
      // room for one cell past the header's, to tell a wider row
      if (this.layout !== undefined && this.layout.width + 2 > this.starts.length) {
        this.starts = new Int32Array(this.layout.width + 2);
        this.ends = new Int32Array(this.layout.width + 2);
        this.hashes = new Int32Array(this.layout.width + 2);
        this.stride = this.layout.width + 2;
        this.batchStarts = new Int32Array(this.batch * this.stride);
        this.batchEnds = new Int32Array(this.batch * this.stride);
        this.batchHashes = new Int32Array(this.batch * this.stride);
      }
    }
  }

  /** Reads the row whose cells were just split into the rows; false (nothing done) when it is not plainly written. */
  private row(bytes: Uint8Array, layout: ExchangesCsvLayout, cells: number): boolean {
    const { starts, ends } = this;
    for (let k = 0; k < cells; k++) {
      const a = starts[k]!;
      const b = ends[k]!;
      if (a === b) continue;
      // the general reading trims unquoted cells and takes a formula guard off
      const first = bytes[a]!;
      const end = bytes[b - 1]!;
      if (first === SPACE || first === APOSTROPHE || end === SPACE || (end >= 0x80 && endsInWhiteSpace(bytes, a, b))) return false;
    }
    const x = this.x;
    const date = this.text(bytes, layout.date);
    if (date < 0 || !this.isDate(date)) return false;
    const from = this.text(bytes, layout.from, this.people);
    const to = this.text(bytes, layout.to, this.people);
    const kind = this.text(bytes, layout.kind);
    if (from < 0 || to < 0 || kind < 0 || !this.isKind(kind)) return false;
    const value = this.number(bytes, layout.value);
    const minutes = this.number(bytes, layout.minutes);
    if (Number.isNaN(value) || Number.isNaN(minutes)) return false;
    const confidential = this.flag(bytes, layout.confidential);
    if (confidential === BAD) return false;
    const tags = this.tags(bytes, layout.tags);
    if (tags === null) return false;
    const format = this.text(bytes, layout.format);
    const introduced = this.text(bytes, layout.introduced, this.people);
    const { texts, ids } = this;
    const note = this.decoded(bytes, layout.note);
    // a row without an id or an introduced person, between two people, is kept as read (see ExchangeRows.addRead):
    // giver and receiver numbered in the order the rules number them; a format no row has yet goes to the rules
    if (introduced < 0 && from !== to && (layout.id < 0 || this.starts[layout.id] === this.ends[layout.id])) {
      const f = this.personOf(from);
      if (this.reading.rows.addRead(f, this.personOf(to), this.dayOf[date]!, this.kindCode[kind]!, value, minutes, confidential === GOOD, format < 0 ? "" : texts[format]!, tags, note, this.line)) {
        this.records++;
        return true;
      }
    }
    x.date = texts[date];
    x.from = ids[from];
    x.to = ids[to];
    x.kind = EXCHANGE_KINDS[this.kindCode[kind]!];
    x.id = this.decoded(bytes, layout.id);
    x.value = value === -1 ? undefined : value;
    x.minutes = minutes === -1 ? undefined : minutes;
    x.format = format < 0 ? undefined : texts[format];
    x.introduced = introduced < 0 ? undefined : ids[introduced];
    x.tags = tags;
    x.note = note;
    x.confidential = confidential === GOOD ? true : undefined;
    this.fromId = from;
    this.toId = to;
    this.introducedId = introduced;
    this.asked = 0;
    const problems = this.reading.rows.add(x as Exchange, this.line, this.ref);
    if (problems.length > 0) this.reading.onProblems(problems, this.line);
    this.records++;
    return true;
  }

  /** The number of cell `k`'s text in `table` (-1 when the column is absent or the cell empty). */
  private text(bytes: Uint8Array, k: number, table = this.words): number {
    if (k < 0) return -1;
    const a = this.starts[k]!;
    const b = this.ends[k]!;
    return a === b ? -1 : table.get(bytes, a, b, this.hashes[k]!);
  }

  /** Cell `k` decoded (undefined when absent or empty): ids and notes, seldom repeated. */
  private decoded(bytes: Uint8Array, k: number): string | undefined {
    if (k < 0) return undefined;
    const a = this.starts[k]!;
    const b = this.ends[k]!;
    return a === b ? undefined : this.decoder.decode(bytes.subarray(a, b));
  }

  /** Whether text `t` is a date as the general reading keeps it: YYYY-MM-DD, a real day. */
  private isDate(t: number): boolean {
    if (this.asDate[t] === UNKNOWN) {
      const text = this.texts[t]!;
      const day = text.length === 10 ? parseDay(text) : undefined;
      this.asDate[t] = day !== undefined ? GOOD : BAD;
      if (day !== undefined) this.dayOf[t] = day;
    }
    return this.asDate[t] === GOOD;
  }

  /** Whether text `t` is a kind's name as written (in lower case). */
  private isKind(t: number): boolean {
    if (this.asKind[t] === UNKNOWN) {
      const code = EXCHANGE_KINDS.indexOf(this.texts[t] as ExchangeKind);
      this.kindCode[t] = Math.max(0, code);
      this.asKind[t] = code < 0 ? BAD : GOOD;
    }
    return this.asKind[t] === GOOD;
  }

  /** The number in cell `k` (a number ≥ 0 as the general reading reads it), -1 when absent or empty, NaN when it does not read. */
  private number(bytes: Uint8Array, k: number): number {
    const t = this.text(bytes, k);
    if (t < 0) return -1;
    if (this.asNumber[t] === UNKNOWN) {
      const v = Number(this.texts[t]);
      this.numberOf[t] = v;
      this.asNumber[t] = Number.isFinite(v) && v >= 0 ? GOOD : BAD;
    }
    return this.asNumber[t] === GOOD ? this.numberOf[t]! : NaN;
  }

  /** Cell `k` as a flag: GOOD (true), UNKNOWN (false, absent or empty) or BAD (does not read). */
  private flag(bytes: Uint8Array, k: number): number {
    const t = this.text(bytes, k);
    if (t < 0) return UNKNOWN;
    if (this.asFlag[t] === UNKNOWN) {
      const text = this.texts[t]!.toLowerCase();
      this.asFlag[t] = TRUE_TEXTS.includes(text) ? GOOD : FALSE_TEXTS.includes(text) ? FALSE_FLAG : BAD;
    }
    const f = this.asFlag[t]!;
    return f === FALSE_FLAG ? UNKNOWN : f;
  }

  /** The tags of cell `k` (undefined when absent or empty), null when the list is not plainly written (empty items, spaces around one). */
  private tags(bytes: Uint8Array, k: number): string[] | undefined | null {
    if (k < 0) return undefined;
    const a = this.starts[k]!;
    const b = this.ends[k]!;
    if (a === b) return undefined;
    let semi = a;
    while (semi < b && bytes[semi] !== SEMICOLON) semi++;
    if (semi === b) {
      const t = this.words.get(bytes, a, b, this.hashes[k]!);
      let list = this.alone.get(t);
      if (list === undefined) this.alone.set(t, (list = [this.texts[t]!]));
      return list;
    }
    const list = this.tagList;
    list.length = 0;
    for (let p = a; ; ) {
      let q = p;
      while (q < b && bytes[q] !== SEMICOLON) q++;
      if (q === p) return null;
      const t = this.words.get(bytes, p, q, byteHash(bytes, p, q));
      if (this.asTag[t] === UNKNOWN) this.asTag[t] = this.texts[t]!.trim() === this.texts[t] ? GOOD : BAD;
      if (this.asTag[t] !== GOOD) return null;
      list.push(this.texts[t]!);
      if (q === b) return list;
      p = q + 1;
    }
  }
}

/**
 * The cells of `text`, one record and its line break (or none, at the end of
 * a file), when it is written the plainest way a quoted cell is: each cell
 * either unquoted, without `"` and without white space at its edges, or
 * quoted from its first character to a `"` right before a `,` or the line
 * break, with `""` for each `"` inside and no line break. Those are the cells
 * csv-parse reads there (trimming unquoted cells changes nothing; quoted
 * ones keep what is inside). Undefined for anything else (spaces around a
 * quoted cell, text after a closing quote, a quote inside an unquoted cell,
 * a line break in a quoted cell, an unclosed quote), which csv-parse reads.
 */
function simpleQuotedRecord(text: string): string[] | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === LF) end--;
  if (end > 0 && text.charCodeAt(end - 1) === CR) end--;
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (i < end && text.charCodeAt(i) === QUOTE) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || q >= end) return undefined;
        if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      if (value.includes("\n") || value.includes("\r")) return undefined;
      cells.push(value);
    } else {
      let comma = text.indexOf(",", i);
      if (comma < 0 || comma > end) comma = end;
      const cell = text.slice(i, comma);
      // a line break here would end a record (a lone \r does): one record only
      if (cell.includes('"') || cell.includes("\r") || cell.includes("\n") || cell !== cell.trim()) return undefined;
      cells.push(cell);
      i = comma;
    }
    if (i === end) return cells;
    if (text.charCodeAt(i) !== COMMA) return undefined;
    i++;
  }
}

/** Whether the bytes at `at` are U+FEFF in UTF-8 (a byte order mark when the file opens with it). */
function isByteOrderMark(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf;
}

/** Confidential flags as the general reading spells them (in lower case). */
const TRUE_TEXTS = ["true", "yes", "y", "1"];
const FALSE_TEXTS = ["false", "no", "n", "0"];

/**
 * Whether bytes `from` to `to` end in a character other than ASCII that
 * `String.prototype.trimEnd` takes off (the general reading trims unquoted
 * cells so): U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000 or U+FEFF.
 */
function endsInWhiteSpace(bytes: Uint8Array, from: number, to: number): boolean {
  const n = to - from;
  if (n >= 2 && bytes[to - 2] === 0xc2 && bytes[to - 1] === 0xa0) return true;
  if (n < 3) return false;
  const b0 = bytes[to - 3]!;
  const b1 = bytes[to - 2]!;
  const b2 = bytes[to - 1]!;
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80;
  if (b0 === 0xe2) return (b1 === 0x80 && (b2 <= 0x8a || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf)) || (b1 === 0x81 && b2 === 0x9f);
  if (b0 === 0xe3) return b1 === 0x80 && b2 === 0x80;
  return b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
}

/** Whether bytes `from` to `to` are well-formed UTF-8 (what a decoder reads without replacing anything). */
function validUtf8(bytes: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    if (i + more >= to) return false;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return false;
    for (let k = 2; k <= more; k++) {
      const d = bytes[i + k]!;
      if (d < 0x80 || d > 0xbf) return false;
    }
    i += more + 1;
  }
  return true;
}
