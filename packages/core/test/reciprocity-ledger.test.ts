// The "who owes whom" ledger and the all-pairs balances, on hand-worked networks.
import { describe, expect, it } from "vitest";
import { Network, pairBalances, pairImbalances, reciprocityLedger, relationshipBalance, relationships, type Exchange, type TiegraphError } from "@tiegraph/core";

const ids = ["me", "ann", "bob", "cat", "dan", "eve", "fay", "gus"];
const D = "2024-03-01"; // the last exchange day, so exchanges on it are not decayed (2^0 = 1)
const ex = (kind: Exchange["kind"], from: string, to: string, date = D): Exchange => ({ date, kind, from, to });

const network = Network.from({
  ego: "me",
  settings: { halfLifeDays: 100 },
  people: ids.map((id) => ({ id, name: id })),
  exchanges: [
    ex("favour", "me", "ann"), ex("information", "ann", "me"), //          ann: given 3, received 1 → +2
    ex("favour", "bob", "me"), //                                           bob: −3
    ex("information", "me", "cat"), ex("information", "cat", "me"), //      cat: 0
    ex("meeting", "me", "dan"), //                                          dan: nothing given, imbalance null
    ex("introduction", "eve", "me"), ex("information", "me", "eve"), //     eve: 1 − 3 = −2
    ex("favour", "fay", "me", "2023-01-01"), //                             fay: −3 · 2^(−425/100), unreturned 425 days
    ...["2024-02-01", "2024-02-02", "2024-02-03", "2024-02-04"].map((d) => ex("information", "me", "gus", d)), // gus: a streak of 4
  ],
});

describe("reciprocityLedger", () => {
  const ledger = reciprocityLedger(network);

  it("has one entry per contact, in person order, as of the last exchange day", () => {
    expect(ledger.person).toBe("me");
    expect(ledger.asOf).toBe(D);
    expect(ledger.entries.map((e) => e.contact)).toEqual(["ann", "bob", "cat", "dan", "eve", "fay", "gus"]);
    expect(ledger.entries.find((e) => e.contact === "dan")).toMatchObject({ balance: 0, imbalance: null, exchanges: 1 });
  });
  it("ranks what you owe, most first", () => {
    // 2023-01-01 → 2024-03-01 is 425 days
    expect(ledger.youOwe.map((e) => [e.contact, e.balance])).toEqual([
      ["bob", -3],
      ["eve", -2],
      ["fay", -3 * 2 ** (-425 / 100)],
    ]);
  });
  it("ranks what you are owed, most first", () => {
    // gus: four pieces of information 29, 28, 27 and 26 days before 03-01
    const gus = 2 ** -0.29 + 2 ** -0.28 + 2 ** -0.27 + 2 ** -0.26;
    expect(ledger.owedToYou.map((e) => e.contact)).toEqual(["gus", "ann"]);
    expect(ledger.owedToYou[0]!.balance).toBeCloseTo(gus, 12);
    expect(ledger.owedToYou[1]!.balance).toBe(2);
  });
  it("lists soured relationships, 'you owe' first", () => {
    expect(ledger.souring.map((e) => [e.contact, e.souring!.direction, e.souring!.rules])).toEqual([
      ["fay", "you-owe", ["unreturned-favour"]],
      ["gus", "they-owe", ["imbalance", "streak"]], // 4 giving exchanges in the window, all mine: imbalance +1
    ]);
  });
  it("agrees with relationshipBalance entry by entry", () => {
    for (const e of ledger.entries) expect(relationshipBalance(network, "me", e.contact)).toEqual(e);
  });
  it("works for any person, and needs a person when the network has no ego", () => {
    const ann = reciprocityLedger(network, { person: "ann" });
    expect(ann.entries.map((e) => [e.contact, e.balance])).toEqual([["me", -2]]);
    const anonymous = Network.from({ people: [{ id: "a", name: "a" }] });
    try {
      reciprocityLedger(anonymous);
      expect.unreachable();
    } catch (e) {
      expect((e as TiegraphError).code).toBe("invalid-option");
    }
  });
});

describe("pairBalances and pairImbalances", () => {
  const rel = relationships(network);
  const pb = pairBalances(network, { relationships: rel });

  it("has one slot per relationship, aligned with relationships()", () => {
    expect(pb.pairCount).toBe(rel.pairCount);
    expect([...pb.a]).toEqual([...rel.a]);
    expect([...pb.b]).toEqual([...rel.b]);
  });
  it("gives each slot the balance seen from its lower-index person, NaN where nobody gave", () => {
    for (let k = 0; k < pb.pairCount; k++) {
      const b = relationshipBalance(network, ids[pb.a[k]!]!, ids[pb.b[k]!]!);
      expect(pb.givenByA[k]).toBe(b.given);
      expect(pb.givenByB[k]).toBe(b.received);
      expect(pb.rawByA[k]).toBe(b.givenRaw);
      if (b.imbalance === null) expect(pb.imbalance[k]).toBeNaN();
      else expect(pb.imbalance[k]).toBe(b.imbalance);
      expect(pb.streak[k]).toBe(b.streakDirection === "received" ? -b.oneWayStreak : b.oneWayStreak);
      expect(pb.souring[k]).toBe(b.souring ? (b.souring.direction === "they-owe" ? 1 : -1) : 0);
    }
  });
  it("computes the hand-worked imbalances", () => {
    const slot = (x: string, y: string) => [...rel.a].findIndex((a, k) => ids[a] === x && ids[rel.b[k]!] === y);
    const imb = pairImbalances(network);
    expect(imb[slot("me", "ann")]).toBeCloseTo((3 - 1) / (3 + 1), 12); // me is index 0, the lower
    expect(imb[slot("me", "bob")]).toBe(-1);
    expect(imb[slot("me", "cat")]).toBe(0);
    expect(imb[slot("me", "dan")]).toBeNaN();
    expect(pb.streak[slot("me", "gus")]).toBe(4);
    expect(pb.souring[slot("me", "fay")]).toBe(-1);
  });
  it("puts a long history recorded out of order into date order (before 1970 too)", () => {
    // 150 exchanges between x and y, recorded latest first, alternating kinds and directions
    const exchanges: Exchange[] = [];
    for (let k = 149; k >= 0; k--) {
      const date = new Date(Date.UTC(1969, 6, 1) + k * 5 * 86400000).toISOString().slice(0, 10);
      exchanges.push({ date, kind: k % 3 === 0 ? "gesture" : "information", from: k % 4 === 0 ? "y" : "x", to: k % 4 === 0 ? "x" : "y" });
    }
    const long = Network.from({ people: [{ id: "x", name: "x" }, { id: "y", name: "y" }], exchanges });
    const b = relationshipBalance(long, "x", "y");
    const pb = pairBalances(long);
    expect([pb.givenByA[0], pb.givenByB[0], pb.streak[0]]).toEqual([b.given, b.received, b.oneWayStreak]);
    // in date order the last exchange is k = 149, x's, after k = 148, y's (a multiple of 4); read backwards it would be y's k = 0
    expect([b.oneWayStreak, b.streakDirection]).toEqual([1, "given"]);
  });
  it("refuses a relationship index of another network", () => {
    const other = relationships(Network.from({ people: [{ id: "x", name: "x" }] }));
    expect(() => pairBalances(network, { relationships: other })).toThrowError(/another network/);
  });
});

describe("a network without exchanges", () => {
  it("has an empty ledger and no pair balances", () => {
    const empty = Network.from({ ego: "me", people: [{ id: "me", name: "me" }, { id: "ann", name: "ann" }] });
    expect(reciprocityLedger(empty)).toMatchObject({ entries: [], youOwe: [], owedToYou: [], souring: [] });
    expect(pairBalances(empty).pairCount).toBe(0);
  });
});
