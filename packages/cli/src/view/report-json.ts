/**
 * `report --json` written in chunks: the same bytes as
 * `JSON.stringify(data, null, 2)`, but the tie list (hundreds of thousands of
 * relationships on a large network) is written straight from the tie index,
 * and each per-person measure (100,000 values on a large network) straight
 * from its values by person index, a few thousand at a time, instead of as
 * objects inside one string of tens of megabytes.
 */
import type { PersonId } from "@tiegraph/core";
import { personColumns, type PersonColumn, type ReportData } from "../commands/report-data.js";
import { terminalText } from "../terminal.js";

/** The relationships to list, read from an index by position. */
export interface TieRows {
  count: number;
  /** Positions of the pair's two people in `ids` and its strength. */
  a(k: number): number;
  b(k: number): number;
  strength(k: number): number;
  /** The network's person ids, by person index: each is quoted once for the tie list and the per-person members alike. */
  ids: readonly PersonId[];
}

/**
 * Ties written per chunk: about 45 KB, so the buffer each chunk is encoded
 * into comes from memory the allocator reuses; chunks of 4,096 ties (370 KB)
 * were each given freshly mapped memory, which cost 0.1–0.15 s more on
 * 1,000,000 exchanges written to a file.
 */
const TIES_PER_CHUNK = 512;

/**
 * The report document in chunks; `ties` replaces `data.ties` when given.
 * Joined, the chunks equal `JSON.stringify({ ...data, ties }, null, 2)`.
 *
 * @example
 * ```ts
 * for (const chunk of reportJsonChunks(data, rows)) process.stdout.write(chunk);
 * ```
 */
export function* reportJsonChunks(data: ReportData, ties?: TieRows): Generator<string> {
  for (const part of reportJsonParts(data, ties, false)) yield part.text;
}

/**
 * A piece of the report document, and whether it is already fit to show
 * (see `terminalText`). A piece of the tie list rendered ahead
 * ({@link TieListAhead}) comes as its UTF-8 `bytes`, with `text` empty.
 */
export interface ReportJsonPart {
  text: string;
  shown: boolean;
  bytes?: Uint8Array;
}

/**
 * The start of the report's tie list rendered while the report waits for
 * work of another thread (betweenness, constraint and effective size, see
 * report.ts): each call of {@link TieListAhead.step} renders the next chunk
 * and keeps it as UTF-8 bytes (off the JavaScript heap, so holding them
 * costs the collector nothing); {@link reportJsonParts} given it writes
 * those bytes, then renders the rest as it goes. The parts say exactly what
 * they say without it.
 *
 * @example
 * ```ts
 * const ahead = new TieListAhead(rows, true);
 * while (!brokerageArrived && ahead.step()) await new Promise(setImmediate);
 * for (const part of reportJsonParts(data, rows, true, ahead)) write(part);
 * ```
 */
export class TieListAhead {
  /** The chunks rendered so far, in order. */
  readonly held: Uint8Array[] = [];
  /** What writing the report needs (the per-person keys made for the tie list serve its columns too). */
  readonly writing: Writing;
  /** The rest of the tie list's chunks, continued by the report. */
  readonly rest: Generator<string>;
  private ended = false;
  constructor(ties: TieRows, forTerminal: boolean) {
    this.writing = { ties, forTerminal, people: new Map() };
    this.rest = tieChunks(ties, this.writing);
  }
  /** Renders the next chunk; false once the whole list is rendered. */
  step(): boolean {
    if (this.ended) return false;
    const next = this.rest.next();
    if (next.done === true) {
      this.ended = true;
      return false;
    }
    this.held.push(Buffer.from(next.value, "utf8"));
    return true;
  }
}

/**
 * The report document in parts, for a terminal: with `forTerminal`, the tie
 * list (most of the document) comes with each id already passed through
 * `terminalText`, once per person rather than once per row, and marked
 * `shown`, so it can go out raw (`writeRaw`); every other part still needs
 * the terminal's escaping. Escaped, the parts say what
 * {@link reportJsonChunks} says, in the same JSON.
 *
 * @example
 * ```ts
 * for (const { text, shown } of reportJsonParts(data, rows, true)) (shown ? writeRaw(out, text) : out.write(text));
 * ```
 */
export function* reportJsonParts(data: ReportData, ties: TieRows | undefined, forTerminal: boolean, ahead?: TieListAhead): Generator<ReportJsonPart> {
  const keys = Object.keys(data);
  if (ties !== undefined && !keys.includes("ties")) keys.push("ties");
  if (ahead !== undefined && (ahead.writing.ties !== ties || ahead.writing.forTerminal !== forTerminal)) throw new Error("the tie list rendered ahead is not this report's");
  yield* objectParts(data, keys, "", ahead?.writing ?? { ties, forTerminal, people: new Map() }, ahead);
}

/** What writing one report needs throughout: the tie list, whether for a terminal, and each network's people's keys. */
interface Writing {
  ties: TieRows | undefined;
  forTerminal: boolean;
  people: Map<readonly PersonId[], PersonKeys>;
}

/**
 * An object of the report as `JSON.stringify(owner, null, 2)` writes it at
 * `indent`: its per-person columns (`personColumns`) from their values,
 * objects holding such columns member by member, every other member
 * stringified whole.
 */
function* objectParts(owner: object, keys: readonly string[], indent: string, writing: Writing, ahead?: TieListAhead): Generator<ReportJsonPart> {
  const columns = personColumns(owner);
  const inner = `${indent}  `;
  yield { text: "{", shown: false };
  let first = true;
  const head = (key: string): string => {
    const text = `${first ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    return text;
  };
  for (const key of keys) {
    if (key === "ties" && indent === "" && writing.ties !== undefined) {
      yield { text: head(key), shown: false };
      if (ahead !== undefined) {
        // the chunks rendered while waiting, then the rest of the same list
        for (const bytes of ahead.held.splice(0)) yield { text: "", shown: writing.forTerminal, bytes };
        for (const text of ahead.rest) yield { text, shown: writing.forTerminal };
      } else for (const text of tieChunks(writing.ties, writing)) yield { text, shown: writing.forTerminal };
      continue;
    }
    const column = columns?.get(key);
    if (column !== undefined) {
      yield { text: head(key), shown: false };
      for (const text of columnChunks(column, inner, writing)) yield { text, shown: writing.forTerminal };
      continue;
    }
    const value = (owner as Record<string, unknown>)[key];
    if (typeof value === "object" && value !== null && personColumns(value) !== undefined) {
      yield { text: head(key), shown: false };
      yield* objectParts(value, Object.keys(value), inner, writing);
      continue;
    }
    const text = JSON.stringify(value, null, 2) as string | undefined;
    // JSON.stringify leaves undefined members out, as the whole-document stringify did
    if (text === undefined) continue;
    // a line break in JSON text is always layout (strings carry theirs escaped): indented one level deeper
    yield { text: head(key) + (text.includes("\n") ? text.replaceAll("\n", `\n${inner}`) : text), shown: false };
  }
  yield { text: first ? "}" : `\n${indent}}`, shown: false };
}

/** Values written per chunk (about 30 KB, see {@link TIES_PER_CHUNK}). */
const VALUES_PER_CHUNK = 1024;

/**
 * A per-person column as JSON.stringify writes the record it stands for at
 * `indent`: keys in the record's order (see {@link personKeys}), numbers as
 * JSON writes them (NaN and infinities as null). `writing.forTerminal`: ids
 * escaped for a terminal.
 */
function* columnChunks(column: PersonColumn, indent: string, writing: Writing): Generator<string> {
  const keys = keysOf(column.network.personIds(), writing);
  const { order } = keys;
  const quoted = writing.forTerminal ? keys.shown : keys.quoted;
  const value = column.value;
  const gap = `\n${indent}  `;
  let chunk = "{";
  let written = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const v = value(i);
    // a record's undefined member is left out, as JSON.stringify leaves it
    if (v === undefined) continue;
    chunk += `${written === 0 ? "" : ","}${gap}${quoted(i)}: ${typeof v === "number" && Number.isFinite(v) ? String(v) : "null"}`;
    if (++written % VALUES_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield written === 0 ? `${chunk}}` : `${chunk}\n${indent}}`;
}

/** The keys of these people's records, made once per report. */
function keysOf(ids: readonly PersonId[], writing: Writing): PersonKeys {
  let keys = writing.people.get(ids);
  if (keys === undefined) writing.people.set(ids, (keys = personKeys(ids)));
  return keys;
}

/** The keys of a record of every person: their order, and each id quoted once (and once escaped for a terminal). */
interface PersonKeys {
  /** Person positions in the order a record's keys come in. */
  order: Int32Array;
  quoted(position: number): string;
  shown(position: number): string;
}

/**
 * The keys of `personRecord(network, …)` in the order `Object.keys` (and
 * JSON.stringify) gives them: ids that are array indices (canonical numbers
 * below 2³² − 1: "0", "17", not "01" or "4294967295") first, in ascending
 * numeric order, then the others in person order.
 */
function personKeys(ids: readonly PersonId[]): PersonKeys {
  const n = ids.length;
  const order = new Int32Array(n);
  const indices: number[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (isArrayIndex(ids[i]!)) indices.push(i);
    else order[k++] = i;
  }
  if (indices.length > 0) {
    indices.sort((a, b) => Number(ids[a]!) - Number(ids[b]!));
    order.copyWithin(indices.length, 0, k);
    order.set(indices, 0);
  }
  const quotes = new Array<string | undefined>(n).fill(undefined);
  const shown = new Array<string | undefined>(n).fill(undefined);
  const quoted = (p: number): string => (quotes[p] ??= JSON.stringify(ids[p]!));
  return { order, quoted, shown: (p) => (shown[p] ??= terminalText(quoted(p))) };
}

/** Whether a key is an array index: the canonical decimal form of an integer from 0 to 2³² − 2. */
function isArrayIndex(id: string): boolean {
  const c = id.charCodeAt(0);
  if (!(c >= 48 && c <= 57) || id.length > 10) return false;
  if (!/^(?:0|[1-9][0-9]*)$/.test(id)) return false;
  return Number(id) < 4294967295;
}

/** The tie list; `writing.forTerminal`: ids escaped for a terminal (the rest is punctuation and numbers). */
function* tieChunks(ties: TieRows, writing: Writing): Generator<string> {
  if (ties.count === 0) {
    yield "[]";
    return;
  }
  // each person's id quoted once, however many ties they have (and shared with the per-person members)
  const keys = keysOf(ties.ids, writing);
  const quote = writing.forTerminal ? keys.shown : keys.quoted;
  let chunk = "[";
  for (let k = 0; k < ties.count; k++) {
    chunk += `${k === 0 ? "" : ","}\n    {\n      "a": ${quote(ties.a(k))},\n      "b": ${quote(ties.b(k))},\n      "strength": ${JSON.stringify(ties.strength(k))}\n    }`;
    if ((k + 1) % TIES_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}\n  ]`;
}
