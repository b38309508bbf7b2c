/**
 * Turns the files a person opened into one Network, in the worker. Each
 * file's kind comes from its content (see file-kind.ts), not its name. A
 * tiegraph network file (plain, or encrypted with the passphrase the page
 * asked for) is parsed by core; CSVs (LinkedIn, tiegraph people, exchanges,
 * affiliations), vCard, calendar and tiegraph's GEXF/GraphML files are read by @tiegraph/io's
 * importers and merged (into the network file when one was opened with
 * them, else into a new network). A network file is strict: the first bad
 * record stops the load with its file and line. Imported files are read as
 * the CLI's import reads them: a bad record (a LinkedIn row with an
 * impossible date) is left out, and the import note names it with its file
 * and line, so one bad row does not refuse a whole export.
 */
import { MAX_TEXT_LENGTH, Network, parseNetworkBytes, parseNetworkFile, SLICED_FROM_BYTES, TiegraphError, type Person } from "@tiegraph/core";
import {
  DEFAULT_CALENDAR_OPTIONS,
  calendarEgoOf,
  decryptNetworkFile,
  importAffiliationsCsv,
  importCalendar,
  importExchangesCsv,
  importGexf,
  importGraphml,
  importLinkedInConnections,
  importPeopleCsv,
  importVCard,
  mergeInto,
  readText,
  type ImportedNetwork,
  type ReadProgress,
  type TextSource,
} from "@tiegraph/io";
import { FILE_KIND_TEXT, fileKind, SNIFF_CHARS, type FileKind } from "./file-kind.js";
import type { NetworkSource } from "./protocol.js";

export { ACCEPTED_FILES } from "./file-kind.js";

const SCOPE = "tiegraph/explorer";

/** Calendar events with more than this many other participants make no contacts unless asked (see NetworkSource.largeMeetings): @tiegraph/io's default. */
export const LARGE_MEETING = DEFAULT_CALENDAR_OPTIONS.largeEventSize;

/** A network read from files, with what the importers did. */
export interface ReadNetwork {
  /** The name shown for it (file names joined). */
  name: string;
  network: Network;
  /** One sentence per import (people added and merged), empty for a network file alone. */
  imported: string[];
  /** Calendar events left out for having more than {@link LARGE_MEETING} other participants. */
  largeMeetingsSkipped: number;
}

/** Skipped records named in the import note (the rest are counted). */
const SKIPPED_LISTED = 3;

/** The calendar importer's note about large events it skipped (the page says it in its own words, with a button). */
const LARGE_EVENTS_NOTE = /^\d+ large events? \(more than \d+ other participants\) skipped/;

/** The order imports are merged in: people before the records that name them. */
const IMPORT_ORDER: readonly FileKind[] = ["people-csv", "gexf", "graphml", "linkedin", "vcard", "affiliations-csv", "exchanges-csv", "calendar"];

/** Size thresholds of {@link readNetwork} (tests make them small). */
export interface ReadNetworkLimits {
  /** A plain network file from this many bytes on, when not read directly, is read a slice of exchanges at a time (core's parseNetworkBytes), since it may not fit one text. */
  slicedFrom?: number;
  /** Whether a plain network file written as tiegraph writes it has its exchanges read straight into columns (default true; core's parseNetworkBytes option `direct`). */
  direct?: boolean;
  /** An encrypted network file larger than this many bytes is refused with `limit-exceeded` before it is read. */
  encryptedUpTo?: number;
}

/**
 * Reads and merges a source; `onProgress` hears the fraction of bytes read,
 * then "parsing" once everything is read. Throws a TiegraphError naming the
 * file (and line); an encrypted file without a passphrase, or with a wrong
 * one, throws `decrypt-failed`. A plain network file too large for one text
 * (300,000 people and 3 million exchanges make 560 MB) is read from its
 * bytes a slice of exchanges at a time, as the CLI reads it.
 */
export async function readNetwork(source: NetworkSource, onProgress: (stage: "reading" | "parsing", fraction?: number) => void, limits: ReadNetworkLimits = {}): Promise<ReadNetwork> {
  if (source.kind === "text") {
    onProgress("parsing");
    return { name: source.name, network: parseNetworkFile(source.text, { file: source.name }), imported: [], largeMeetingsSkipped: 0 };
  }
  const files = source.files;
  const kinds: FileKind[] = [];
  for (const f of files) {
    const head = await f.slice(0, SNIFF_CHARS).text();
    const kind = fileKind(head);
    if (!kind) {
      // an empty file (a download or a sync cut short) is said to be empty, not of an unknown kind
      const blank = f.size <= SNIFF_CHARS && head.trim() === "";
      throw new TiegraphError(SCOPE, "invalid-format", !blank ? "this kind of file cannot be opened" : f.size === 0 ? "the file is empty (0 bytes)" : "the file holds nothing but white space", {
        file: f.name,
        expected: "a tiegraph network file (.json, plain or encrypted), LinkedIn's Connections.csv, a tiegraph people, exchanges or affiliations CSV, a vCard file (.vcf), a calendar (.ics) or a GEXF or GraphML file exported by tiegraph",
      });
    }
    kinds.push(kind);
  }
  const networks = files.filter((_f, i) => kinds[i] === "network" || kinds[i] === "encrypted-network");
  if (networks.length > 1) throw new TiegraphError(SCOPE, "invalid-option", "more than one network file at once", { file: networks[1]!.name, expected: "one network file, with any number of files to import into it" });

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
  if (base) {
    const onRead = (read: number) => progress(base, read);
    const slicedFrom = limits.slicedFrom ?? SLICED_FROM_BYTES;
    const encryptedUpTo = limits.encryptedUpTo ?? MAX_TEXT_LENGTH;
    if (kinds[files.indexOf(base)] === "encrypted-network") {
      if (source.passphrase === undefined) throw new TiegraphError(SCOPE, "decrypt-failed", "this network file is encrypted", { file: base.name, expected: "its passphrase" });
      if (base.size > encryptedUpTo) {
        throw new TiegraphError(SCOPE, "limit-exceeded", `is ${base.size} bytes: an encrypted network file this large cannot be opened in a browser`, { file: base.name, expected: `an encrypted file of at most ${encryptedUpTo} bytes, or the plain network file, which \`tiegraph export FILE --format tiegraph --plain\` writes` });
      }
      network = await decryptNetworkFile(await readText(base, onRead), source.passphrase, { file: base.name });
    } else {
      // read from its bytes whatever its size: a file written as tiegraph writes it has its exchanges
      // read straight into columns, and one too large for a text is read a slice at a time
      network = parseNetworkBytes(await readBytes(base, onRead), { file: base.name, slicedFrom, ...(limits.direct === false ? { direct: false } : {}) });
    }
  }
  const imports: ImportedNetwork[] = [];
  let largeMeetingsSkipped = 0;
  const order = files.map((_f, i) => i).sort((i, j) => IMPORT_ORDER.indexOf(kinds[i]!) - IMPORT_ORDER.indexOf(kinds[j]!));
  for (const i of order) {
    const file = files[i]!;
    const kind = kinds[i]!;
    if (kind === "network" || kind === "encrypted-network") continue;
    // only the first few problems are shown: no more are kept, so a file of a million bad rows costs a count
    const options = { file: file.name, strict: false, onProgress: (p: ReadProgress) => progress(file, p.read), maxProblems: SKIPPED_LISTED };
    // a calendar opened with a network file whose ego has addresses tells ego apart by them
    const imported = await importFile(kind, file, options, source.largeMeetings === true, kind === "calendar" ? calendarEgoOf(network) : undefined);
    largeMeetingsSkipped += imported.largeEvents?.events ?? 0;
    imports.push(imported);
  }
  const imported: string[] = [];
  if (imports.length) {
    const report = mergeInto(network, imports, { strict: false, maxProblems: SKIPPED_LISTED });
    // nothing usable: say why (the first bad record, with its file and line) and keep what is on screen
    if (network.personCount === 0 && report.problems.length) throw report.problems[0]!;
    imported.push(
      `Imported ${imports.map((m) => m.file).join(", ")}: ${report.added.length} people added, ${report.merged.length} recognised, ${report.ambiguous.length} uncertain (added apart), ${report.exchangesAdded} exchanges.`,
      ...report.notes.filter((note) => !LARGE_EVENTS_NOTE.test(note)),
    );
    // problems, not records: an exchange naming two people nobody imported has two
    const count = report.problemCount;
    if (count) {
      const listed = report.problems.slice(0, SKIPPED_LISTED).map((e) => e.message);
      imported.push(`Records left out for ${count} ${count === 1 ? "problem" : "problems"}: ${listed.join("; ")}${count > listed.length ? `; and ${count - listed.length} more` : ""}.`);
    }
  }
  return { name: files.map((f) => f.name).join(" + "), network, imported, largeMeetingsSkipped };
}

/** A file's bytes, read in chunks so the progress bar moves. */
async function readBytes(file: Blob, onRead: (read: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = (file.stream() as ReadableStream<Uint8Array>).getReader();
  let at = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // a file that grew while it was read: what fits is what its size said
      const part = value.subarray(0, bytes.length - at);
      bytes.set(part, at);
      at += part.length;
      onRead(at);
    }
  } finally {
    reader.releaseLock();
  }
  return at === bytes.length ? bytes : bytes.subarray(0, at);
}

type ImportFileOptions = { file: string; strict: boolean; onProgress: (p: ReadProgress) => void; maxProblems: number };

function importFile(kind: FileKind, file: TextSource, options: ImportFileOptions, largeMeetings: boolean, ego: Person | undefined): Promise<ImportedNetwork> {
  switch (kind) {
    case "linkedin":
      return importLinkedInConnections(file, options);
    case "people-csv":
      return importPeopleCsv(file, options);
    case "exchanges-csv":
      return importExchangesCsv(file, options);
    case "affiliations-csv":
      return importAffiliationsCsv(file, options);
    case "vcard":
      return importVCard(file, options);
    case "gexf":
      // ties, not exchanges: each becomes one connection, and the import note says reciprocity is not available
      return importGexf(file, options);
    case "graphml":
      return importGraphml(file, options);
    case "calendar":
      // an all-hands says nothing about any one tie: its attendees make no contacts unless asked (io's default)
      return importCalendar(file, { ...options, ...(largeMeetings ? { largeEventContacts: true } : {}), ...(ego ? { ego } : {}) });
    default:
      throw new TiegraphError(SCOPE, "invalid-format", `cannot import a ${FILE_KIND_TEXT[kind]}`, { file: options.file });
  }
}
