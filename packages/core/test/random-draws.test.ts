// The generator's random draws must not change with their speed-ups (the same options give the same
// file, byte for byte): the typed-array state gives the stream of the plain sfc32 below, and the guided
// cumulative pick gives the index a binary search over all the weights gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cumulativePicker } from "../src/random/cumulative-pick.js";
import { createRandom } from "../src/random/seeded-random.js";

/** sfc32 seeded through splitmix32, written plainly with numbers (the generator's stream before its state moved into a typed array). */
function referenceStream(seed: number, count: number): number[] {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return Array.from({ length: count }, next);
}

/** The first index whose cumulative weight exceeds x, the last if none: the plain binary search. */
function binarySearch(cum: Float64Array, x: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe("createRandom", () => {
  it("gives the plain sfc32 stream for any seed (edge seeds included)", () => {
    for (const seed of [0, 1, 7, -1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 1.5, -123456789]) expect(Array.from({ length: 5000 }, createRandom(seed))).toEqual(referenceStream(seed, 5000));
    fc.assert(fc.property(fc.integer(), (seed) => {
        expect(Array.from({ length: 300 }, createRandom(seed))).toEqual(referenceStream(seed, 300));
      }), { numRuns: 300 });
  });
  it("draws in [0, 1): the first draw of seed 42 is a 32-bit word over 2^32", () => {
    const x = createRandom(42)();
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
    expect(Number.isInteger(x * 4294967296)).toBe(true);
  });
});

describe("cumulativePicker", () => {
  it("picks what a binary search over all the weights picks (random weights, tiny and huge, and every cumulative bound itself)", () => {
    const weight = fc.oneof(fc.double({ min: 1e-9, max: 1e6, noNaN: true }), fc.constantFrom(1e-300, 0.1, 1, 3, 1e300));
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 50 }), (weights, draws) => {
        const cum = new Float64Array(weights.length);
        let total = 0;
        for (let i = 0; i < weights.length; i++) cum[i] = total += weights[i]!;
        const pick = cumulativePicker(cum, total);
        for (const u of draws) expect(pick(u * total)).toBe(binarySearch(cum, u * total));
        // exactly on a bound (ties go to the next index), and just below and above it
        for (const c of cum) for (const x of [c, c * (1 - 1e-15), c * (1 + 1e-15), 0]) if (x < total) expect(pick(x)).toBe(binarySearch(cum, x));
      }),
      { numRuns: 500 },
    );
  });
  it("hand-checked: weights 1, 2, 3 (cumulative 1, 3, 6)", () => {
    const pick = cumulativePicker(new Float64Array([1, 3, 6]), 6);
    expect([0, 0.99, 1, 2.5, 3, 5.99].map(pick)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
