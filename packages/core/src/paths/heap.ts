/**
 * A binary min-heap of (key, item) pairs in growable typed arrays, for the
 * path searches. Decrease-key is done lazily: push again and let the caller
 * skip stale entries, which is cheaper than tracking positions.
 */
export class KeyedHeap {
  private keys: Float64Array;
  private items: Int32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  /** Number of entries. */
  get size(): number {
    return this.n;
  }
  /** Smallest key (Infinity when empty). */
  get topKey(): number {
    return this.n > 0 ? this.keys[0]! : Infinity;
  }
  /** Item of the smallest key (undefined behaviour when empty). */
  get topItem(): number {
    return this.items[0]!;
  }

  clear(): void {
    this.n = 0;
  }

  push(key: number, item: number): void {
    if (this.n === this.keys.length) this.grow();
    const keys = this.keys;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk <= key) break;
      keys[i] = pk;
      items[i] = items[parent]!;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Removes the smallest entry (read it first with topKey/topItem). */
  pop(): void {
    const n = --this.n;
    if (n <= 0) return;
    const keys = this.keys;
    const items = this.items;
    const key = keys[n]!;
    const item = items[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= key) break;
      keys[i] = keys[c]!;
      items[i] = items[c]!;
      i = c;
    }
    keys[i] = key;
    items[i] = item;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}
