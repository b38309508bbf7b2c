import { describe, expect, it } from "vitest";
import { Network, directedTies, relationships, tieGraph, exchangeGraph, relationshipGraph, findDirectedTie, strengthFromSum, DEFAULT_TIE_STRENGTH_OPTIONS } from "@tiegraph/core";

// a: gives b a favour (value 3) on day D-180 and information (1) on D;
// b: meets a (touchpoint weight 1) on D-360; c and a share one confidential tip on D.
const net = Network.from({
  people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C", notes: "never on a graph" }],
  exchanges: [
    { date: "2024-01-03", kind: "favour", from: "a", to: "b" },
    { date: "2024-07-01", kind: "information", from: "a", to: "b" },
    { date: "2023-07-07", kind: "meeting", from: "b", to: "a", minutes: 45 },
    { date: "2024-07-01", kind: "information", from: "c", to: "a", confidential: true, note: "secret" },
  ],
});

describe("tie indices", () => {
  it("aggregates ordered pairs with recency-decayed strength", () => {
    const t = directedTies(net); // asOf = last day 2024-07-01; 2024-01-03 is 180 days earlier, 2023-07-07 is 360
    expect(t.pairCount).toBe(3);
    const ab = findDirectedTie(t, 0, 1);
    expect(t.count[ab]).toBe(2);
    expect(t.givingCount[ab]).toBe(2);
    expect(t.givenValue[ab]).toBe(4); // 3 + 1
    // decayed: 3 · 2^(−180/180) + 1 · 2^0 = 1.5 + 1 = 2.5
    expect(t.givenDecayed[ab]).toBeCloseTo(2.5, 12);
    // strength = 1 − e^(−2.5/4)
    expect(t.strength[ab]).toBeCloseTo(1 - Math.exp(-2.5 / 4), 12);
    const ba = findDirectedTie(t, 1, 0);
    expect(t.givingCount[ba]).toBe(0); // a meeting is not a gift
    expect(t.givenValue[ba]).toBe(0);
    expect(t.decayed[ba]).toBeCloseTo(0.25, 12); // 1 · 2^(−360/180)
    expect(t.minutes[ba]).toBe(45);
  });

  it("combines both directions into one relationship per pair", () => {
    const r = relationships(net);
    expect(r.pairCount).toBe(2);
    const k = [...r.a].findIndex((a, i) => a === 0 && r.b[i] === 1);
    expect(r.strength[k]).toBeCloseTo(1 - Math.exp(-(2.5 + 0.25) / 4), 12);
    expect(r.count[k]).toBe(3);
    // c–a rests only on a confidential exchange
    const ca = [...r.a].findIndex((a, i) => a === 0 && r.b[i] === 2);
    expect(r.confidentialOnly[ca]).toBe(1);
    expect(r.confidentialOnly[k]).toBe(0);
    // symmetric CSR: a has two neighbours, b and c one each
    expect(r.offsets[1]! - r.offsets[0]!).toBe(2);
    expect(r.offsets[2]! - r.offsets[1]!).toBe(1);
    // excluding confidential exchanges removes c–a altogether (issue 16.3)
    const open = relationships(net, { excludeConfidential: true });
    expect(open.pairCount).toBe(1);
    expect(open.offsets[3]! - open.offsets[2]!).toBe(0);
  });

  it("normalises strength into (0, 1]", () => {
    expect(strengthFromSum(0, DEFAULT_TIE_STRENGTH_OPTIONS)).toBe(0.01);
    expect(strengthFromSum(4, DEFAULT_TIE_STRENGTH_OPTIONS)).toBeCloseTo(1 - 1 / Math.E, 12);
    expect(strengthFromSum(1e6, DEFAULT_TIE_STRENGTH_OPTIONS)).toBe(1);
  });

  it("builds graphology graphs without notes", () => {
    const g = exchangeGraph(net);
    expect(g.size).toBe(4);
    expect(g.order).toBe(3);
    expect(JSON.stringify(g.export())).not.toContain("secret");
    expect(JSON.stringify(g.export())).not.toContain("never on a graph");
    expect(exchangeGraph(net, { excludeConfidential: true }).size).toBe(3);
    const tg = tieGraph(net);
    expect(tg.size).toBe(3);
    expect(tg.getEdgeAttribute(tg.edge("a", "b")!, "value")).toBe(4);
    expect(tg.getEdgeAttribute(tg.edge("a", "b")!, "firstDate")).toBe("2024-01-03");
    const rg = relationshipGraph(net);
    expect(rg.size).toBe(2);
    expect(rg.getEdgeAttribute(rg.edge("c", "a")!, "confidentialOnly")).toBe(true);
  });
});
