// Constraint, effective size, betweenness and bridging contacts on hand-worked networks.
import { describe, expect, it } from "vitest";
import { betweenness, bridgingContacts, constraint, effectiveSize, generateNetwork, Network, TiegraphError, type Exchange } from "@tiegraph/core";

const info = (from: string, to: string, date = "2024-01-01"): Exchange => ({ date, kind: "information", from, to });
const people = (...ids: string[]) => ids.map((id) => ({ id, name: id }));

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TiegraphError);
    return (e as TiegraphError).code;
  }
  return "no error";
}

describe("constraint and effective size", () => {
  // ties a → b, b → a, a → c, b → c; d has none. Mutual weights (a_ij + a_ji):
  // a–b 2, a–c 1, b–c 1. So p_ab = 2/3, p_ac = 1/3; p_ba = 2/3, p_bc = 1/3; p_ca = p_cb = 1/2.
  const n = Network.from({ people: people("a", "b", "c", "d"), exchanges: [info("a", "b"), info("b", "a"), info("a", "c"), info("b", "c")] });

  it("constraint: c_a = (p_ab + p_ac p_cb)² + (p_ac + p_ab p_bc)² = (5/6)² + (5/9)²", () => {
    const c = constraint(n);
    expect(c.a).toBeCloseTo((2 / 3 + (1 / 3) * (1 / 2)) ** 2 + (1 / 3 + (2 / 3) * (1 / 3)) ** 2, 14);
    expect(c.b).toBeCloseTo(c.a!, 14); // b's position mirrors a's
    // c: p_ca = p_cb = 1/2; indirect c→a via b: p_cb p_ba = 1/2 · 2/3
    expect(c.c).toBeCloseTo((1 / 2 + (1 / 2) * (2 / 3)) ** 2 * 2, 14);
    expect(c.d).toBeNull();
  });
  it("effective size: e_a = (1 − p_ac m_bc) + (1 − p_ab m_cb) = (1 − 1/3 · 1/2) + (1 − 2/3 · 1) = 7/6", () => {
    // m_bc = 1 / max(2, 1) = 1/2; m_cb = 1 / max(1, 1) = 1
    const e = effectiveSize(n);
    expect(e.a).toBeCloseTo(7 / 6, 14);
    expect(e.d).toBeNull();
  });
  it("gives a star's centre no constraint from redundancy: 1/k with k one-way spokes, effective size k", () => {
    const star = Network.from({ people: people("hub", "x", "y", "z", "w"), exchanges: ["x", "y", "z", "w"].map((s) => info("hub", s)) });
    expect(constraint(star).hub).toBeCloseTo(4 * (1 / 4) ** 2, 14);
    expect(effectiveSize(star).hub).toBeCloseTo(4, 14);
    expect(constraint(star).x).toBe(1); // one contact: fully constrained
  });
  it("weighs ties by strength when asked: a recent tie outweighs an old one", () => {
    // hub → x today (strength 1 − e^(−1/4)), hub → y a year ago (decayed by 2^(−365/180))
    const w = Network.from({ people: people("hub", "x", "y"), exchanges: [info("hub", "x", "2024-12-31"), info("hub", "y", "2023-12-31")] });
    const sx = 1 - Math.exp(-1 / 4);
    const sy = 1 - Math.exp(-(2 ** (-366 / 180)) / 4); // 2024 is a leap year: 366 days
    const px = sx / (sx + sy);
    expect(constraint(w, { weighted: true }).hub).toBeCloseTo(px ** 2 + (1 - px) ** 2, 12);
    expect(constraint(w).hub).toBeCloseTo(0.5, 14);
  });
});

describe("betweenness", () => {
  it("counts the shortest paths through a person: b on a → b → c has 1, normalised 1 / ((n − 1)(n − 2)) = 1/2", () => {
    const path = Network.from({ people: people("a", "b", "c"), exchanges: [info("a", "b"), info("b", "c")] });
    expect(betweenness(path, { normalized: false })).toEqual({ a: 0, b: 1, c: 0 });
    expect(betweenness(path)).toEqual({ a: 0, b: 0.5, c: 0 });
    // undirected: the path a – b – c counted once, then halved as NetworkX does for undirected raw values
    expect(betweenness(path, { directed: false, normalized: false })).toEqual({ a: 0, b: 1, c: 0 });
  });
  it("splits over equal shortest paths: a → {b, c} → d gives b and c ½ each", () => {
    const diamond = Network.from({ people: people("a", "b", "c", "d"), exchanges: [info("a", "b"), info("a", "c"), info("b", "d"), info("c", "d")] });
    expect(betweenness(diamond, { normalized: false })).toEqual({ a: 0, b: 0.5, c: 0.5, d: 0 });
  });
  it("runs on the collapsed tie graph: repeated exchanges add no paths", () => {
    const once = Network.from({ people: people("a", "b", "c", "d"), exchanges: [info("a", "b"), info("a", "c"), info("b", "d"), info("c", "d")] });
    const often = Network.from({ people: people("a", "b", "c", "d"), exchanges: [info("a", "b"), info("a", "b"), info("a", "b"), { ...info("a", "b"), kind: "meeting" }, info("a", "c"), info("b", "d"), info("c", "d")] });
    expect(betweenness(often)).toEqual(betweenness(once));
  });
  it("samples sources with a seed, exactly above exactUpTo, and equals the exact value when every person is a source", () => {
    const net = generateNetwork({ seed: 5, people: 400, exchanges: 3000, ego: false });
    const exact = betweenness(net);
    expect(betweenness(net, { sample: 400 })).toEqual(exact);
    const a = betweenness(net, { sample: 60, seed: 9 });
    expect(betweenness(net, { sample: 60, seed: 9 })).toEqual(a);
    expect(betweenness(net, { sample: 60, seed: 10 })).not.toEqual(a);
    expect(betweenness(net, { exactUpTo: 100 })).toEqual(betweenness(net, { sample: 500 })); // 500 ≥ 400 people: exact
    expect(betweenness(net, { exactUpTo: 100, sample: 60, seed: 9 })).toEqual(a);
    // the estimate tracks the exact values: the sum over everyone within 25%
    const sum = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0);
    expect(Math.abs(sum(a) / sum(exact) - 1)).toBeLessThan(0.25);
  });
  it("refuses a bad sample size and unknown sources", () => {
    const path = Network.from({ people: people("a", "b", "c"), exchanges: [info("a", "b"), info("b", "c")] });
    expect(code(() => betweenness(path, { sample: 0 }))).toBe("invalid-option");
    expect(code(() => betweenness(path, { sample: 1.5 }))).toBe("invalid-option");
    expect(code(() => betweenness(path, { sources: ["zed"] }))).toBe("unknown-person");
  });
});

describe("bridgingContacts", () => {
  // me (acme) knows ann (beta), bob (acme), cat (gamma) and dan (acme);
  // dan knows eve (delta) and fay (beta); cat knows gus (epsilon); bob knows hal (zeta) only in confidence.
  const orgs = ["acme", "beta", "gamma", "delta", "epsilon", "zeta"];
  const member: Record<string, string> = { me: "acme", ann: "beta", bob: "acme", cat: "gamma", dan: "acme", eve: "delta", fay: "beta", gus: "epsilon", hal: "zeta" };
  const n = Network.from({
    ego: "me",
    organisations: orgs.map((id) => ({ id, name: id })),
    people: people(...Object.keys(member)),
    affiliations: Object.entries(member).map(([person, organisation]) => ({ person, organisation })),
    exchanges: [info("me", "ann"), info("bob", "me"), info("me", "cat"), info("dan", "me"), info("dan", "eve"), info("fay", "dan"), info("cat", "gus"), { ...info("bob", "hal"), confidential: true }],
  });

  it("names the contacts who are the only way into an organisation", () => {
    // beta: ann (member) and dan (knows fay): two routes, not bridged. acme: my own.
    expect(bridgingContacts(n)).toEqual([
      { contact: "cat", groups: [{ group: "gamma", via: "member", through: 0 }, { group: "epsilon", via: "contacts", through: 1 }] },
      { contact: "dan", groups: [{ group: "delta", via: "contacts", through: 1 }] },
    ]);
  });
  it("keeps confidential-only relationships out unless asked", () => {
    const withConfidential = bridgingContacts(n, "me", { includeConfidential: true });
    expect(withConfidential.find((b) => b.contact === "bob")).toEqual({ contact: "bob", groups: [{ group: "zeta", via: "contacts", through: 1 }] });
  });
  it("reads memberships on the reference day", () => {
    // ann leaves beta for zeta on 2024-01-01: today she is my only way into zeta; in mid-2023 she was in beta, which dan also reaches
    const moved = Network.from({ ...n.toData(), affiliations: [...n.affiliationsOf("me"), ...Object.keys(member).filter((p) => p !== "me" && p !== "ann").flatMap((p) => n.affiliationsOf(p)), { person: "ann", organisation: "beta", to: "2023-12-31" }, { person: "ann", organisation: "zeta", from: "2024-01-01" }] });
    expect(bridgingContacts(moved).find((b) => b.contact === "ann")).toEqual({ contact: "ann", groups: [{ group: "zeta", via: "member", through: 0 }] });
    expect(bridgingContacts(moved, "me", { asOf: "2023-06-01" }).find((b) => b.contact === "ann")).toBeUndefined();
  });
  it("works by attribute and for any person; needs a person without an ego", () => {
    // gus (epsilon) knows only cat: cat is in gamma and knows me, at acme; groups come in organisation order
    expect(bridgingContacts(n, "gus")).toEqual([{ contact: "cat", groups: [{ group: "acme", via: "contacts", through: 1 }, { group: "gamma", via: "member", through: 0 }] }]);
    const plain = Network.from({ people: [{ id: "x", name: "x", attributes: { office: "Rome" } }, { id: "y", name: "y", attributes: { office: "Oslo" } }], exchanges: [info("x", "y")] });
    expect(bridgingContacts(plain, "x", { groupBy: "office" })).toEqual([{ contact: "y", groups: [{ group: "Oslo", via: "member", through: 0 }] }]);
    expect(code(() => bridgingContacts(plain))).toBe("invalid-option");
    expect(code(() => bridgingContacts(n, "me", { asOf: "yesterday" }))).toBe("invalid-option");
  });
});

describe("a network without exchanges", () => {
  it("gives null brokerage measures, zero betweenness and no bridges", () => {
    const empty = Network.from({ ego: "a", people: people("a", "b", "c") });
    expect(constraint(empty)).toEqual({ a: null, b: null, c: null });
    expect(effectiveSize(empty, { weighted: true })).toEqual({ a: null, b: null, c: null });
    expect(betweenness(empty)).toEqual({ a: 0, b: 0, c: 0 });
    expect(bridgingContacts(empty)).toEqual([]);
  });
});
