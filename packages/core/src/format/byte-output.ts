/**
 * A growable UTF-8 byte buffer for writers of large files: text is encoded
 * once, straight into preallocated bytes, and handed out in chunks, so a
 * million records make neither a million small strings nor one huge string
 * that must be flattened and encoded again before it is written.
 */

/** Bytes of headroom past a chunk's nominal size, so a record rarely grows the buffer. */
const HEADROOM = 16 << 10;
/** From this length on, text is encoded by the platform's encoder (a call costs more than a short loop). */
const NATIVE_FROM = 64;
const encoder = new TextEncoder();
/** From this many bytes on, a copy is one `set` (measured: a byte loop costs more for the 90-byte start of a record). */
const SET_FROM = 32;

/**
 * UTF-8 bytes being written, handed out a chunk at a time ({@link ByteOutput.take}).
 * `bytes` and `length` are public so a hot loop can write into them directly
 * after {@link ByteOutput.reserve}.
 *
 * @example
 * ```ts
 * const out = new ByteOutput(1 << 16);
 * out.text('{"a": "é"}');
 * new TextDecoder().decode(out.take()); // '{"a": "é"}'
 * ```
 */
export class ByteOutput {
  /** The buffer; bytes `[0, length)` are written. */
  bytes: Uint8Array;
  /** Bytes written so far in this chunk. */
  length = 0;
  /** Nominal chunk size: {@link ByteOutput.full} once this many bytes are written. */
  readonly chunkBytes: number;

  /** The buffer a reusing output starts each chunk in (see the constructor's `reuse`). */
  private readonly base: Uint8Array | undefined;

  /**
   * A buffer handing out chunks of about `chunkBytes` bytes. With `reuse`,
   * every chunk is written in the same buffer and {@link ByteOutput.take}
   * hands out a view of it, valid until the next write (for a writer whose
   * caller writes or copies each chunk before asking for the next: no fresh
   * memory per chunk); otherwise each chunk is an array of its own.
   */
  constructor(chunkBytes: number, reuse = false) {
    this.chunkBytes = chunkBytes;
    this.bytes = new Uint8Array(chunkBytes + HEADROOM);
    this.base = reuse ? this.bytes : undefined;
  }

  /** Whether the chunk has reached its nominal size (time to {@link ByteOutput.take} it). */
  get full(): boolean {
    return this.length >= this.chunkBytes;
  }

  /** Makes room for `n` more bytes (copying into a larger buffer only when needed). */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends bytes. */
  copy(src: Uint8Array): void {
    this.reserve(src.length);
    this.length = putBytes(this.bytes, this.length, src);
  }

  /**
   * Appends text as UTF-8 (a lone surrogate becomes U+FFFD, as `TextEncoder`
   * writes it). A long text is encoded into the room there is and the buffer
   * grown only for what does not fit: room for the worst case (3 bytes a
   * unit) would grow it, into fresh memory, for text that nearly always fits.
   */
  text(s: string): void {
    if (s.length < NATIVE_FROM) {
      this.reserve(3 * s.length);
      this.length = putUtf8(this.bytes, this.length, s);
      return;
    }
    let rest = s;
    for (;;) {
      // encodeInto stops before a character that does not fit whole (never in the middle of a surrogate pair)
      const { read, written } = encoder.encodeInto(rest, this.bytes.subarray(this.length));
      this.length += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // at least one character (4 bytes at most) more each time; ASCII fits at once
      this.reserve(Math.max(4, rest.length + (rest.length >>> 3)));
    }
  }

  /**
   * The bytes written since the last take: an array of their own (the writer
   * goes on in a fresh one), or, reusing, a view of the buffer that the next
   * write overwrites.
   */
  take(): Uint8Array {
    const out = this.bytes.subarray(0, this.length);
    this.bytes = this.base ?? new Uint8Array(this.chunkBytes + HEADROOM);
    this.length = 0;
    return out;
  }
}

/**
 * Writes `src` into `buf` at `pos` and returns the position after it (the
 * caller has made room). A plain loop for a few bytes, where `set` costs more
 * than it saves; `set` (a block copy) from {@link SET_FROM} bytes on.
 *
 * @example putBytes(buf, 0, new Uint8Array([1, 2])) // 2
 */
export function putBytes(buf: Uint8Array, pos: number, src: Uint8Array): number {
  const n = src.length;
  if (n >= SET_FROM) buf.set(src, pos);
  else for (let k = 0; k < n; k++) buf[pos + k] = src[k]!;
  return pos + n;
}

/**
 * Writes `s` as UTF-8 into `buf` at `pos` (room for `3 * s.length` bytes is the
 * caller's) and returns the position after it. Surrogate pairs become one
 * 4-byte sequence; a lone surrogate becomes U+FFFD (EF BF BD), exactly as
 * `TextEncoder` and Node's `Buffer` encode.
 *
 * @example putUtf8(buf, 0, "é") // 2 (bytes C3 A9)
 */
export function putUtf8(buf: Uint8Array, pos: number, s: string): number {
  const n = s.length;
  if (n >= NATIVE_FROM) return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        buf[pos++] = 0xf0 | (c >> 18);
        buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else {
        buf[pos++] = 0xef;
        buf[pos++] = 0xbf;
        buf[pos++] = 0xbd;
      }
    } else {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    }
  }
  return pos;
}

/**
 * How many bytes {@link putUtf8} writes for `s`: 1 per unit below U+0080, 2
 * below U+0800, 4 per surrogate pair, 3 for any other unit (a lone
 * surrogate becomes U+FFFD, 3 bytes).
 *
 * @example utf8Length("é🙂") // 2 + 4 = 6
 */
export function utf8Length(s: string): number {
  const n = s.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
      continue;
    }
    // three bytes for one unit; a surrogate pair is two units and four bytes, so its second unit adds nothing
    bytes += 2;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return bytes;
}

/**
 * The UTF-8 bytes of a string (see {@link putUtf8}).
 *
 * @example utf8Bytes("ab") // Uint8Array [97, 98]
 */
export function utf8Bytes(s: string): Uint8Array {
  const buf = new Uint8Array(3 * s.length);
  return buf.slice(0, putUtf8(buf, 0, s));
}
