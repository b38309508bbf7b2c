/**
 * Byte tables: a number for each distinct byte string read from a file,
 * looked up by its bytes. Readers that go straight from bytes to columns
 * (network files' exchanges, exchanges CSVs) meet the same person ids,
 * dates, kinds and tags a million times: each is decoded once, when first
 * seen, and then found by comparing bytes, with no string made.
 */

/**
 * Int32s per slot of a {@link ByteTable}: the hash with the length, number
 * + 1, and the first 4 bytes, then the next 4 (a string of up to 8 bytes)
 * or where the string is in the packed bytes (a longer one). A quarter of a
 * cache line: 100,000 person ids fill a table of 4 MB, not 8, and a lookup
 * misses the cache less often (the 100,000-person `tiegraph import`, 10
 * interleaved pairs against slots of 32 bytes: 3.30 s against 3.46 s).
 */
const SLOT = 4;

/** The bits of a slot's first word that hold the string's length (up to 255; a longer one is 255 there). */
const LENGTH_SHIFT = 24;
const HASH_BITS = (1 << LENGTH_SHIFT) - 1;

/** A slot's first word: the hash's low 24 bits (the table's index, up to 16 million slots, comes from them) and the length. */
function hashWord(h: number, n: number): number {
  return (h & HASH_BITS) | ((n < 255 ? n : 255) << LENGTH_SHIFT);
}

/** The FNV-1a offset basis of {@link byteHash}, for readers that hash bytes as they scan them. */
export const FNV_BASIS = 0x811c9dc5;
/** The FNV-1a prime of {@link byteHash}. */
export const FNV_PRIME = 0x01000193;

/**
 * The hash a {@link ByteTable} expects of bytes `from` (inclusive) to `to`
 * (exclusive): 32-bit FNV-1a, as a signed integer. Readers that already
 * visit each byte compute it on the way (`h = Math.imul(h ^ byte, FNV_PRIME)`
 * from `FNV_BASIS`, then `h | 0`).
 *
 * @example byteHash(new TextEncoder().encode("ann"), 0, 3) // the same number for every "ann"
 */
export function byteHash(bytes: Uint8Array, from: number, to: number): number {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h | 0;
}

/**
 * A number for each distinct byte string, made once (see `make`) and then
 * looked up by the string's bytes: an open-addressing table whose slots hold
 * [hash and length, number + 1, first 4 bytes, next 4 bytes or start] side
 * by side (one cache line per probe; strings of up to 8 bytes, such as most
 * ids, are compared there), longer strings copied into one array from
 * `start`, each after its length (4 bytes, little-endian). The
 * strings may come from different byte arrays (blocks of a file read in
 * turn): the table keeps its own copy of each.
 *
 * @example
 * ```ts
 * const texts: string[] = [];
 * const table = new ByteTable((bytes, from, to) => texts.push(new TextDecoder().decode(bytes.subarray(from, to))) - 1);
 * const bytes = new TextEncoder().encode("ann,bob,ann");
 * table.get(bytes, 0, 3, byteHash(bytes, 0, 3)); // 0 (texts: ["ann"])
 * table.get(bytes, 8, 11, byteHash(bytes, 8, 11)); // 0 again, nothing decoded
 * ```
 */
export class ByteTable {
  private slots = new Int32Array(SLOT << 10);
  private mask = (1 << 10) - 1;
  private count = 0;
  private packed = new Uint8Array(1 << 12);
  private used = 0;

  /**
   * @param make The number of a string first seen at `bytes` `from` (inclusive) to `to` (exclusive).
   */
  constructor(private readonly make: (bytes: Uint8Array, from: number, to: number) => number) {}

  /** Distinct strings in the table. */
  get size(): number {
    return this.count;
  }

  /**
   * What the slot where a lookup of hash `h` starts holds as its number + 1
   * (0 when empty): perhaps the number of the string with that hash, perhaps
   * another's (a lookup may probe on). Nothing is added. Read for many
   * strings in a row before looking them up with {@link ByteTable.get}, it
   * brings their slots into the cache together rather than one miss after
   * another: a table of 100,000 ids (4 MB) is far larger than the cache, and
   * the processor fetches a few dozen independent reads at once.
   *
   * @example
   * ```ts
   * let sink = 0;
   * for (let k = 0; k < m; k++) sink ^= table.peek(hashes[k]!); // the slots fetched together
   * for (let k = 0; k < m; k++) numbers[k] = table.get(bytes, starts[k]!, ends[k]!, hashes[k]!); // found in the cache
   * ```
   */
  peek(h: number): number {
    return this.slots[SLOT * (h & HASH_BITS & this.mask) + 1]!;
  }

  /** The number of `bytes` `from` (inclusive) to `to` (exclusive), which hash to `h` (see {@link byteHash}). */
  get(bytes: Uint8Array, from: number, to: number, h: number): number {
    const { slots, mask } = this;
    const n = to - from;
    const hl = hashWord(h, n);
    // the first 8 bytes as two little-endian words (zero past the end)
    let w0 = 0;
    let w1 = 0;
    if (n >= 4) {
      w0 = bytes[from]! | (bytes[from + 1]! << 8) | (bytes[from + 2]! << 16) | (bytes[from + 3]! << 24);
      if (n >= 8) w1 = bytes[from + 4]! | (bytes[from + 5]! << 8) | (bytes[from + 6]! << 16) | (bytes[from + 7]! << 24);
      else for (let i = 4; i < n; i++) w1 |= bytes[from + i]! << (8 * (i - 4));
    } else for (let i = 0; i < n; i++) w0 |= bytes[from + i]! << (8 * i);
    // the index from the hash's low 24 bits, as a rehash finds it from the slot
    for (let s = h & HASH_BITS & mask; ; s = (s + 1) & mask) {
      const at = SLOT * s;
      const v = slots[at + 1]!;
      if (v === 0) return this.add(bytes, from, to, hl, w0, w1, s);
      if (slots[at] !== hl || slots[at + 2] !== w0) continue;
      if (n <= 8) {
        if (slots[at + 3] === w1) return v - 1;
        continue;
      }
      // a longer string: its length, then its bytes past the first 4 (those matched)
      const a = slots[at + 3]!;
      const packed = this.packed;
      if ((packed[a]! | (packed[a + 1]! << 8) | (packed[a + 2]! << 16) | (packed[a + 3]! << 24)) !== n) continue;
      let i = 4;
      while (i < n && packed[a + 4 + i] === bytes[from + i]) i++;
      if (i === n) return v - 1;
    }
  }

  private add(bytes: Uint8Array, from: number, to: number, hl: number, w0: number, w1: number, slot: number): number {
    const n = to - from;
    let last = w1;
    if (n > 8) {
      // a longer string: kept after its length in the packed bytes, found from the slot by where it starts
      if (this.used + 4 + n > this.packed.length) {
        const more = new Uint8Array(Math.max(2 * this.packed.length, this.used + 4 + n));
        more.set(this.packed);
        this.packed = more;
      }
      const p = this.packed;
      const at = this.used;
      p[at] = n & 0xff;
      p[at + 1] = (n >>> 8) & 0xff;
      p[at + 2] = (n >>> 16) & 0xff;
      p[at + 3] = n >>> 24;
      p.set(bytes.subarray(from, to), at + 4);
      this.used += 4 + n;
      last = at;
    }
    const number = this.make(bytes, from, to);
    const slots = this.slots;
    const at = SLOT * slot;
    slots[at] = hl;
    slots[at + 1] = number + 1;
    slots[at + 2] = w0;
    slots[at + 3] = last;
    // at most half full, so a probe ends soon
    if (2 * ++this.count > this.mask + 1) this.rehash();
    return number;
  }

  private rehash(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(SLOT * size);
    const mask = size - 1;
    for (let j = 0; j < old.length; j += SLOT) {
      if (old[j + 1] === 0) continue;
      let s = old[j]! & HASH_BITS & mask;
      while (slots[SLOT * s + 1] !== 0) s = (s + 1) & mask;
      slots[SLOT * s] = old[j]!;
      slots[SLOT * s + 1] = old[j + 1]!;
      slots[SLOT * s + 2] = old[j + 2]!;
      slots[SLOT * s + 3] = old[j + 3]!;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
