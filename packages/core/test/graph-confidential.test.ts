// Issue 16.3 and 16.4: with confidential exchanges excluded, nothing about them
// (a tie's existence, its count, its last date, its strength, the reference
// day) may show. Hand-worked figures below; half-life 180 days, κ = 4.
import { describe, expect, it } from "vitest";
import {
  Network,
  defaultAsOf,
  directedTies,
  findDirectedTie,
  formatDay,
  parseDay,
  reciprocityLedger,
  relationshipGraph,
  relationships,
  tieGraph,
  visibleExchanges,
  type NetworkData,
} from "@tiegraph/core";

// a gives b a favour (3) on 2024-01-03 and a tip (1) on 2024-07-01, both open;
// b tells a something in confidence on 2024-12-28 (the network's last day);
// a and c only ever met in confidence (2024-03-01).
const data: NetworkData = {
  people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
  exchanges: [
    { id: "x1", date: "2024-01-03", kind: "favour", from: "a", to: "b" },
    { id: "x2", date: "2024-07-01", kind: "information", from: "a", to: "b" },
    { id: "x3", date: "2024-12-28", kind: "information", from: "b", to: "a", confidential: true },
    { id: "x4", date: "2024-03-01", kind: "meeting", from: "a", to: "c", confidential: true },
  ],
  ego: "a",
};
const net = Network.from(data);
const pairOf = (r: ReturnType<typeof relationships>, x: number, y: number): number => [...r.a].findIndex((a, k) => a === Math.min(x, y) && r.b[k] === Math.max(x, y));

describe("relationships without confidential exchanges (16.3)", () => {
  it("drops a pair that rests only on confidential exchanges and counts only open ones in a mixed pair", () => {
    const r = relationships(net, { excludeConfidential: true });
    expect(r.pairCount).toBe(1); // a–c existed only in confidence
    const ab = pairOf(r, 0, 1);
    expect(ab).toBe(0);
    expect(r.count[ab]).toBe(2); // x1 and x2, not x3
    expect(formatDay(r.lastDay[ab]!)).toBe("2024-07-01"); // not the confidential 2024-12-28
    expect(r.confidentialOnly[ab]).toBe(0);
    // a and c have no neighbour through a–c
    expect(r.offsets[2]! - r.offsets[1]!).toBe(1);
    expect(r.offsets[3]! - r.offsets[2]!).toBe(0);
  });

  it("keeps confidential exchanges in every figure when not excluded, flagging confidential-only pairs", () => {
    const r = relationships(net);
    expect(r.pairCount).toBe(2);
    const ab = pairOf(r, 0, 1);
    const ac = pairOf(r, 0, 2);
    expect(r.count[ab]).toBe(3);
    expect(formatDay(r.lastDay[ab]!)).toBe("2024-12-28");
    expect(r.confidentialOnly[ab]).toBe(0);
    expect(r.confidentialOnly[ac]).toBe(1);
  });
});

describe("strength and reference day without confidential exchanges (16.4)", () => {
  it("measures from the last open exchange, not the last confidential one", () => {
    expect(formatDay(defaultAsOf(net))).toBe("2024-12-28");
    expect(formatDay(defaultAsOf(net, { excludeConfidential: true }))).toBe("2024-07-01");
    const r = relationships(net, { excludeConfidential: true });
    expect(formatDay(r.asOf)).toBe("2024-07-01");
    // as of 2024-07-01: x1 is 180 days old → 3 · 2^(−1) = 1.5; x2 is fresh → 1; S = 2.5
    expect(r.strength[0]).toBeCloseTo(1 - Math.exp(-2.5 / 4), 12); // 0.4647…
    const t = directedTies(net, { excludeConfidential: true });
    expect(t.pairCount).toBe(1);
    expect(formatDay(t.asOf)).toBe("2024-07-01");
    expect(t.strength[findDirectedTie(t, 0, 1)]).toBeCloseTo(1 - Math.exp(-2.5 / 4), 12);
  });

  it("gives the same ties as a network where the confidential exchanges were never recorded", () => {
    const open = Network.from({ ...data, exchanges: data.exchanges!.filter((e) => !e.confidential) });
    const hidden = relationships(net, { excludeConfidential: true });
    const never = relationships(open);
    expect([...hidden.strength]).toEqual([...never.strength]);
    expect([...hidden.count]).toEqual([...never.count]);
    expect([...hidden.lastDay]).toEqual([...never.lastDay]);
    expect(hidden.asOf).toBe(never.asOf);
    // graphology generates edge keys from a global counter: compare the rest
    const edges = (g: ReturnType<typeof tieGraph> | ReturnType<typeof relationshipGraph>) => ({ nodes: g.export().nodes, edges: g.export().edges.map(({ key: _k, ...e }) => e) });
    expect(edges(tieGraph(net, { excludeConfidential: true }))).toEqual(edges(tieGraph(open)));
    expect(edges(relationshipGraph(net, { excludeConfidential: true }))).toEqual(edges(relationshipGraph(open)));
    expect(reciprocityLedger(net, { excludeConfidential: true })).toEqual(reciprocityLedger(open));
  });

  it("an explicit reference day is kept", () => {
    const r = relationships(net, { excludeConfidential: true, asOf: parseDay("2025-06-29")! });
    // 2024-07-01 → 2025-06-29 is 363 days; x1 is 543 days old: S = 3 · 2^(−543/180) + 2^(−363/180)
    const S = 3 * Math.pow(2, -543 / 180) + Math.pow(2, -363 / 180);
    expect(r.strength[0]).toBeCloseTo(1 - Math.exp(-S / 4), 12);
  });
});

describe("visibleExchanges", () => {
  it("counts exchanges and their date range, leaving confidential ones out when asked", () => {
    const all = visibleExchanges(net);
    expect(all.count).toBe(4);
    expect(formatDay(all.firstDay!)).toBe("2024-01-03");
    expect(formatDay(all.lastDay!)).toBe("2024-12-28");
    const open = visibleExchanges(net, { excludeConfidential: true });
    expect(open.count).toBe(2);
    expect(formatDay(open.firstDay!)).toBe("2024-01-03");
    expect(formatDay(open.lastDay!)).toBe("2024-07-01");
  });

  it("reports no dates when every exchange is confidential, or there are none", () => {
    const secret = Network.from({ people: data.people!, exchanges: [data.exchanges![3]!] });
    expect(visibleExchanges(secret, { excludeConfidential: true })).toEqual({ count: 0 });
    expect(visibleExchanges(new Network())).toEqual({ count: 0 });
    expect(defaultAsOf(secret, { excludeConfidential: true })).toBe(0);
  });
});
