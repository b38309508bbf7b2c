/**
 * Reading and writing files for the commands. Reads name the file in every
 * error and open encrypted network files with the passphrase (from the
 * environment or a prompt); writes go through io's atomic save, so an
 * interrupted command never leaves half a file behind. Analysis commands
 * read through {@link loadForAnalysis}, which keeps confidential records out
 * unless asked.
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { TiegraphError, decodeNetworkColumns, encodeNetworkColumns, parseNetworkFile, type Network } from "@tiegraph/core";
import { decryptNetworkFile, isEncryptedNetworkFile, saveNetworkFileAtomic } from "@tiegraph/io/node";
import { getPassphrase } from "../passphrase.js";
import type { Terminal } from "../terminal.js";

const SCOPE = "tiegraph/cli";

/** Who is reading: the terminal (for a passphrase prompt) and the command (for messages). */
export interface Reader {
  terminal: Terminal;
  command: string;
}

/**
 * The text of a file; a missing or unreadable file is a TiegraphError naming it.
 *
 * @example const csv = await readText("people.csv");
 */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    throw ioError(file, e, "read");
  }
}

/**
 * Parses a network file, decrypting it first when it is encrypted (errors name the file, line and column).
 * A large plain file is read through its columnar copy beside it (see {@link columnsPath})
 * when that copy was made from exactly these bytes; otherwise the file is parsed and the
 * copy (re)written for next time. An encrypted file is never copied, and a copy left
 * beside it from before it was encrypted is deleted.
 *
 * @example const network = await readNetworkFile("net.json", { terminal: processTerminal(), command: "report" });
 */
export async function readNetworkFile(file: string, reader: Reader): Promise<Network> {
  const bytes = await readBytes(file);
  const head = bytes.subarray(0, 400).toString("utf8");
  if (isEncryptedNetworkFile(head)) {
    await unlink(columnsPath(file)).catch(() => undefined);
    const passphrase = await getPassphrase(reader.terminal, { command: reader.command, file });
    return decryptNetworkFile(bytes.toString("utf8"), passphrase, { file });
  }
  if (bytes.length < COLUMNS_FROM_BYTES || process.env.TIEGRAPH_COLUMNS === "off") return parseNetworkFile(bytes.toString("utf8"), { file });
  const source = createHash("sha256").update(bytes).digest("hex");
  const cached = await readFile(columnsPath(file)).then(
    (copy) => decodeNetworkColumns(copy, source),
    () => undefined,
  );
  if (cached) return cached;
  const network = parseNetworkFile(bytes.toString("utf8"), { file });
  // best effort: a folder we cannot write to only costs the next run its speed
  await writeColumns(columnsPath(file), encodeNetworkColumns(network, source)).catch(() => undefined);
  return network;
}

/** Plain network files from this size on get a columnar copy (smaller ones parse in a blink). */
const COLUMNS_FROM_BYTES = 4 << 20;

/**
 * Where the columnar copy of a network file lives: `<file>.columns` beside
 * it. The copy is derived (delete it at will); it names the SHA-256 of the
 * file it was made from and is ignored once the file changes. Setting
 * `TIEGRAPH_COLUMNS=off` reads and writes no copy.
 *
 * @example columnsPath("net.json") // "net.json.columns"
 */
export function columnsPath(file: string): string {
  return `${file}.columns`;
}

/** Writes the copy under a temporary name, then renames it: a reader never sees half of it. */
async function writeColumns(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, bytes, { mode: 0o600, flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    throw ioError(file, e, "read");
  }
}

/**
 * The network a report, an introduction or a plan is computed on. Without
 * `includeConfidential` it is the file as if confidential exchanges had never
 * been recorded, so no number, path, reason or date the command prints can
 * rest on something said in confidence. (Notes never reach an analysis
 * command's output either way; the copy drops them too.)
 *
 * @example const network = await loadForAnalysis("net.json", false, { terminal: processTerminal(), command: "report" });
 */
export async function loadForAnalysis(file: string, includeConfidential: boolean, reader: Reader): Promise<Network> {
  const network = await readNetworkFile(file, reader);
  return includeConfidential || !hasConfidentialExchange(network) ? network : redacted(network);
}

function hasConfidentialExchange(network: Network): boolean {
  const { confidential, count } = network.exchangeColumns();
  for (let e = 0; e < count; e++) if (confidential[e]) return true;
  return false;
}

/**
 * The network without confidential exchanges, person notes and exchange
 * notes: core's {@link Network.withoutConfidential}, which filters the
 * exchange columns directly (no copy through plain records, no re-validation)
 * and equals loading the redacted file.
 *
 * @example redacted(network).exchangeCount // the exchanges not marked confidential
 */
export function redacted(network: Network): Network {
  return network.withoutConfidential();
}

/**
 * Saves a network file atomically; the version it replaces is kept as `<file>.bak`.
 *
 * @example await writeNetworkFile("net.json", network);
 */
export async function writeNetworkFile(file: string, network: Network): Promise<void> {
  await saveNetworkFileAtomic(file, network);
  await unlink(columnsPath(file)).catch(() => undefined);
}

/**
 * Saves text atomically (an export, a calendar, an encrypted file). No
 * backup is kept unless asked: a backup of a file being encrypted in place
 * would be the plain text.
 *
 * @example await writeTextFile("week.ics", planToIcs(plan));
 */
export async function writeTextFile(file: string, text: string, backup = false): Promise<void> {
  await saveNetworkFileAtomic(file, text, { backup });
  // the file changed (perhaps it is now encrypted): its columnar copy, if any, goes
  await unlink(columnsPath(file)).catch(() => undefined);
}

/**
 * A file system failure as a TiegraphError naming the file.
 *
 * @example ioError("net.json", Object.assign(new Error(), { code: "ENOENT" }), "read").message // "tiegraph/cli: net.json: cannot read the file: no such file or folder, …"
 */
export function ioError(file: string, cause: unknown, verb: "read" | "write"): TiegraphError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why = code === "ENOENT" ? "no such file or folder" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : cause instanceof Error ? cause.message : String(cause);
  return new TiegraphError(SCOPE, "io-error", `cannot ${verb} the file: ${why}`, { file, expected: verb === "read" ? "a readable file" : "a writable path" });
}
