/**
 * The columnar copy of a network file: the same content as the JSON, laid out
 * so it loads without parsing a million exchange objects. People,
 * organisations, affiliations, ego and settings are a small JSON document;
 * the exchanges are their typed-array columns, byte for byte. It is a derived
 * cache, never the interchange format: it names the SHA-256 of the file it was
 * made from, and a reader uses it only when that hash matches.
 *
 * Layout (little-endian): the 8 bytes `TGCOLS02`, a uint32 header length, the
 * header (UTF-8 JSON: `{ source, count, formats, records, extras, extrasCheck }`
 * with the byte length of each part), the records JSON, the extras JSON, then
 * each column at an 8-byte-aligned offset in the order of {@link COLUMN_ORDER}.
 * The extras (ids, notes, tags, introductions: what few commands read) are
 * parsed only when first needed; `extrasCheck`, a 32-bit FNV-1a checksum of
 * their bytes, is checked on reading so that a damaged copy is still
 * refused at once.
 */
import { Network, type RawExchangeColumns } from "../model/network.js";
import type { ExchangeExtras } from "../model/exchange-store.js";
import type { NetworkData } from "../model/types.js";
import { networkRecords } from "./network-file.js";

const MAGIC = "TGCOLS02";

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

interface Header {
  /** SHA-256 (hex) of the file the copy was made from. */
  source: string;
  count: number;
  formats: string[];
  records: number;
  extras: number;
  /** FNV-1a (32-bit) of the extras bytes. */
  extrasCheck: number;
}

/**
 * The 32-bit FNV-1a hash of some bytes (offset basis 2166136261, prime
 * 16777619; Fowler, Noll and Vo): a cheap check that bytes were not damaged,
 * not a defence against someone who means to forge them.
 */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

const align8 = (n: number): number => (n + 7) & ~7;

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
  const raw = network.rawExchangeColumns();
  const records = networkRecords(network);
  const enc = new TextEncoder();
  const recordBytes = enc.encode(JSON.stringify(records));
  const extraBytes = enc.encode(JSON.stringify(raw.extras));
  const header: Header = { source, count: raw.count, formats: raw.formats, records: recordBytes.length, extras: extraBytes.length, extrasCheck: fnv1a(extraBytes) };
  const headerBytes = enc.encode(JSON.stringify(header));
  let size = align8(12 + headerBytes.length + recordBytes.length + extraBytes.length);
  const offsets: number[] = [];
  for (const name of COLUMN_ORDER) {
    offsets.push(size);
    size = align8(size + raw[name].byteLength);
  }
  const out = new Uint8Array(size);
  out.set(enc.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  let at = 12;
  for (const part of [headerBytes, recordBytes, extraBytes]) {
    out.set(part, at);
    at += part.length;
  }
  COLUMN_ORDER.forEach((name, k) => {
    const col = raw[name];
    out.set(new Uint8Array(col.buffer, col.byteOffset, col.byteLength), offsets[k]!);
  });
  return out;
}

/**
 * The network in a columnar copy, or undefined when the copy was made from
 * another file (its SHA-256 is not `source`) or is not a columnar copy at all
 * (wrong marker, truncated, unreadable): the caller then reads the file
 * itself. Records are validated as when loading the file; the columns are
 * checked cheaply (see {@link Network.fromColumns}).
 *
 * @example
 * ```ts
 * const network = decodeNetworkColumns(cacheBytes, sha256Hex(fileBytes)) ?? parseNetworkFile(text);
 * ```
 */
export function decodeNetworkColumns(bytes: Uint8Array, source: string): Network | undefined {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return undefined;
  // one aligned buffer of its own (copied unless the bytes already are one): the columns become views on it
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const buffer = own ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const dec = new TextDecoder();
  try {
    const headerLength = new DataView(buffer).getUint32(8, true);
    const header = JSON.parse(dec.decode(new Uint8Array(buffer, 12, headerLength))) as Header;
    if (header.source !== source) return undefined;
    let at = 12 + headerLength;
    const records = JSON.parse(dec.decode(new Uint8Array(buffer, at, header.records))) as Omit<NetworkData, "exchanges">;
    at += header.records;
    const extraBytes = new Uint8Array(buffer, at, header.extras);
    if (fnv1a(extraBytes) !== header.extrasCheck) return undefined;
    // parsed when the network first needs an extra (fresh objects each time: a filtered copy builds its own)
    const extras = (): [number, ExchangeExtras][] => JSON.parse(dec.decode(extraBytes)) as [number, ExchangeExtras][];
    at = align8(at + header.extras);
    const n = header.count;
    const cols: Partial<Record<ColumnName, ArrayBufferView<ArrayBuffer>>> = {};
    for (const name of COLUMN_ORDER) {
      const view = MAKERS[name](buffer, at, n);
      cols[name] = view;
      at = align8(at + view.byteLength);
    }
    if (at > buffer.byteLength) return undefined;
    return Network.fromColumns(records, { ...(cols as Pick<RawExchangeColumns, ColumnName>), count: n, formats: header.formats, extras });
  } catch {
    // a damaged copy is no copy: the file itself is the truth
    return undefined;
  }
}
