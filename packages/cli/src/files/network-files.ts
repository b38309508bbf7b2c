/**
 * Reading and writing files for the commands. Reads name the file in every
 * error and open encrypted network files with the passphrase (from the
 * environment or a prompt); writes go through io's atomic save, so an
 * interrupted command never leaves half a file behind. Analysis commands
 * read through {@link loadForAnalysis}, which keeps confidential records out
 * unless asked.
 */
import { readFile } from "node:fs/promises";
import { TiegraphError, parseNetworkFile, type Network } from "@tiegraph/core";
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
 *
 * @example const network = await readNetworkFile("net.json", { terminal: processTerminal(), command: "report" });
 */
export async function readNetworkFile(file: string, reader: Reader): Promise<Network> {
  const text = await readText(file);
  if (isEncryptedNetworkFile(text)) {
    const passphrase = await getPassphrase(reader.terminal, { command: reader.command, file });
    return decryptNetworkFile(text, passphrase, { file });
  }
  return parseNetworkFile(text, { file });
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
