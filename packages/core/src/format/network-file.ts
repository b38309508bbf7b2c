/**
 * The tiegraph network file: versioned JSON (`"format": "tiegraph", "version": 2`)
 * whose body is {@link NetworkData}. Version 2 added the `requests` section
 * (introduction requests); version 1 files (no requests) still read. Pure functions, string in and out, so the
 * same code loads files in Node, the CLI and the browser. The JSON Schema is
 * docs/network-file.schema.json; docs/format.md explains every field.
 */
import { TiegraphError, showValue } from "../errors.js";
import { Network } from "../model/network.js";
import type { NetworkData } from "../model/types.js";
import { firstSyntaxError, lineColumn, locatePointer } from "./locate.js";

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
    if (err.pointer === undefined) return file !== undefined ? err.withLocation({ file }) : err;
    const off = locatePointer(text, err.pointer);
    return err.withLocation(off >= 0 ? where(off) : file !== undefined ? { file } : {});
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
  return Network.from(body as NetworkData);
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
 * `parseNetworkFile(serializeNetwork(n))` holds the same records.
 *
 * @example const text = serializeNetwork(net);
 */
export function serializeNetwork(network: Network, options: SerializeNetworkOptions = {}): string {
  return JSON.stringify(toNetworkFile(network, options), null, options.indent ?? 2) + "\n";
}
