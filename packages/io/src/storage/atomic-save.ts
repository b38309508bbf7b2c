/**
 * Saving a network file so that nothing is lost (Node only): the new content
 * is written to a temporary file in the same folder, flushed to disk, and
 * renamed over the old file, which rename(2) does atomically; the previous
 * version is kept beside it as `<file>.bak`. A crash at any moment leaves
 * either the old or the new file in place, never a half-written one.
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, open, readFile, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { TiegraphError, parseNetworkFile, serializeNetworkBytes, type Network } from "@tiegraph/core";
import { decryptNetworkFile, encryptNetworkFile, isEncryptedNetworkFile, type EncryptionOptions } from "./encryption.js";

const SCOPE = "tiegraph/io/save";

/** Options of {@link saveNetworkFileAtomic}. */
export interface AtomicSaveOptions {
  /** Keep the previous version as `<path>.bak` (default true). */
  backup?: boolean;
  /** Encrypt with this passphrase (see {@link encryptNetworkFile}). */
  passphrase?: string;
  /** Encryption options, with `passphrase`. */
  encryption?: EncryptionOptions;
  /**
   * Hears the bytes of the file as they are written, in order (e.g. to hash
   * the file without encoding its text a second time). The bytes are lent
   * for the call: the buffer they are gathered in is refilled afterwards
   * (copy them to keep them).
   */
  onWrite?: (bytes: Uint8Array) => void;
  /**
   * Work to do once the last byte is written (so everything `onWrite` hears
   * is complete) while the file is flushed to disk: it runs while the
   * `fsync`, done by another thread, takes its time, instead of after it.
   * The save waits for both before the file takes its name; should it throw,
   * the save fails as a failed write does (an `io-error` naming the file, or
   * the error itself when it is a `TiegraphError`; nothing replaced). It is
   * told the path of the temporary file the bytes went to (whole by then, and
   * not yet under its name), which another thread may read meanwhile.
   *
   * @example
   * ```ts
   * const hash = createHash("sha256");
   * let digest = "";
   * await saveNetworkFileAtomic("net.json", serializeNetworkBytes(network), {
   *   onWrite: (bytes) => hash.update(bytes),
   *   whileSyncing: () => void (digest = hash.digest("hex")), // e.g. encode a copy named by that hash
   * });
   * ```
   */
  whileSyncing?: (written: { path: string }) => void | Promise<void>;
}

/** Defaults of {@link saveNetworkFileAtomic}. */
export const DEFAULT_ATOMIC_SAVE_OPTIONS: Readonly<{ backup: boolean }> = { backup: true };

/**
 * Saves a network (serialised with core's `serializeNetworkBytes`, or encrypted
 * with a passphrase) or ready text (one string, or chunks of text or of UTF-8
 * bytes, written as they come, from an iterable or an async iterable) to
 * `path`, atomically:
 * 1. write `.<name>.<random>.tmp` in the same folder and `fsync` it;
 * 2. if `path` exists, hard-link it (copy where links are not supported) to a
 *    temporary name and rename that to `<path>.bak`;
 * 3. rename the temporary file to `path` and `fsync` the folder.
 * `onWrite` hears the bytes as they are written; `whileSyncing` runs during
 * the first `fsync` (see {@link AtomicSaveOptions}).
 * On failure the temporary file is removed and the old file is untouched.
 *
 * @example
 * ```ts
 * import { saveNetworkFileAtomic } from "@tiegraph/io/node";
 * await saveNetworkFileAtomic("network.tiegraph.json", network);
 * ```
 */
export async function saveNetworkFileAtomic(path: string, content: Network | string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, options: AtomicSaveOptions = {}): Promise<void> {
  const backup = options.backup ?? DEFAULT_ATOMIC_SAVE_OPTIONS.backup;
  // a plain network is streamed in chunks of bytes: a large one never exists as one string
  const text: string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> =
    typeof content !== "string" && !(Symbol.iterator in content) && !(Symbol.asyncIterator in content)
      ? options.passphrase !== undefined
        ? await encryptNetworkFile(content, options.passphrase, options.encryption ?? {})
        : serializeNetworkBytes(content as Network, { reuseChunks: true })
      : content;
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fh = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
    try {
      const flusher = new EarlyFlush(fh);
      if (typeof text === "string") await writeBytes(fh, Buffer.from(text, "utf8"), options.onWrite, flusher);
      else await writeChunks(fh, text, options.onWrite, flusher);
      // what the early flushes took to disk is not flushed again: the last flush has only the rest to do
      await flusher.done();
      const { whileSyncing } = options;
      await syncWhile(fh, whileSyncing && (() => whileSyncing({ path: tmp })));
    } finally {
      await fh.close();
    }
    if (backup) await keepBackup(path);
    await rename(tmp, path);
    await syncFolder(dir);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    if (e instanceof TiegraphError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new TiegraphError(SCOPE, "io-error", `could not save: ${err.code ?? ""} ${err.message}`.trim(), { file: path, expected: "a writable folder" });
  }
}

/**
 * Flushes the file while `work` runs (the flush waits in another thread);
 * the flush's error comes first when both fail, as it would have without the work.
 */
async function syncWhile(fh: FileHandle, work: (() => void | Promise<void>) | undefined): Promise<void> {
  if (work === undefined) return fh.sync();
  const synced = fh.sync();
  // heard at once, so a failed flush is never an unhandled rejection while the work runs
  const flush = synced.then(
    () => undefined,
    (e: unknown) => ({ e }),
  );
  let failed: { e: unknown } | undefined;
  try {
    await work();
  } catch (e) {
    failed = { e };
  }
  const flushFailed = await flush;
  if (flushFailed) throw flushFailed.e;
  if (failed) throw failed.e;
}

/** Bytes written between two early flushes of a large file (see {@link EarlyFlush}). */
const EARLY_FLUSH_BYTES = 32 << 20;

/**
 * Flushes a large file to disk as it is written: after every
 * {@link EARLY_FLUSH_BYTES} written, an `fdatasync` starts in another thread
 * (one at a time) while the next bytes are made, so the `fsync` that ends the
 * save waits only for the last few megabytes instead of the whole file (a
 * 176 MB network: 130–140 ms of waiting down to about 16 ms, measured). The
 * final `fsync` still makes the file durable; an early flush's failure fails
 * the save as that one's would.
 */
class EarlyFlush {
  private since = 0;
  private pending: Promise<void> | undefined;
  private failed: { e: unknown } | undefined;

  constructor(private readonly fh: FileHandle) {}

  /** `bytes` more were written. */
  wrote(bytes: number): void {
    this.since += bytes;
    if (this.since < EARLY_FLUSH_BYTES || this.pending !== undefined) return;
    this.since = 0;
    this.pending = this.fh.datasync().then(
      () => void (this.pending = undefined),
      (e: unknown) => {
        this.failed ??= { e };
        this.pending = undefined;
      },
    );
  }

  /** Waits for the flush under way; throws the first early flush's error. */
  async done(): Promise<void> {
    await this.pending;
    if (this.failed) throw this.failed.e;
  }
}

/** Bytes gathered per write of {@link writeChunks}. */
const WRITE_BYTES = 4 << 20;

/**
 * Writes chunks of text or of UTF-8 bytes, each encoded (text) or copied
 * (bytes) once straight into writes of a few megabytes (chunks are never
 * joined into one string first: flattening and encoding that cost more than
 * the encoding alone). A text chunk ending in the first half of a surrogate
 * pair keeps it for the next, so the bytes are those of the joined text.
 */
async function writeChunks(fh: FileHandle, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>, onWrite: ((bytes: Uint8Array) => void) | undefined, flusher: EarlyFlush): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  let carry = "";
  // makes room for `room` more bytes, writing out what is gathered when it would not fit
  const room = async (bytes: number): Promise<void> => {
    if (used > 0 && used + bytes > buffer.length) {
      await writeBytes(fh, buffer.subarray(0, used), onWrite, flusher);
      // written: the same buffer gathers the next bytes (fresh memory costs a page fault per 4 KiB)
      used = 0;
    }
  };
  const write = async (text: string): Promise<void> => {
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    await room(text.length * 3);
    if (text.length * 3 > buffer.length) await writeBytes(fh, Buffer.from(text, "utf8"), onWrite, flusher);
    else used += buffer.write(text, used, "utf8");
  };
  // an async iterable's chunks are awaited (parts written on another thread); a sync one's taken as they come
  for await (const chunk of chunks) {
    if (typeof chunk !== "string") {
      if (carry !== "") {
        await write(carry);
        carry = "";
      }
      await room(chunk.length);
      if (chunk.length > buffer.length) await writeBytes(fh, chunk, onWrite, flusher);
      else {
        buffer.set(chunk, used);
        used += chunk.length;
      }
      continue;
    }
    let text = carry === "" ? chunk : carry + chunk;
    carry = "";
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== "") await write(text);
  }
  if (carry !== "") await write(carry);
  if (used > 0) await writeBytes(fh, buffer.subarray(0, used), onWrite, flusher);
}

async function writeBytes(fh: FileHandle, bytes: Uint8Array, onWrite: ((bytes: Uint8Array) => void) | undefined, flusher: EarlyFlush): Promise<void> {
  onWrite?.(bytes);
  await fh.writeFile(bytes);
  flusher.wrote(bytes.byteLength);
}

/** Puts the current file (if any) at `<path>.bak`, itself atomically. */
async function keepBackup(path: string): Promise<void> {
  const bak = `${path}.bak`;
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.bak.tmp`);
  try {
    await link(path, tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return; // first save: nothing to keep
    await copyFile(path, tmp);
  }
  await rename(tmp, bak);
}

async function syncFolder(dir: string): Promise<void> {
  // Makes the rename itself durable; folders cannot be opened for sync on some systems (Windows), where this is skipped.
  try {
    const fh = await open(dir, "r");
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // not supported here
  }
}

/**
 * Loads a network file saved by {@link saveNetworkFileAtomic}, plain or
 * encrypted (a passphrase is then required).
 *
 * @example const network = await loadNetworkFile("network.tiegraph.json");
 */
export async function loadNetworkFile(path: string, options: { passphrase?: string } = {}): Promise<Network> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new TiegraphError(SCOPE, "io-error", `could not read: ${err.code ?? ""} ${err.message}`.trim(), { file: path, expected: "a readable network file" });
  }
  if (isEncryptedNetworkFile(text)) {
    if (options.passphrase === undefined) throw new TiegraphError(SCOPE, "decrypt-failed", "the file is encrypted and no passphrase was given", { file: path, expected: "a passphrase" });
    return decryptNetworkFile(text, options.passphrase, { file: path });
  }
  return parseNetworkFile(text, { file: path });
}
