// The cadence clock on a hand-worked network: sources of cadence, tiers from
// strength, statuses, dormant ties, confidential touches, and option errors.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_TIE_STRENGTH_OPTIONS,
  Network,
  TiegraphError,
  cadenceOf,
  formatDay,
  parseDay,
  keptStrength,
  relationshipCadences,
  relationships,
  resolveCadenceTiers,
  type NetworkData,
  type RelationshipCadence,
} from "@tiegraph/core";

// Strength of a decayed sum S with κ = 4 (graph/tie-strength.ts).
const s = (sum: number) => 1 - Math.exp(-sum / 4);
// Decay of one unit over Δ days with the 180-day half-life.
const decay = (days: number) => 2 ** (-days / 180);

/**
 * Ego "me" on 2024-06-15 (asOf). Default tier thresholds: close 0.963,
 * active 0.746, wider 0.391 (checked in the tiers test below).
 */
export const handNetwork = (): NetworkData => ({
  ego: "me",
  settings: { cadenceByTag: { mentor: 30, investor: 60 } },
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann" },
    { id: "bob", name: "Bob", cadenceDays: 10 },
    { id: "cy", name: "Cy", tags: ["investor", "mentor"] },
    { id: "dee", name: "Dee" },
    { id: "eve", name: "Eve", cadenceDays: 20 },
    { id: "fay", name: "Fay" },
    { id: "gus", name: "Gus" },
    { id: "hal", name: "Hal" },
    { id: "ivy", name: "Ivy" },
    { id: "jon", name: "Jon" },
    { id: "kim", name: "Kim" },
  ],
  exchanges: [
    // ann: three coffees and a favour → active tier
    { date: "2024-05-20", kind: "meeting", from: "me", to: "ann", format: "coffee", minutes: 45 },
    { date: "2024-06-01", kind: "meeting", from: "ann", to: "me", format: "coffee", minutes: 45 },
    { date: "2024-06-10", kind: "meeting", from: "me", to: "ann", format: "lunch", minutes: 75 },
    { date: "2024-06-10T23:30:00-05:00", kind: "favour", from: "ann", to: "me" },
    // bob: one meeting; his own cadence is 10 days
    { date: "2024-06-01", kind: "meeting", from: "me", to: "bob", format: "call", minutes: 30 },
    // a third party's exchange never touches ego's clock
    { date: "2024-06-14", kind: "information", from: "ann", to: "bob" },
    // cy: tagged investor (60) and mentor (30): the shorter wins
    { date: "2024-05-10", kind: "information", from: "me", to: "cy", tags: ["funding"] },
    // dee: strong in March 2022, one LinkedIn connection a year later, then silence
    { date: "2022-03-01", kind: "favour", from: "dee", to: "me" },
    { date: "2022-03-11", kind: "favour", from: "me", to: "dee" },
    { date: "2023-03-01", kind: "connection", from: "dee", to: "me" },
    // fay: one connection
    { date: "2024-01-10", kind: "connection", from: "fay", to: "me" },
    // gus: only a confidential meeting
    { date: "2024-06-01", kind: "meeting", from: "me", to: "gus", confidential: true, note: "told me about the layoffs" },
    // hal: only after asOf
    { date: "2024-07-01", kind: "meeting", from: "me", to: "hal" },
    // jon: one favour in March → wider tier
    { date: "2024-03-20", kind: "favour", from: "jon", to: "me" },
    // kim: one big favour → close tier
    { date: "2024-05-30", kind: "favour", from: "kim", to: "me", value: 14 },
  ],
});

const byId = (list: RelationshipCadence[]) => new Map(list.map((c) => [c.person, c]));

describe("relationshipCadences on a hand-worked network", () => {
  const net = Network.from(handNetwork());
  const clock = relationshipCadences(net, { asOf: "2024-06-15" });
  const c = byId(clock);

  it("lists touched contacts and explicit cadences, ordered by due date", () => {
    // dee due 2024-02-29, cy 06-09, bob 06-11, kim 06-13, eve 06-15, jon 06-19, ann 07-10, fay 2025-01-09;
    // gus (confidential only), hal (after asOf) and ivy (never touched, no cadence) are not on it
    expect(clock.map((x) => x.person)).toEqual(["dee", "cy", "bob", "kim", "eve", "jon", "ann", "fay"]);
    expect(clock.map((x) => x.dueDate)).toEqual(["2024-02-29", "2024-06-09", "2024-06-11", "2024-06-13", "2024-06-15", "2024-06-19", "2024-07-10", "2025-01-09"]);
  });

  it("infers tiers from the strength just after the last touch", () => {
    // ann on 2024-06-10: S = 1 (lunch) + 3 (favour; its time of day is ignored) + 2^(−9/180) + 2^(−21/180) = 5.888 → 0.7705, active
    const ann = c.get("ann")!;
    expect(ann.strength).toBeCloseTo(s(4 + decay(9) + decay(21)), 12);
    expect(ann).toMatchObject({ tier: "active", source: "tier", cadenceDays: 30, touches: 4, lastTouch: "2024-06-10", daysSinceTouch: 5, daysLeft: 25, status: "on-time", overdueDays: 0, dormant: false });
    // kim: S = 14 → 0.9698 ≥ 0.963: close, every 14 days, due 2024-06-13: overdue by 2
    expect(c.get("kim")!.strength).toBeCloseTo(s(14), 12);
    expect(c.get("kim")).toMatchObject({ tier: "close", cadenceDays: 14, status: "overdue", overdueDays: 2, daysLeft: -2 });
    // jon: S = 3 → 0.5276: wider, every 91 days; 2024-03-20 + 91 = 2024-06-19, 4 days ahead: due
    expect(c.get("jon")).toMatchObject({ tier: "wider", cadenceDays: 91, status: "due", daysLeft: 4, overdueDays: 0 });
    // fay: S = 0.25 → 0.0606: acquaintance, yearly
    expect(c.get("fay")).toMatchObject({ tier: "acquaintance", cadenceDays: 365, status: "on-time", daysLeft: 208 });
  });

  it("uses the person's cadence, then the shortest tag cadence", () => {
    // bob: S = 1 → 0.2212 (acquaintance), but his own cadence of 10 days rules: 06-01 + 10 = 06-11, overdue by 4
    expect(c.get("bob")).toMatchObject({ source: "person", cadenceDays: 10, tier: "acquaintance", status: "overdue", overdueDays: 4 });
    expect(c.get("bob")!.tag).toBeUndefined();
    // cy: mentor (30) beats investor (60): 05-10 + 30 = 06-09, overdue by 6
    expect(c.get("cy")).toMatchObject({ source: "tag", tag: "mentor", cadenceDays: 30, status: "overdue", overdueDays: 6 });
  });

  it("makes a never-touched contact with a cadence due today", () => {
    const eve = c.get("eve")!;
    expect(eve).toMatchObject({ source: "person", cadenceDays: 20, touches: 0, strength: 0, peakStrength: 0, tier: "acquaintance", dueDate: "2024-06-15", daysLeft: 0, status: "due", dormant: false });
    expect(eve.lastTouch).toBeUndefined();
    expect(eve.daysSinceTouch).toBeUndefined();
  });

  it("flags dormant ties that were once strong", () => {
    // dee's peak, just after 2022-03-11: S = 3 · 2^(−10/180) + 3 = 5.887 → 0.7704 ≥ 0.746 (active)
    // at the last touch, 2023-03-01 (355 days later): S = 5.887 · 2^(−355/180) + 0.25 = 1.751 → 0.3546: acquaintance
    // due 2023-03-01 + 365 = 2024-02-29 (leap day); overdue by 107 days on 2024-06-15; silent 472 ≥ 365 days
    const dee = c.get("dee")!;
    const peakSum = 3 * decay(10) + 3;
    expect(dee.peakStrength).toBeCloseTo(s(peakSum), 12);
    expect(dee.strength).toBeCloseTo(s(peakSum * decay(355) + 0.25), 12);
    expect(dee).toMatchObject({ tier: "acquaintance", cadenceDays: 365, touches: 3, dueDate: "2024-02-29", status: "overdue", overdueDays: 107, daysSinceTouch: 472, dormant: true });
    // overdue strong ties that have not been silent for a year are not dormant
    expect(c.get("kim")!.dormant).toBe(false);
    // a shorter dormancy threshold makes bob (silent 14 days) still not dormant: his peak 0.22 was never strong
    expect(byId(relationshipCadences(net, { asOf: "2024-06-15", dormantAfterDays: 10 })).get("bob")!.dormant).toBe(false);
    // … and a peak threshold of 0.8 takes dee off the list
    expect(byId(relationshipCadences(net, { asOf: "2024-06-15", dormantMinPeakStrength: 0.8 })).get("dee")!.dormant).toBe(false);
  });

  it("agrees with the relationship index's strength on the day of the last touch", () => {
    for (const id of ["ann", "dee", "kim", "jon"]) {
      const rec = c.get(id)!;
      const rel = relationships(net, { asOf: parseDay(rec.lastTouch!)! });
      const i = net.personIndex("me");
      const j = net.personIndex(id);
      let k = -1;
      for (let p = rel.offsets[i]!; p < rel.offsets[i + 1]!; p++) if (rel.neighbor[p] === j) k = rel.pair[p]!;
      // the index sums every exchange, including later ones (none later than the last touch here)
      expect(rec.strength).toBeCloseTo(rel.strength[k]!, 12);
    }
  });

  it("leaves confidential exchanges out unless asked", () => {
    expect(c.has("gus")).toBe(false);
    const withConfidential = byId(relationshipCadences(net, { asOf: "2024-06-15", includeConfidential: true }));
    expect(withConfidential.get("gus")).toMatchObject({ lastTouch: "2024-06-01", touches: 1, tier: "acquaintance", status: "on-time" });
  });

  it("reads the clock on any day: touches after it do not count", () => {
    const early = byId(relationshipCadences(net, { asOf: "2024-06-05" }));
    // on 2024-06-05 ann's last touch was 06-01: S = 1 + 2^(−12/180) = 1.955 → 0.387 < 0.391: acquaintance
    expect(early.get("ann")).toMatchObject({ lastTouch: "2024-06-01", touches: 2, tier: "acquaintance" });
    expect(early.get("ann")!.strength).toBeCloseTo(s(1 + decay(12)), 12);
    expect(early.has("kim")).toBe(true);
    expect(early.has("hal")).toBe(false);
    const late = byId(relationshipCadences(net, { asOf: "2024-07-01" }));
    expect(late.get("hal")).toMatchObject({ lastTouch: "2024-07-01", daysLeft: 365, status: "on-time" });
  });

  it("defaults to the network's last exchange day and ego", () => {
    const d = relationshipCadences(net);
    expect(byId(d).get("hal")).toMatchObject({ daysSinceTouch: 0 });
    expect(cadenceOf).toBe(relationshipCadences);
  });

  it("restricts to chosen contacts and moves the due window", () => {
    const only = relationshipCadences(net, { asOf: "2024-06-15", contacts: ["jon", "ivy", "jon"] });
    // ivy was never touched and has no cadence: yearly tier, due today
    expect(only.map((x) => [x.person, x.status])).toEqual([["ivy", "due"], ["jon", "due"]]);
    const narrow = byId(relationshipCadences(net, { asOf: "2024-06-15", dueWithinDays: 4 }));
    expect(narrow.get("jon")!.status).toBe("on-time");
    expect(narrow.get("eve")!.status).toBe("due");
  });

  it("takes cadence per tier from options", () => {
    // a 21-day active tier also raises its derived threshold to the strength kept by a touch every √(21·91) = 43.7 days:
    // S = 1/(1 − 2^(−43.7/180)) = 6.456 → 0.801, above ann's 0.7705, so she falls to wider
    const shifted = relationshipCadences(net, { asOf: "2024-06-15", tiers: { active: { cadenceDays: 21 } } });
    expect(byId(shifted).get("ann")).toMatchObject({ tier: "wider", cadenceDays: 91 });
    // with the threshold pinned, ann stays active and is due every 21 days: 06-10 + 21 = 07-01
    const pinned = byId(relationshipCadences(net, { asOf: "2024-06-15", tiers: { active: { cadenceDays: 21, minStrength: 0.75 } } }));
    expect(pinned.get("ann")).toMatchObject({ tier: "active", cadenceDays: 21, dueDate: "2024-07-01" });
    // a threshold of 0.5 for "active" moves jon (0.5276) up
    const lower = byId(relationshipCadences(net, { asOf: "2024-06-15", tiers: { active: { cadenceDays: 30, minStrength: 0.5 } } }));
    expect(lower.get("jon")).toMatchObject({ tier: "active", cadenceDays: 30, status: "overdue", overdueDays: 57 });
  });
});

describe("cadence tiers", () => {
  it("derives thresholds from the tiers' cadences", () => {
    const t = resolveCadenceTiers(undefined, DEFAULT_TIE_STRENGTH_OPTIONS);
    // close: a touch every √(14·30) = 20.49 days keeps S = 1/(1 − 2^(−20.49/180)) = 13.19 → 1 − e^(−13.19/4) = 0.9629
    const kept = (days: number) => s(1 / (1 - decay(days)));
    expect(t.map((x) => x.tier)).toEqual(["close", "active", "wider", "acquaintance"]);
    expect(t.map((x) => x.cadenceDays)).toEqual([14, 30, 91, 365]);
    expect(t[0]!.minStrength).toBeCloseTo(kept(Math.sqrt(14 * 30)), 12);
    expect(t[0]!.minStrength).toBeCloseTo(0.9629, 4);
    expect(t[1]!.minStrength).toBeCloseTo(kept(Math.sqrt(30 * 91)), 12);
    expect(t[1]!.minStrength).toBeCloseTo(0.7463, 4);
    expect(t[2]!.minStrength).toBeCloseTo(kept(Math.sqrt(91 * 365)), 12);
    expect(t[2]!.minStrength).toBeCloseTo(0.3909, 4);
    expect(t[3]!.minStrength).toBe(0);
    expect(keptStrength(30, DEFAULT_TIE_STRENGTH_OPTIONS)).toBeCloseTo(kept(30), 12);
  });

  it("keeps a tie fed at exactly its tier's cadence in that tier", () => {
    for (const [tier, every] of [["close", 14], ["active", 30], ["wider", 91], ["acquaintance", 365]] as const) {
      const exchanges: NetworkData["exchanges"] = [];
      // five years of one meeting every `every` days, the last on 2024-06-01
      const last = parseDay("2024-06-01")!;
      for (let d = last; d >= last - 5 * 365; d -= every) exchanges.push({ date: formatDay(d), kind: "meeting", from: "me", to: "x" });
      const net = Network.from({ ego: "me", people: [{ id: "me", name: "Me" }, { id: "x", name: "X" }], exchanges });
      expect(relationshipCadences(net, { asOf: "2024-06-01" })[0]).toMatchObject({ tier, cadenceDays: every, lastTouch: "2024-06-01" });
    }
  });

  it("rejects tiers out of order and bad values", () => {
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(TiegraphError);
        return e as TiegraphError;
      }
      throw new Error("no error");
    };
    const e1 = err(() => resolveCadenceTiers({ active: { cadenceDays: 10 } }, DEFAULT_TIE_STRENGTH_OPTIONS));
    expect(e1.code).toBe("invalid-option");
    expect(e1.record).toBe("tiers.close");
    expect(e1.message).toMatch(/tier close must be fed more often/);
    const e2 = err(() => resolveCadenceTiers({ wider: { cadenceDays: -3 } }, DEFAULT_TIE_STRENGTH_OPTIONS));
    expect(e2.record).toBe("tiers.wider.cadenceDays");
    expect(e2.got).toBe("-3");
    expect(err(() => resolveCadenceTiers({ close: { cadenceDays: 14, minStrength: 1.5 } }, DEFAULT_TIE_STRENGTH_OPTIONS)).record).toBe("tiers.close.minStrength");
  });
});

describe("cadence option errors", () => {
  const net = Network.from(handNetwork());
  const codeOf = (fn: () => unknown): [string, string | undefined] => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(TiegraphError);
      return [(e as TiegraphError).code, (e as TiegraphError).record];
    }
    throw new Error("no error");
  };
  it("names the option that was wrong", () => {
    expect(codeOf(() => relationshipCadences(net, { asOf: "2024-02-30" }))).toEqual(["invalid-date", "asOf"]);
    expect(codeOf(() => relationshipCadences(net, { contacts: ["ann", "zed"] }))).toEqual(["unknown-person", "contacts[1]"]);
    expect(codeOf(() => relationshipCadences(net, { ego: "zed" }))[0]).toBe("unknown-person");
    expect(codeOf(() => relationshipCadences(net, { dueWithinDays: 1.5 }))).toEqual(["invalid-option", "dueWithinDays"]);
    expect(codeOf(() => relationshipCadences(net, { dormantAfterDays: 0 }))).toEqual(["invalid-option", "dormantAfterDays"]);
    expect(codeOf(() => relationshipCadences(net, { halfLifeDays: Number.NaN }))).toEqual(["invalid-option", "halfLifeDays"]);
    const noEgo = Network.from({ people: [{ id: "a", name: "A" }] });
    expect(codeOf(() => relationshipCadences(noEgo))[0]).toBe("invalid-option");
    // another person's point of view: their contacts, plus everyone with an explicit cadence
    expect(relationshipCadences(net, { ego: "ann", asOf: "2024-06-15" }).map((x) => x.person).sort()).toEqual(["bob", "cy", "eve", "me"]);
  });
});
