// A ByteTable gives each distinct byte string one number, made once, and finds it again by its bytes
// alone. Its slots keep a string's first 8 bytes and its length in a word shared with the hash, and a
// longer string's bytes apart: the cases below hit each of those (lengths around 4, 8 and 255, zero
// bytes, equal prefixes, strings that differ only past their first bytes, equal hashes) and grow the
// table many times, against a Map of the strings as the reference.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteTable, byteHash } from "../src/internal.js";

/** Looks each string up in turn; returns the numbers the table gave and the strings it made (one per new string). */
function lookUp(strings: Uint8Array[], hash: (b: Uint8Array) => number = (b) => byteHash(b, 0, b.length)): { numbers: number[]; made: Uint8Array[] } {
  const made: Uint8Array[] = [];
  const table = new ByteTable((bytes, from, to) => made.push(bytes.slice(from, to)) - 1);
  const numbers = strings.map((s) => {
    // each string inside a larger array, at an offset, as readers hand them over
    const around = new Uint8Array(s.length + 6).fill(0x2c);
    around.set(s, 3);
    return table.get(around, 3, 3 + s.length, hash(s));
  });
  return { numbers, made };
}

/** The numbers a reference gives: the position of each string's first appearance among the distinct ones. */
function reference(strings: Uint8Array[]): number[] {
  const seen = new Map<string, number>();
  return strings.map((s) => {
    const key = Array.from(s).join(",");
    let n = seen.get(key);
    if (n === undefined) seen.set(key, (n = seen.size));
    return n;
  });
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe("ByteTable", () => {
  it("gives equal byte strings one number and different ones different numbers, whatever their length and bytes", () => {
    const string = fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 12 }),
      fc.uint8Array({ minLength: 250, maxLength: 260 }),
      // few distinct bytes: many strings equal, or equal but for one byte
      fc.array(fc.constantFrom(0, 1, 0x61), { minLength: 0, maxLength: 10, size: "max" }).map((a) => Uint8Array.from(a)),
    );
    fc.assert(
      fc.property(fc.array(string, { minLength: 20, maxLength: 200 }), fc.boolean(), (strings, badHash) => {
        // with a hash that is the same for every string, only the bytes and lengths tell strings apart
        const { numbers, made } = lookUp(strings, badHash ? () => 12345 : undefined);
        expect(numbers).toEqual(reference(strings));
        expect(made.length).toBe(new Set(strings.map((s) => Array.from(s).join(","))).size);
      }),
      { numRuns: 300 },
    );
  });

  it("tells apart strings that share their first 8 bytes, a zero byte from the end, and lengths past 255", () => {
    const long = new Uint8Array(300).fill(0x62);
    const longer = new Uint8Array(301).fill(0x62);
    const longOther = long.slice();
    longOther[299] = 0x63;
    const strings = [bytes(), bytes(0), bytes(0, 0), bytes(97, 98), bytes(97, 98, 0), bytes(1, 2, 3, 4, 5, 6, 7, 8), bytes(1, 2, 3, 4, 5, 6, 7, 8, 9), bytes(1, 2, 3, 4, 5, 6, 7, 8, 10), long, longer, longOther, long.slice(), bytes(1, 2, 3, 4, 5, 6, 7, 8, 9)];
    // 13 strings, 11 distinct: the 12th is `long` again, the 13th the 7th again; the same with one hash for all
    for (const hash of [undefined, () => 7]) expect(lookUp(strings, hash).numbers).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 8, 6]);
    // lengths past 255 share one value in the slot: a longer string first, then its prefix, told apart by their lengths
    expect(lookUp([longer, long, longer], () => 7).numbers).toEqual([0, 1, 0]);
    // short strings alike in their first 4 bytes and length, with one hash for all: told apart by their next 4
    expect(lookUp([bytes(0, 0, 0, 0, 0), bytes(0, 0, 0, 0, 1), bytes(0, 0, 0, 0, 0, 0, 0, 2), bytes(0, 0, 0, 0, 0, 0, 0, 3), bytes(0, 0, 0, 0, 1)], () => 7).numbers).toEqual([0, 1, 2, 3, 1]);
  });

  it("finds every string again after growing many times (200,000 ids)", () => {
    const enc = new TextEncoder();
    const ids = Array.from({ length: 200_000 }, (_, i) => enc.encode(i % 3 === 0 ? `p${i}` : `person-${i}@example.org`));
    const { numbers } = lookUp([...ids, ...ids.slice().reverse()]);
    // the first pass numbers them 0, 1, 2…; the second finds each one's number
    const first = Array.from({ length: ids.length }, (_, i) => i);
    expect(numbers).toEqual([...first, ...first.slice().reverse()]);
  });

  it("peeks at the slot a lookup starts from, adding nothing", () => {
    const enc = new TextEncoder();
    const texts: string[] = [];
    const table = new ByteTable((bytes, from, to) => texts.push(new TextDecoder().decode(bytes.subarray(from, to))) - 1);
    const ann = enc.encode("ann");
    const bob = enc.encode("bob");
    const h = (b: Uint8Array): number => byteHash(b, 0, b.length);
    // an empty table: every slot holds 0
    expect(table.peek(h(ann))).toBe(0);
    expect(table.size).toBe(0);
    table.get(ann, 0, 3, h(ann));
    table.get(bob, 0, 3, h(bob));
    // each where its lookup starts (two strings in 1,024 slots, whose hashes differ in their low 10 bits): number + 1
    expect((h(ann) ^ h(bob)) & 1023).not.toBe(0);
    expect([table.peek(h(ann)), table.peek(h(bob))]).toEqual([1, 2]);
    // a hash whose slot is empty (another slot than either's), and nothing added by peeking
    const other = h(ann) ^ 256;
    expect((other ^ h(bob)) & 1023).not.toBe(0);
    expect(table.peek(other)).toBe(0);
    expect(table.size).toBe(2);
    expect(texts).toEqual(["ann", "bob"]);
  });
});
