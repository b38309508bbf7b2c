/**
 * What the byte exporters (ties CSV, graphology JSON) share: each element's
 * text (a person's cells, a node's quoted key) encoded once, when it is first
 * written, into one pool of bytes that a writer copies from; ASCII text
 * (numbers, dates) and whole numbers written straight into bytes.
 */
import { putUtf8 } from "@tiegraph/core/internal";

/**
 * The UTF-8 of `text(i)` for each element i, made once when first asked for
 * ({@link TextPool.ensure}), at `[start[i], end[i])` of `bytes` (re-read
 * `bytes` after `ensure`: the pool may grow).
 *
 * @example
 * ```ts
 * const pool = new TextPool(2, (i) => ["ann", "bé"][i]!);
 * pool.ensure(1);
 * pool.bytes.subarray(pool.start[1], pool.end[1]); // the 3 bytes of "bé"
 * ```
 */
export class TextPool {
  /** The encoded texts, one after another. */
  bytes = new Uint8Array(1 << 16);
  /** Where element i's bytes start (-1: not made yet) and end. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  private used = 0;

  constructor(
    count: number,
    private readonly text: (i: number) => string,
  ) {
    this.start = new Int32Array(count).fill(-1);
    this.end = new Int32Array(count);
  }

  /** Copies element i's bytes (made by {@link TextPool.ensure}) into `bytes` at `at`, which has room; returns the position after them. */
  put(bytes: Uint8Array, at: number, i: number): number {
    const from = this.bytes;
    const end = this.end[i]!;
    for (let k = this.start[i]!; k < end; k++) bytes[at++] = from[k]!;
    return at;
  }

  /** Makes element i's bytes, unless made already. */
  ensure(i: number): void {
    if (this.start[i]! >= 0) return;
    const text = this.text(i);
    if (this.used + 3 * text.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.used + 3 * text.length));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.start[i] = this.used;
    this.used = putUtf8(this.bytes, this.used, text);
    this.end[i] = this.used;
  }
}

/**
 * Writes `v`, a whole number from 0 to 10^15, in decimal (as `String(v)`
 * writes it) into `bytes` at `at`, which has room; returns the position after it.
 *
 * @example putWhole(bytes, 0, 1234) // 4: bytes 0-3 hold "1234"
 */
export function putWhole(bytes: Uint8Array, at: number, v: number): number {
  if (v < 10) {
    bytes[at] = 48 + v;
    return at + 1;
  }
  let digits = 0;
  for (let x = v; x >= 1; x = Math.floor(x / 10)) digits++;
  for (let k = at + digits - 1, x = v; k >= at; k--, x = Math.floor(x / 10)) bytes[k] = 48 + (x % 10);
  return at + digits;
}

/** Whether `v` is a whole number {@link putWhole} writes as `String(v)` does. */
export function isWhole(v: number): boolean {
  return v >= 0 && v < 1e15 && Math.floor(v) === v;
}

/**
 * Writes text known to be ASCII (a number's or a date's text) into `bytes`
 * at `at`, which has room; returns the position after it.
 *
 * @example putAscii(bytes, 0, "2.5") // 3
 */
export function putAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) bytes[at++] = text.charCodeAt(k);
  return at;
}
