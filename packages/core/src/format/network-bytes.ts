/**
 * Reading a network file from its bytes, whatever its size. A JavaScript
 * string holds at most about 512 MiB, so a file of 300,000 people and
 * 3,000,000 exchanges (560 MB) cannot be one text: from
 * {@link SLICED_FROM_BYTES} on, the exchanges array is found by one scan of
 * the bytes and read a slice of items at a time (each slice decoded, parsed,
 * checked and applied before the next), the rest of the file as one small
 * text. Errors name the file, line and column and the record, as
 * {@link parseNetworkFile}'s do.
 */
import { TiegraphError, type Problem } from "../errors.js";
import { Network } from "../model/network.js";
import type { Exchange } from "../model/types.js";
import { readExchangeBytes } from "./exchange-bytes.js";
import { networkFileBody, networkFromFileBody, parseNetworkFile, type ParseNetworkFileOptions } from "./network-file.js";
import { firstSyntaxError, lineColumn, locatePointer } from "./locate.js";
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from "./json-bytes.js";

const SCOPE = "tiegraph/format";

/** Files from this many bytes on are read a slice of exchanges at a time. */
export const SLICED_FROM_BYTES = 256 << 20;

/**
 * The longest string V8 makes (Node and Chromium): 2^29 − 24 UTF-16 units. A
 * text longer than this cannot exist, so a file that must be one text (an
 * encrypted network file) is refused from this size on; a plain one is read
 * with {@link parseNetworkBytes} instead.
 *
 * @example
 * ```ts
 * if (file.size > MAX_TEXT_LENGTH) throw new Error("too large to decrypt as one text");
 * ```
 */
export const MAX_TEXT_LENGTH = 0x1fffffe8;

/** Options of {@link parseNetworkBytes}. */
export interface ParseNetworkBytesOptions extends ParseNetworkFileOptions {
  /** Read a slice at a time from this many bytes on (default {@link SLICED_FROM_BYTES}). */
  slicedFrom?: number;
  /** Exchanges per slice (default 16,384). */
  perSlice?: number;
  /**
   * Read the exchanges straight from the bytes into columns when the file is
   * written as tiegraph writes it (default true; see exchange-bytes.ts): the
   * same network, made without an object per exchange. False reads every
   * file the general way.
   */
  direct?: boolean;
}

const NEWLINE = 0x0a;

/**
 * Parses a network file from its bytes (UTF-8). A file written as tiegraph
 * writes it has its exchanges read straight into columns (no object per
 * exchange; option `direct`). Any other file, or one that breaks a rule, is
 * read the general way: below `slicedFrom` bytes as {@link parseNetworkFile}
 * does on the decoded text; from there on a slice of exchanges at a time
 * (a network file's exchanges array must then be an array of objects, as
 * tiegraph writes it). Every way gives the same network, and the same errors.
 *
 * @example
 * ```ts
 * const net = parseNetworkBytes(readFileSync("big.json"), { file: "big.json" });
 * ```
 */
export function parseNetworkBytes(bytes: Uint8Array, options: ParseNetworkBytesOptions = {}): Network {
  const plain = options.direct === false ? undefined : readPlainNetwork(bytes, options.file);
  if (plain !== undefined) return plain;
  if (bytes.length < (options.slicedFrom ?? SLICED_FROM_BYTES)) return parseNetworkFile(new TextDecoder().decode(bytes), options);
  return parseSliced(bytes, options.file, options.perSlice ?? 16384);
}

/**
 * The network of a file written as tiegraph writes it, its exchanges read
 * straight from the bytes into columns (see exchange-bytes.ts) and the rest
 * of the file (people, organisations, …) parsed as JSON; the same network
 * as {@link parseNetworkFile} gives, checked as one batch. Undefined when
 * the file is written otherwise or breaks a rule: the general reading then
 * says where.
 */
function readPlainNetwork(bytes: Uint8Array, file: string | undefined): Network | undefined {
  const dec = new TextDecoder();
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // a key written with escapes (or twice) is left to JSON.parse, which decodes it and keeps the last
  const located = findExchanges(bytes, bom, true, (i) => readExchangeBytes(bytes, i, file) ?? i);
  if (typeof located === "number") return undefined;
  const { start, found } = located;
  // the rest of the file, with an empty exchanges array (JSON.parse checks all of it, and what follows the object)
  const headText = `${dec.decode(bytes.subarray(bom, start))}[]${dec.decode(bytes.subarray(found.end))}`;
  let head: unknown;
  try {
    head = JSON.parse(headText);
  } catch {
    return undefined;
  }
  try {
    const network = Network.from(networkFileBody(head), { rows: [found.rows] });
    network.compact();
    return network;
  } catch (e) {
    if (e instanceof TiegraphError) return undefined;
    throw e;
  }
}

function parseSliced(bytes: Uint8Array, file: string | undefined, perSlice: number): Network {
  const dec = new TextDecoder();
  const named = file !== undefined ? { file } : {};
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const found = exchangeSlices(bytes, bom, perSlice);
  if (typeof found === "number") {
    throw new TiegraphError(SCOPE, "parse-error", "not a network file that can be read in parts", { ...named, ...where(bytes, found), expected: `a JSON object with an "exchanges" array of objects (a file of ${Math.round(bytes.length / 2 ** 20)} MiB is read a part at a time)` });
  }
  // the rest of the file, with an empty exchanges array; lines after it move up by the array's lines
  const before = dec.decode(bytes.subarray(bom, found.start));
  const headText = `${before}[]${dec.decode(bytes.subarray(found.end))}`;
  // (counted only when an error needs a line)
  const inHead = (offset: number): { line: number; column: number } => {
    const at = lineColumn(headText, offset);
    return offset <= before.length ? at : { line: at.line + countNewlines(bytes, found.start, found.end), column: at.column };
  };
  let head: unknown;
  try {
    head = JSON.parse(headText);
  } catch {
    const offset = Math.max(0, firstSyntaxError(headText));
    throw new TiegraphError(SCOPE, "parse-error", `not valid JSON near ${JSON.stringify(headText.slice(offset, offset + 12))}`, { ...named, ...inHead(offset), expected: "a JSON network file" });
  }
  let network: Network;
  let requests: unknown;
  try {
    const body = networkFileBody(head);
    requests = body.requests;
    delete body.requests;
    network = networkFromFileBody(body);
  } catch (e) {
    if (!(e instanceof TiegraphError)) throw e;
    const locate = (pointer: string | undefined) => {
      const off = pointer === undefined ? -1 : locatePointer(headText, pointer);
      return off >= 0 ? inHead(off) : undefined;
    };
    throw located(e, named, locate, (p) => p);
  }
  found.slices.forEach(([from, to], k) => {
    const base = k * perSlice;
    const text = `[${dec.decode(bytes.subarray(from, to))}]`;
    let items: Exchange[];
    try {
      items = JSON.parse(text) as Exchange[];
    } catch {
      const offset = Math.max(0, firstSyntaxError(text));
      throw new TiegraphError(SCOPE, "parse-error", `not valid JSON near ${JSON.stringify(text.slice(offset, offset + 12))}`, { ...named, ...where(bytes, from + byteLength(text.slice(1, Math.max(1, offset)))), expected: "a JSON network file" });
    }
    try {
      network.apply({ exchanges: items });
    } catch (e) {
      if (!(e instanceof TiegraphError)) throw e;
      // pointers and record names count within the slice: shift them to the whole array
      const shift = (pointer: string): string => pointer.replace(/^\/exchanges\/(\d+)/, (_, i: string) => `/exchanges/${base + Number(i)}`);
      // the slice as a document of its own: its items start PREFIX characters in
      const mini = `{"exchanges":${text}}`;
      const PREFIX = '{"exchanges":['.length;
      const locate = (pointer: string | undefined) => {
        const off = pointer === undefined ? -1 : locatePointer(mini, pointer);
        return off >= 0 ? where(bytes, from + byteLength(mini.slice(PREFIX, Math.max(PREFIX, off)))) : undefined;
      };
      throw located(e, named, locate, shift, base);
    }
  });
  if (requests !== undefined) {
    try {
      network.apply({ requests } as never);
    } catch (e) {
      if (!(e instanceof TiegraphError)) throw e;
      throw located(e, named, (pointer) => {
        const off = pointer === undefined ? -1 : locatePointer(headText, pointer);
        return off >= 0 ? inHead(off) : undefined;
      }, (p) => p);
    }
  }
  network.compact();
  return network;
}

/** The error with its problems' pointers shifted, records renumbered and lines found. */
function located(e: TiegraphError, named: { file?: string }, locate: (pointer: string | undefined) => { line: number; column: number } | undefined, shift: (pointer: string) => string, base = 0): TiegraphError {
  const renumber = (record: string | undefined): string | undefined => (record === undefined || base === 0 ? record : record.replace(/^exchange #(\d+)$/, (_, i: string) => `exchange #${base + Number(i)}`));
  const problems: Problem[] = e.problems.map((p) => {
    const pointer = p.pointer === undefined ? undefined : shift(p.pointer);
    const at = locate(p.pointer);
    return { ...p, record: renumber(p.record) ?? p.record, ...(pointer !== undefined ? { pointer } : {}), ...named, ...(at ? { line: at.line } : {}) };
  });
  const at = locate(e.pointer);
  const pointer = e.pointer === undefined ? undefined : shift(e.pointer);
  const record = renumber(e.record);
  return e.withLocation({ ...named, ...(at ?? {}), ...(pointer !== undefined ? { pointer } : {}), ...(record !== undefined ? { record } : {}) }, problems.length > 1 ? problems : undefined);
}

/** Line and column of a byte offset (the column counted in characters). */
function where(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === NEWLINE) {
      line++;
      last = i;
    }
  }
  return { line, column: new TextDecoder().decode(bytes.subarray(last + 1, offset)).length + 1 };
}

function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (bytes[i] === NEWLINE) n++;
  return n;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

// ------------------------------------------------------------- the scan

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** One past the closing quote of the string whose opening quote is at `i`, or -1. */
function skipString(bytes: Uint8Array, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = bytes.indexOf(QUOTE, j);
    if (q < 0) return -1;
    // a quote after an odd number of backslashes is escaped (UTF-8 never hides these bytes inside a character)
    let b = q - 1;
    while (bytes[b] === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** One past the value starting at `i`, or -1 when the bytes end first. */
function skipValue(bytes: Uint8Array, i: number): number {
  const c = bytes[i];
  if (c === QUOTE) return skipString(bytes, i);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let j = i;
    while (j < bytes.length) {
      const d = bytes[j]!;
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
      j++;
    }
    return j;
  }
  let depth = 0;
  let j = i;
  while (j < bytes.length) {
    const d = bytes[j]!;
    if (d === QUOTE) {
      j = skipString(bytes, j);
      if (j < 0) return -1;
      continue;
    }
    if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
    else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return -1;
}

function skipSpace(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isSpace(bytes[i]!)) i++;
  return i;
}

/** The exchanges array: its `[` and one past its `]`, and its items in slices (first item's offset, one past the last's). */
interface ExchangeSlices {
  start: number;
  end: number;
  slices: [number, number][];
}

/**
 * The top-level exchanges array of a network file's bytes, its items cut
 * every `perSlice`; or the offset where the bytes stop being shaped so (not
 * an object, a key twice, no exchanges array, ending early).
 */
function exchangeSlices(bytes: Uint8Array, from: number, perSlice: number): ExchangeSlices | number {
  const located = findExchanges(bytes, from, false, (i) => (bytes[i] !== OPEN_BRACKET ? i : sliceItems(bytes, i, perSlice)));
  return typeof located === "number" ? located : located.found;
}

/**
 * The top-level `exchanges` array of a network file's bytes, read by `read`
 * from its `[` (which gives what it read, with `end` one past the array, or
 * the offset where it stopped): where it starts and what was read; or the
 * offset where the bytes stop being shaped so (not an object, a key twice,
 * with `plainKeys` a key written with an escape, no exchanges array, ending
 * early). Other values are skipped over, not parsed.
 */
function findExchanges<T extends { end: number }>(bytes: Uint8Array, from: number, plainKeys: boolean, read: (at: number) => T | number): { start: number; found: T } | number {
  let i = skipSpace(bytes, from);
  if (bytes[i] !== OPEN_BRACE) return i;
  i = skipSpace(bytes, i + 1);
  let found: { start: number; found: T } | undefined;
  const keys = new Set<string>();
  const dec = new TextDecoder();
  while (i < bytes.length && bytes[i] !== CLOSE_BRACE) {
    if (bytes[i] !== QUOTE) return i;
    const keyEnd = skipString(bytes, i);
    if (keyEnd < 0) return i;
    const keyBytes = bytes.subarray(i + 1, keyEnd - 1);
    if (plainKeys && keyBytes.includes(BACKSLASH)) return i;
    const key = dec.decode(keyBytes);
    if (keys.has(key)) return i;
    keys.add(key);
    i = skipSpace(bytes, keyEnd);
    if (bytes[i] !== COLON) return i;
    i = skipSpace(bytes, i + 1);
    if (key === "exchanges") {
      const items = read(i);
      if (typeof items === "number") return items;
      found = { start: i, found: items };
      i = items.end;
    } else {
      const end = skipValue(bytes, i);
      if (end < 0) return i;
      i = end;
    }
    i = skipSpace(bytes, i);
    if (bytes[i] === COMMA) i = skipSpace(bytes, i + 1);
    else if (bytes[i] !== CLOSE_BRACE) return i;
  }
  return found ?? i;
}

/** The items of the array whose `[` is at `start`, cut every `perSlice` items; or where an item is not an object. */
function sliceItems(bytes: Uint8Array, start: number, perSlice: number): ExchangeSlices | number {
  let i = skipSpace(bytes, start + 1);
  const slices: [number, number][] = [];
  let from = i;
  let items = 0;
  while (bytes[i] !== CLOSE_BRACKET) {
    if (bytes[i] !== OPEN_BRACE) return i;
    const end = skipValue(bytes, i);
    if (end < 0) return i;
    items++;
    i = skipSpace(bytes, end);
    const c = bytes[i];
    if (c === COMMA) {
      i = skipSpace(bytes, i + 1);
      // a comma before the end is not JSON
      if (bytes[i] === CLOSE_BRACKET) return i;
    } else if (c !== CLOSE_BRACKET) return i;
    if (items % perSlice === 0 || c === CLOSE_BRACKET) {
      slices.push([from, end]);
      from = i;
    }
  }
  return { start, end: i + 1, slices };
}
