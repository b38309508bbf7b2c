/**
 * Ids to positions for looking up a great many references at once (the
 * people a million exchanges name, while a batch is validated). A `Map`
 * reaches each id through its bucket, its entry and the id's own string,
 * three places scattered over the heap; on a network of hundreds of
 * thousands of people each of those is a cache miss, so the lookups grew
 * faster than the network. Here every id is packed into one string, and an
 * open-addressing table in one typed array holds each id's hash beside its
 * position: a lookup reads one slot and compares the id in place.
 */

/** Longest text of packed ids (the rest of a larger set is looked up in a `Map`, see {@link IdIndex.of}). */
const MAX_PACKED = 1 << 27;

/**
 * Positions of distinct ids, found by their text.
 *
 * @example
 * ```ts
 * const index = IdIndex.of(["ann", "bob"])!;
 * index.get("bob"); // 1
 * index.get("cy"); // -1
 * ```
 */
export class IdIndex {
  private constructor(
    private readonly text: string,
    private readonly start: Int32Array,
    private readonly length: Int32Array,
    /** Pairs [hash, position + 1]; position + 1 = 0 marks an empty slot. */
    private readonly slots: Int32Array,
    private readonly mask: number,
  ) {}

  /**
   * An index of `ids` (distinct, each at its position in the list), or
   * undefined when their text is too long to pack into one string.
   */
  static of(ids: readonly string[]): IdIndex | undefined {
    const n = ids.length;
    const start = new Int32Array(n);
    const length = new Int32Array(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      start[i] = at;
      length[i] = ids[i]!.length;
      at += ids[i]!.length;
      if (at > MAX_PACKED) return undefined;
    }
    let cap = 4;
    while (cap < n * 2) cap *= 2;
    const slots = new Int32Array(cap * 2);
    const mask = cap - 1;
    for (let i = 0; i < n; i++) {
      const h = idHash(ids[i]!);
      let s = h & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = h;
      slots[2 * s + 1] = i + 1;
    }
    return new IdIndex(ids.join(""), start, length, slots, mask);
  }

  /** The position of `id`, or -1 when it is not in the index. */
  get(id: string): number {
    const h = idHash(id);
    const { slots, mask } = this;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = slots[2 * s + 1]!;
      if (v === 0) return -1;
      if (slots[2 * s] === h && this.length[v - 1] === id.length && this.text.startsWith(id, this.start[v - 1])) return v - 1;
    }
  }
}

/** FNV-1a over the UTF-16 code units of an id. */
/**
 * FNV-1a over the id's UTF-16 code units (32-bit, signed): the hash both id tables
 * (this index, and the growing one of exchange-rows.ts) place ids by.
 *
 * @example idHash("") // -2128831035 (0x811c9dc5 as a signed 32-bit integer)
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}
