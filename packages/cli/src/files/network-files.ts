/**
 * Reading and writing files for the commands. Reads name the file in every
 * error and open encrypted network files with the passphrase (from the
 * environment or a prompt); writes go through io's atomic save, so an
 * interrupted command never leaves half a file behind. Analysis commands
 * read through {@link loadForAnalysis}, which keeps confidential records out
 * unless asked.
 *
 * What was encrypted stays encrypted: a network read from an encrypted file
 * remembers the passphrase it was opened with, and {@link writeNetworkFile}
 * seals it again unless the command was told `--plain`. Outputs that are not
 * network saves (exports, calendars) never replace a network file.
 */
import { createHash, randomBytes } from "node:crypto";
import type { BigIntStats } from "node:fs";
import { open, readFile, rename, stat, unlink, writeFile, type FileHandle } from "node:fs/promises";
import { copiedPeopleAhead, recordsTextAhead, type CopiedPeopleAhead, type ExchangeTextAhead, type RecordsTextAhead } from "@tiegraph/core/internal";
import { COLUMNS_STAMP_LENGTH, COLUMNS_STAMP_OFFSET, MAX_TEXT_LENGTH, TiegraphError, columnsSource, columnsStamp, columnsStampBytes, copiedRecords, copiedRecordsEnd, decodeNetworkColumns, type CopiedRecords, type DirectedTies, encodeNetworkColumnsParts, parseNetworkBytes, parseNetworkFile, serializeNetworkBytes, setColumnsSource, setColumnsStamp, type Network, type Person } from "@tiegraph/core";
import { Worker } from "node:worker_threads";
import { decryptNetworkFile, encryptText, isEncryptedNetworkFile, saveNetworkFileAtomic, type EncryptionOptions } from "@tiegraph/io/node";
import type { GraphologyJsonTail, TiesCsvTail } from "@tiegraph/io";
import { getPassphrase } from "../passphrase.js";
import { adoptIndexAhead, adoptSampleAhead, startIndexAhead, type BrokerageAhead, type IndexAhead, type IndexAheadJob, type SampleAheadResult } from "./index-ahead.js";
import type { BuiltTieIndex } from "@tiegraph/core/internal";
import type { Terminal } from "../terminal.js";
import { UsageError } from "../usage-error.js";

const SCOPE = "tiegraph/cli";

/** Who is reading: the terminal (for a passphrase prompt) and the command (for messages). */
export interface Reader {
  terminal: Terminal;
  command: string;
  /**
   * `"by-id"`: the command names people by id alone (`report --json`), so a
   * columnar copy's person records are left to be read when first needed
   * (see core's `deferPeople`). `"names"`: it shows their ids and names
   * and little else (the ties CSV; the graph exports, which add the odd tag
   * or attribute), so the copy's list of names is read instead of the
   * records (core's `Network.personName`), and a record is read only when
   * it holds more (core's `Network.personHas`). Otherwise the records are parsed
   * while the rest of the copy is read, as a command that shows more than
   * names reads them all.
   */
  people?: "by-id" | "names";
  /**
   * With `people: "names"`: the records that hold any of these fields (the
   * graph exports: tags, attributes, and notes when asked for) are read
   * while the thread building the tie index still works, rather than one
   * by one as the command writes its nodes after taking the index.
   */
  holding?: readonly (keyof Person)[];
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
export async function readNetworkFile(file: string, reader: Reader, ahead?: IndexAhead): Promise<Network> {
  const network = await readNetwork(file, reader, ahead);
  readOn.set(network, reader.terminal.env);
  readRecordsNow(network, reader);
  await takeIndexAhead(network);
  return network;
}

/**
 * A command that shows more of people than their ids and names (every one
 * but `report --json`, the ties CSV and the graph exports) reads all the
 * person records and affiliation spans a columnar copy left unread, so it
 * does that now, while the thread building its tie index still works,
 * rather than after taking the index. The graph exports read the records
 * that hold more than a name (see {@link Reader}`.holding`) now.
 */
function readRecordsNow(network: Network, reader: Reader): void {
  if (reader.people === undefined) network.readRecords();
  else if (reader.people === "names" && reader.holding !== undefined && reader.holding.length > 0) {
    // personHas reads (and keeps) the record of a person whose record's text names the field
    const fields = reader.holding;
    for (let i = 0, n = network.personCount; i < n; i++) for (const f of fields) if (network.personHas(i, f)) break;
  }
}

/** What of the people a columnar copy's reader parses with its start (core's `copiedRecords`): every record, the names alone, or the ids alone. */
function peopleRead(reader: Reader): boolean | "names" {
  if (reader.people === undefined) return true;
  return reader.people === "names" ? "names" : false;
}

/** The jobs building an index ahead for networks being read (see index-ahead.ts). */
const builtAhead = new WeakMap<Network, { job: IndexAheadJob; source: string; ahead: IndexAhead; reader: Reader }>();
/** Shortest paths being sampled ahead on a network's adopted index, until taken. */
const sampledAhead = new WeakMap<Network, { taken: BuiltTieIndex; pending: Promise<SampleAheadResult | undefined>; reader: Reader }>();

/**
 * Makes the index built ahead for the network (if any) its own, once it is in
 * its final form. `TIEGRAPH_INDEX_AHEAD=trace` says on standard error whether
 * it was taken (a diagnostic: the figures are the same either way).
 */
async function takeIndexAhead(network: Network): Promise<void> {
  const entry = builtAhead.get(network);
  if (entry === undefined) return;
  builtAhead.delete(network);
  const taken = await adoptIndexAhead(network, entry.job.result, entry.source, entry.ahead);
  trace(entry.reader, `the ${entry.ahead.kind} tie index built ahead was ${taken ? "taken" : "not taken"}`);
  if (taken?.sampling === true) sampledAhead.set(network, { taken: taken.built, pending: entry.job.sample, reader: entry.reader });
  if (taken?.brokerage === true) brokerageAhead.set(network, { index: taken.built.index as DirectedTies, pending: entry.job.brokerage, reader: entry.reader });
  if (taken?.tailFrom !== undefined) {
    const { job, reader } = entry;
    const from = taken.tailFrom;
    const index = taken.built.index as DirectedTies;
    const traced = (what: string, chunks: Uint8Array[] | undefined): Uint8Array[] | undefined => {
      trace(reader, `${what} from ${from} on were ${chunks ? "written on the worker thread" : "not written on the worker thread"}`);
      return chunks;
    };
    if (entry.ahead.tiesTail === "json") jsonTailAhead.set(network, { index, from, edges: async (keys, indent) => traced("the JSON's edges", await job.tail({ format: "json", keys, indent })) });
    else tailAhead.set(network, { index, from, rows: async (cells) => traced("the ties CSV's rows", await job.tail({ format: "csv", cells })) });
  } else if (!taken) entry.job.cancel();
}

/** The ties CSV rows the worker that built a network's adopted directed index can write, until taken. */
const tailAhead = new WeakMap<Network, TiesCsvTail>();
/** The graphology JSON edges the worker that built a network's adopted directed index can write, until taken. */
const jsonTailAhead = new WeakMap<Network, GraphologyJsonTail>();

/**
 * The second half of the ties CSV rows, written on the worker thread that
 * built the network's directed tie index (asked with `tiesTail: "csv"`), for io's
 * `exportTiesCsvBytesWithTail`; undefined when none is coming. Taken once.
 *
 * @example const tail = takeTiesCsvTail(network); await writeTextFile("ties.csv", exportTiesCsvBytesWithTail(network, {}, tail), { command: "export" });
 */
export function takeTiesCsvTail(network: Network): TiesCsvTail | undefined {
  const tail = tailAhead.get(network);
  tailAhead.delete(network);
  return tail;
}

/**
 * The last 45 % of the ties graph's graphology JSON edges, written on
 * the worker thread that built the network's directed tie index (asked with
 * `tiesTail: "json"`), for io's `exportGraphologyJsonBytesWithTail`;
 * undefined when none is coming. Taken once.
 *
 * @example const tail = takeJsonTail(network); await writeTextFile("graph.json", exportGraphologyJsonBytesWithTail(network, {}, tail), { command: "export" });
 */
export function takeJsonTail(network: Network): GraphologyJsonTail | undefined {
  const tail = jsonTailAhead.get(network);
  jsonTailAhead.delete(network);
  return tail;
}

/** `TIEGRAPH_COLUMNS_TRACE=1` says on standard error how the columnar copy was taken (by its stamp or the file's hash) and when it was stamped (a diagnostic). */
function traceCopy(reader: Reader, text: string): void {
  if (reader.terminal.env.TIEGRAPH_COLUMNS_TRACE === "1") reader.terminal.stderr.write(`tiegraph: ${reader.command}: ${text}\n`);
}

function trace(reader: Reader, text: string): void {
  if (reader.terminal.env.TIEGRAPH_INDEX_AHEAD === "trace") reader.terminal.stderr.write(`tiegraph: ${reader.command}: ${text}\n`);
}

/** Constraint and effective size being computed ahead on a network's adopted directed index, until taken. */
const brokerageAhead = new WeakMap<Network, { index: DirectedTies; pending: Promise<BrokerageAhead | undefined>; reader: Reader }>();

/**
 * Waits for Burt's constraint and effective size computed on the worker
 * thread that built the network's adopted directed index (asked with
 * `brokerage`), with that index: they are the measures of that index alone
 * (core's `constraintByIndex` and `effectiveSizeByIndex` with their default
 * options give the same values, bit for bit); undefined when none are
 * coming. Call it after the other measures, which the main thread computes
 * meanwhile. Taken once.
 *
 * @example const ahead = await takeBrokerageAhead(network); if (ahead?.index === ties) ahead.values.constraint[0]
 */
export async function takeBrokerageAhead(network: Network): Promise<{ index: DirectedTies; values: BrokerageAhead } | undefined> {
  const entry = brokerageAhead.get(network);
  if (entry === undefined) return undefined;
  brokerageAhead.delete(network);
  const values = await entry.pending;
  trace(entry.reader, `constraint and effective size were ${values ? "computed ahead" : "not computed ahead"}`);
  return values && { index: entry.index, values };
}

/**
 * Waits for the shortest paths sampled ahead for betweenness on the
 * network's directed tie index (asked with `sampleBetweenness`), and makes
 * them that index's sample, so `betweennessWithinBudget` reads them instead
 * of sampling again; nothing when none are coming. Call it after the other
 * measures, which the main thread computes meanwhile.
 *
 * @example await takeSampleAhead(network); betweennessWithinBudget(network, { ties })
 */
export async function takeSampleAhead(network: Network): Promise<void> {
  const entry = sampledAhead.get(network);
  if (entry === undefined) return;
  sampledAhead.delete(network);
  const taken = await adoptSampleAhead(entry.taken, entry.pending);
  trace(entry.reader, `the betweenness sample taken ahead was ${taken ? "taken" : "not taken"}`);
}

/** The environment of the command that read each network (its TIEGRAPH_COLUMNS also rules the copy written with a save). */
const readOn = new WeakMap<Network, Terminal["env"]>();

async function readNetwork(file: string, reader: Reader, ahead: IndexAhead | undefined): Promise<Network> {
  const columns = reader.terminal.env.TIEGRAPH_COLUMNS;
  // the clock before the file's times are read: a stamp's "checked at" is never later than the check
  const checkedAt = Date.now();
  const st = await fileStat(file);
  const size = Number(st.size);
  // refused from its size and first bytes, before a byte more is read
  if (size >= MAX_TEXT_LENGTH && (await startsEncrypted(file))) throw encryptedTooLarge(file, size);
  if (size > MAX_NETWORK_FILE_BYTES) throw plainTooLarge(file, size);
  // a large plain file with a copy beside it: decode the copy while another thread hashes the file
  if (columns !== "off" && (columns === "always" || size >= COLUMNS_FROM_BYTES) && !(await startsEncrypted(file))) {
    // the tie index the command will ask for, built from the copy's exchanges while the copy is decoded
    const job = ahead && indexAheadAllowed(reader) ? startIndexAhead(columnsPath(file), ahead) : undefined;
    // a copy whose stamp says the file is as it was when its hash last matched is taken without hashing the
    // file again; otherwise the file's hash is computed on another thread while the copy is read and decoded
    const settled = settledMs(reader);
    const stamp = await copyStamp(columnsPath(file));
    const known = stamp !== undefined && stamp !== "" && stampHolds(stamp, st, settled);
    const hashing = stamp !== undefined && !known ? hashFile(file) : undefined;
    const read = await readCopy(columnsPath(file), peopleRead(reader));
    const copy = read?.bytes;
    const claimed = copy && columnsSource(copy);
    // the copy read is the one whose stamp was read (not one written in between)
    const byStamp = known && copy !== undefined && columnsStamp(copy) === stamp;
    if (copy && claimed && (byStamp || hashing)) {
      const network = decodeNetworkColumns(copy, claimed, read.records);
      const source = byStamp ? claimed : await hashing!.hash;
      if (network && source === claimed) {
        traceCopy(reader, byStamp ? "the columnar copy was taken by its stamp (the file has not changed since its hash last matched)" : "the columnar copy was taken by the file's hash");
        if (!byStamp) await stampCopy(file, st, checkedAt, claimed, settled, reader);
        if (job) builtAhead.set(network, { job, source: claimed, ahead: ahead!, reader });
        return network;
      }
    }
    hashing?.stop();
    job?.cancel();
  }
  const bytes = await readBytes(file);
  // an encrypted file names its format at the start: only then is the whole text decoded to check it
  const marked = bytes.subarray(0, 400).toString("utf8").includes("tiegraph-encrypted");
  // an encrypted file's envelope is one string: no larger than a JavaScript string can be
  // (the file may have grown since its size was read)
  if (marked && bytes.length >= MAX_TEXT_LENGTH) throw encryptedTooLarge(file, bytes.length);
  const text = marked ? bytes.toString("utf8") : undefined;
  if (text !== undefined && isEncryptedNetworkFile(text)) {
    await dropColumns(file);
    const passphrase = await getPassphrase(reader.terminal, { command: reader.command, file });
    const network = await decryptNetworkFile(text, passphrase, { file });
    sealed.set(network, { file, passphrase, encryption: encryptionOf(text), terminal: reader.terminal });
    return network;
  }
  if (text !== undefined) return parseNetworkFile(text, { file });
  // from the bytes: a file too large for one string is read a slice of exchanges at a time
  if (columns === "off" || (columns !== "always" && bytes.length < COLUMNS_FROM_BYTES)) return parseNetworkBytes(bytes, { file });
  const source = createHash("sha256").update(bytes).digest("hex");
  const network = parseNetworkBytes(bytes, { file });
  const parts = encodeNetworkColumnsParts(network, source);
  // stamped when the file was left as it is long enough before it was read, and not changed while it was
  if (await settledSince(file, st, checkedAt, settledMs(reader))) setColumnsStamp(parts, stampOf(st, checkedAt));
  // best effort: a folder we cannot write to only costs the next run its speed
  await writeColumns(columnsPath(file), parts).catch(() => undefined);
  return network;
}

/**
 * How long (ms) a file must have gone unchanged before its identity and times
 * can tell that it has not changed since: a change within the same tick of
 * the file system's clock keeps them (a few milliseconds here; two seconds
 * on FAT). `TIEGRAPH_COLUMNS_SETTLED_MS` sets it (the tests set 0).
 */
const SETTLED_MS = 3000;

function settledMs(reader: Reader): number {
  const given = Number(reader.terminal.env.TIEGRAPH_COLUMNS_SETTLED_MS);
  return reader.terminal.env.TIEGRAPH_COLUMNS_SETTLED_MS !== undefined && Number.isFinite(given) && given >= 0 ? given : SETTLED_MS;
}

/**
 * The stamp a columnar copy gets once its file's hash is found to match
 * (core's `columnsStamp`): the file's device, inode, size, modification and
 * change times (ns), and `checkedAt`, the clock (ms) just before those were
 * read, in base 36 after a version mark. Editing a file, replacing it or
 * restoring it changes at least one of them (the change time cannot be set
 * back by a program; a new file has a new inode or change time).
 *
 * @example stampOf(await stat("net.json", { bigint: true }), Date.now()) // "t1.…"
 */
function stampOf(st: BigIntStats, checkedAt: number): string {
  return ["t1", ...identity(st), BigInt(checkedAt).toString(36)].join(".");
}

/** A file's device, inode, size, modification and change times (ns), in base 36. */
function identity(st: BigIntStats): string[] {
  return [st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].map((x) => x.toString(36));
}

/**
 * Whether a copy stamped `stamp` is of the file whose times are `st`
 * without hashing it: the same device, inode, size and times, and the file
 * had not changed for `settledMs` before its hash was checked (so no change
 * after the check kept its times: see {@link SETTLED_MS}).
 */
function stampHolds(stamp: string, st: BigIntStats, settledMs: number): boolean {
  const parts = stamp.split(".");
  if (parts.length !== 7 || parts[0] !== "t1") return false;
  const mine = identity(st);
  if (mine.some((x, k) => x !== parts[k + 1])) return false;
  const checkedAt = parseInt(parts[6]!, 36);
  return Number.isFinite(checkedAt) && Number(st.ctimeNs / 1_000_000n) + settledMs < checkedAt;
}

/**
 * Whether the file whose times were `st` just before `checkedAt` had gone
 * unchanged for `settledMs` by then and still has those times: what it takes
 * to stamp a copy of what was read of it (see {@link stampOf}).
 */
async function settledSince(file: string, st: BigIntStats, checkedAt: number, settledMs: number): Promise<boolean> {
  if (!(Number(st.ctimeNs / 1_000_000n) + settledMs < checkedAt)) return false;
  const now = await stat(file, { bigint: true }).catch(() => undefined);
  return now !== undefined && identity(now).join(".") === identity(st).join(".");
}

/** The stamp of the copy at `path`, read from its first bytes: "" when it has none (or is not a copy: it is then found out as it is read); undefined when there is no file there. */
async function copyStamp(path: string): Promise<string | undefined> {
  const fh = await open(path, "r").catch(() => undefined);
  if (fh === undefined) return undefined;
  try {
    const head = Buffer.alloc(COLUMNS_STAMP_OFFSET + COLUMNS_STAMP_LENGTH + 1);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return bytesRead === 0 ? undefined : (columnsStamp(head.subarray(0, bytesRead)) ?? "");
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/**
 * Stamps in place the copy of `file` whose hash was just found to match
 * (named `source`), when the file had gone unchanged long enough and still
 * has the times `st` read before its hash: the next command takes the copy
 * without hashing the file. Only the stamp's characters are written, and only
 * into a copy that still names that hash; anything that goes wrong leaves
 * the copy as it was (best effort: the next command then hashes again).
 */
async function stampCopy(file: string, st: BigIntStats, checkedAt: number, source: string, settledMs: number, reader: Reader): Promise<void> {
  if (!(await settledSince(file, st, checkedAt, settledMs))) return;
  let fh: FileHandle | undefined;
  try {
    fh = await open(columnsPath(file), "r+");
    const start = Buffer.alloc(12);
    await fh.read(start, 0, 12, 0);
    const head = Buffer.alloc(12 + Math.min(start.readUInt32LE(8), 1 << 24));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    if (columnsStamp(head.subarray(0, bytesRead)) === undefined || columnsSource(head.subarray(0, bytesRead)) !== source) return;
    const bytes = columnsStampBytes(stampOf(st, checkedAt));
    await fh.write(bytes, 0, bytes.length, COLUMNS_STAMP_OFFSET);
    traceCopy(reader, "the columnar copy was stamped: the next command takes it without hashing the file");
  } catch {
    // best effort: unstamped, the copy is taken by the file's hash
  } finally {
    await fh?.close();
  }
}

/**
 * The largest network file read (2 GiB less one byte: Node reads no larger file into one buffer).
 * A network that large holds some 10 million exchanges; a larger file is refused before it is read.
 */
export const MAX_NETWORK_FILE_BYTES = 2 ** 31 - 1;

function encryptedTooLarge(file: string, size: number): TiegraphError {
  return new TiegraphError(SCOPE, "limit-exceeded", `is ${size} bytes: no encrypted network file is that large`, { file, expected: `an encrypted file of at most ${MAX_TEXT_LENGTH - 1} bytes (it holds at most 360 MiB of network), or a plain network file` });
}

function plainTooLarge(file: string, size: number): TiegraphError {
  return new TiegraphError(SCOPE, "limit-exceeded", `is ${size} bytes: larger than any network file tiegraph reads`, { file, expected: `a network file of at most ${MAX_NETWORK_FILE_BYTES} bytes` });
}

async function fileStat(file: string): Promise<BigIntStats> {
  try {
    return await stat(file, { bigint: true });
  } catch (e) {
    throw ioError(file, e, "read");
  }
}

/** Whether the file starts as an encrypted network file does (its first 400 bytes name the format). */
async function startsEncrypted(file: string): Promise<boolean> {
  const fh = await open(file, "r").catch((e: unknown) => {
    throw ioError(file, e, "read");
  });
  try {
    const head = Buffer.alloc(400);
    const { bytesRead } = await fh.read(head, 0, 400, 0);
    return head.subarray(0, bytesRead).toString("utf8").includes("tiegraph-encrypted");
  } finally {
    await fh.close();
  }
}

/**
 * The SHA-256 (hex) of a file, computed on a worker thread that reads it a
 * mebibyte at a time into one buffer (the main thread meanwhile decodes the
 * columnar copy; the file is never held in memory whole); undefined when it
 * cannot be read. `stop()` ends the thread when the hash is not wanted after all.
 */
function hashFile(file: string): { hash: Promise<string | undefined>; stop(): void } {
  const worker = new Worker(HASH_WORKER, { eval: true, workerData: file });
  const hash = new Promise<string | undefined>((resolve) => {
    worker.once("message", (hash: unknown) => {
      resolve(typeof hash === "string" ? hash : undefined);
      // stopped at once: its last chunks of the file are freed now, not while the command runs on
      void worker.terminate();
    });
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return { hash, stop: () => void worker.terminate() };
}

// read through one buffer, reused: fresh memory for every chunk costs more to touch than the hash costs
const HASH_WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { closeSync, openSync, readSync } = require("node:fs");
let fd;
try {
  fd = openSync(workerData, "r");
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  parentPort.postMessage(hash.digest("hex"));
} catch {
  parentPort.postMessage(null);
} finally {
  if (fd !== undefined) closeSync(fd);
}
`;


/** Whether a tie index may be built ahead on another thread (`TIEGRAPH_INDEX_AHEAD=off`: never; the figures are the same either way). */
function indexAheadAllowed(reader: Reader): boolean {
  return reader.terminal.env.TIEGRAPH_INDEX_AHEAD !== "off";
}

/** Plain network files from this size on get a columnar copy (smaller ones parse in a blink). */
const COLUMNS_FROM_BYTES = 4 << 20;

/**
 * Where the columnar copy of a network file lives: `<file>.columns` beside
 * it. The copy is derived (delete it at will); it names the SHA-256 of the
 * file it was made from and is ignored once the file changes. Only plain
 * files of 4 MiB or more get one; `TIEGRAPH_COLUMNS=off` reads and writes
 * no copy, `TIEGRAPH_COLUMNS=always` makes one for any plain file.
 *
 * @example columnsPath("net.json") // "net.json.columns"
 */
export function columnsPath(file: string): string {
  return `${file}.columns`;
}

/**
 * The bytes of a columnar copy, with its records parsed while the rest of it
 * is read: the start (header, records and people's ids, and with `people`
 * the people's records too) is read first, then the rest is read on libuv's
 * thread while this one parses them (the read of tens of megabytes into
 * fresh memory takes about as long as the parse). Undefined when there is no
 * readable copy; no records when its start is not one's.
 */
async function readCopy(path: string, people: boolean | "names"): Promise<{ bytes: Buffer; records: CopiedRecords | undefined } | undefined> {
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch {
    return undefined;
  }
  try {
    const size = (await fh.stat()).size;
    const bytes = Buffer.allocUnsafe(size);
    let have = await readRange(fh, bytes, 0, Math.min(size, 1 << 16));
    const end = copiedRecordsEnd(bytes.subarray(0, have), people);
    if (end !== undefined && end <= size) have = await readRange(fh, bytes, have, Math.max(have, end));
    const rest = readRange(fh, bytes, have, size);
    // heard at once, so a failed read is never an unhandled rejection while the records are parsed
    rest.catch(() => undefined);
    const records = end !== undefined && end <= size ? copiedRecords(bytes.subarray(0, end), people) : undefined;
    await rest;
    return { bytes, records };
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/** Reads bytes [from, to) of the file into the same places of `into`; a file shorter than that is an error (it changed). */
async function readRange(fh: FileHandle, into: Buffer, from: number, to: number): Promise<number> {
  for (let at = from; at < to; ) {
    const { bytesRead } = await fh.read(into, at, to - at, at);
    if (bytesRead === 0) throw new Error("the file ended early");
    at += bytesRead;
  }
  return to;
}

/** Writes the copy under a temporary name, then renames it: a reader never sees half of it. */
async function writeColumns(path: string, bytes: readonly Uint8Array[]): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(tmp, bytes, { mode: 0o600, flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Deletes the columnar copy of a file that was just replaced (perhaps by its encrypted form). */
async function dropColumns(file: string): Promise<void> {
  await unlink(columnsPath(file)).catch(() => undefined);
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    throw ioError(file, e, "read");
  }
}

/** How a network read from an encrypted file was sealed, to seal what is written from it the same way. */
interface Seal {
  file: string;
  passphrase: string;
  encryption: EncryptionOptions;
  terminal: Terminal;
}
const sealed = new WeakMap<Network, Seal>();

/** The key-derivation cost the file was sealed with (kept when it is sealed again). */
function encryptionOf(envelope: string): EncryptionOptions {
  const iterations = (JSON.parse(envelope) as { kdf?: { iterations?: unknown } }).kdf?.iterations;
  return typeof iterations === "number" ? { iterations } : {};
}

/**
 * Whether a network was read from an encrypted file (and so is written encrypted).
 *
 * @example readFromEncrypted(await readNetworkFile("enc.json", reader)) // true
 */
export function readFromEncrypted(network: Network): boolean {
  return sealed.has(network);
}

/**
 * The network a report, an introduction or a plan is computed on. Without
 * `includeConfidential` it is the file as if confidential exchanges had never
 * been recorded, so no number, path, reason or date the command prints can
 * rest on something said in confidence. (Notes never reach an analysis
 * command's output either way; the redaction drops them too.) The network
 * read is redacted in place ({@link Network.removeConfidential}, equal to
 * {@link redacted}'s copy): it is for the analysis only, never to be saved.
 *
 * @example const network = await loadForAnalysis("net.json", false, { terminal: processTerminal(), command: "report" });
 */
export async function loadForAnalysis(file: string, includeConfidential: boolean, reader: Reader, ahead?: IndexAhead): Promise<Network> {
  const network = await readNetwork(file, reader, ahead);
  readOn.set(network, reader.terminal.env);
  if (includeConfidential || !hasConfidentialExchange(network)) {
    readRecordsNow(network, reader);
    await takeIndexAhead(network);
    return network;
  }
  // read for this analysis alone: redacted in place (no copy of the network), and no longer
  // the network of its file, so it is never sealed or saved as if it were the whole file
  network.removeConfidential();
  sealed.delete(network);
  readOn.delete(network);
  readRecordsNow(network, reader);
  await takeIndexAhead(network);
  return network;
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

/** Options of {@link writeNetworkFile}. */
export interface NetworkSaveOptions {
  /**
   * Write plain JSON even though the network was read from an encrypted file
   * (the command's `--plain`). A warning says so.
   */
  plain?: boolean;
  /** Where to say how the file was written (default: the terminal the network was read on). */
  terminal?: Terminal;
  /** The exchanges' text written ahead (see serializeNetworkBytes' `exchangeText`); a plain save uses it when it fits. */
  exchangeText?: ExchangeTextAhead | undefined;
  /**
   * The organisations', people's and affiliations' text of the file and the
   * people's parts of its columnar copy, made ahead (see {@link saveAhead});
   * a plain save uses each when the network still holds the records it was made from.
   */
  ahead?: SaveAhead | undefined;
}

/** What {@link saveAhead} makes. */
export interface SaveAhead {
  records: RecordsTextAhead;
  people: CopiedPeopleAhead;
}

/**
 * The parts of a plain save that depend only on a network's organisations,
 * people and affiliations, made now (core's `recordsTextAhead` and
 * `copiedPeopleAhead`): for a command that has a moment to spare before it
 * saves, as `import` has while another thread reads its exchanges. The save
 * ({@link writeNetworkFile} with `ahead`) writes them as they are when the
 * network still holds those records, and makes them again otherwise: the
 * bytes are the same either way.
 *
 * @example const ahead = saveAhead(network); await writeNetworkFile("net.json", network, { ahead });
 */
export function saveAhead(network: Network): SaveAhead {
  return { records: recordsTextAhead(network), people: copiedPeopleAhead(network) };
}

/** How {@link writeNetworkFile} wrote a network. */
export interface NetworkSave {
  file: string;
  /** Sealed with the passphrase of the encrypted file it was read from. */
  encrypted: boolean;
  /** That encrypted file, when there was one. */
  readFrom?: string;
}

/**
 * Saves a network file atomically; the version it replaces is kept as
 * `<file>.bak`. A network read from an encrypted file is written encrypted
 * with the same passphrase (and key-derivation cost) unless `plain` is set;
 * either way a line on standard error says which, so no command decrypts a
 * file silently. A network not read encrypted may not replace an encrypted
 * file unless `plain` is set (a typed `invalid-option` error naming the file).
 *
 * @example await writeNetworkFile("net.json", network); // { file: "net.json", encrypted: false }
 */
export async function writeNetworkFile(file: string, network: Network, options: NetworkSaveOptions = {}): Promise<NetworkSave> {
  const seal = sealed.get(network);
  if (seal === undefined) {
    if (options.plain !== true && (await holdsNetworkFile(file, true))) {
      throw new TiegraphError(SCOPE, "invalid-option", "is an encrypted network file: saving a network read from plain files there would replace it with plain JSON", {
        file,
        expected: "the encrypted file as the input (import --into it) so the result stays encrypted, or --plain to replace it with a plain file",
      });
    }
    await savePlainWithColumns(file, network, options);
    return { file, encrypted: false };
  }
  const say = options.terminal ?? seal.terminal;
  if (options.plain === true) {
    await savePlainWithColumns(file, network, options);
    say.stderr.write(plainWarning(file, seal.file));
    return { file, encrypted: false, readFrom: seal.file };
  }
  await saveNetworkFileAtomic(file, network, { passphrase: seal.passphrase, encryption: seal.encryption });
  await dropColumns(file);
  say.stderr.write(sealedNotice(file, seal.file));
  return { file, encrypted: true, readFrom: seal.file };
}

/**
 * Saves a network as plain JSON and, when the file is large enough to have
 * one (see {@link columnsPath}), its columnar copy, so the next command reads
 * the copy instead of parsing the JSON again. Otherwise an old copy is
 * deleted. The copy is encoded while the file is flushed to disk and
 * another thread hashes the file just written (read back from the page
 * cache: the main thread no longer hashes 176 MB as it writes them, about
 * 0.15 s at 100,000 people); it is named by that hash and written once the
 * file has its name. A file too small to be worth a thread is hashed here.
 */
async function savePlainWithColumns(file: string, network: Network, options: NetworkSaveOptions): Promise<void> {
  let bytes = 0;
  const mode = (options.terminal?.env ?? readOn.get(network) ?? process.env).TIEGRAPH_COLUMNS;
  let copy: Uint8Array[] | undefined;
  // an encoding that fails fails the command once the file is saved, as it did when encoded after the save
  let failed: { e: unknown } | undefined;
  await saveNetworkFileAtomic(file, serializeNetworkBytes(network, { exchangeText: options.exchangeText, reuseChunks: true, recordsAhead: options.ahead?.records }), {
    onWrite: (written) => void (bytes += written.byteLength),
    whileSyncing: async (written) => {
      if (mode === "off" || (mode !== "always" && bytes < COLUMNS_FROM_BYTES)) return;
      const hashing = bytes >= HASH_THREAD_FROM_BYTES ? hashFile(written.path) : undefined;
      try {
        // named by the hash once it is known: a placeholder of its length until then
        const parts = encodeNetworkColumnsParts(network, UNNAMED_SOURCE, options.ahead?.people, options.exchangeText?.rows);
        const source = hashing !== undefined ? await hashing.hash : createHash("sha256").update(await readFile(written.path)).digest("hex");
        // a file the thread could not read has no copy (best effort, as when reading: the next command parses it)
        if (source === undefined) return;
        setColumnsSource(parts, source);
        copy = parts;
      } catch (e) {
        hashing?.stop();
        failed = { e };
      }
    },
  });
  if (failed) throw failed.e;
  if (copy === undefined) {
    await dropColumns(file);
    return;
  }
  // best effort, as when reading: without it the next command parses the file
  await writeColumns(columnsPath(file), copy).catch(() => dropColumns(file));
}

/** A saved file at least this large is hashed on another thread (see {@link savePlainWithColumns}); a smaller one here. */
const HASH_THREAD_FROM_BYTES = 16 << 20;

/** The source a columnar copy is encoded with until the file's hash is known: as long as a SHA-256 in hex. */
const UNNAMED_SOURCE = "0".repeat(64);

/**
 * The text of a network as a command writes it: plain JSON, or sealed with
 * the passphrase of the encrypted file it was read from (see
 * {@link writeNetworkFile}), for outputs that are not saved through it (a copy
 * on standard output).
 *
 * @example await networkText(network, serializeNetwork(network, { redact: true }), { plain: false })
 */
export async function networkText(network: Network, text: string, options: NetworkSaveOptions & { output: string }): Promise<string> {
  const seal = sealed.get(network);
  if (seal === undefined) return text;
  const say = options.terminal ?? seal.terminal;
  if (options.plain === true) {
    say.stderr.write(plainWarning(options.output, seal.file));
    return text;
  }
  say.stderr.write(sealedNotice(options.output, seal.file));
  return encryptText(text, seal.passphrase, seal.encryption);
}

function sealedNotice(file: string, from: string): string {
  return `tiegraph: ${file} is written encrypted with the passphrase of ${from} (--plain writes it decrypted)\n`;
}

function plainWarning(file: string, from: string): string {
  return `tiegraph: warning: ${file} is written DECRYPTED (--plain): ${from} was encrypted; anyone who can read ${file} can read its confidential exchanges and notes\n`;
}

/** Options of {@link writeTextFile}. */
export interface TextSaveOptions {
  /** The command writing, for the usage error when the path is refused. */
  command: string;
  /** Keep the replaced file as `<file>.bak` (default false). */
  backup?: boolean;
  /**
   * The text is a network file (encrypt, decrypt): it may replace one.
   * Otherwise (an export, a calendar) a path holding a network file, the
   * command's own input included, is refused.
   */
  networkSave?: boolean;
}

/**
 * Saves text atomically (an export, a calendar, an encrypted file), given
 * whole or as chunks (an exporter's generator: written as they come, never
 * joined). No backup is kept unless asked: a backup of a file being encrypted
 * in place would be the plain text. Unless `networkSave` is set, a path that
 * already holds a network file (plain or encrypted, known by its content, so
 * another name for the input is caught too) is refused with a usage error and
 * nothing is written.
 *
 * @example await writeTextFile("week.ics", planToIcs(plan), { command: "plan" });
 */
export async function writeTextFile(file: string, text: string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, options: TextSaveOptions): Promise<void> {
  if (options.networkSave !== true && (await holdsNetworkFile(file))) {
    throw new UsageError(options.command, `refusing to write over ${file}: it is a network file (give another output path; only commands that save a network replace one)`);
  }
  await saveNetworkFileAtomic(file, text, { backup: options.backup ?? false });
  await dropColumns(file);
}

/**
 * Refuses an output that is one of the command's input files (the same file
 * under any name: compared by device and inode), which the save would
 * replace: a usage error, before anything is read or written.
 *
 * @example await refuseInputAsOutput("import", "people.csv", ["people.csv"]) // throws UsageError
 */
export async function refuseInputAsOutput(command: string, output: string, inputs: readonly string[]): Promise<void> {
  const out = await stat(output).catch(() => undefined);
  if (out === undefined) return;
  for (const input of inputs) {
    const s = await stat(input).catch(() => undefined);
    if (s !== undefined && s.dev === out.dev && s.ino === out.ino) {
      throw new UsageError(command, `refusing to write over ${output}: it is the input ${input} (give another output path)`);
    }
  }
}

// a network file names its format near the start: `{ "format": "tiegraph"` or `"tiegraph-encrypted"`
const NETWORK_FORMAT = /"format"\s*:\s*"tiegraph(?:-encrypted)?"/;

/**
 * Whether a path holds a tiegraph network file, plain or encrypted (or only
 * an encrypted one, with `encryptedOnly`), judged from its first 64 KiB; a
 * missing path or a folder holds none.
 *
 * @example await holdsNetworkFile("net.json") // true
 */
export async function holdsNetworkFile(file: string, encryptedOnly = false): Promise<boolean> {
  let head: string;
  try {
    const fh = await open(file, "r");
    try {
      const buf = Buffer.alloc(65536);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead).toString("utf8");
    } finally {
      await fh.close();
    }
  } catch {
    return false; // nothing there (or not a readable file): nothing to protect
  }
  return encryptedOnly ? isEncryptedNetworkFile(head) : /^\uFEFF?\s*\{/.test(head) && NETWORK_FORMAT.test(head);
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
