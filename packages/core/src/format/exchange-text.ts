/**
 * The exchanges of a network file written straight from the exchange
 * columns into UTF-8 bytes: the text `JSON.stringify` gives the plain records
 * of {@link Network.toData} at their depth in the file, without making an
 * object or a string per exchange. Person ids, dates, kinds and formats
 * repeat across a million exchanges, so each is quoted and encoded once (the
 * ids into one byte array); the rare extras (ids, notes, tags) are quoted as they come.
 */
import { formatDay } from "../model/dates.js";
import { extrasReader, type StoredExchangeColumns } from "../model/exchange-store.js";
import type { Network } from "../model/network.js";
import { EXCHANGE_KINDS } from "../model/types.js";
import { type ByteOutput, putBytes, utf8Bytes } from "./byte-output.js";

/**
 * Exchanges a writer writes between two checks of the output's size: few
 * enough that their text (a record is about 150 bytes) fits a chunk's
 * headroom (see byte-output.ts), so the buffer is not grown and copied
 * before each chunk is taken.
 */
export const EXCHANGES_PER_STEP = 64;

const FLAG_CONFIDENTIAL = 1;
const FLAG_EXPLICIT_VALUE = 2;

/** Writes exchange records as file bytes; see {@link exchangeByteWriter}. */
export interface ExchangeByteWriter {
  /**
   * Appends the UTF-8 text of exchanges `from` (inclusive) to `to`
   * (exclusive) as array items: each record starts with its line break and
   * indentation, and with `,` unless it is the first record of all that is
   * written (the first, or when redacting the first not confidential);
   * confidential ones are left out when redacting. So any range gives the
   * bytes it has in the text of all of them, whatever was written before.
   */
  write(out: ByteOutput, from: number, to: number): void;
  /** Whether any record has been written. */
  readonly wrote: boolean;
}

/**
 * A writer of a network's exchanges as they appear in its file, at depth 2
 * (inside `"exchanges": [ … ]`) with `indent` spaces per level (0: one line):
 * fields in the order of {@link Network.exchangeAt} (`id` only when explicit,
 * `date`, `kind`, `from`, `to`, then `value`, `minutes`, `format`,
 * `introduced`, `tags`, `note`, `confidential` when set), and without
 * confidential exchanges and notes when `redact`. Joined with the brackets,
 * the text equals `JSON.stringify(records, null, indent)` at that depth.
 * Every repeated piece (a person's quoted id, a date, a kind with the keys
 * around it) is encoded to UTF-8 once and copied into the output as bytes.
 *
 * @example
 * ```ts
 * const out = new ByteOutput(1 << 16);
 * exchangeByteWriter(net, 2, false).write(out, 0, 1);
 * new TextDecoder().decode(out.take()); // '\n    {\n      "date": "2024-03-01",\n      "kind": "favour",\n      "from": "ann",\n      "to": "me"\n    }'
 * ```
 */
export function exchangeByteWriter(network: Network, indent: number, redact: boolean): ExchangeByteWriter {
  return columnsByteWriter(network.rawExchangeColumns(), network.personIds(), indent, redact);
}

/**
 * {@link exchangeByteWriter} over exchange columns as a store holds them
 * (`raw`) and the ids of the people they name by position (`personIds`):
 * the same text for a network whose {@link Network.rawExchangeColumns} and
 * people are these. A thread that holds rows read from a file (see
 * {@link exchangeRowsColumns}) writes their text with it while another
 * builds the network (see {@link writeExchangeText}).
 *
 * @example
 * ```ts
 * const out = new ByteOutput(1 << 16);
 * columnsByteWriter(net.rawExchangeColumns(), net.people().map((p) => p.id), 2, false).write(out, 0, net.exchangeCount);
 * ```
 */
export function columnsByteWriter(raw: StoredExchangeColumns, personIds: readonly string[], indent: number, redact: boolean): ExchangeByteWriter {
  const pad = " ".repeat(indent);
  const nl = indent > 0 ? "\n" : "";
  const colon = indent > 0 ? ": " : ":";
  const open = `${nl}${pad}${pad}{`;
  const close = utf8Bytes(`${nl}${pad}${pad}}`);
  const field = (name: string, first = false): string => `${first ? "" : ","}${nl}${pad}${pad}${pad}"${name}"${colon}`;
  const OPEN_DATE = open + field("date", true);
  const ID_OPEN = utf8Bytes(open + field("id", true));
  const DATE = utf8Bytes(field("date"));
  const TO = utf8Bytes(field("to"));
  const VALUE = field("value");
  const MINUTES = field("minutes");
  const INTRODUCED = utf8Bytes(field("introduced"));
  const TAGS = field("tags");
  const NOTE = field("note");
  const CONFIDENTIAL = utf8Bytes(`${field("confidential")}true`);
  const tagsOpen = `[${nl}${pad}${pad}${pad}${pad}`;
  const tagsSep = `,${nl}${pad}${pad}${pad}${pad}`;
  const tagsClose = `${nl}${pad}${pad}${pad}]`;

  // The quoted ids side by side in one byte array, copied out as needed (one object per
  // person, read at random by every record, would miss the cache more the more people there are).
  const { ids, idStart, longestId } = quotedIds(personIds);
  const quotedDays = new Map<number, Uint8Array>();
  const day = (d: number): Uint8Array => {
    let t = quotedDays.get(d);
    if (t === undefined) quotedDays.set(d, (t = utf8Bytes(`"${formatDay(d)}"`)));
    return t;
  };
  // `,"kind": "…","from": ` in one piece per kind
  const kindTexts = EXCHANGE_KINDS.map((k) => field("kind") + JSON.stringify(k) + field("from"));
  const kinds = kindTexts.map(utf8Bytes);
  // the start of a record without an explicit id, up to its first person, in one piece per day and kind
  // (a few thousand pieces: a record is mostly one copy)
  const KIND_SLOTS = 8;
  let firstDay = 0;
  let lastDay = -1;
  for (let i = 0; i < raw.count; i++) {
    const d = raw.day[i]!;
    if (lastDay < firstDay) firstDay = lastDay = d;
    else if (d < firstDay) firstDay = d;
    else if (d > lastDay) lastDay = d;
  }
  const dense = lastDay - firstDay < 1 << 16;
  const starts: (Uint8Array | undefined)[] = dense ? new Array<Uint8Array | undefined>((lastDay - firstDay + 1) * KIND_SLOTS) : [];
  const startMap = new Map<number, Uint8Array>();
  const recordStart = (d: number, k: number): Uint8Array => {
    const slot = (d - firstDay) * KIND_SLOTS + k;
    let t = dense ? starts[slot] : startMap.get(slot);
    if (t === undefined) {
      t = utf8Bytes(OPEN_DATE + `"${formatDay(d)}"` + kindTexts[k]!);
      if (dense) starts[slot] = t;
      else startMap.set(slot, t);
    }
    return t;
  };
  const formats = ["", ...raw.formats].map((f) => utf8Bytes(field("format") + JSON.stringify(f)));
  const quotedMinutes = new Map<number, Uint8Array>();
  const minutesText = (m: number): Uint8Array => {
    let t = quotedMinutes.get(m);
    if (t === undefined) quotedMinutes.set(m, (t = utf8Bytes(MINUTES + JSON.stringify(m))));
    return t;
  };
  let longestPiece = 0;
  for (const b of [...kinds, ...formats, ID_OPEN, DATE, TO, INTRODUCED, CONFIDENTIAL, close]) longestPiece = Math.max(longestPiece, b.length);
  // a record's fixed pieces, ids, date and minutes between two reserves (a date is 12 bytes; room for far more)
  const recordRoom = 10 * longestPiece + 3 * longestId + OPEN_DATE.length + 512;

  const extrasAt = extrasReader(raw);
  const putId = (buf: Uint8Array, pos: number, p: number): number => {
    const end = idStart[p + 1]!;
    for (let k = idStart[p]!; k < end; k++) buf[pos++] = ids[k]!;
    return pos;
  };

  // tags and notes often repeat (a topic, a stock phrase): the bytes of the commonest are kept
  const oneTag = new Map<string, Uint8Array>();
  const notes = new Map<string, Uint8Array>();

  // the first record of all that is written opens without a comma, every later one with one
  let first = 0;
  if (redact) while (first < raw.count && raw.flags[first]! & FLAG_CONFIDENTIAL) first++;
  let wrote = false;
  // what the reads ahead of each step read (kept so that they are not left out as unused)
  let _touched = 0;
  const record = (out: ByteOutput, i: number): void => {
    const flags = raw.flags[i]!;
    const ex = extrasAt(i);
    out.reserve(recordRoom);
    let buf = out.bytes;
    let pos = out.length;
    if (i !== first) buf[pos++] = 44; // ,
    wrote = true;
    if (ex?.id !== undefined) {
      pos = putBytes(buf, pos, ID_OPEN);
      out.length = pos;
      out.text(JSON.stringify(ex.id));
      out.reserve(recordRoom);
      buf = out.bytes;
      pos = putBytes(buf, out.length, DATE);
      pos = putBytes(buf, pos, day(raw.day[i]!));
      pos = putBytes(buf, pos, kinds[raw.kind[i]!]!);
    } else pos = putBytes(buf, pos, recordStart(raw.day[i]!, raw.kind[i]!));
    pos = putId(buf, pos, raw.from[i]!);
    pos = putBytes(buf, pos, TO);
    pos = putId(buf, pos, raw.to[i]!);
    if (flags & FLAG_EXPLICIT_VALUE) {
      out.length = pos;
      out.text(VALUE + JSON.stringify(raw.value[i]!));
      out.reserve(recordRoom);
      buf = out.bytes;
      pos = out.length;
    }
    const minutes = raw.minutes[i]!;
    if (!Number.isNaN(minutes)) pos = putBytes(buf, pos, minutesText(minutes));
    if (raw.format[i]) pos = putBytes(buf, pos, formats[raw.format[i]!]!);
    if (ex !== undefined) {
      if (ex.introduced !== undefined) {
        pos = putBytes(buf, pos, INTRODUCED);
        pos = putId(buf, pos, ex.introduced);
      }
      out.length = pos;
      if (ex.tags) {
        if (ex.tags.length === 1) out.copy(repeated(oneTag, ex.tags[0]!, (t) => TAGS + tagsOpen + JSON.stringify(t) + tagsClose));
        else out.text(TAGS + (ex.tags.length ? tagsOpen + ex.tags.map((t) => JSON.stringify(t)).join(tagsSep) + tagsClose : "[]"));
      }
      if (ex.note !== undefined && !redact) out.copy(repeated(notes, ex.note, (n) => NOTE + JSON.stringify(n)));
      out.reserve(recordRoom);
      buf = out.bytes;
      pos = out.length;
    }
    if (flags & FLAG_CONFIDENTIAL) pos = putBytes(buf, pos, CONFIDENTIAL);
    out.length = putBytes(buf, pos, close);
  };

  return {
    write(out: ByteOutput, from: number, to: number): void {
      // the people's quoted ids first read for all the rows together: read row by row, each of the four
      // (where the id starts, then its bytes, for two people) waited for its own miss when the ids are
      // larger than the cache; read here, the processor fetches dozens at once (the 300,000-person `import`,
      // 5 interleaved pairs: 7.83 s against 8.62 s, 4 faster; at 100,000 people no change, 2.83 s against 2.85 s)
      let sink = 0;
      for (let i = from; i < to; i++) sink ^= ids[idStart[raw.from[i]!]!]! ^ ids[idStart[raw.to[i]!]!]!;
      _touched ^= sink;
      for (let i = from; i < to; i++) {
        if (redact && raw.flags[i]! & FLAG_CONFIDENTIAL) continue;
        record(out, i);
      }
    },
    get wrote() {
      return wrote;
    },
  };
}

/**
 * Each id's JSON text (`JSON.stringify(id)`) in UTF-8, side by side in one
 * array, id p's at `[idStart[p], idStart[p + 1])`. Made from the JSON text
 * of the whole list, encoded at once (a string and an array per id cost a
 * hundred thousand people some 60 ms): in it each id is a string between
 * two unescaped `"` (one inside a string is always escaped), so one scan
 * finds them and drops the commas between.
 */
function quotedIds(personIds: readonly string[]): { ids: Uint8Array; idStart: Int32Array; longestId: number } {
  const n = personIds.length;
  const idStart = new Int32Array(n + 1);
  const text = new TextEncoder().encode(JSON.stringify(personIds));
  const ids = new Uint8Array(text.length);
  let at = 0;
  let longestId = 0;
  // past the opening "[": each element is "…" followed by "," or the closing "]"
  let i = 1;
  for (let p = 0; p < n; p++) {
    const from = i;
    i++; // the opening quote
    while (text[i] !== QUOTE) i += text[i] === BACKSLASH ? 2 : 1;
    i++; // the closing quote
    ids.set(text.subarray(from, i), at);
    at += i - from;
    idStart[p + 1] = at;
    if (i - from > longestId) longestId = i - from;
    i++; // the comma or the closing bracket
  }
  return { ids: ids.subarray(0, at), idStart, longestId };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Texts of repeated pieces kept per writer (bounds the memory a file of distinct notes takes). */
const REPEATED_KEPT = 4096;

/** The bytes of `make(key)`, kept in `seen` while it holds fewer than {@link REPEATED_KEPT}. */
function repeated(seen: Map<string, Uint8Array>, key: string, make: (key: string) => string): Uint8Array {
  let bytes = seen.get(key);
  if (bytes === undefined) {
    bytes = utf8Bytes(make(key));
    if (seen.size < REPEATED_KEPT) seen.set(key, bytes);
  }
  return bytes;
}
