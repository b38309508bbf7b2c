/**
 * The tiegraph network file: versioned JSON (`"format": "tiegraph", "version": 2`)
 * whose body is {@link NetworkData}. Version 2 added the `requests` section
 * (introduction requests); version 1 files (no requests) still read. Pure functions, string in and out, so the
 * same code loads files in Node, the CLI and the browser. The JSON Schema is
 * docs/network-file.schema.json; docs/format.md explains every field.
 */
import { TiegraphError, showValue } from "../errors.js";
import { Network } from "../model/network.js";
import type { Affiliation, NetworkData, Organisation, Person } from "../model/types.js";
import { ByteOutput } from "./byte-output.js";
import { EXCHANGES_PER_STEP, exchangeByteWriter } from "./exchange-text.js";
import { exchangeTextFits, type ExchangeTextAhead } from "./exchange-text-ahead.js";
import { firstSyntaxError, lineColumn, locatePointer } from "./locate.js";
import { copyRequest } from "../model/request-store.js";
import type { IntroductionRequest } from "../model/request-types.js";

const SCOPE = "tiegraph/format";
/** The format marker of a network file. */
export const NETWORK_FILE_FORMAT = "tiegraph";
/** The newest file version this library reads and writes (2: introduction requests). */
export const NETWORK_FILE_VERSION = 2;
/** The oldest file version this library still reads. */
export const OLDEST_NETWORK_FILE_VERSION = 1;
/** Top-level sections of each version's body. */
const SECTIONS: Readonly<Record<number, readonly string[]>> = {
  1: ["ego", "settings", "organisations", "people", "affiliations", "exchanges"],
  2: ["ego", "settings", "organisations", "people", "affiliations", "exchanges", "requests"],
};

/** A network file as parsed JSON. */
export interface NetworkFile extends NetworkData {
  format: typeof NETWORK_FILE_FORMAT;
  version: number;
}

/** Options of {@link parseNetworkFile}. */
export interface ParseNetworkFileOptions {
  /** File name, used in error messages. */
  file?: string;
}

/**
 * Parses a network file into a {@link Network}. Every problem throws a
 * {@link TiegraphError} naming the file, line and column, the record and what
 * was expected: malformed JSON (`parse-error`), a missing or foreign format
 * marker (`invalid-format`), an unknown version (`unsupported-version`), or
 * any model validation error (unknown person, duplicate id, bad date, …).
 * Version 1 files read as they are: version 2 only added the optional
 * `requests` section, so there is nothing to migrate.
 *
 * @example
 * ```ts
 * const net = parseNetworkFile(readFileSync("net.json", "utf8"), { file: "net.json" });
 * ```
 */
export function parseNetworkFile(text: string, options: ParseNetworkFileOptions = {}): Network {
  const file = options.file;
  const where = (offset: number): { file?: string; line: number; column: number } => ({ ...(file !== undefined ? { file } : {}), ...lineColumn(text, offset) });
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const offset = Math.max(0, firstSyntaxError(text));
    const near = JSON.stringify(text.slice(offset, offset + 12));
    throw new TiegraphError(SCOPE, "parse-error", `not valid JSON near ${near}`, { ...where(offset), expected: "a JSON network file" });
  }
  const located = (err: TiegraphError): TiegraphError => {
    // every problem of a batch gets its own line, not only the first
    const problems = err.problems.length > 1 ? err.problems.map((p) => ({ ...p, ...(p.pointer !== undefined && locatePointer(text, p.pointer) >= 0 ? { line: where(locatePointer(text, p.pointer)).line } : {}), ...(file !== undefined ? { file } : {}) })) : undefined;
    if (err.pointer === undefined) return file !== undefined || problems ? err.withLocation(file !== undefined ? { file } : {}, problems) : err;
    const off = locatePointer(text, err.pointer);
    return err.withLocation(off >= 0 ? where(off) : file !== undefined ? { file } : {}, problems);
  };
  try {
    return networkFromFileObject(doc);
  } catch (e) {
    if (e instanceof TiegraphError) throw located(e);
    throw e;
  }
}

/**
 * Builds a network from an already-parsed network file object (checks the
 * format marker and version, then validates the body).
 *
 * @example networkFromFileObject({ format: "tiegraph", version: 2, people: [], requests: [] })
 */
export function networkFromFileObject(doc: unknown): Network {
  return networkFromFileBody(networkFileBody(doc));
}

/**
 * A network from the body of a network file (its sections, without the
 * format marker and version), validated as a whole.
 *
 * @example networkFromFileBody({ people: [{ id: "me", name: "Me" }] }).personCount // 1
 */
export function networkFromFileBody(body: NetworkData): Network {
  return Network.from(body);
}

/**
 * The body of a network file object, after checking its format marker,
 * version and top-level fields (typed errors with the JSON pointer).
 *
 * @example networkFileBody({ format: "tiegraph", version: 2, people: [] }) // { people: [] }
 */
export function networkFileBody(doc: unknown): NetworkData {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw new TiegraphError(SCOPE, "invalid-format", "a network file must be a JSON object", { pointer: "", got: showValue(doc), expected: '{ "format": "tiegraph", "version": 1, ... }' });
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== NETWORK_FILE_FORMAT) {
    throw new TiegraphError(SCOPE, "invalid-format", "not a tiegraph network file", { pointer: "/format", got: showValue(d.format), expected: '"format": "tiegraph"' });
  }
  const sections = typeof d.version === "number" ? SECTIONS[d.version] : undefined;
  if (sections === undefined) {
    throw new TiegraphError(SCOPE, "unsupported-version", `unsupported network file version ${showValue(d.version)}`, { pointer: "/version", expected: `version ${OLDEST_NETWORK_FILE_VERSION} to ${NETWORK_FILE_VERSION} (a newer file needs a newer tiegraph)` });
  }
  const known = new Set(["format", "version", ...sections, "$schema"]);
  for (const k of Object.keys(d)) {
    if (known.has(k)) continue;
    const since = k === "requests" ? " (requests need version 2)" : "";
    throw new TiegraphError(SCOPE, "invalid-field", `unknown top-level field ${showValue(k)} in a version ${d.version} file${since}`, { pointer: `/${k}`, expected: [...known].join(", ") });
  }
  const { format: _f, version: _v, $schema: _s, ...body } = d;
  return body as NetworkData;
}

/** Options of {@link serializeNetwork}. */
export interface SerializeNetworkOptions {
  /**
   * Leave out confidential exchanges, person notes, exchange notes and the
   * `why` and `offer` of introduction requests (for a copy to share). Default false: a saved file keeps everything.
   */
  redact?: boolean;
  /** Indentation (default 2; 0 for one line). */
  indent?: number;
  /**
   * The exchanges' text written ahead from the rows the network was built
   * from (on another thread, see exchange-text-ahead.ts): written out as it
   * is when it fits the network's exchanges exactly (checked, one pass), else
   * ignored. The bytes are the same either way. Only {@link serializeNetworkBytes}
   * (and the functions built on it) takes it.
   */
  exchangeText?: ExchangeTextAhead | undefined;
  /**
   * Hand every chunk of {@link serializeNetworkBytes} out as a view of one
   * buffer that the next chunk overwrites (default false: each chunk an array
   * of its own), for a caller that writes or copies each chunk before asking
   * for the next, as a file's writer does: 185 MB of network then take one
   * buffer rather than some 2,800 fresh ones, each a page fault per 4 kB.
   */
  reuseChunks?: boolean;
  /**
   * The text of the organisations, people and affiliations made ahead
   * ({@link recordsTextAhead}): each list is written from it when the
   * network still holds the very records it was made from, else made again.
   * The bytes are the same either way. Only {@link serializeNetworkBytes}
   * (and the functions built on it) takes it, and not when redacting.
   */
  recordsAhead?: RecordsTextAhead | undefined;
}

/**
 * The network as a network file object (format marker, version, body).
 *
 * @example toNetworkFile(net).version // 2
 */
export function toNetworkFile(network: Network, options: Pick<SerializeNetworkOptions, "redact"> = {}): NetworkFile {
  const data = network.toData();
  if (options.redact) {
    data.people = (data.people ?? []).map(({ notes: _n, ...p }) => p);
    data.exchanges = (data.exchanges ?? []).filter((e) => !e.confidential).map(({ note: _n, ...e }) => e);
    // why you want an introduction and what you would offer are private notes too
    if (data.requests) data.requests = data.requests.map(({ why: _w, offer: _o, ...r }) => r);
  }
  return { format: NETWORK_FILE_FORMAT, version: NETWORK_FILE_VERSION, ...data };
}

/**
 * Serialises a network to the JSON file format. Round-trips exactly:
 * `parseNetworkFile(serializeNetwork(n))` holds the same records. The text is
 * `JSON.stringify(toNetworkFile(n), null, indent)` plus a newline, built from
 * {@link serializeNetworkChunks}.
 *
 * @example const text = serializeNetwork(net);
 */
export function serializeNetwork(network: Network, options: SerializeNetworkOptions = {}): string {
  let text = "";
  for (const chunk of serializeNetworkChunks(network, options)) text += chunk;
  return text;
}

/**
 * Records per JSON.stringify batch of the sections before the exchanges: a
 * batch's text (a person is about 150 bytes) fits a chunk's headroom, so the
 * chunk is not grown into fresh memory for it, while the calls stay few.
 */
const RECORDS_PER_BATCH = 64;
/** Nominal bytes per chunk of {@link serializeNetworkBytes} (cut between records). */
const CHUNK_BYTES = 1 << 16;

/**
 * Writes the records of one list (not the exchanges) into `out` as
 * {@link serializeNetworkBytes} writes them between the list's brackets,
 * yielding a chunk whenever `out` is full. V8's JSON.stringify is fastest on
 * whole arrays: each batch is stringified as the one field of an object, so
 * its records come out at their depth in the file, and the brackets are cut out.
 */
function* recordsText(out: ByteOutput, name: string, count: number, at: (i: number) => unknown, indent: number): Generator<Uint8Array> {
  const cut = (indent > 0 ? 1 : 0) + indent;
  for (let start = 0; start < count; start += RECORDS_PER_BATCH) {
    const batch: unknown[] = [];
    for (let i = start; i < Math.min(count, start + RECORDS_PER_BATCH); i++) batch.push(at(i));
    const text = JSON.stringify({ [name]: batch }, null, indent);
    out.text((start === 0 ? "" : ",") + text.slice(text.indexOf("[") + 1, text.lastIndexOf("]") - cut));
    if (out.full) yield out.take();
  }
}

/** The lists {@link recordsTextAhead} makes the text of. */
type RecordsList = "organisations" | "people" | "affiliations";

function isRecordsList(name: string): name is RecordsList {
  return name === "organisations" || name === "people" || name === "affiliations";
}

/**
 * The text of a network's organisations, people and affiliations as
 * {@link serializeNetworkBytes} writes them (unredacted, at `indent`), made
 * ahead of a save by {@link recordsTextAhead}, with the records it was made from.
 */
export interface RecordsTextAhead {
  readonly network: Network;
  readonly indent: number;
  /** The records the text was made from: organisations and people as the network held them (the same objects), affiliations as it gave them. */
  readonly records: { readonly organisations: readonly Organisation[]; readonly people: readonly Person[]; readonly affiliations: readonly Affiliation[] };
  /** Each list's bytes between its brackets, in chunks. */
  readonly text: Readonly<Record<RecordsList, readonly Uint8Array[]>>;
  /** The lists a serialization has written from this text (set as it does). */
  readonly used: Set<RecordsList>;
}

/**
 * Makes the text of a network's organisations, people and affiliations
 * ahead of a save (see the `recordsAhead` option of {@link serializeNetworkBytes}):
 * `import` makes it while it waits for the rows another thread reads, so the
 * save that follows writes it rather than making it then. A list is written
 * from it only when the network still holds the same organisations and
 * people (the very objects: the model replaces a record it changes, never
 * changes one in place) and equal affiliations, in the same order.
 *
 * @example
 * ```ts
 * const ahead = recordsTextAhead(network);
 * // … exchanges added …
 * for (const bytes of serializeNetworkBytes(network, { recordsAhead: ahead })) write(bytes);
 * ```
 */
export function recordsTextAhead(network: Network, indent = 2): RecordsTextAhead {
  const { organisations = [], people = [], affiliations = [] } = networkRecords(network);
  const made = (name: RecordsList, list: readonly unknown[]): Uint8Array[] => {
    const out = new ByteOutput(CHUNK_BYTES);
    const parts = [...recordsText(out, name, list.length, (i) => list[i], indent)];
    if (out.length > 0) parts.push(out.take());
    return parts;
  };
  return {
    network,
    indent,
    records: { organisations, people, affiliations },
    text: { organisations: made("organisations", organisations), people: made("people", people), affiliations: made("affiliations", affiliations) },
    used: new Set(),
  };
}

/**
 * Whether two lists hold the very same records (the same objects) in the
 * same order: the model replaces a record it changes, so the same object is
 * the same record.
 *
 * @example sameRecords(network.people(), [...network.people()]) // true
 */
export function sameRecords(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether the text made ahead of list `name` is that of `records` (see {@link recordsTextAhead}). */
function aheadFits(ahead: RecordsTextAhead, name: RecordsList, records: Omit<NetworkData, "exchanges">): boolean {
  const now = records[name] ?? [];
  const then = ahead.records[name];
  if (now.length !== then.length) return false;
  if (name !== "affiliations") return sameRecords(now, then);
  const a = now as readonly Affiliation[];
  const b = then as readonly Affiliation[];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.person !== y.person || x.organisation !== y.organisation || x.from !== y.from || x.to !== y.to || x.role !== y.role) return false;
  }
  return true;
}

/**
 * The text of {@link serializeNetwork} in pieces of about 64 KiB cut between
 * records, so a writer can stream a large network without holding the whole
 * document, or a plain object per exchange, in memory. Concatenated, the
 * chunks are exactly `JSON.stringify(toNetworkFile(network, options), null, indent) + "\n"`.
 * These are the chunks of {@link serializeNetworkBytes} decoded; a file
 * writer should take the bytes themselves.
 *
 * @example
 * ```ts
 * for (const chunk of serializeNetworkChunks(net)) stream.write(chunk);
 * ```
 */
export function* serializeNetworkChunks(network: Network, options: SerializeNetworkOptions = {}): Generator<string> {
  const decoder = new TextDecoder();
  // every chunk ends between records, so each decodes on its own
  for (const bytes of serializeNetworkBytes(network, options)) yield decoder.decode(bytes);
}

/**
 * The UTF-8 bytes of {@link serializeNetwork} in chunks of about 64 KiB cut
 * between records (each chunk a new array the caller may keep, unless
 * `reuseChunks` asks for views of one buffer). Concatenated
 * they are exactly the UTF-8 encoding of `JSON.stringify(toNetworkFile(network,
 * options), null, indent) + "\n"`. The exchanges are written from the
 * columns straight into bytes (see exchange-text.ts): no object or string per
 * exchange, and nothing to encode again before writing.
 *
 * @example
 * ```ts
 * for (const bytes of serializeNetworkBytes(net)) fileHandle.writeSync(bytes);
 * ```
 */
export function* serializeNetworkBytes(network: Network, options: SerializeNetworkOptions = {}): Generator<Uint8Array> {
  const indent = options.indent ?? 2;
  const redact = options.redact === true;
  const pad = " ".repeat(indent);
  const nl = indent > 0 ? "\n" : "";
  const colon = indent > 0 ? ": " : ":";
  const out = new ByteOutput(CHUNK_BYTES, options.reuseChunks === true);
  const ahead = !redact && options.recordsAhead?.network === network && options.recordsAhead.indent === indent ? options.recordsAhead : undefined;
  const head: Record<string, unknown> = { format: NETWORK_FILE_FORMAT, version: NETWORK_FILE_VERSION };
  const records = networkRecords(network);
  if (records.ego !== undefined) head.ego = records.ego;
  if (records.settings !== undefined) head.settings = records.settings;
  out.text("{");
  let first = true;
  const key = (k: string): string => {
    const s = `${first ? "" : ","}${nl}${pad}${JSON.stringify(k)}${colon}`;
    first = false;
    return s;
  };
  for (const [k, v] of Object.entries(head)) out.text(key(k) + JSON.stringify(v, null, indent).replace(/\n/g, nl + pad));
  const { organisations = [], people = [], affiliations = [] } = records;
  const lists: [string, number, (i: number) => unknown][] = [
    ["organisations", organisations.length, (i) => organisations[i]],
    ["people", people.length, (i) => (redact ? withoutKey(people[i]!, "notes") : people[i])],
    ["affiliations", affiliations.length, (i) => affiliations[i]],
  ];
  const n = network.exchangeCount;
  let kept = n;
  if (redact) for (let i = 0; i < n; i++) if (network.isConfidential(i)) kept--;
  lists.push(["exchanges", kept, () => undefined]);
  // introduction requests (version 2), only when there are some; a redacted copy keeps no why or offer
  const requests = network.requests();
  if (requests.length) lists.push(["requests", requests.length, (i) => requestRecord(requests[i]!, redact)]);
  for (const [name, count, at] of lists) {
    out.text(key(name));
    if (count === 0) {
      out.text("[]");
      continue;
    }
    out.text("[");
    if (name !== "exchanges") {
      // the text made ahead, when the network still holds the records it was made from
      if (ahead !== undefined && isRecordsList(name) && aheadFits(ahead, name, records)) {
        if (out.length > 0) yield out.take();
        ahead.used.add(name);
        yield* ahead.text[name];
      } else yield* recordsText(out, name, count, at, indent);
    } else if (options.exchangeText !== undefined && exchangeTextFits(network, options.exchangeText, indent, redact)) {
      if (out.length > 0) yield out.take();
      options.exchangeText.used = true;
      yield* options.exchangeText.chunks;
    } else {
      // exchanges are written straight from the columns (exchange-text.ts): no object per exchange
      const writer = exchangeByteWriter(network, indent, redact);
      for (let i = 0; i < n; i += EXCHANGES_PER_STEP) {
        writer.write(out, i, Math.min(n, i + EXCHANGES_PER_STEP));
        if (out.full) yield out.take();
      }
    }
    out.text(nl + pad + "]");
  }
  out.text(nl + "}\n");
  yield out.take();
}

/**
 * Everything in a network but its exchanges, as in {@link Network.toData}:
 * ego, settings, organisations, people, affiliations (unless `affiliations`
 * is false: the columnar copy stores them as columns) and introduction
 * requests (when there are some), in file order.
 *
 * @example networkRecords(net).people?.length === net.personCount
 */
export function networkRecords(network: Network, affiliations = true): Omit<NetworkData, "exchanges"> {
  const out: Omit<NetworkData, "exchanges"> = {};
  if (network.ego !== undefined) out.ego = network.ego;
  const settings = network.settings;
  if (Object.keys(settings).length) out.settings = settings;
  out.organisations = [...network.organisations()];
  out.people = [...network.people()];
  if (affiliations) out.affiliations = network.affiliationRecords();
  const requests = network.requests();
  if (requests.length) out.requests = requests.map(copyRequest);
  return out;
}

/** A request as stored in a file (undefined fields left out); without why and offer when redacting. */
function requestRecord(r: IntroductionRequest, redact: boolean): IntroductionRequest {
  const copy = copyRequest(r);
  if (redact) {
    delete copy.why;
    delete copy.offer;
  }
  return copy;
}

function withoutKey<T extends object>(o: T, k: keyof T): T {
  const { [k]: _drop, ...rest } = o;
  return rest as T;
}
