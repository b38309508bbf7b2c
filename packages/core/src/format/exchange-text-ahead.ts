/**
 * The exchanges' text of a network file written ahead, from the rows an
 * importer read, while the network is still being built from them (on
 * another thread: `tiegraph import` writes it on the thread that read the
 * exchanges CSV while the main thread merges). The saved file uses it only
 * when the network's exchanges are exactly the rows it was written from,
 * which {@link exchangeTextFits} checks field by field, so the file is the
 * same bytes either way.
 */
import type { ExchangeRowsParts } from "../model/exchange-rows.js";
import { FLAG_EXPLICIT_VALUE, extrasReader, slottedColumns, type StoredExchangeColumns } from "../model/exchange-store.js";
import type { Network } from "../model/network.js";
import { ByteOutput } from "./byte-output.js";
import { EXCHANGES_PER_STEP, columnsByteWriter, type ExchangeByteWriter } from "./exchange-text.js";

/** The rows an exchanges' text was written from: {@link ExchangeRowsParts}' columns, extras and person ids. */
export type ExchangeTextRows = Pick<ExchangeRowsParts, "n" | "from" | "to" | "day" | "kind" | "value" | "minutes" | "flags" | "format" | "formats" | "extra" | "extras" | "extrasText" | "ids">;

/** An exchanges' text written ahead ({@link writeExchangeText}) and the rows it was written from. */
export interface ExchangeTextAhead {
  rows: ExchangeTextRows;
  /** Indentation and redaction it was written with (see {@link SerializeNetworkOptions}). */
  indent: number;
  redact: boolean;
  /** The text, in chunks (each written out before the next is asked for). */
  chunks: Iterable<Uint8Array>;
  /** Set by `serializeNetworkBytes` when it wrote these chunks (they fit the network). */
  used?: boolean;
}

/** Bytes per piece of {@link writeExchangeText}. */
const PIECE_BYTES = 1 << 20;

/**
 * The rows' columns as a store holds them ({@link Network.rawExchangeColumns}'s
 * shape): the columns cut to the rows (views, not copies), the formats after
 * "no format", and the extras by position.
 *
 * @example exchangeRowsColumns(rows.toParts().parts).count === rows.length
 */
export function exchangeRowsColumns(rows: ExchangeTextRows): StoredExchangeColumns {
  const n = rows.n;
  // the rows' extras by slot (extra holds the slot plus one)
  const extraSlot = new Int32Array(n);
  for (let i = 0; i < n; i++) extraSlot[i] = rows.extra[i]! - 1;
  type Cut<T> = T extends Int32Array ? Int32Array<ArrayBuffer> : T extends Uint8Array ? Uint8Array<ArrayBuffer> : T extends Float32Array ? Float32Array<ArrayBuffer> : Float64Array<ArrayBuffer>;
  const cut = <T extends Int32Array | Uint8Array | Float32Array | Float64Array>(a: T): Cut<T> => a.subarray(0, n) as Cut<T>;
  const columns = { count: n, from: cut(rows.from), to: cut(rows.to), day: cut(rows.day), kind: cut(rows.kind), value: cut(rows.value), minutes: cut(rows.minutes), flags: cut(rows.flags), format: cut(rows.format), formats: rows.formats.slice(1) };
  return slottedColumns(columns, extraSlot, rows.extras);
}

/**
 * Writes the text a network file holds between `"exchanges": [` and its
 * closing line for a network whose exchanges are `rows` (people named by
 * their ids), with this indentation and redaction: every record, each
 * starting with its line break and indentation. `write` gets it in pieces of
 * about a megabyte, in one buffer used again for the next piece (write or
 * copy each before returning). Returns the bytes written.
 * `serializeNetworkBytes` takes the text back as its `exchangeText` option.
 *
 * @example
 * ```ts
 * const pieces: string[] = [];
 * writeExchangeText(rows.toParts().parts, 2, false, (b) => pieces.push(new TextDecoder().decode(b)));
 * pieces[0]; // '\n    {\n      "date": "2024-03-01",\n      "kind": "favour", …'
 * ```
 */
export function writeExchangeText(rows: ExchangeTextRows, indent: number, redact: boolean, write: (bytes: Uint8Array) => void): number {
  let bytes = 0;
  for (const piece of exchangeTextPieces(rows, indent, redact)) {
    bytes += piece.length;
    write(piece);
  }
  return bytes;
}

/**
 * The text {@link writeExchangeText} writes, as a generator of its pieces
 * (about a megabyte each, in one buffer used again for the next piece: use
 * or copy each before asking for the next). The same rows, indentation and
 * redaction give the same bytes, so a reader that had part of the text from
 * one writer can take the rest from another.
 *
 * @example
 * ```ts
 * let text = "";
 * for (const piece of exchangeTextPieces(rows.toParts().parts, 2, false)) text += new TextDecoder().decode(piece);
 * ```
 */
export function* exchangeTextPieces(rows: ExchangeTextRows, indent: number, redact: boolean): Generator<Uint8Array> {
  const writer = exchangeTextWriter(rows, indent, redact);
  const out = new ByteOutput(PIECE_BYTES);
  for (let i = 0; i < rows.n; i += EXCHANGES_PER_STEP) {
    writer.write(out, i, Math.min(rows.n, i + EXCHANGES_PER_STEP));
    if (out.full) {
      yield out.bytes.subarray(0, out.length);
      out.length = 0;
    }
  }
  if (out.length > 0) yield out.bytes.subarray(0, out.length);
}

/**
 * A writer of the text of {@link exchangeTextPieces} in ranges of rows:
 * `write(out, from, to)` appends the text rows `from` (inclusive) to `to`
 * (exclusive) take in the whole text, whatever ranges it wrote before and in
 * whatever order (each record opens with `,` unless it is the first written
 * of all), so two threads can each write part of one text. Write a few dozen
 * rows at a time ({@link EXCHANGES_PER_STEP}) and take the output's chunk
 * when it is full, as {@link exchangeTextPieces} does.
 *
 * @example
 * ```ts
 * const writer = exchangeTextWriter(rows, 2, false);
 * const out = new ByteOutput(1 << 20);
 * writer.write(out, 64, 128); // the text of rows 64 to 127, each opening with ","
 * ```
 */
export function exchangeTextWriter(rows: ExchangeTextRows, indent: number, redact: boolean): ExchangeByteWriter {
  return columnsByteWriter(exchangeRowsColumns(rows), rows.ids, indent, redact);
}

/**
 * Whether `ahead` is the text of `network`'s exchanges as
 * `serializeNetworkBytes(network, { indent, redact })` writes them: written
 * with that indentation and redaction from rows that are the network's
 * exchanges in order, field for field (date, kind, value where explicit,
 * minutes, format, flags, extras), each naming the person the network holds
 * at that position by the same id. One pass over the columns.
 *
 * @example exchangeTextFits(net, { rows, indent: 2, redact: false, chunks }, 2, false) // true when net's exchanges are rows'
 */
export function exchangeTextFits(network: Network, ahead: ExchangeTextAhead, indent: number, redact: boolean): boolean {
  const { rows } = ahead;
  if (ahead.indent !== indent || ahead.redact !== redact) return false;
  const raw = network.rawExchangeColumns();
  const n = raw.count;
  if (rows.n !== n) return false;
  // each of the rows' people and formats by the network's position for them (-1: none)
  const people = new Int32Array(rows.ids.length);
  for (let k = 0; k < people.length; k++) people[k] = network.findPerson(rows.ids[k]!);
  const formatCodes = new Map(raw.formats.map((f, j) => [f, j + 1]));
  const formats = rows.formats.map((f, j) => (j === 0 ? 0 : (formatCodes.get(f) ?? -1)));
  const extrasOf = extrasReader(raw);
  for (let i = 0; i < n; i++) {
    const flags = raw.flags[i]!;
    if (flags !== rows.flags[i] || raw.day[i] !== rows.day[i] || raw.kind[i] !== rows.kind[i]) return false;
    if (raw.from[i] !== people[rows.from[i]!] || raw.to[i] !== people[rows.to[i]!] || raw.format[i] !== formats[rows.format[i]!]) return false;
    if (flags & FLAG_EXPLICIT_VALUE && raw.value[i] !== rows.value[i]) return false;
    const m = raw.minutes[i]!;
    const r = rows.minutes[i]!;
    if (m !== r && !(Number.isNaN(m) && Number.isNaN(r))) return false;
    const x = rows.extra[i]!;
    const a = extrasOf(i);
    if ((x !== 0) !== (a !== undefined)) return false;
    if (a === undefined) continue;
    const b = rows.extras[x - 1]!;
    if (a.id !== b.id || a.note !== b.note || !sameTags(a.tags, b.tags)) return false;
    if (a.introduced !== (b.introduced === undefined ? undefined : people[b.introduced])) return false;
  }
  return true;
}

function sameTags(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
