// The byte exporters' shared pieces: each element's text encoded once, on demand, into one pool; whole
// numbers digit by digit, as String writes them.
import { describe, expect, it } from "vitest";
import { isWhole, putAscii, putWhole, TextPool } from "../src/exporters/text-pool.js";

describe("TextPool", () => {
  it("encodes each element's text once, when first asked for, growing the pool as needed", () => {
    const texts = ["ann", "bé", "🙂", "x".repeat(70_000)];
    let made = 0;
    const pool = new TextPool(texts.length, (i) => (made++, texts[i]!));
    expect([...pool.start]).toEqual([-1, -1, -1, -1]);
    pool.ensure(1);
    pool.ensure(1);
    expect(made).toBe(1);
    pool.ensure(3);
    pool.ensure(2);
    const decode = (i: number) => new TextDecoder().decode(pool.bytes.subarray(pool.start[i], pool.end[i]));
    expect([decode(1), decode(2), decode(3)]).toEqual(["bé", "🙂", texts[3]]);
    // "bé" is 3 bytes, "🙂" 4; the 70,000 x's grew the pool past its 64 KiB
    expect([pool.end[1]! - pool.start[1]!, pool.end[2]! - pool.start[2]!]).toEqual([3, 4]);
    expect(pool.bytes.length).toBeGreaterThanOrEqual(70_007);
    expect(pool.start[0]).toBe(-1);
    // copied out at a position, the bytes of one element after another
    const out = new Uint8Array(16);
    const end = pool.put(out, pool.put(out, 2, 1), 2);
    expect(end).toBe(2 + 3 + 4);
    expect(new TextDecoder().decode(out.subarray(2, end))).toBe("bé🙂");
  });
});

describe("putWhole", () => {
  it("writes whole numbers as String does, and says which numbers it writes", () => {
    const bytes = new Uint8Array(32);
    for (const v of [0, 7, 9, 10, 42, 99, 100, 1234, 1_000_000, 2 ** 31, 1e15 - 1]) {
      const end = putWhole(bytes, 3, v);
      expect(new TextDecoder().decode(bytes.subarray(3, end))).toBe(String(v));
      expect(isWhole(v)).toBe(true);
    }
    // String writes these otherwise (a fraction, a sign, an exponent): the writers use String for them
    for (const v of [0.5, -1, 1e15, 1e21, Number.NaN, Number.POSITIVE_INFINITY]) expect(isWhole(v)).toBe(false);
  });
});

describe("putAscii", () => {
  it("writes a number's or a date's text byte for byte", () => {
    const bytes = new Uint8Array(32);
    const end = putAscii(bytes, putAscii(bytes, 1, "2.5e-7"), ",2026-12-02");
    expect(end).toBe(1 + 6 + 11);
    expect(new TextDecoder().decode(bytes.subarray(1, end))).toBe("2.5e-7,2026-12-02");
  });
});
