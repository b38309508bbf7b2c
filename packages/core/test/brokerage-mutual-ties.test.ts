// The undirected tie graph behind constraint and effective size, built in one merge pass,
// on a hand-worked network; and built once per tie index and weighting.
import { describe, expect, it } from "vitest";
import { directedTies, Network } from "@tiegraph/core";
import { mutualTies } from "../src/brokerage/mutual-ties.js";

// a ⇄ b, a → c, c → d (people in this order: a 0, b 1, c 2, d 3)
const network = Network.from({
  people: ["a", "b", "c", "d"].map((id) => ({ id, name: id })),
  exchanges: [
    { date: "2025-01-01", kind: "favour", from: "a", to: "b" },
    { date: "2025-01-02", kind: "favour", from: "b", to: "a" },
    { date: "2025-01-03", kind: "information", from: "a", to: "c" },
    { date: "2025-01-04", kind: "meeting", from: "c", to: "d" },
  ],
});

describe("mutualTies", () => {
  it("merges out- and in-lists into sorted neighbours with a_ij + a_ji", () => {
    const g = mutualTies(directedTies(network), false);
    // a: b (1 + 1 = 2), c (1); b: a (2); c: a (1), d (1); d: c (1)
    expect([...g.offsets]).toEqual([0, 2, 3, 5, 6]);
    expect([...g.neighbor]).toEqual([1, 2, 0, 0, 3, 2]);
    expect([...g.weight]).toEqual([2, 1, 2, 1, 1, 1]);
    expect([...g.total]).toEqual([3, 2, 2, 1]);
    expect([...g.max]).toEqual([2, 2, 1, 1]);
    // p = weight / total: a 2/3, 1/3; b 1; c 1/2, 1/2; d 1. m = weight / max: a 1, 1/2; then all 1
    expect([...g.p]).toEqual([2 / 3, 1 / 3, 1, 0.5, 0.5, 1]);
    expect([...g.m]).toEqual([1, 0.5, 1, 1, 1, 1]);
  });

  it("weighs by directed strength when asked, and is built once per tie index and weighting", () => {
    const ties = directedTies(network);
    const w = mutualTies(ties, true);
    const s = (from: number, to: number): number => ties.strength[ties.offsets[from]! + [...ties.target.subarray(ties.offsets[from]!, ties.offsets[from + 1]!)].indexOf(to)]!;
    expect(w.weight[0]).toBe(s(0, 1) + s(1, 0));
    expect(w.weight[1]).toBe(s(0, 2));
    expect(mutualTies(ties, true)).toBe(w);
    expect(mutualTies(ties, false)).not.toBe(w);
    expect(mutualTies(ties, false)).toBe(mutualTies(ties, false));
  });
});
