/**
 * A small seeded pseudo-random generator (sfc32 seeded through splitmix32),
 * so generated networks are identical for a given seed on every platform.
 */

/** A seeded source of uniform numbers in [0, 1). */
export interface Random {
  (): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/**
 * Creates a seeded random source.
 *
 * @example const rnd = createRandom(42); rnd.int(10);
 */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  // the state in a typed array: kept as plain 32-bit words, never boxed as a number object per draw
  const state = new Uint32Array([split(), split(), split(), split()]);
  const next = (() => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    const t = (((a + b) >>> 0) + d) >>> 0;
    // each store keeps the low 32 bits, as `>>> 0` does
    state[3] = d + 1;
    state[0] = b ^ (b >>> 9);
    state[1] = c + (c << 3);
    state[2] = ((c << 21) | (c >>> 11)) + t;
    return t / 4294967296;
  }) as Random;
  for (let i = 0; i < 12; i++) next();
  next.int = (n) => Math.floor(next() * n);
  next.pick = (items) => items[Math.floor(next() * items.length)]!;
  next.chance = (p) => next() < p;
  return next;
}
