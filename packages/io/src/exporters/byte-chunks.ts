/**
 * How the byte exporters hand out their output: UTF-8 gathered in one
 * buffer that is reused from chunk to chunk (fresh memory costs a page fault
 * per 4 KiB to touch), each chunk a view of it that stays valid only until
 * the writer goes on. `saveNetworkFileAtomic` writes or copies a chunk before
 * it asks for the next one.
 */
import { putUtf8 } from "@tiegraph/core/internal";

const encoder = new TextEncoder();
/** From this length on, text is encoded by the platform's encoder (a call costs more than a short loop). */
const NATIVE_FROM = 64;

/**
 * UTF-8 bytes written into a reused buffer and taken a chunk at a time.
 * `bytes` and `length` are public so a hot loop can write into them
 * directly after {@link ByteChunks.reserve}.
 *
 * @example
 * ```ts
 * const out = new ByteChunks(1 << 20);
 * out.text('{"a": "é"}');
 * new TextDecoder().decode(out.take()); // '{"a": "é"}' (valid until the next write)
 * ```
 */
export class ByteChunks {
  /** The buffer being written; bytes `[0, length)` are this chunk's. */
  bytes: Uint8Array;
  /** Bytes written in this chunk. */
  length = 0;
  /** Nominal chunk size: {@link ByteChunks.full} once this many bytes are written. */
  readonly chunkBytes: number;
  private readonly base: Uint8Array;

  /** A writer handing out chunks of about `chunkBytes` bytes (a record is never cut). */
  constructor(chunkBytes: number) {
    this.chunkBytes = chunkBytes;
    this.base = new Uint8Array(chunkBytes + 4096);
    this.bytes = this.base;
  }

  /** Whether the chunk has reached its nominal size (time to {@link ByteChunks.take} it). */
  get full(): boolean {
    return this.length >= this.chunkBytes;
  }

  /** Makes room for `n` more bytes (a larger buffer, for this chunk only, when a record does not fit). */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends text as UTF-8 (a lone surrogate becomes U+FFFD, as `TextEncoder` writes it). */
  text(s: string): void {
    this.reserve(3 * s.length);
    if (s.length < NATIVE_FROM) this.length = putUtf8(this.bytes, this.length, s);
    else this.length += encoder.encodeInto(s, this.bytes.subarray(this.length)).written;
  }

  /** This chunk's bytes: a view of the buffer, valid until the next write (which starts the next chunk). */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = this.base;
    this.length = 0;
    return out;
  }
}
