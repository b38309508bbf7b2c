/**
 * Turns a file into a Network, in the worker: reads it with progress, then
 * picks the reader by file name (a tiegraph network file, or one of
 * @tiegraph/io's importers for the formats it knows).
 */
import { parseNetworkFile, TiegraphError, type Network } from "@tiegraph/core";
import type { NetworkSource } from "./protocol.js";

/** The name shown for a source. */
export function sourceName(source: NetworkSource): string {
  return source.kind === "file" ? source.file.name : source.name;
}

/** The text of a source; `onRead` hears the fraction read so far. */
export async function readSourceText(source: NetworkSource, onRead: (fraction: number) => void): Promise<string> {
  if (source.kind === "text") return source.text;
  const file = source.file;
  // streamed, so a large file reports progress while it is read
  const reader = file.stream().getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onRead(file.size ? read / file.size : 1);
  }
  parts.push(decoder.decode());
  return parts.join("");
}

/**
 * Parses the text of a file into a Network. Throws a TiegraphError naming
 * the file, line and record on bad input.
 */
export function parseNetworkText(name: string, text: string): Network {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json") || text.trimStart().startsWith("{")) return parseNetworkFile(text, { file: name });
  throw new TiegraphError("tiegraph/explorer", "invalid-format", "unknown kind of file", { file: name, expected: "a tiegraph network file (.json)" });
}
