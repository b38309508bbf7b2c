// Issue 13, "one reference date": one rule picks the day figures are as of
// (referenceDay), and nothing dated after it counts: not in a strength, a
// path, the ledger or the E-I index. Hand-worked figures at two as-of dates,
// one before and one after an exchange; half-life 180 days, κ = 4.
import { describe, expect, it } from "vitest";
import {
  Network,
  createPathIndex,
  eiIndex,
  formatDay,
  introductionPaths,
  networkAsOf,
  parseDay,
  reciprocityLedger,
  referenceDay,
  relationships,
  type NetworkData,
} from "@tiegraph/core";

// me and ann work at acme, bob at bolt.
// x1 2026-01-01 me gives ann a favour (value 3)
// x2 2026-03-02 ann tells me something (information, value 1)
// x3 2026-03-02 ann meets bob (meeting, value 1)
const data: NetworkData = {
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "bolt", name: "Bolt" }],
  people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }],
  affiliations: [{ person: "me", organisation: "acme" }, { person: "ann", organisation: "acme" }, { person: "bob", organisation: "bolt" }],
  exchanges: [
    { id: "x1", date: "2026-01-01", kind: "favour", from: "me", to: "ann" },
    { id: "x2", date: "2026-03-02", kind: "information", from: "ann", to: "me" },
    { id: "x3", date: "2026-03-02", kind: "meeting", from: "ann", to: "bob" },
  ],
};
const net = Network.from(data);
const BEFORE = "2026-01-31"; // 30 days after x1, before x2 and x3
const AFTER = "2026-03-02"; // 60 days after x1, the day of x2 and x3
const strength = (sum: number): number => 1 - Math.exp(-sum / 4);
const decay = (value: number, days: number): number => value * Math.pow(2, -days / 180);

describe("referenceDay: one rule for the day figures are as of", () => {
  it("takes asOf, else today, else the last visible exchange", () => {
    expect(formatDay(referenceDay(net, { asOf: BEFORE, today: "2026-11-30" }))).toBe(BEFORE);
    expect(formatDay(referenceDay(net, { today: "2026-11-30" }))).toBe("2026-11-30");
    expect(formatDay(referenceDay(net, { asOf: "last", today: "2026-11-30" }))).toBe("2026-03-02");
    expect(formatDay(referenceDay(net))).toBe("2026-03-02");
    // "last" on a network without exchanges falls back to today
    expect(formatDay(referenceDay(Network.from({ people: [{ id: "me", name: "Me" }] }), { asOf: "last", today: "2026-11-30" }))).toBe("2026-11-30");
  });

  it("rejects a date that is not a calendar date with a typed error naming the option", () => {
    expect(() => referenceDay(net, { asOf: "2026-02-30" })).toThrow(expect.objectContaining({ code: "invalid-option", record: "options.asOf" }));
    expect(() => referenceDay(net, { today: "today" })).toThrow(expect.objectContaining({ code: "invalid-option", record: "options.today" }));
  });
});

describe("figures before and after an exchange", () => {
  it("tie strengths: before x2 and x3 only me–ann exists, from x1 decayed over 30 days", () => {
    const before = relationships(net, { asOf: parseDay(BEFORE)! });
    expect(before.pairCount).toBe(1);
    expect(before.count[0]).toBe(1);
    expect(formatDay(before.lastDay[0]!)).toBe("2026-01-01");
    // S = 3 · 2^(−30/180) = 2.6727; s = 1 − e^(−S/4) = 0.4874
    expect(before.strength[0]).toBeCloseTo(strength(decay(3, 30)), 12);
    expect(before.strength[0]).toBeCloseTo(0.4874, 4);

    const after = relationships(net, { asOf: parseDay(AFTER)! });
    expect(after.pairCount).toBe(2);
    // me–ann: S = 3 · 2^(−60/180) + 1 = 3.3811, s = 0.5706; ann–bob: S = 1, s = 1 − e^(−1/4) = 0.2212
    const meAnn = [...after.a].findIndex((a, k) => a === 0 && after.b[k] === 1);
    const annBob = [...after.a].findIndex((a, k) => a === 1 && after.b[k] === 2);
    expect(after.strength[meAnn]).toBeCloseTo(strength(decay(3, 60) + 1), 12);
    expect(after.strength[meAnn]).toBeCloseTo(0.5706, 4);
    expect(after.strength[annBob]).toBeCloseTo(0.2212, 4);
  });

  it("the ledger: before x2 ann owes me the whole favour; after it, less the tip she passed on", () => {
    const before = reciprocityLedger(net, { person: "me", asOf: BEFORE }).entries.find((e) => e.contact === "ann")!;
    expect(before.exchanges).toBe(1);
    expect(before.received).toBe(0);
    expect(before.givenRaw).toBe(3);
    expect(before.lastDate).toBe("2026-01-01");
    const after = reciprocityLedger(net, { person: "me", asOf: AFTER }).entries.find((e) => e.contact === "ann")!;
    expect(after.exchanges).toBe(2);
    expect(after.receivedRaw).toBe(1);
    expect(after.lastDate).toBe("2026-03-02");
  });

  it("E-I: as of the day before, only the internal favour counts (−1); after, one of two of ann's exchanges is external", () => {
    const before = eiIndex(networkAsOf(net, BEFORE));
    // exchanges: x1 internal (acme–acme) → (E − I)/(E + I) = (0 − 1)/1
    expect(before.internal).toBe(1);
    expect(before.external).toBe(0);
    expect(before.network).toBe(-1);
    const after = eiIndex(networkAsOf(net, AFTER));
    // x1, x2 internal, x3 external (acme–bolt) → (1 − 2)/3
    expect(after.internal).toBe(2);
    expect(after.external).toBe(1);
    expect(after.network).toBeCloseTo(-1 / 3, 12);
  });

  it("networkAsOf keeps everything but the later exchanges, and is the network itself when none is later", () => {
    const then = networkAsOf(net, BEFORE);
    expect(then.exchangeCount).toBe(1);
    expect(then.personCount).toBe(3);
    expect(then.ego).toBe("me");
    expect(networkAsOf(net, AFTER)).toBe(net);
    expect(() => networkAsOf(net, "March")).toThrow(expect.objectContaining({ code: "invalid-option" }));
  });
});

describe("paths as of a day before a tie's only exchange (regression)", () => {
  // ann–bob rests only on x3 (2026-03-02). As of 2026-01-31 it did not exist,
  // so there is no way from me to bob, with or without skipping confidential-only ties.
  it("finds no path and gives the tie no strength", () => {
    const index = createPathIndex(net, { asOf: BEFORE });
    expect(index.strengthBetween("ann", "bob")).toBe(0);
    for (const skipConfidentialOnly of [true, false]) {
      const answer = introductionPaths(index, { to: { person: "bob" }, skipConfidentialOnly });
      expect(answer.paths).toEqual([]);
      expect(answer.asOf).toBe(BEFORE);
    }
  });

  it("finds me → ann → bob once the meeting has happened, with the hand-worked strengths", () => {
    const index = createPathIndex(net, { asOf: AFTER });
    const answer = introductionPaths(index, { to: { person: "bob" }, skipConfidentialOnly: true });
    expect(answer.paths.length).toBe(1);
    expect(index.strengthBetween("ann", "bob")).toBeCloseTo(strength(1), 12);
    expect(index.strengthBetween("me", "ann")).toBeCloseTo(strength(decay(3, 60) + 1), 12);
  });
});
