/**
 * Reading and writing network files for the commands. Reads name the file in
 * every error; writes go through io's atomic save, so an interrupted command
 * never leaves half a file behind.
 */
import { readFile, writeFile } from "node:fs/promises";
import { TiegraphError, parseNetworkFile, serializeNetwork, type Network } from "@tiegraph/core";

const SCOPE = "tiegraph/cli";

/** The text of a file; a missing or unreadable file is a TiegraphError naming it. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (e) {
    throw ioError(file, e, "read");
  }
}

/** Parses a network file (errors name the file, line and column). */
export async function readNetworkFile(file: string): Promise<Network> {
  return parseNetworkFile(await readText(file), { file });
}

/** Saves a network file atomically. */
export async function writeNetworkFile(file: string, network: Network): Promise<void> {
  try {
    await writeFile(file, serializeNetwork(network));
  } catch (e) {
    throw ioError(file, e, "write");
  }
}

/** A file system failure as a TiegraphError naming the file. */
export function ioError(file: string, cause: unknown, verb: "read" | "write"): TiegraphError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : cause instanceof Error ? cause.message : String(cause);
  return new TiegraphError(SCOPE, "io-error", `cannot ${verb} the file: ${why}`, { file, expected: verb === "read" ? "a readable file" : "a writable path" });
}
