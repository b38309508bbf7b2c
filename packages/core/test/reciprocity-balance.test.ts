// Per-relationship reciprocity on small hand-worked networks: balances, token gestures, streaks, souring rules.
import { describe, expect, it } from "vitest";
import { gestureValue, Network, relationshipBalance, TiegraphError, type Exchange } from "@tiegraph/core";

const PEOPLE = ["me", "ann", "bob"].map((id) => ({ id, name: id }));

/** A network of me, ann and bob with a 100-day half-life, so ages of 100 and 200 days halve and quarter. */
function net(exchanges: Exchange[], halfLifeDays = 100): Network {
  return Network.from({ ego: "me", settings: { halfLifeDays }, people: PEOPLE, exchanges });
}

function thrown(fn: () => unknown): TiegraphError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TiegraphError);
    return e as TiegraphError;
  }
  throw new Error("expected a TiegraphError");
}

describe("relationshipBalance", () => {
  // 2024-01-01 → 2024-07-19 is 200 days; 2024-04-10 → 2024-07-19 is 100 days
  const basic = net([
    { date: "2024-01-01", kind: "favour", from: "me", to: "ann" }, // value 3
    { date: "2024-04-10", kind: "information", from: "ann", to: "me" }, // value 1
    { date: "2024-04-10", kind: "meeting", from: "ann", to: "me", minutes: 45 }, // a touchpoint, not a gift
  ]);

  it("decays each side's value with the half-life and keeps the recorded values", () => {
    const b = relationshipBalance(basic, "me", "ann", { asOf: "2024-07-19" });
    expect(b.given).toBeCloseTo(3 * 2 ** (-200 / 100), 12); // 0.75
    expect(b.received).toBeCloseTo(1 * 2 ** (-100 / 100), 12); // 0.5
    expect(b.givenRaw).toBe(3);
    expect(b.receivedRaw).toBe(1);
    expect(b.balance).toBeCloseTo(0.75 - 0.5, 12);
    expect(b.imbalance).toBeCloseTo((0.75 - 0.5) / (0.75 + 0.5), 12); // 0.2
  });
  it("counts the streak, the days since each side gave, the last date, and meetings only as touchpoints", () => {
    const b = relationshipBalance(basic, "me", "ann", { asOf: "2024-07-19" });
    expect(b.oneWayStreak).toBe(1);
    expect(b.streakDirection).toBe("received");
    expect(b.daysSinceOtherGave).toBe(100);
    expect(b.daysSinceYouGave).toBe(200);
    expect(b.lastDate).toBe("2024-04-10");
    expect(b.exchanges).toBe(3);
    expect(b.souring).toBeUndefined();
  });
  it("is the mirror image from the other side", () => {
    const a = relationshipBalance(basic, "me", "ann", { asOf: "2024-07-19" });
    const b = relationshipBalance(basic, "ann", "me", { asOf: "2024-07-19" });
    expect([b.given, b.received, b.balance, b.imbalance]).toEqual([a.received, a.given, -a.balance, -a.imbalance!]);
    expect(b.streakDirection).toBe("given");
  });
  it("ignores exchanges after the reference day and defaults to the last exchange day", () => {
    const early = relationshipBalance(basic, "me", "ann", { asOf: "2024-02-01" }); // 31 days after the favour
    expect(early.received).toBe(0);
    expect(early.given).toBeCloseTo(3 * 2 ** (-31 / 100), 12);
    expect(early.imbalance).toBe(1);
    const byDefault = relationshipBalance(basic, "me", "ann"); // as of 2024-04-10: ages 100 and 0
    expect(byDefault.given).toBeCloseTo(3 * 0.5, 12);
    expect(byDefault.received).toBe(1);
  });
  it("uses the half-life option over the network's setting", () => {
    const b = relationshipBalance(basic, "me", "ann", { asOf: "2024-07-19", halfLifeDays: 200 });
    expect(b.given).toBeCloseTo(3 * 0.5, 12);
    expect(b.received).toBeCloseTo(2 ** -0.5, 12);
  });
  it("has a null imbalance and streak 'none' when nobody gave anything", () => {
    const b = relationshipBalance(net([{ date: "2024-01-01", kind: "meeting", from: "me", to: "bob" }]), "me", "bob");
    expect(b).toMatchObject({ given: 0, received: 0, imbalance: null, oneWayStreak: 0, streakDirection: "none", daysSinceOtherGave: null, exchanges: 1, lastDate: "2024-01-01" });
    expect(relationshipBalance(net([]), "me", "ann")).toMatchObject({ exchanges: 0, lastDate: null, imbalance: null });
  });
  it("refuses unknown people, a person with themself, and bad options", () => {
    expect(thrown(() => relationshipBalance(basic, "me", "zed")).code).toBe("unknown-person");
    expect(thrown(() => relationshipBalance(basic, "me", "me")).code).toBe("invalid-option");
    const bad = thrown(() => relationshipBalance(basic, "me", "ann", { asOf: "2024-02-30" }));
    expect([bad.code, bad.record]).toEqual(["invalid-option", "options.asOf"]);
    expect(thrown(() => relationshipBalance(basic, "me", "ann", { gestureDecay: 2 })).record).toBe("options.gestureDecay");
    expect(thrown(() => relationshipBalance(basic, "me", "ann", { souring: { streakLength: 0 } })).record).toBe("options.souring.streakLength");
  });
});

describe("token gestures", () => {
  it("multiplies a gesture by 0.5 for each earlier one within 90 days (the default rule)", () => {
    expect(gestureValue(1, 0, 0.5)).toBe(1);
    expect(gestureValue(1, 1, 0.5)).toBe(0.5);
    expect(gestureValue(2, 2, 0.5)).toBe(0.5); // a lunch worth 2, third in the window: 2 · 0.25
  });
  it("counts coffees on days 0, 30, 60 and 200 as 1, 0.5, 0.25 and 1", () => {
    // days from 2024-01-01: 0, 30 (01-31), 60 (03-01), 200 (07-19); the window of the last, [110, 200], holds none
    const n = net(["2024-01-01", "2024-01-31", "2024-03-01", "2024-07-19"].map((date) => ({ date, kind: "gesture" as const, from: "me", to: "ann", format: "coffee" })));
    const b = relationshipBalance(n, "me", "ann", { asOf: "2024-07-19" });
    expect(b.givenRaw).toBe(4);
    // ages 200, 170, 140, 0 with a 100-day half-life
    expect(b.given).toBeCloseTo(1 * 2 ** -2 + 0.5 * 2 ** -1.7 + 0.25 * 2 ** -1.4 + 1, 12);
    // with no decay to speak of, the diminished values add up
    const noDecay = relationshipBalance(n, "me", "ann", { asOf: "2024-07-19", halfLifeDays: 1e300 });
    expect(noDecay.given).toBeCloseTo(1 + 0.5 + 0.25 + 1, 12);
  });
  it("includes the window's first day: 90 days apart is a repeat, 91 is not", () => {
    const at90 = net([{ date: "2024-01-01", kind: "gesture", from: "me", to: "ann" }, { date: "2024-03-31", kind: "gesture", from: "me", to: "ann" }]);
    const at91 = net([{ date: "2024-01-01", kind: "gesture", from: "me", to: "ann" }, { date: "2024-04-01", kind: "gesture", from: "me", to: "ann" }]);
    const flat = { halfLifeDays: 1e300 };
    expect(relationshipBalance(at90, "me", "ann", flat).given).toBeCloseTo(1.5, 12);
    expect(relationshipBalance(at91, "me", "ann", flat).given).toBeCloseTo(2, 12);
  });
  it("keeps each direction's window apart: a coffee returned is not a repeat", () => {
    const n = net([
      { date: "2024-01-01", kind: "gesture", from: "me", to: "ann" },
      { date: "2024-01-15", kind: "gesture", from: "ann", to: "me" },
      { date: "2024-02-01", kind: "gesture", from: "me", to: "ann" },
    ]);
    const b = relationshipBalance(n, "me", "ann", { halfLifeDays: 1e300 });
    expect(b.given).toBeCloseTo(1 + 0.5, 12);
    expect(b.received).toBeCloseTo(1, 12);
  });
  it("follows the window and decay options", () => {
    const n = net([{ date: "2024-01-01", kind: "gesture", from: "me", to: "ann" }, { date: "2024-01-31", kind: "gesture", from: "me", to: "ann" }, { date: "2024-02-10", kind: "gesture", from: "me", to: "ann" }]);
    // window 20 days: 01-31 is alone (30 days after), 02-10 has 01-31 (10 days before): 1 + 1 + 0.25
    expect(relationshipBalance(n, "me", "ann", { halfLifeDays: 1e300, gestureWindowDays: 20, gestureDecay: 0.25 }).given).toBeCloseTo(2.25, 12);
  });
  it("does not diminish other kinds", () => {
    const n = net([{ date: "2024-01-01", kind: "information", from: "me", to: "ann" }, { date: "2024-01-02", kind: "information", from: "me", to: "ann" }]);
    expect(relationshipBalance(n, "me", "ann", { halfLifeDays: 1e300 }).given).toBeCloseTo(2, 12);
  });
});

describe("one-way streaks", () => {
  it("counts the latest giving exchanges in one direction; meetings neither extend nor break them", () => {
    const n = net([
      { date: "2024-01-01", kind: "information", from: "me", to: "ann" },
      { date: "2024-01-02", kind: "information", from: "ann", to: "me" },
      { date: "2024-01-03", kind: "information", from: "ann", to: "me" },
      { date: "2024-01-04", kind: "meeting", from: "me", to: "ann" },
      { date: "2024-01-05", kind: "favour", from: "ann", to: "me" },
    ]);
    const b = relationshipBalance(n, "me", "ann");
    expect([b.oneWayStreak, b.streakDirection]).toEqual([3, "received"]);
  });
});
