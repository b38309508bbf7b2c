/**
 * Ties CSV export: one row per directed tie, for spreadsheets.
 */
import { directedTies, type DirectedTies, type Network, type Person } from "@tiegraph/core";
import { ByteOutput } from "@tiegraph/core/internal";
import { csvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
import { isWhole, putAscii, putWhole, TextPool } from "./text-pool.js";
import { dayText, tieOptions } from "./tie-options.js";

/** Options of {@link exportTiesCsv}. */
export interface TiesCsvExportOptions extends DisclosureOptions {
  /** Reference date of strength (default: the last exchange's date). */
  asOf?: string;
}

/**
 * Directed ties as CSV: `source,sourceName,target,targetName,strength,value,
 * count,givingCount,firstDate,lastDate`, strength as in core's `directedTies`
 * (recency-decayed, saturating, see `strengthFromSum`). Confidential exchanges
 * count only with `includeConfidential`.
 *
 * @example exportTiesCsv(network, { asOf: "2026-01-01" })
 */
export function exportTiesCsv(network: Network, options: TiesCsvExportOptions = {}): string {
  return joinChunks(exportTiesCsvChunks(network, options));
}

/**
 * The text of {@link exportTiesCsv} in chunks of about 64 Ki characters cut
 * after whole rows; concatenated they are exactly `exportTiesCsv(network, options)`.
 *
 * @example await saveNetworkFileAtomic("ties.csv", exportTiesCsvChunks(network), { backup: false });
 */
export function exportTiesCsvChunks(network: Network, options: TiesCsvExportOptions = {}): Generator<string> {
  const t = directedTies(network, tieOptions(options, disclosure(options).includeConfidential));
  return tiesCsvChunks(network, t);
}

const HEADER = ["source", "sourceName", "target", "targetName", "strength", "value", "count", "givingCount", "firstDate", "lastDate"];

/**
 * The ties CSV as csv-text.ts writes it, without a row of cells per tie: a
 * person's two cells (id, name) are made once and reused on every tie they
 * are in, a date's cell once per day; numbers are their own text.
 */
function* tiesCsvChunks(network: Network, t: ReturnType<typeof directedTies>): Generator<string> {
  const people = network.people();
  const personCells: (string | undefined)[] = new Array<string | undefined>(people.length);
  const person = (i: number): string => {
    let cells = personCells[i];
    if (cells === undefined) personCells[i] = cells = `${csvCell(people[i]!.id)},${csvCell(people[i]!.name)}`;
    return cells;
  };
  const date = dayText(csvCell);
  let out = HEADER.map(csvCell).join(",") + "\r\n";
  for (let p = 0; p < t.pairCount; p++) {
    out += `${person(t.source[p]!)},${person(t.target[p]!)},${t.strength[p]!},${t.givenValue[p]!},${t.count[p]!},${t.givingCount[p]!},${date(t.firstDay[p]!)},${date(t.lastDay[p]!)}\r\n`;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  yield out;
}

/** Bytes of a chunk of {@link exportTiesCsvBytes} (a row is never cut). */
const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of {@link exportTiesCsv} (UTF-8), written straight into a buffer
 * and handed out in chunks of about a mebibyte cut after whole rows:
 * concatenated, they are exactly the UTF-8 encoding of
 * `exportTiesCsv(network, options)`. No string is made per row, and no text
 * is encoded again on its way to the file: a person's two cells are encoded
 * once, when they are first in a tie, a day's cell once, whole numbers
 * written digit by digit (other numbers are their own text, as in the CSV).
 *
 * Each chunk is a view of one buffer the writer reuses (it touches no fresh
 * memory per chunk): write or copy it before asking for the next one.
 *
 * @example await saveNetworkFileAtomic("ties.csv", exportTiesCsvBytes(network), { backup: false });
 */
export function* exportTiesCsvBytes(network: Network, options: TiesCsvExportOptions & { chunkBytes?: number } = {}): Generator<Uint8Array> {
  const t = directedTies(network, tieOptions(options, disclosure(options).includeConfidential));
  yield* tiesCsvRowBytes(networkCells(network), t, 0, t.pairCount, { header: true, chunkBytes: options.chunkBytes ?? CHUNK_BYTES });
}

/**
 * Each person's two cells of a ties CSV row (`id,name`, quoted as csv-text.ts
 * quotes them), as UTF-8: person i's at `[start[i], end[i])` of `bytes`. Plain
 * arrays, so they can be handed to another thread as they are.
 */
export interface TiesCsvCells {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/**
 * The {@link TiesCsvCells} of every person, encoded once.
 *
 * @example
 * ```ts
 * const cells = tiesCsvCells([{ id: "ann", name: "Ann, Lee" }]);
 * new TextDecoder().decode(cells.bytes.subarray(cells.start[0], cells.end[0])); // 'ann,"Ann, Lee"'
 * ```
 */
export function tiesCsvCells(people: readonly Pick<Person, "id" | "name">[]): TiesCsvCells {
  return cellsOf(people.length, (i) => people[i]!.id, (i) => people[i]!.name);
}

/** The {@link TiesCsvCells} of a network's people, through `personIds` and `personName`: a network read from a columnar copy with its names reads no person record. */
function networkCells(network: Network): TiesCsvCells {
  const ids = network.personIds();
  return cellsOf(ids.length, (i) => ids[i]!, (i) => network.personName(i));
}

/** The cells of `n` people, each made from its id and name and encoded once. */
function cellsOf(n: number, id: (i: number) => string, name: (i: number) => string): TiesCsvCells {
  const pool = new TextPool(n, (i) => `${csvCell(id(i))},${csvCell(name(i))}`);
  for (let i = 0; i < n; i++) pool.ensure(i);
  return { bytes: pool.bytes, start: pool.start, end: pool.end };
}

/**
 * The rows of a ties CSV from `from` on, written elsewhere (on another
 * thread) from the tie index `index` with {@link tiesCsvRowBytes}: see
 * {@link exportTiesCsvBytesWithTail}.
 */
export interface TiesCsvTail {
  /** The tie index the rows were written from: used only when it is the one the export reads. */
  readonly index: TiesCsvColumns & { readonly pairCount: number };
  /** The first row written elsewhere. */
  readonly from: number;
  /**
   * Starts the writing (given the cells of the people the rows name) and gives its
   * chunks, or undefined when it failed: the rows are then written here.
   */
  rows(cells: TiesCsvCells): Promise<readonly Uint8Array[] | undefined>;
}

/**
 * {@link exportTiesCsvBytes} with the rows from `tail.from` on written
 * elsewhere while the first ones are written here, then joined in order: the
 * same bytes. The tail is used only when its index is the very tie index the
 * export reads (the network's own, as adopted from the thread that built it);
 * otherwise, or when the tail fails, every row is written here.
 *
 * @example await saveNetworkFileAtomic("ties.csv", exportTiesCsvBytesWithTail(network, {}, tail), { backup: false });
 */
export async function* exportTiesCsvBytesWithTail(network: Network, options: TiesCsvExportOptions & { chunkBytes?: number }, tail: TiesCsvTail | undefined): AsyncGenerator<Uint8Array> {
  const t = directedTies(network, tieOptions(options, disclosure(options).includeConfidential));
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const cells = networkCells(network);
  if (tail === undefined || tail.index !== t || !(tail.from >= 0 && tail.from <= t.pairCount)) {
    yield* tiesCsvRowBytes(cells, t, 0, t.pairCount, { header: true, chunkBytes });
    return;
  }
  // the other thread starts on its rows before these are written
  const rest = tail.rows(cells);
  yield* tiesCsvRowBytes(cells, t, 0, tail.from, { header: true, chunkBytes });
  const written = await rest;
  if (written === undefined) yield* tiesCsvRowBytes(cells, t, tail.from, t.pairCount, { chunkBytes });
  else yield* written;
}

/** The columns of a directed tie index a ties CSV row is written from (core's `DirectedTies` has them). */
export type TiesCsvColumns = Pick<DirectedTies, "source" | "target" | "strength" | "givenValue" | "count" | "givingCount" | "firstDay" | "lastDay">;

/**
 * The rows `from` to `to − 1` of the ties CSV of {@link exportTiesCsvBytes}
 * (UTF-8, after its header line when `header`), from the tie index's
 * columns and the cells of the people its source and target numbers point
 * to ({@link tiesCsvCells}): the rows of
 * a range are the same bytes as in the whole file, so a file written in
 * ranges (on two threads, as `tiegraph export` does) and joined in order is
 * byte for byte the one written whole. Chunks of about `chunkBytes`, cut
 * after whole rows, each a view of one reused buffer (write or copy it before
 * asking for the next), or with `ownChunks` each an array of its own (to
 * keep, or to move to another thread).
 *
 * @example
 * ```ts
 * const t = directedTies(network);
 * const half = t.pairCount >> 1;
 * const cells = tiesCsvCells(network.people());
 * const parts = [...tiesCsvRowBytes(cells, t, 0, half, { header: true }), ...tiesCsvRowBytes(cells, t, half, t.pairCount)];
 * ```
 */
export function* tiesCsvRowBytes(cells: TiesCsvCells, t: TiesCsvColumns, from: number, to: number, options: { header?: boolean; chunkBytes?: number; ownChunks?: boolean } = {}): Generator<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const { bytes: cellBytes, start, end } = cells;
  // a day's cell (ASCII: YYYY-MM-DD, or a year past 9999 with its sign), made once
  const dayCell = dayText(csvCell);
  const out = new ByteOutput(chunkBytes, options.ownChunks !== true);
  if (options.header === true) out.text(HEADER.map(csvCell).join(",") + "\r\n");
  let bytes = out.bytes;
  let n = out.length;
  const ascii = (s: string): void => {
    n = putAscii(bytes, n, s);
  };
  const whole = (v: number): void => {
    if (isWhole(v)) n = putWhole(bytes, n, v);
    else ascii(String(v));
  };
  const cell = (i: number): void => {
    for (let k = start[i]!, e = end[i]!; k < e; k++) bytes[n++] = cellBytes[k]!;
  };
  for (let p = from; p < to; p++) {
    const s = t.source[p]!;
    const g = t.target[p]!;
    // the two people's cells, four numbers of at most 25 characters, two dates and the separators
    const most = end[s]! - start[s]! + end[g]! - start[g]! + 4 * 25 + 2 * 16 + 12;
    if (n + most > bytes.length) {
      out.length = n;
      out.reserve(most);
      bytes = out.bytes;
    }
    cell(s);
    bytes[n++] = 44;
    cell(g);
    bytes[n++] = 44;
    ascii(String(t.strength[p]!));
    bytes[n++] = 44;
    whole(t.givenValue[p]!);
    bytes[n++] = 44;
    whole(t.count[p]!);
    bytes[n++] = 44;
    whole(t.givingCount[p]!);
    bytes[n++] = 44;
    ascii(dayCell(t.firstDay[p]!));
    bytes[n++] = 44;
    ascii(dayCell(t.lastDay[p]!));
    bytes[n++] = 13;
    bytes[n++] = 10;
    if (n >= chunkBytes) {
      out.length = n;
      // written (or copied) by the caller before it asks for more: the buffer takes the next rows
      yield out.take();
      bytes = out.bytes;
      n = out.length;
    }
  }
  out.length = n;
  yield out.take();
}
