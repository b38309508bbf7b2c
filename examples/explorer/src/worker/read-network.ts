/**
 * Turns the files a person opened into one Network, in the worker. A
 * tiegraph network file is parsed by core; LinkedIn's Connections.csv,
 * vCard and calendar files are read by @tiegraph/io's importers and merged
 * (into the network file when one was opened with them, else into a new
 * network). Everything is strict: the first bad record stops the load with
 * its file and line, so nothing half-read ever reaches the page.
 */
import { Network, parseNetworkFile, TiegraphError } from "@tiegraph/core";
import { importCalendar, importLinkedInConnections, importVCard, mergeInto, readText, type ImportedNetwork, type ReadProgress, type TextSource } from "@tiegraph/io";
import type { NetworkSource } from "./protocol.js";

/** The kinds of file the page opens. */
export type FileKind = "network" | "linkedin" | "vcard" | "calendar";

const KINDS: readonly [RegExp, FileKind][] = [
  [/\.json$/i, "network"],
  [/\.csv$/i, "linkedin"],
  [/\.(vcf|vcard)$/i, "vcard"],
  [/\.(ics|ical|ifb)$/i, "calendar"],
];

/** What the page accepts, for the file picker. */
export const ACCEPTED_FILES = ".json,.csv,.vcf,.vcard,.ics,.ical";

/** The kind of a file, from its name; undefined for anything else. */
export function fileKind(name: string): FileKind | undefined {
  return KINDS.find(([pattern]) => pattern.test(name))?.[1];
}

/** A network read from files, with what the importers did. */
export interface ReadNetwork {
  /** The name shown for it (file names joined). */
  name: string;
  network: Network;
  /** One sentence per import (people added and merged), empty for a network file alone. */
  imported: string[];
}

/**
 * Reads and merges a source; `onProgress` hears the fraction of bytes read,
 * then "parsing" once everything is read. Throws a TiegraphError naming the
 * file and line.
 */
export async function readNetwork(source: NetworkSource, onProgress: (stage: "reading" | "parsing", fraction?: number) => void): Promise<ReadNetwork> {
  if (source.kind === "text") {
    onProgress("parsing");
    return { name: source.name, network: parseNetworkFile(source.text, { file: source.name }), imported: [] };
  }
  const files = source.files;
  const kinds = files.map((f) => {
    const kind = fileKind(f.name);
    if (!kind) throw new TiegraphError("tiegraph/explorer", "invalid-format", "this kind of file cannot be opened", { file: f.name, expected: "a tiegraph network file (.json), LinkedIn's Connections.csv, a vCard file (.vcf) or a calendar (.ics)" });
    return kind;
  });
  const networks = files.filter((_f, i) => kinds[i] === "network");
  if (networks.length > 1) throw new TiegraphError("tiegraph/explorer", "invalid-option", "more than one network file at once", { file: networks[1]!.name, expected: "one network file (.json), with any number of files to import into it" });

  const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
  const done = new Map<File, number>();
  const progress = (file: File, read: number) => {
    done.set(file, Math.min(read, file.size));
    let sum = 0;
    for (const v of done.values()) sum += v;
    if (sum >= total) onProgress("parsing");
    else onProgress("reading", sum / total);
  };
  let network = new Network();
  const base = networks[0];
  if (base) network = parseNetworkFile(await readText(base, (read) => progress(base, read)), { file: base.name });
  const imports: ImportedNetwork[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const kind = kinds[i]!;
    if (kind === "network") continue;
    const options = { file: file.name, strict: true, onProgress: (p: ReadProgress) => progress(file, p.read) };
    const read: (s: TextSource, o: typeof options) => Promise<ImportedNetwork> = kind === "linkedin" ? importLinkedInConnections : kind === "vcard" ? importVCard : importCalendar;
    imports.push(await read(file, options));
  }
  const imported: string[] = [];
  if (imports.length) {
    const report = mergeInto(network, imports, { strict: true });
    imported.push(
      `Imported ${imports.map((m) => m.file).join(", ")}: ${report.added.length} people added, ${report.merged.length} recognised, ${report.ambiguous.length} uncertain (added apart), ${report.exchangesAdded} exchanges.`,
      ...report.notes,
    );
  }
  return { name: files.map((f) => f.name).join(" + "), network, imported };
}
