/**
 * The columnar copy of a network file: the same content as the JSON, laid out
 * so it loads without parsing a million exchange objects. People,
 * organisations, affiliations, ego and settings are a small JSON document;
 * the exchanges are their typed-array columns, byte for byte. It is a derived
 * cache, never the interchange format: it names the SHA-256 of the file it was
 * made from, and a reader uses it only when that hash matches. Its header
 * opens with a stamp of fixed length that the copy's writer may set (see
 * {@link columnsStamp}).
 *
 * Layout (little-endian): the 8 bytes `TGCOLS08`, a uint32 header length, the
 * header (UTF-8 JSON: `{ stamp, source, count, formats, records, ids, names, peopleText, peopleCheck, extras,
 * extrasCount, extrasCheck, affiliationCount, roles, people, halfLifeDays }` with the byte length
 * of each part; `people` and `halfLifeDays`, the person count and the setting, let
 * {@link decodeExchangeSource} read the exchanges without the records), the records JSON
 * (organisations, ego, settings, requests: without people and affiliations), then each of the
 * following at an 8-byte-aligned offset: the people's ids (a JSON array of strings), their names
 * (a JSON array of strings, what the records hold: a command that shows names alone, such as the
 * ties CSV, reads these rather than parsing every record), the people's
 * records (the JSON array of them, UTF-8, one comma between two), an int32 column of the byte
 * offset in that text where each person's record starts (one more entry: the text's length), the
 * extras (a JSON array of the exchanges' extras objects), each exchange column in the order of
 * {@link COLUMN_ORDER}, two int32 columns (the position of each extras object, ascending, and
 * where each object starts in the decoded extras text, with one more entry: where the last ends),
 * and the affiliations as five int32 columns (person, organisation, first day, last day, role: an
 * index into the header's `roles` or -1: as JSON objects they were the larger half of the records
 * to parse).
 * A network decoded from it indexes the people's ids at once and parses a person's record when
 * it is first read (see `deferPeople` in model/state.ts): a report of a hundred thousand people
 * that names them by id parses none, where parsing and checking them all took about half a
 * second. `peopleCheck` is the checksum (as below) of the ids' bytes, the names' bytes, the
 * records' bytes and their starts, checked on reading, so a damaged copy is refused at once here too.
 * The extras (ids, notes, tags, introductions: what few commands read) are
 * parsed one by one when first needed, or all at once before a change;
 * `extrasCheck`, a 32-bit FNV-1a checksum of their bytes (taken four at a
 * time, as little-endian words) and of those two columns (an int32 at a
 * time), is checked on reading so that a damaged copy is still refused at once.
 */
import { Network, type AffiliationColumns, type CopiedPeople, type RawExchangeColumns } from "../model/network.js";
import { FLAG_CONFIDENTIAL, extrasReader, type ExchangeColumns } from "../model/exchange-store.js";
import { affiliationColumns, personIdIndex } from "../model/copied-records.js";
import type { ExchangeExtras, LazyExtras } from "../model/exchange-store.js";
import type { NetworkData, Person, PersonId } from "../model/types.js";
import type { ExchangeRowsParts } from "../model/exchange-rows.js";
import { networkRecords, sameRecords } from "./network-file.js";
import { putBytes, putUtf8, utf8Bytes, utf8Length } from "./byte-output.js";

const MAGIC = "TGCOLS08";

/** The columns in the order they are written. */
export const COLUMN_ORDER = ["from", "to", "day", "kind", "value", "minutes", "flags", "format"] as const;
type ColumnName = (typeof COLUMN_ORDER)[number];
const MAKERS: Record<ColumnName, (buffer: ArrayBuffer, offset: number, length: number) => ArrayBufferView<ArrayBuffer>> = {
  from: (b, o, n) => new Int32Array(b, o, n),
  to: (b, o, n) => new Int32Array(b, o, n),
  day: (b, o, n) => new Int32Array(b, o, n),
  kind: (b, o, n) => new Uint8Array(b, o, n),
  value: (b, o, n) => new Float64Array(b, o, n),
  minutes: (b, o, n) => new Float32Array(b, o, n),
  flags: (b, o, n) => new Uint8Array(b, o, n),
  format: (b, o, n) => new Uint8Array(b, o, n),
};

/** Bytes per value of each column (a view of one value is that long). */
const COLUMN_BYTES = Object.fromEntries(COLUMN_ORDER.map((name) => [name, MAKERS[name](new ArrayBuffer(8), 0, 1).byteLength])) as Record<ColumnName, number>;

/** Where the exchange columns of a copy start: after the header, the records, the ids, the names, the people, their starts and the extras, each from a multiple of 8. */
function columnsAt(headerLength: number, header: Pick<Header, "records" | "ids" | "names" | "peopleText" | "people" | "extras">): number {
  return align8(extrasAt(headerLength, header) + header.extras);
}

/** Where the extras of a copy start. */
function extrasAt(headerLength: number, header: Pick<Header, "records" | "ids" | "names" | "peopleText" | "people">): number {
  return align8(peopleAt(headerLength, header) + header.peopleText) + align8(4 * (header.people + 1));
}

/** Where the people's records of a copy start (their starts follow them). */
function peopleAt(headerLength: number, header: Pick<Header, "records" | "ids" | "names">): number {
  return align8(namesAt(headerLength, header) + header.names);
}

/** Where the people's names start (after their ids). */
function namesAt(headerLength: number, header: Pick<Header, "records" | "ids">): number {
  return align8(idsAt(headerLength, header) + header.ids);
}

/** Where the people's ids start (the records before them end at `12 + headerLength + records`). */
function idsAt(headerLength: number, header: Pick<Header, "records">): number {
  return align8(12 + headerLength + header.records);
}

interface Header {
  /**
   * The stamp (see {@link columnsStamp}): {@link COLUMNS_STAMP_LENGTH}
   * characters, spaces when none. The header's first field, so its
   * characters are at {@link COLUMNS_STAMP_OFFSET} in every copy.
   */
  stamp: string;
  /** SHA-256 (hex) of the file the copy was made from. */
  source: string;
  count: number;
  formats: string[];
  records: number;
  /** Bytes of the people's ids (a JSON array). */
  ids: number;
  /** Bytes of the people's names (a JSON array). */
  names: number;
  /** Bytes of the people's records (a JSON array). */
  peopleText: number;
  /** The checksum of the ids, the names, the people's records and their starts. */
  peopleCheck: number;
  extras: number;
  /** How many exchanges have extras. */
  extrasCount: number;
  /** FNV-1a (32-bit) of the extras bytes, then of their positions and starts. */
  extrasCheck: number;
  /** Rows of the affiliation columns. */
  affiliationCount: number;
  /** The affiliations' distinct roles. */
  roles: string[];
  /** How many people the records hold. */
  people: number;
  /** The network's `settings.halfLifeDays`, when set. */
  halfLifeDays?: number;
}

/**
 * The 32-bit FNV-1a hash (offset basis 2166136261, prime 16777619; Fowler,
 * Noll and Vo) of some bytes taken as 32-bit words (the last one to three
 * bytes one by one), then of int32 columns, a value at a time: a quarter of
 * the steps of a byte-wise hash. Each step is one-to-one in the word and in
 * the hash so far, so any one damaged word changes the result. A cheap check
 * that bytes were not damaged, not a defence against someone who means to
 * forge them. `bytes` must start at a multiple of 4 in its buffer.
 */
function checksum(bytes: Uint8Array, ...columns: Int32Array[]): number {
  return checksumOn(0x811c9dc5, bytes, columns);
}

/** {@link checksum} going on from `h` (so that several parts make one). */
function checksumOn(h: number, bytes: Uint8Array, columns: readonly Int32Array[]): number {
  const whole = bytes.length >>> 2;
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, whole);
  for (let i = 0; i < whole; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = whole << 2; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  for (const column of columns) for (let i = 0; i < column.length; i++) h = Math.imul(h ^ column[i]!, 0x01000193);
  return h >>> 0;
}

const align8 = (n: number): number => (n + 7) & ~7;

/** The bytes' own aligned buffer: theirs when they fill it, else a copy (the columns become views on it). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return own ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** Views on the exchange columns of a copy, the first at `at`, and where the last ends (8-aligned). */
function columnViews(buffer: ArrayBuffer, at: number, n: number): { cols: Partial<Record<ColumnName, ArrayBufferView<ArrayBuffer>>>; end: number } {
  const cols: Partial<Record<ColumnName, ArrayBufferView<ArrayBuffer>>> = {};
  for (const name of COLUMN_ORDER) {
    const view = MAKERS[name](buffer, at, n);
    cols[name] = view;
    at = align8(at + view.byteLength);
  }
  return { cols, end: at };
}

/**
 * The columnar copy of a network, made from the file whose SHA-256 is `source`
 * (hex). Person, organisation and affiliation records keep everything the
 * file holds (notes included): the copy is exactly as confidential as the
 * file, so write it only beside a file that is not encrypted.
 *
 * @example
 * ```ts
 * const bytes = encodeNetworkColumns(network, sha256Hex(fileBytes));
 * ```
 */
export function encodeNetworkColumns(network: Network, source: string): Uint8Array {
  const parts = encodeNetworkColumnsParts(network, source);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The bytes of {@link encodeNetworkColumns} in the pieces they are made of,
 * to write one after another: the header and records, the extras, then each
 * column as a view of the network's own (with the zeros that align each to 8
 * bytes), so that writing the copy makes no second buffer of its size (50 MB
 * of fresh memory at 100,000 people, a page fault every 4 kB). The column
 * views are the network's: write them before it changes.
 *
 * `rows`, the rows a network was built from with their extras' text (see
 * `ExchangeRowsParts.extrasText`): an exchange whose extras are the very
 * object the rows hold for the row at its position has its piece copied
 * from that text rather than written again (`JSON.stringify` of an object
 * `JSON.parse` made from `JSON.stringify` is the text it was made from);
 * the bytes are the same either way.
 *
 * @example
 * ```ts
 * await fs.promises.writeFile("net.json.columns", encodeNetworkColumnsParts(network, sha256Hex(fileBytes)));
 * // a network built from rows whose extras came as one JSON text (rows.extrasText): the same bytes, the extras copied
 * encodeNetworkColumnsParts(network, sha256Hex(fileBytes), undefined, rows);
 * ```
 */
export function encodeNetworkColumnsParts(network: Network, source: string, ahead?: CopiedPeopleAhead, rows?: Pick<ExchangeRowsParts, "n" | "extra" | "extras" | "extrasText">): Uint8Array[] {
  const raw = network.rawExchangeColumns();
  // the affiliations go in columns of their own, the people in a text of their own
  const { people: _people, ...records } = networkRecords(network, false);
  // made from the spans, not network.affiliationColumns(): a network given columns (the generator) may list its roles in another order
  const affs = affiliationColumns(network);
  const enc = new TextEncoder();
  const recordBytes = enc.encode(JSON.stringify(records));
  // the people's parts made ahead when the network still holds those very records (see copiedPeopleAhead)
  const fits = ahead !== undefined && ahead.network === network && sameRecords(ahead.people, network.people());
  if (fits) ahead.used = true;
  const made = fits ? ahead : copiedPeopleAhead(network);
  const { ids: idBytes, names: nameBytes, text: people } = made;
  // through the extras by their slots: no list of a pair per exchange that has some
  const extrasOf = extrasReader(raw);
  const n = raw.count;
  let k = 0;
  for (let i = 0; i < n; i++) if (extrasOf(i) !== undefined) k++;
  const positions = new Int32Array(k);
  const starts = new Int32Array(k + 1);
  // the extras' text is `[piece,piece,…]`, each piece the JSON of one exchange's extras; `starts` are where
  // each begins in that text (UTF-16 units, as the reader slices it). Written straight into bytes of the
  // text's exact length, in two passes, rather than joined into one long string and encoded again.
  // Extras holding only tags make the same piece whenever their tags are the same: each distinct list's piece
  // is made and encoded once, found by its tags (one tag, or the list's JSON) rather than by the extras record,
  // which an import shares (see SharedTags) but a network built by hand may not. The others' pieces (ids,
  // notes, introductions) are kept in order.
  // Pieces of the rows' extras' text are copied from it (`taken`: which of them, -1 for none).
  type Piece = { chars: number; bytes: Uint8Array };
  const oneTag = new Map<string, Piece>();
  const tagLists = new Map<string, Piece>();
  const pieces: (Piece | undefined)[] = new Array<Piece | undefined>(k);
  const own: string[] = [];
  const given = rows?.extrasText !== undefined && rows.n === n ? listPieces(rows.extrasText, rows.extras.length) : undefined;
  const taken = new Int32Array(given !== undefined ? k : 0);
  let length = 1;
  let byteLength = 1;
  for (let i = 0, j = 0; i < n; i++) {
    const ex = extrasOf(i);
    if (ex === undefined) continue;
    let chars: number;
    // the rows' own object for the row at this position: its piece of their text
    const x = given !== undefined && rows!.extras[rows!.extra[i]! - 1] === ex ? rows!.extra[i]! - 1 : -1;
    if (given !== undefined) taken[j] = x;
    if (x >= 0) {
      chars = given!.chars[x + 1]! - 1 - given!.chars[x]!;
      byteLength += given!.starts[x + 1]! - given!.starts[x]!;
    } else if (ex.id === undefined && ex.note === undefined && ex.introduced === undefined) {
      const tags = ex.tags;
      const map = tags !== undefined && tags.length === 1 ? oneTag : tagLists;
      const key = map === oneTag ? tags![0]! : JSON.stringify(tags ?? null);
      let piece = map.get(key);
      if (piece === undefined) {
        const text = JSON.stringify(ex);
        map.set(key, (piece = { chars: text.length, bytes: utf8Bytes(text) }));
      }
      pieces[j] = piece;
      chars = piece.chars;
      byteLength += piece.bytes.length + 1;
    } else {
      const text = JSON.stringify(ex);
      own.push(text);
      chars = text.length;
      byteLength += utf8Length(text) + 1;
    }
    positions[j] = i;
    starts[j++] = length;
    length += chars + 1;
  }
  starts[k] = length - (k > 0 ? 1 : 0);
  // "[" and "]" with the pieces and the commas between them ("[]" when there are none)
  const extraBytes = new Uint8Array(k > 0 ? byteLength : 2);
  extraBytes[0] = 0x5b;
  let written = 1;
  for (let j = 0, o = 0; j < k; j++) {
    if (j > 0) extraBytes[written++] = 0x2c;
    const x = given !== undefined ? taken[j]! : -1;
    if (x >= 0) {
      const from = given!.starts[x]!;
      const to = given!.starts[x + 1]! - 1;
      for (let b = from; b < to; b++) extraBytes[written++] = given!.bytes[b]!;
      continue;
    }
    const piece = pieces[j];
    written = piece !== undefined ? putBytes(extraBytes, written, piece.bytes) : putUtf8(extraBytes, written, own[o++]!);
  }
  extraBytes[written] = 0x5d;
  const peopleCheck = checksumOn(checksumOn(checksum(idBytes), nameBytes, []), people.bytes, [people.starts]);
  const header: Header = { stamp: " ".repeat(COLUMNS_STAMP_LENGTH), source, count: raw.count, formats: raw.formats, records: recordBytes.length, ids: idBytes.length, names: nameBytes.length, peopleText: people.bytes.length, peopleCheck, extras: extraBytes.length, extrasCount: k, extrasCheck: checksum(extraBytes, positions, starts), affiliationCount: affs.person.length, roles: [...affs.roles], people: network.personCount };
  const halfLifeDays = network.settings.halfLifeDays;
  if (halfLifeDays !== undefined) header.halfLifeDays = halfLifeDays;
  const headerBytes = enc.encode(JSON.stringify(header));
  const idsFrom = idsAt(headerBytes.length, header);
  const peopleFrom = peopleAt(headerBytes.length, header);
  const extrasFrom = extrasAt(headerBytes.length, header);
  let size = align8(extrasFrom + extraBytes.length);
  const offsets: number[] = [];
  const columns: ArrayBufferView[] = [...COLUMN_ORDER.map((name) => raw[name]), positions, starts, affs.person, affs.organisation, affs.from, affs.to, affs.role];
  for (const col of columns) {
    offsets.push(size);
    size = align8(size + col.byteLength);
  }
  // the header and records in one piece; then each part after the zeros that bring it to its offset
  const head = new Uint8Array(12 + headerBytes.length + recordBytes.length);
  head.set(enc.encode(MAGIC), 0);
  new DataView(head.buffer).setUint32(8, headerBytes.length, true);
  head.set(headerBytes, 12);
  head.set(recordBytes, 12 + headerBytes.length);
  const parts: Uint8Array[] = [head];
  let at = head.length;
  const put = (bytes: Uint8Array, offset: number): void => {
    if (offset > at) parts.push(new Uint8Array(offset - at));
    parts.push(bytes);
    at = offset + bytes.length;
  };
  put(idBytes, idsFrom);
  put(nameBytes, namesAt(headerBytes.length, header));
  put(people.bytes, peopleFrom);
  put(new Uint8Array(people.starts.buffer, people.starts.byteOffset, people.starts.byteLength), align8(peopleFrom + people.bytes.length));
  put(extraBytes, extrasFrom);
  columns.forEach((col, c) => put(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), offsets[c]!));
  if (size > at) parts.push(new Uint8Array(size - at));
  return parts;
}

/**
 * The pieces of `text`, the JSON of a list of `count` objects as
 * `JSON.stringify` writes it (no white space): its UTF-8 bytes, where each
 * object starts in them and in the text's UTF-16 units, and one more entry
 * one past the closing bracket (so that a piece ends one before the next
 * starts, at its comma or the bracket). Undefined when the text is not such
 * a list of `count` objects.
 */
function listPieces(text: string, count: number): { bytes: Uint8Array; starts: Int32Array; chars: Int32Array } | undefined {
  const bytes = utf8Bytes(text);
  const starts = new Int32Array(count + 1);
  const chars = new Int32Array(count + 1);
  if (bytes[0] !== 0x5b || bytes[bytes.length - 1] !== 0x5d) return undefined;
  let depth = 0;
  let k = 0;
  let units = 0;
  for (let at = 0; at < bytes.length; at++) {
    const c = bytes[at]!;
    // UTF-16 units: one for each byte that starts a character, two for one of four bytes (escapes are ASCII)
    if ((c & 0xc0) !== 0x80) units += c >= 0xf0 ? 2 : 1;
    // directly in the list, only objects and the commas between them
    if (depth === 1 && c !== 0x7b && c !== 0x2c && c !== 0x5d) return undefined;
    if (c === 0x22) {
      // a string, to its closing quote (an escaped character is ASCII, a multi-byte one never a quote or backslash)
      for (at++; at < bytes.length && bytes[at] !== 0x22; at++) {
        const d = bytes[at]!;
        if ((d & 0xc0) !== 0x80) units += d >= 0xf0 ? 2 : 1;
        if (d === 0x5c) {
          at++;
          units++;
        }
      }
      units++;
    } else if (c === 0x7b || c === 0x5b) {
      if (depth === 1) {
        if (k === count) return undefined;
        starts[k] = at;
        chars[k++] = units - 1;
      }
      depth++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return undefined; // JSON.stringify writes none
  }
  if (k !== count || depth !== 0) return undefined;
  starts[count] = bytes.length;
  chars[count] = units;
  return { bytes, starts, chars };
}

/** The people's parts of a columnar copy made ahead of a save ({@link copiedPeopleAhead}), with the records they were made from. */
export interface CopiedPeopleAhead {
  readonly network: Network;
  /** The person records the parts were made from (the network's own objects). */
  readonly people: readonly Person[];
  /** The ids as a JSON array, UTF-8. */
  readonly ids: Uint8Array;
  /** The names as a JSON array, UTF-8. */
  readonly names: Uint8Array;
  /** The records' text and where each starts (see {@link copiedPeopleText}). */
  readonly text: { bytes: Uint8Array; starts: Int32Array };
  /** Whether a copy has been encoded with these parts (set as it is). */
  used: boolean;
}

/**
 * The people's parts of a network's columnar copy (ids, names, records'
 * text), made ahead of a save: {@link encodeNetworkColumnsParts} takes them
 * when the network still holds the very person records they were made from
 * (the model replaces a record it changes, never changes one in place), and
 * makes them again otherwise. `import` makes them while another thread reads
 * its exchanges.
 *
 * @example
 * ```ts
 * const ahead = copiedPeopleAhead(network);
 * // … exchanges added …
 * const parts = encodeNetworkColumnsParts(network, sha256Hex(fileBytes), ahead);
 * ```
 */
export function copiedPeopleAhead(network: Network): CopiedPeopleAhead {
  const people = [...network.people()];
  const enc = new TextEncoder();
  return { network, people, ids: enc.encode(JSON.stringify(network.personIds())), names: enc.encode(JSON.stringify(people.map((p) => p.name))), text: copiedPeopleText(people), used: false };
}

/**
 * The people's part of a columnar copy ({@link CopiedPeople}) for some
 * records: the JSON array of them as `JSON.stringify` writes it, in UTF-8,
 * and the byte offset where each record starts (one more entry: the
 * length).
 *
 * @example
 * ```ts
 * const { bytes, starts } = copiedPeopleText([{ id: "a", name: "Å" }]);
 * new TextDecoder().decode(bytes); // '[{"id":"a","name":"Å"}]'
 * [...starts]; // [1, 24] ("Å" is two bytes)
 * ```
 */
export function copiedPeopleText(people: readonly Person[]): { bytes: Uint8Array; starts: Int32Array } {
  // one JSON text of the list (one call, not one per person: a tenth of a second less at 100,000 people),
  // then where each record starts, found in its bytes
  const bytes = new TextEncoder().encode(JSON.stringify(people));
  const n = people.length;
  const starts = new Int32Array(n + 1);
  starts[n] = bytes.length;
  if (n > 0) starts[0] = 1;
  // a comma outside any string and directly inside the list ends a record (JSON.stringify writes no white space)
  let depth = 0;
  let k = 1;
  for (let at = 0; at < bytes.length; at++) {
    const c = bytes[at]!;
    if (c === 0x22) {
      // a string: to its closing quote, stepping over escapes (a multi-byte character's bytes are never quotes or backslashes)
      for (at++; bytes[at] !== 0x22; at++) if (bytes[at] === 0x5c) at++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c && depth === 1) starts[k++] = at + 1;
  }
  if (k !== Math.max(n, 1) || depth !== 0) throw new Error(`the people's JSON held ${k} records, not ${n}`);
  return { bytes, starts };
}

/**
 * Names, in the pieces {@link encodeNetworkColumnsParts} made, the file the
 * copy is of: its SHA-256 (hex) takes the place of the `source` they were
 * made with, which must be as long (say 64 zeros), so that nothing after it
 * moves. A save can so encode the copy while another thread hashes the file
 * it has just written, and name it once the hash is known. Throws when the
 * first piece is not a copy's header or the lengths differ.
 *
 * @example
 * ```ts
 * const parts = encodeNetworkColumnsParts(network, "0".repeat(64));
 * setColumnsSource(parts, sha256Hex(fileBytes));
 * columnsSource(parts[0]!); // the file's hash
 * ```
 */
export function setColumnsSource(parts: Uint8Array[], source: string): void {
  const head = parts[0];
  if (head === undefined || head.length < 12 || new TextDecoder().decode(head.subarray(0, 8)) !== MAGIC) throw new Error("not the pieces of a columnar copy");
  const headerLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(head.subarray(12, 12 + headerLength))) as Header;
  if (typeof header.source !== "string" || header.source.length !== source.length) throw new Error(`a copy made with a source of ${String(header.source?.length)} characters cannot be named by one of ${source.length}`);
  if (!/^[0-9a-f]*$/.test(source)) throw new Error(`a copy cannot be named by ${JSON.stringify(source.slice(0, 16))}…: a file's SHA-256 is written in lower-case hexadecimal`);
  header.source = source;
  const bytes = new TextEncoder().encode(JSON.stringify(header));
  // the same header but for the hex digits of the source: the same length, so the offsets after it hold
  if (bytes.length !== headerLength) throw new Error("the header changed length");
  head.set(bytes, 12);
}

/** Characters of a copy's stamp (see {@link columnsStamp}). */
export const COLUMNS_STAMP_LENGTH = 96;

/** Where a copy's stamp starts in its bytes: after the magic, the header's length and `{"stamp":"`. */
export const COLUMNS_STAMP_OFFSET = 12 + '{"stamp":"'.length;

/** The characters a stamp may hold: printable ASCII but `"` and `\` (one byte each, and nothing to escape in JSON). */
const STAMP_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The bytes of `stamp` as a copy holds it (see {@link columnsStamp}):
 * padded with spaces to {@link COLUMNS_STAMP_LENGTH}, to be written at
 * {@link COLUMNS_STAMP_OFFSET} in place of the copy's own. Throws when the
 * stamp is longer, ends in a space, or holds a character other than
 * printable ASCII or holds `"` or `\`.
 *
 * @example new TextDecoder().decode(columnsStampBytes("1.abc")).trimEnd() // "1.abc"
 */
export function columnsStampBytes(stamp: string): Uint8Array {
  if (stamp.length > COLUMNS_STAMP_LENGTH || !STAMP_TEXT.test(stamp) || stamp.endsWith(" ")) throw new Error(`a copy cannot be stamped ${JSON.stringify(stamp.slice(0, 16))}: at most ${COLUMNS_STAMP_LENGTH} printable ASCII characters, without " or \\, not ending in a space`);
  return new TextEncoder().encode(stamp.padEnd(COLUMNS_STAMP_LENGTH, " "));
}

/**
 * Stamps a copy in the pieces {@link encodeNetworkColumnsParts} made (see
 * {@link columnsStamp}); throws as {@link columnsStampBytes} does, or when
 * the first piece is not a copy's header with a stamp.
 *
 * @example
 * ```ts
 * const parts = encodeNetworkColumnsParts(network, sha256Hex(fileBytes));
 * setColumnsStamp(parts, "1.abc");
 * columnsStamp(parts[0]!); // "1.abc"
 * ```
 */
export function setColumnsStamp(parts: Uint8Array[], stamp: string): void {
  const head = parts[0];
  if (head === undefined || columnsStamp(head) === undefined) throw new Error("not the pieces of a columnar copy with a stamp");
  head.set(columnsStampBytes(stamp), COLUMNS_STAMP_OFFSET);
}

/**
 * The stamp of a columnar copy, read from its first
 * `COLUMNS_STAMP_OFFSET + COLUMNS_STAMP_LENGTH + 1` bytes: "" when it has
 * none, undefined when the bytes do not open a copy with a stamp (a copy
 * written before stamps were, or not a copy). A stamp is what the writer of
 * the copy notes of the file besides its hash, opaque here: the `tiegraph`
 * command notes the file's identity and times, so that it can tell an
 * unchanged file without hashing it again (packages/cli, files/network-files.ts).
 * It is the header's first field, a fixed number of characters, so it can be
 * written in place without moving anything.
 *
 * @example columnsStamp(encodeNetworkColumns(network, sha)) // ""
 */
export function columnsStamp(bytes: Uint8Array): string | undefined {
  const end = COLUMNS_STAMP_OFFSET + COLUMNS_STAMP_LENGTH;
  if (bytes.length <= end) return undefined;
  const text = new TextDecoder().decode(bytes.subarray(0, end + 1));
  if (!text.startsWith(MAGIC) || text.slice(12, COLUMNS_STAMP_OFFSET) !== '{"stamp":"' || text[end] !== '"') return undefined;
  const stamp = text.slice(COLUMNS_STAMP_OFFSET, end);
  return STAMP_TEXT.test(stamp) ? stamp.trimEnd() : undefined;
}

/**
 * The SHA-256 (hex) of the file a columnar copy says it was made from, read
 * from its header alone; undefined when the bytes are not a columnar copy.
 * Lets a reader decode the copy while the file's own hash is still being
 * computed, then keep the result only if the two agree.
 *
 * @example
 * ```ts
 * const claimed = columnsSource(cacheBytes); // "9f86d0…" or undefined
 * ```
 */
export function columnsSource(bytes: Uint8Array): string | undefined {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return undefined;
  try {
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
    const source = (JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Partial<Header>).source;
    return typeof source === "string" ? source : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The extras of a columnar copy, parsed when asked: one object from its slice
 * of the text, or all of them in one parse. The text is decoded once.
 */
function lazyExtras(bytes: Uint8Array, positions: Int32Array, starts: Int32Array): LazyExtras {
  let text: string | undefined;
  const textOf = (): string => (text ??= new TextDecoder().decode(bytes));
  return {
    all: () => {
      const objects = JSON.parse(textOf()) as ExchangeExtras[];
      return objects.map((ex, j): [number, ExchangeExtras] => [positions[j]!, ex]);
    },
    at: (position) => {
      let lo = 0;
      let hi = positions.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const p = positions[mid]!;
        if (p === position) return JSON.parse(textOf().slice(starts[mid]!, starts[mid + 1]! - (mid + 1 < positions.length ? 1 : 0))) as ExchangeExtras;
        if (p < position) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
}

/** Person-id indices of {@link CopiedRecords} a network took over already. */
const takenIndices = new WeakSet<Map<PersonId, number>>();

/** The records of a columnar copy parsed from its start ({@link copiedRecords}). */
export interface CopiedRecords {
  /** The source hash the copy names. */
  readonly source: string;
  /** Where the people's ids end in the copy: the bytes needed to parse the records and the ids. */
  readonly end: number;
  readonly records: Omit<NetworkData, "exchanges">;
  /** Every person's id, by index. */
  readonly ids: readonly PersonId[];
  /** Their index (see `personIdIndex`), made with them. */
  readonly index: Map<PersonId, number>;
  /** The people's records as parsed, not checked yet (asked for with `people`). */
  readonly people?: unknown;
  /** The people's names as parsed, not checked yet (asked for with `people: "names"`). */
  readonly names?: unknown;
}

/**
 * Where the records and the people's ids of a columnar copy end, from its
 * first bytes (they must hold the header whole: 12 bytes and the header's
 * length); with `people: true`, where the people's records (and their
 * starts) end; with `people: "names"`, where the people's names end (they
 * follow the ids). Undefined when the bytes are not the start of a copy or are too few
 * to say.
 *
 * @example const end = copiedRecordsEnd(first64KiB); // read that many bytes, then copiedRecords(them)
 */
export function copiedRecordsEnd(head: Uint8Array, people: boolean | "names" = false): number | undefined {
  if (head.length < 12 || new TextDecoder().decode(head.subarray(0, 8)) !== MAGIC) return undefined;
  const headerLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true);
  if (head.length < 12 + headerLength) return undefined;
  try {
    const header = JSON.parse(new TextDecoder().decode(head.subarray(12, 12 + headerLength))) as Partial<Header>;
    const { records, ids, names, peopleText, people: count } = header;
    if (![records, ids, names, peopleText, count].every((n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) return undefined;
    const sizes = { records: records!, ids: ids!, names: names!, peopleText: peopleText!, people: count! };
    if (people === "names") return namesAt(headerLength, sizes) + sizes.names;
    return people ? align8(peopleAt(headerLength, sizes) + sizes.peopleText) + 4 * (sizes.people + 1) : idsAt(headerLength, sizes) + sizes.ids;
  } catch {
    return undefined;
  }
}

/** The records and the people's ids of a copy, parsed from its bytes; throws when they are not JSON. */
function parseRecords(bytes: Uint8Array, headerLength: number, header: Pick<Header, "records" | "ids">, people?: unknown): { records: Omit<NetworkData, "exchanges">; ids: PersonId[] } {
  const dec = new TextDecoder();
  const at = 12 + headerLength;
  const records = JSON.parse(dec.decode(bytes.subarray(at, at + header.records))) as Omit<NetworkData, "exchanges">;
  // the people's records parsed already name their ids: the list of ids need not be parsed too
  const named = Array.isArray(people) ? idsOfRecords(people) : undefined;
  if (named !== undefined) return { records, ids: named };
  const from = idsAt(headerLength, header);
  const ids = JSON.parse(dec.decode(bytes.subarray(from, from + header.ids))) as PersonId[];
  return { records, ids };
}

/** The id of each record, when every one is an object with an id that is non-empty text; else undefined. */
function idsOfRecords(people: readonly unknown[]): PersonId[] | undefined {
  const ids = new Array<PersonId>(people.length);
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const id = p !== null && typeof p === "object" ? (p as { id?: unknown }).id : undefined;
    if (typeof id !== "string" || id === "") return undefined;
    ids[i] = id;
  }
  return ids;
}

/**
 * The organisations, ego, settings and people's ids of a columnar copy,
 * parsed from its first {@link copiedRecordsEnd} bytes (the rest need not be
 * there yet), for {@link decodeNetworkColumns}; undefined when they are not
 * the start of a copy. With `people` (and the bytes `copiedRecordsEnd(head,
 * true)` names), the people's records are parsed too, for a command that
 * will read them all: parsing them while the rest of the copy is read costs
 * the command less than parsing them when first read. They are still
 * checked when first read. With `people: "names"` (and the bytes
 * `copiedRecordsEnd(head, "names")` names), the copy's list of names is
 * parsed instead, for a command that shows names alone (the ties CSV): the
 * network then answers `personName` from it and reads no record (a tenth of
 * the text: 1.5 MB against 9 MB at 100,000 people).
 *
 * @example
 * ```ts
 * const read = copiedRecords(bytes.subarray(0, copiedRecordsEnd(bytes)!));
 * const network = decodeNetworkColumns(bytes, source, read);
 * ```
 */
export function copiedRecords(head: Uint8Array, people: boolean | "names" = false): CopiedRecords | undefined {
  const end = copiedRecordsEnd(head, people);
  const source = columnsSource(head);
  if (end === undefined || source === undefined || head.length < end) return undefined;
  const headerLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true);
  try {
    const header = JSON.parse(new TextDecoder().decode(head.subarray(12, 12 + headerLength))) as Header;
    const at = peopleAt(headerLength, header);
    const parsed: unknown = people === true ? JSON.parse(new TextDecoder().decode(head.subarray(at, at + header.peopleText))) : undefined;
    const { records, ids } = parseRecords(head, headerLength, header, parsed);
    const read: CopiedRecords = { source, end, records, ids, index: personIdIndex(ids) };
    if (people === "names") {
      const from = namesAt(headerLength, header);
      return { ...read, names: JSON.parse(new TextDecoder().decode(head.subarray(from, from + header.names))) as unknown };
    }
    return people ? { ...read, people: parsed } : read;
  } catch {
    return undefined;
  }
}

/**
 * The network in a columnar copy, or undefined when the copy was made from
 * another file (its SHA-256 is not `source`) or is not a columnar copy at all
 * (wrong marker, truncated, unreadable): the caller then reads the file
 * itself. Records are validated as when loading the file; the columns are
 * checked cheaply (see {@link Network.fromColumns}). `read` gives the records
 * already parsed from the start of these same bytes ({@link copiedRecords}),
 * so a reader can parse them while the rest of the copy is still being read.
 *
 * @example
 * ```ts
 * const network = decodeNetworkColumns(cacheBytes, sha256Hex(fileBytes)) ?? parseNetworkFile(text);
 * ```
 */
export function decodeNetworkColumns(bytes: Uint8Array, source: string, read?: CopiedRecords): Network | undefined {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return undefined;
  // one aligned buffer of its own (copied unless the bytes already are one): the columns become views on it
  const buffer = ownBuffer(bytes);
  const dec = new TextDecoder();
  try {
    const headerLength = new DataView(buffer).getUint32(8, true);
    const header = JSON.parse(dec.decode(new Uint8Array(buffer, 12, headerLength))) as Header;
    if (header.source !== source) return undefined;
    const idsFrom = idsAt(headerLength, header);
    // the records and ids parsed already from the start of these bytes (while the rest was read), or now
    const head = new Uint8Array(buffer, 0, 12 + headerLength);
    if (read !== undefined && (read.source !== source || (read.end !== idsFrom + header.ids && read.end !== copiedRecordsEnd(head, true) && read.end !== copiedRecordsEnd(head, "names")))) return undefined;
    const { records, ids } = read ?? parseRecords(new Uint8Array(buffer), headerLength, header);
    // the index made with the ids is taken over by the first network decoded with them (a network changes its own)
    const index = read !== undefined && !takenIndices.has(read.index) ? read.index : undefined;
    if (index !== undefined) takenIndices.add(index);
    if (!Array.isArray(ids) || ids.length !== header.people) return undefined;
    let at = peopleAt(headerLength, header);
    const peopleBytes = new Uint8Array(buffer, at, header.peopleText);
    at = align8(at + header.peopleText);
    const peopleStarts = new Int32Array(buffer, at, ids.length + 1);
    at = extrasAt(headerLength, header);
    const extraBytes = new Uint8Array(buffer, at, header.extras);
    at = align8(at + header.extras);
    const n = header.count;
    const { cols, end } = columnViews(buffer, at, n);
    at = end;
    const k = header.extrasCount;
    const positions = new Int32Array(buffer, at, k);
    at = align8(at + positions.byteLength);
    const starts = new Int32Array(buffer, at, k + 1);
    at = align8(at + starts.byteLength);
    const affiliationColumn = (): Int32Array => {
      const col = new Int32Array(buffer, at, header.affiliationCount);
      at = align8(at + col.byteLength);
      return col;
    };
    const affiliations: AffiliationColumns = { person: affiliationColumn(), organisation: affiliationColumn(), from: affiliationColumn(), to: affiliationColumn(), role: affiliationColumn(), roles: header.roles };
    if (at > buffer.byteLength) return undefined;
    // the affiliations are in the columns only, the people in their text only: a copy naming some in its records too is not one we wrote
    if ((records as { affiliations?: unknown }).affiliations !== undefined || (records as { people?: unknown }).people !== undefined) return undefined;
    if (!Array.isArray(header.formats) || header.formats.some((f) => typeof f !== "string")) return undefined;
    if (checksum(extraBytes, positions, starts) !== header.extrasCheck) return undefined;
    const idBytes = new Uint8Array(buffer, idsFrom, header.ids);
    const nameBytes = new Uint8Array(buffer, namesAt(headerLength, header), header.names);
    if (checksumOn(checksumOn(checksum(idBytes), nameBytes, []), peopleBytes, [peopleStarts]) !== header.peopleCheck) return undefined;
    // the names (when read) are checked as the network takes them over (a list of text, one per id)
    const people: CopiedPeople = { ids, bytes: peopleBytes, starts: peopleStarts, index, parsed: read?.people, names: read?.names as string[] | undefined };
    return Network.fromColumns(records, { ...(cols as Pick<RawExchangeColumns, ColumnName>), count: n, formats: header.formats, extras: lazyExtras(extraBytes, positions, starts) }, affiliations, people);
  } catch {
    // a damaged copy is no copy: the file itself is the truth
    return undefined;
  }
}

/** What {@link decodeExchangeSource} reads of a columnar copy: enough to build the tie indices. */
export interface CopiedExchanges {
  /** People in the network (person indices of the exchanges are below it). */
  readonly personCount: number;
  /** The network's `settings.halfLifeDays`, when set. */
  readonly halfLifeDays: number | undefined;
  /** The exchange columns in the network's order, as `Network.exchangeColumns` gives them. */
  exchangeColumns(): ExchangeColumns;
}

/** The parts of a columnar copy {@link decodeExchangeSource} reads: bytes 0 to `header`, and `from` to `to`. */
export interface ExchangeSourceExtent {
  /** Where the header ends (the magic, its length and the header itself come before). */
  header: number;
  /** Where the exchange columns start and end. */
  from: number;
  to: number;
}

/**
 * Which bytes of a columnar copy {@link decodeExchangeSource} reads, worked
 * out from its first bytes (`head`, at least the header: see the `header`
 * field; 64 KiB is plenty for any copy tiegraph writes): the header and
 * the exchange columns, about half the copy. A thread that builds a tie
 * index can read those alone into an array of `to` bytes (the rest left
 * zero, never touched) and decode that. Undefined when `head` does not
 * open a copy, or holds too little of its header.
 *
 * @example
 * ```ts
 * const extent = exchangeSourceExtent(firstBytes); // { header: 370, from: 18519688, to: 45519688 }
 * ```
 */
export function exchangeSourceExtent(head: Uint8Array): ExchangeSourceExtent | undefined {
  if (head.length < 12 || new TextDecoder().decode(head.subarray(0, 8)) !== MAGIC) return undefined;
  const headerLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(8, true);
  if (12 + headerLength > head.length) return undefined;
  try {
    const header = JSON.parse(new TextDecoder().decode(head.subarray(12, 12 + headerLength))) as Partial<Header>;
    const { records, ids, names, peopleText, people, extras, count } = header;
    if (![records, ids, names, peopleText, people, extras, count].every((n) => typeof n === "number" && Number.isSafeInteger(n) && n >= 0)) return undefined;
    const from = columnsAt(headerLength, { records: records!, ids: ids!, names: names!, peopleText: peopleText!, people: people!, extras: extras! });
    // the columns, each starting at a multiple of 8 (see columnViews)
    let to = from;
    for (const name of COLUMN_ORDER) to = align8(to + count! * COLUMN_BYTES[name]);
    return { header: 12 + headerLength, from, to };
  } catch {
    return undefined;
  }
}

/**
 * The exchanges of a columnar copy made from the file whose SHA-256 is
 * `source`, without its records: the person count, the half-life setting and
 * the exchange columns in the order the decoded network lists them (its
 * `exchangeColumns()`, bit for bit). A thread that builds a tie index while
 * another decodes the whole copy reads this; undefined when the bytes are
 * not such a copy, name another source, or hold a person index out of range.
 *
 * @example
 * ```ts
 * const ex = decodeExchangeSource(copyBytes, sha256Hex(fileBytes));
 * if (ex) buildTieIndex("relationships", ex, { halfLifeDays: ex.halfLifeDays });
 * ```
 */
export function decodeExchangeSource(bytes: Uint8Array, source: string): CopiedExchanges | undefined {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return undefined;
  const buffer = ownBuffer(bytes);
  try {
    const headerLength = new DataView(buffer).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, headerLength))) as Header;
    if (header.source !== source || !Number.isInteger(header.people) || header.people < 0) return undefined;
    if (header.halfLifeDays !== undefined && typeof header.halfLifeDays !== "number") return undefined;
    const at = columnsAt(headerLength, header);
    const n = header.count;
    const { cols } = columnViews(buffer, at, n);
    const from = cols.from as Int32Array;
    const to = cols.to as Int32Array;
    const people = header.people;
    for (let i = 0; i < n; i++) if (!(from[i]! >= 0 && from[i]! < people && to[i]! >= 0 && to[i]! < people)) return undefined;
    const flags = cols.flags as Uint8Array;
    const confidential = new Uint8Array(n);
    for (let i = 0; i < n; i++) confidential[i] = flags[i]! & FLAG_CONFIDENTIAL;
    const view: ExchangeColumns = {
      count: n,
      from,
      to,
      day: cols.day as Int32Array,
      kind: cols.kind as Uint8Array,
      value: cols.value as Float64Array,
      minutes: cols.minutes as Float32Array,
      confidential,
      format: cols.format as Uint8Array,
    };
    return { personCount: people, halfLifeDays: header.halfLifeDays, exchangeColumns: () => view };
  } catch {
    return undefined;
  }
}
