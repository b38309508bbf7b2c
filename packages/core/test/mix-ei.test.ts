// E-I index, its trend and the external share on a hand-worked network with a job change.
import { describe, expect, it } from "vitest";
import { eiIndex, eiIndices, eiTrend, externalShare, Network, TiegraphError } from "@tiegraph/core";

// a, b work at acme; c at beta; d at acme until 2024-06-30, then at beta; e has no organisation.
// Offices: a, c, d London; b Paris; e none.
const network = Network.from({
  ego: "a",
  settings: { externalTarget: 0.7 },
  organisations: [{ id: "acme", name: "Acme" }, { id: "beta", name: "Beta" }],
  people: [
    { id: "a", name: "a", attributes: { office: "London" } },
    { id: "b", name: "b", attributes: { office: "Paris" } },
    { id: "c", name: "c", attributes: { office: "London" } },
    { id: "d", name: "d", attributes: { office: "London" } },
    { id: "e", name: "e" },
  ],
  affiliations: [
    { person: "a", organisation: "acme" },
    { person: "b", organisation: "acme" },
    { person: "c", organisation: "beta" },
    { person: "d", organisation: "acme", to: "2024-06-30" },
    { person: "d", organisation: "beta", from: "2024-07-01" },
  ],
  exchanges: [
    { date: "2024-03-01", kind: "information", from: "a", to: "b" }, //          1  internal (acme)
    { date: "2024-03-02", kind: "meeting", from: "a", to: "c", minutes: 60 }, // 2  external
    { date: "2024-05-01", kind: "favour", from: "a", to: "d" }, //               3  internal: d still at acme (value 3)
    { date: "2024-08-01", kind: "information", from: "a", to: "d" }, //          4  external: d has moved to beta
    { date: "2024-08-02", kind: "gesture", from: "d", to: "c" }, //              5  internal (beta)
    { date: "2024-03-05", kind: "information", from: "e", to: "a" }, //          6  external: e has no organisation
    { date: "2024-03-10", kind: "meeting", from: "b", to: "a", minutes: 30 }, // 7  internal
    { date: "2024-03-20", kind: "information", from: "a", to: "b" }, //          8  internal, same tie as 1
  ],
});

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TiegraphError);
    return (e as TiegraphError).code;
  }
  return "no error";
}

describe("eiIndex by tie count", () => {
  // ties (ordered pairs), judged on their last exchange's date:
  // a→b I, a→c E, a→d E (last on 08-01, d at beta), d→c I, e→a E, b→a I  →  I = 3, E = 3
  const ei = eiIndex(network);

  it("counts each directed tie once for the network: (3 − 3) / 6 = 0", () => {
    expect([ei.internal, ei.external, ei.network]).toEqual([3, 3, 0]);
    expect([ei.groupBy, ei.by]).toEqual(["organisation", "count"]);
  });
  it("gives each organisation the ties touching it", () => {
    // acme: a→b I, b→a I; a→c, a→d, e→a E  →  (3 − 2) / 5.  beta: d→c I; a→c, a→d E  →  (2 − 1) / 3
    expect(ei.byGroup).toEqual({ acme: (3 - 2) / 5, beta: (2 - 1) / 3 });
    expect(ei.groupTotals).toEqual({ acme: { internal: 2, external: 3 }, beta: { internal: 1, external: 2 } });
  });
  it("gives each person the ties they give or receive", () => {
    expect(ei.byPerson).toEqual({
      a: (3 - 2) / 5, // a→b, b→a internal; a→c, a→d, e→a external
      b: -1, //          a→b, b→a
      c: 0, //           a→c external, d→c internal
      d: 0, //           a→d external, d→c internal
      e: 1, //           e→a
    });
  });
  it("has a null index for people without ties", () => {
    const n = Network.from({ ...network.toData(), people: [...network.people(), { id: "f", name: "f" }] });
    expect(eiIndex(n).byPerson.f).toBeNull();
  });
});

describe("eiIndex by value and by minutes", () => {
  it("sums values, each exchange judged on its own date: (3 − 7) / 10", () => {
    // internal 1 + 3 + 1 + 1 + 1 (exchanges 1, 3, 5, 7, 8), external 1 + 1 + 1 (2, 4, 6); meetings carry their weight of 1
    const ei = eiIndex(network, { by: "value" });
    expect([ei.internal, ei.external]).toEqual([7, 3]);
    expect(ei.network).toBeCloseTo((3 - 7) / 10, 15);
    // acme: internal 1, 3, 1, 1 (1, 3, 7, 8), external 1, 1, 1 (2, 4, 6)
    expect(ei.byGroup.acme).toBeCloseTo((3 - 6) / 9, 15);
  });
  it("sums recorded minutes: 60 external, 30 internal", () => {
    const ei = eiIndex(network, { by: "minutes" });
    expect([ei.internal, ei.external]).toEqual([30, 60]);
    expect(ei.network).toBeCloseTo(1 / 3, 15);
    expect(ei.byPerson.e).toBeNull(); // e has no meeting
  });
  it("computes the three units in one call", () => {
    const all = eiIndices(network);
    expect(all.count).toEqual(eiIndex(network));
    expect(all.minutes).toEqual(eiIndex(network, { by: "minutes" }));
  });
});

describe("eiIndex by a person attribute", () => {
  it("groups by office: a→c, a→d, d→c internal; a→b, b→a, e→a external", () => {
    const ei = eiIndex(network, { groupBy: "office" });
    expect([ei.internal, ei.external, ei.network]).toEqual([3, 3, 0]);
    expect(ei.byGroup).toEqual({ London: 0, Paris: 1 });
  });
  it("refuses an attribute no one has, and unknown units", () => {
    expect(code(() => eiIndex(network, { groupBy: "offfice" }))).toBe("invalid-option");
    expect(code(() => eiIndex(network, { by: "hours" as never }))).toBe("invalid-option");
  });
  it("leaves confidential exchanges out on request", () => {
    const n = Network.from({ ...network.toData(), exchanges: [...network.toData().exchanges!, { date: "2024-09-01", kind: "information", from: "c", to: "e", confidential: true }] });
    expect(eiIndex(n).external).toBe(4);
    expect(eiIndex(n, { excludeConfidential: true }).external).toBe(3);
  });
});

describe("eiTrend", () => {
  it("gives every month from the first exchange to the last, a tie counted once per month", () => {
    // March: a→b I (twice, counted once), a→c E, e→a E, b→a I; May: a→d I; August: a→d E, d→c I
    const t = eiTrend(network);
    expect(t.points.map((p) => [p.period, p.internal, p.external, p.index])).toEqual([
      ["2024-03", 2, 2, 0],
      ["2024-04", 0, 0, null],
      ["2024-05", 1, 0, -1],
      ["2024-06", 0, 0, null],
      ["2024-07", 0, 0, null],
      ["2024-08", 1, 1, 0],
    ]);
    expect(t.points[0]).toMatchObject({ from: "2024-03-01", to: "2024-03-31", externalShare: 0.5 });
    expect(t.points[1]!.externalShare).toBeNull();
  });
  it("follows one person by quarter", () => {
    // d: a→d in May (internal, Q2); a→d and d→c in August (external, internal: Q3)
    const t = eiTrend(network, { person: "d", period: "quarter" });
    expect(t.person).toBe("d");
    expect(t.points.map((p) => [p.period, p.from, p.to, p.index])).toEqual([
      ["2024-Q2", "2024-04-01", "2024-06-30", -1],
      ["2024-Q3", "2024-07-01", "2024-09-30", 0],
    ]);
  });
  it("sums minutes per period", () => {
    expect(eiTrend(network, { by: "minutes" }).points[0]).toMatchObject({ internal: 30, external: 60 });
  });
  it("agrees with eiIndex when one period holds everything", () => {
    // a tie counts once per period, so compare on the exchanges of a single quarter (4 and 5, in Q3);
    // the trend buckets exchanges by giver, the index reads the tie index: two code paths, one answer
    const q3 = Network.from({ ...network.toData(), exchanges: network.toData().exchanges!.filter((e) => e.date >= "2024-07-01") });
    const [only] = eiTrend(q3, { period: "quarter" }).points;
    const whole = eiIndex(q3);
    expect([only!.internal, only!.external, only!.index]).toEqual([whole.internal, whole.external, whole.network]);
    const value = eiIndex(q3, { by: "value" });
    expect(eiTrend(q3, { period: "quarter", by: "value" }).points[0]).toMatchObject({ internal: value.internal, external: value.external });
  });
  it("refuses an unknown period", () => {
    expect(code(() => eiTrend(network, { period: "week" as never }))).toBe("invalid-option");
  });
});

describe("externalShare", () => {
  it("compares ego's share E / (E + I) with the network's target", () => {
    // a: a→b, b→a internal; a→c, a→d, e→a external → 3/5; target 0.7 from the settings
    const s = externalShare(network);
    expect(s).toMatchObject({ person: "a", internal: 2, external: 3, target: 0.7, status: "below" });
    expect(s.share).toBeCloseTo(0.6, 15);
    expect(s.gap).toBeCloseTo(-0.1, 15);
  });
  it("uses the target and tolerance given", () => {
    expect(externalShare(network, { target: 0.62 }).status).toBe("on-target"); // |0.6 − 0.62| ≤ 0.05
    expect(externalShare(network, { target: 0.5 }).status).toBe("above");
    expect(externalShare(network, { target: 0.62, tolerance: 0.01 }).status).toBe("below");
  });
  it("measures time spent by minutes: 60 of 90 external", () => {
    expect(externalShare(network, { by: "minutes" }).share).toBeCloseTo(2 / 3, 15);
  });
  it("gives the share per month", () => {
    // March: a→b I, b→a I, a→c E, e→a E → 0.5; May: a→d I → 0; August: a→d E → 1
    const s = externalShare(network, { period: "month" });
    expect(s.trend!.map((p) => [p.period, p.share, p.status])).toEqual([
      ["2024-03", 0.5, "below"],
      ["2024-04", null, "no-data"],
      ["2024-05", 0, "below"],
      ["2024-06", null, "no-data"],
      ["2024-07", null, "no-data"],
      ["2024-08", 1, "above"],
    ]);
  });
  it("defaults the target to 0.5, and needs a person when there is no ego", () => {
    const plain = Network.from({ ...network.toData(), settings: {} });
    expect(externalShare(plain).target).toBe(0.5);
    const noEgo = Network.from(network.toData());
    noEgo.setEgo(undefined);
    expect(code(() => externalShare(noEgo))).toBe("invalid-option");
    expect(externalShare(noEgo, { person: "e" })).toMatchObject({ share: 1, status: "above" });
    expect(code(() => externalShare(network, { target: 1.5 }))).toBe("invalid-option");
  });
});

describe("a network without exchanges", () => {
  const empty = Network.from({ ego: "a", organisations: [{ id: "acme", name: "Acme" }], people: [{ id: "a", name: "a" }, { id: "b", name: "b" }], affiliations: [{ person: "a", organisation: "acme" }] });
  it("has null indices, an empty trend and no external share", () => {
    const ei = eiIndex(empty);
    expect([ei.network, ei.internal, ei.external]).toEqual([null, 0, 0]);
    expect(ei.byPerson).toEqual({ a: null, b: null });
    expect(ei.byGroup).toEqual({ acme: null });
    expect(eiTrend(empty).points).toEqual([]);
    expect(externalShare(empty, { period: "month" })).toMatchObject({ share: null, gap: null, status: "no-data", trend: [] });
  });
});
