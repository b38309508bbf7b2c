// Network-level reciprocity (binary overall, per person, weighted) on a hand-worked network.
import { describe, expect, it } from "vitest";
import { directedTies, Network, overallReciprocity, personReciprocity, weightedReciprocity } from "@tiegraph/core";

// Giving ties: a → b (favour, 3), b → a (information, 1), b → c (two pieces of information, 2).
// c → a is a meeting only, so it is no giving tie; d has no exchange at all.
const network = Network.from({
  people: ["a", "b", "c", "d"].map((id) => ({ id, name: id })),
  exchanges: [
    { date: "2024-01-01", kind: "favour", from: "a", to: "b" },
    { date: "2024-01-02", kind: "information", from: "b", to: "a" },
    { date: "2024-01-03", kind: "information", from: "b", to: "c" },
    { date: "2024-01-04", kind: "information", from: "b", to: "c" },
    { date: "2024-01-05", kind: "meeting", from: "c", to: "a" },
  ],
});

describe("overallReciprocity", () => {
  it("is the share of giving ties returned: 3 ties, a ↔ b mutual → 2/3", () => {
    expect(overallReciprocity(network)).toBeCloseTo(2 / 3, 15);
  });
  it("reuses a tie index when given one", () => {
    expect(overallReciprocity(network, { ties: directedTies(network) })).toBe(overallReciprocity(network));
  });
  it("is null for a network without giving ties (NetworkX raises)", () => {
    expect(overallReciprocity(Network.from({ people: [{ id: "x", name: "x" }, { id: "y", name: "y" }], exchanges: [{ date: "2024-01-01", kind: "meeting", from: "x", to: "y" }] }))).toBeNull();
    expect(overallReciprocity(new Network())).toBeNull();
  });
  it("leaves confidential exchanges out on request", () => {
    const n = Network.from({ people: [{ id: "x", name: "x" }, { id: "y", name: "y" }], exchanges: [{ date: "2024-01-01", kind: "favour", from: "x", to: "y" }, { date: "2024-01-02", kind: "favour", from: "y", to: "x", confidential: true }] });
    expect(overallReciprocity(n)).toBe(1);
    expect(overallReciprocity(n, { excludeConfidential: true })).toBe(0);
  });
});

describe("personReciprocity", () => {
  it("is 2|succ ∩ pred| / (|succ| + |pred|) per person, null without giving ties", () => {
    expect(personReciprocity(network)).toEqual({
      a: (2 * 1) / (1 + 1), // succ {b}, pred {b}
      b: (2 * 1) / (2 + 1), // succ {a, c}, pred {a}
      c: 0, //                 succ {}, pred {b}
      d: null,
    });
  });
});

describe("per-person records", () => {
  it("keep an id like __proto__ as a key", () => {
    const n = Network.from({ people: [{ id: "__proto__", name: "odd" }, { id: "x", name: "x" }], exchanges: [{ date: "2024-01-01", kind: "information", from: "__proto__", to: "x" }] });
    const r = personReciprocity(n);
    expect(Object.keys(r)).toEqual(["__proto__", "x"]);
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(r["__proto__"]).toBe(0);
  });
});

describe("weightedReciprocity", () => {
  it("is W↔ / W with W↔ = Σ min(w_ij, w_ji): (1 + 1) / (3 + 1 + 2) = 1/3", () => {
    const w = weightedReciprocity(network);
    expect(w.total).toBe(6);
    expect(w.reciprocated).toBe(2);
    expect(w.r).toBeCloseTo(1 / 3, 15);
  });
  it("splits each person's strength into reciprocated, out-only and in-only", () => {
    expect(weightedReciprocity(network).byPerson).toEqual({
      a: { reciprocated: 1, outOnly: 3 - 1, inOnly: 1 - 1, r: (2 * 1) / (3 + 1) },
      b: { reciprocated: 1, outOnly: 3 - 1, inOnly: 3 - 1, r: (2 * 1) / (3 + 3) },
      c: { reciprocated: 0, outOnly: 0, inOnly: 2, r: 0 },
      d: { reciprocated: 0, outOnly: 0, inOnly: 0, r: null },
    });
  });
  it("equals binary reciprocity when every weight is 1", () => {
    const binary = Network.from({
      people: ["x", "y", "z"].map((id) => ({ id, name: id })),
      exchanges: [
        { date: "2024-01-01", kind: "information", from: "x", to: "y" },
        { date: "2024-01-01", kind: "information", from: "y", to: "x" },
        { date: "2024-01-01", kind: "information", from: "y", to: "z" },
      ],
    });
    expect(weightedReciprocity(binary).r).toBe(overallReciprocity(binary));
  });
  it("weighs by decayed value on request", () => {
    // with a 1-day half-life, as of 2024-01-05: a → b is 4 days old (3/16), b → a 3 days (1/8)
    const n = Network.from({ ...network.toData(), settings: { halfLifeDays: 1 } });
    const w = weightedReciprocity(n, { weight: "decayed" });
    const ab = 3 / 16;
    const ba = 1 / 8;
    const bc = 1 / 4 + 1 / 2;
    expect(w.total).toBeCloseTo(ab + ba + bc, 15);
    expect(w.reciprocated).toBeCloseTo(2 * Math.min(ab, ba), 15);
  });
});
