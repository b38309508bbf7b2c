// Introduction paths on a small hand-built network whose arithmetic is written out here:
// ranking in both modes, reciprocity-aware ranking, explanations, confidentiality,
// awkward cases (self, direct, none + nearest), targets, avoid lists and errors.
import { describe, expect, it } from "vitest";
import { Network, TiegraphError, createPathIndex, formatIntroduction, formatPath, introductionPaths, mutualConnections, relationshipBalance, relationships, wordingNames, type IntroductionAnswer, type NetworkData } from "@tiegraph/core";

// Fixed strengths (test-chosen) of the relationships below.
const S: Record<string, number> = {
  "ann|me": 0.9, "ann|bob": 0.5, "cat|me": 0.6, "bob|cat": 0.7, "dan|me": 0.3, "bob|dan": 0.95,
  "fay|me": 0.99, "bob|fay": 1, "bob|gus": 0.8, "gus|hal": 0.8,
};
const strength = (a: string, b: string): number => S[a < b ? `${a}|${b}` : `${b}|${a}`]!;

function data(): NetworkData {
  const person = (id: string, name: string, extra: object = {}) => ({ id, name, ...extra });
  const meet = (from: string, to: string, date: string, extra: object = {}) => ({ date, kind: "meeting" as const, from, to, ...extra });
  return {
    ego: "me",
    organisations: [{ id: "acme", name: "Acme" }, { id: "zeta", name: "Zeta", tags: ["fintech"] }],
    people: [
      person("me", "Me"), person("ann", "Ann", { notes: "PRIVATE PERSON NOTE" }), person("bob", "Bob"), person("cat", "Cat"), person("dan", "Dan"),
      person("fay", "Fay"), person("gus", "Gus", { tags: ["investor"] }), person("hal", "Hal"), person("ivy", "Ivy"),
    ],
    affiliations: [
      { person: "bob", organisation: "acme" }, { person: "cat", organisation: "acme" },
      { person: "hal", organisation: "zeta" }, { person: "ivy", organisation: "zeta" },
    ],
    exchanges: [
      // me–ann: Ann gave a favour worth 3, I gave information worth 1 the next day → I owe Ann (imbalance (1−3)/(1+3) = −0.5)
      { date: "2026-03-01", kind: "favour", from: "ann", to: "me" },
      { date: "2026-03-02", kind: "information", from: "me", to: "ann" },
      // a later confidential meeting with a note: its date and note must not leak
      meet("me", "ann", "2026-03-20", { confidential: true, note: "SECRET EXCHANGE NOTE" }),
      // me–cat: I gave a favour (3), Cat gave information (1) → Cat owes me (+0.5)
      { date: "2026-03-03", kind: "favour", from: "me", to: "cat" },
      { date: "2026-03-04", kind: "information", from: "cat", to: "me" },
      meet("me", "dan", "2026-03-05"),
      meet("ann", "bob", "2026-03-06"), meet("cat", "bob", "2026-03-07"), meet("dan", "bob", "2026-03-08"),
      // me–fay rests only on a confidential exchange
      meet("me", "fay", "2026-03-09", { confidential: true, note: "SECRET FAY NOTE" }),
      meet("fay", "bob", "2026-03-11"),
      meet("bob", "gus", "2026-03-10"), meet("gus", "hal", "2026-03-10"),
    ],
  };
}

const network = Network.from(data());
const index = createPathIndex(network, { strength });
const via = (answer: ReturnType<typeof introductionPaths>) => answer.paths.map((p) => p.people.join(">"));
// the answer in words, from core's one formatter (ego "me" is "you")
const names = wordingNames(network);
const words = (answer: IntroductionAnswer) => formatIntroduction(answer, names);

describe("ranking", () => {
  it("reliable: products 0.9·0.5 = 0.45 > 0.6·0.7 = 0.42 > 0.3·0.95 = 0.285 (Fay's confidential-only tie skipped)", () => {
    const a = introductionPaths(index, { to: { person: "bob" }, k: 3 });
    expect(a.status).toBe("found");
    expect(via(a)).toEqual(["me>ann>bob", "me>cat>bob", "me>dan>bob"]);
    a.paths.forEach((p, i) => expect(p.score).toBeCloseTo([0.45, 0.42, 0.285][i]!, 12));
    expect(a.paths.map((p) => p.bottleneck)).toEqual([0.5, 0.6, 0.3]);
  });
  it("widest: weakest ties 0.6 (via Cat) > 0.5 (via Ann) > 0.3 (via Dan)", () => {
    const a = introductionPaths(index, { to: { person: "bob" }, k: 3, mode: "widest" });
    expect(via(a)).toEqual(["me>cat>bob", "me>ann>bob", "me>dan>bob"]);
    expect(a.paths.map((p) => p.score)).toEqual([0.6, 0.5, 0.3]);
  });
  it("reciprocity-aware: I owe Ann, so her hop counts 0.9·0.7 → 0.63·0.5 = 0.315, below Cat's 0.42", () => {
    const a = introductionPaths(index, { to: { person: "bob" }, k: 3, reciprocityAware: true });
    expect(via(a)).toEqual(["me>cat>bob", "me>ann>bob", "me>dan>bob"]);
    a.paths.forEach((p, i) => expect(p.score).toBeCloseTo([0.42, 0.315, 0.285][i]!, 12));
    expect(a.paths.map((p) => p.askFactor)).toEqual([1, 0.7, 1]);
    expect(a.paths.map((p) => p.hops[0]!.standing)).toEqual(["owed", "owing", "balanced"]);
    // products stay the plain chance of the chain
    expect(a.paths[1]!.product).toBeCloseTo(0.45, 12);
    // Cat's path (0.42) is first only because of the weighing: Ann's chain holds with 0.45 > 0.42, and the rank line says why
    expect(a.paths[0]!.reasons.map((r) => r.code)).toEqual(["first-after-asking", "reordered"]);
    expect(a.paths[0]!.reasons[1]).toMatchObject({ code: "reordered", over: 2, value: 0.42, person: "cat", standing: "owed", overPerson: "ann", overStanding: "owing" });
    expect(words(a).paths[0]!.at(-1)).toBe("Ranked #1 with the first hop weighed by whom you would ask (0.420); #2 is more reliable (chance 0.450 against 0.420), but you owe Ann; Cat owes you.");
    expect(words(a).paths[1]!.at(-1)).toBe("Ranked #2: 0.315 with the first hop weighed, below #1's 0.420; the first hop counts ×0.70 because you owe Ann.");
    // the summary quotes #1's own chance, the figure on its title line
    expect(words(a).summary).toBe("3 paths from you to Bob within 4 hops; the best, #1, holds with chance 0.420.");
    expect(words(a).paths[0]![0]).toBe("#1 You → Cat → Bob: the chain holds with chance 0.420 (product of 2 tie strengths); weakest tie 0.60 (You – Cat).");
  });
  it("a first hop souring against you (you owe and let it run) counts ×0.4", () => {
    const d = data();
    // four favours in a row from Dan to me, never returned: the streak rule (4 one-way giving exchanges) fires, direction "you-owe"
    for (const day of ["01", "02", "03", "04"]) d.exchanges!.push({ date: `2026-02-${day}`, kind: "favour", from: "dan", to: "me" });
    const net = Network.from(d);
    expect(relationshipBalance(net, "me", "dan", { asOf: "2026-03-20" }).souring?.direction).toBe("you-owe");
    const a = introductionPaths(createPathIndex(net, { strength }), { to: { person: "bob" }, k: 3, reciprocityAware: true });
    const viaDan = a.paths.find((p) => p.people[1] === "dan")!;
    expect(viaDan.hops[0]!.standing).toBe("souring");
    expect(viaDan.hops[0]!.souringDirection).toBe("you-owe");
    expect(viaDan.askFactor).toBe(0.4);
    // 0.3 · 0.4 = 0.12 for the first hop, · 0.95 = 0.114
    expect(viaDan.score).toBeCloseTo(0.114, 12);
  });
  it("souring in your favour (they owe you a lot) is `owed`, never a worse person to ask", () => {
    const d = data();
    // four favours in a row from me to Dan, never returned: the streak rule fires the other way, direction "they-owe"
    for (const day of ["01", "02", "03", "04"]) d.exchanges!.push({ date: `2026-02-${day}`, kind: "favour", from: "me", to: "dan" });
    const net = Network.from(d);
    expect(relationshipBalance(net, "me", "dan", { asOf: "2026-03-20" }).souring?.direction).toBe("they-owe");
    const a = introductionPaths(createPathIndex(net, { strength }), { to: { person: "bob" }, k: 3, reciprocityAware: true });
    const viaDan = a.paths.find((p) => p.people[1] === "dan")!;
    expect(viaDan.hops[0]!.standing).toBe("owed");
    expect(viaDan.hops[0]!.souringDirection).toBe("they-owe");
    expect(viaDan.askFactor).toBe(1);
    // the plain chain: 0.3 · 0.95 = 0.285, the same as without reciprocity-aware ranking
    expect(viaDan.score).toBeCloseTo(0.285, 12);
    // Cat (owes me, ×1) 0.42 and Ann (I owe her, ×0.7) 0.63 · 0.5 = 0.315 keep their places above Dan's 0.285
    expect(via(a)).toEqual(["me>cat>bob", "me>ann>bob", "me>dan>bob"]);
  });
});

describe("hops and explanations", () => {
  const a = introductionPaths(index, { to: { person: "bob" }, k: 2 });
  const [first, second] = a.paths;
  it("each hop carries strength, last contact, balance and standing, as relationshipBalance reports them", () => {
    const hop = first!.hops[0]!;
    expect(hop).toMatchObject({ from: "me", to: "ann", strength: 0.9, lastDate: "2026-03-02", standing: "owing" });
    const b = relationshipBalance(network, "me", "ann");
    expect(hop.given).toBe(b.given);
    expect(hop.received).toBe(b.received);
    expect(hop.balance).toBe(b.balance);
    expect(hop.daysSince).toBe(20 - 2); // reference day 2026-03-20, the last exchange
  });
  it("explains the path line by line", () => {
    const [w1, w2] = words(a).paths;
    expect(w1![0]).toBe("#1 You → Ann → Bob: the chain holds with chance 0.450 (product of 2 tie strengths); weakest tie 0.50 (Ann – Bob).");
    expect(w1![1]).toBe("You – Ann: strength 0.90, last contact 2026-03-02 (18 days ago); you owe Ann (you gave 0.9, received 2.8).");
    expect(w1![2]).toBe("Ann – Bob: strength 0.50, last contact 2026-03-06 (14 days ago); no favours either way.");
    expect(w1![3]).toBe("Ranked #1: the most reliable chain within 4 hops.");
    expect(w2![3]).toBe("Ranked #2: chance 0.420, below #1's 0.450.");
    expect(first!.reasons).toEqual([{ code: "most-reliable", rank: 1, chance: first!.product, maxHops: 4 }]);
    expect(second!.reasons).toEqual([{ code: "below", rank: 2, above: 1, mode: "reliable", score: second!.score, aboveScore: first!.score }]);
  });
  it("never shows notes or confidential dates unless asked", () => {
    const all = introductionPaths(index, { to: { person: "bob" }, k: 5, skipConfidentialOnly: false });
    expect(via(all)[0]).toBe("me>fay>bob"); // 0.99 · 1
    const text = JSON.stringify(all);
    for (const secret of ["SECRET", "PRIVATE", "2026-03-09"]) expect(text).not.toContain(secret);
    expect(formatPath(all.paths[0]!, 1, names)[1]).toBe("You – Fay: strength 0.99, known only from exchanges in confidence (details withheld).");
    expect(all.paths[0]!.hops[0]!.lastDate).toBeUndefined();
    // me–ann's last exchange is the confidential 2026-03-20 meeting; shown only on request
    const viaAnn = all.paths.find((p) => p.people[1] === "ann")!;
    expect(viaAnn.hops[0]!.lastDate).toBe("2026-03-02");
    const shown = introductionPaths(index, { to: { person: "bob" }, k: 5, skipConfidentialOnly: false, showConfidential: true });
    expect(shown.paths.find((p) => p.people[1] === "ann")!.hops[0]!.lastDate).toBe("2026-03-20");
    expect(JSON.stringify(shown)).not.toContain("SECRET");
  });
});

describe("awkward cases", () => {
  it("self: the source is the target", () => {
    const a = introductionPaths(index, { to: { person: "me" } });
    expect(a.status).toBe("self");
    expect(a.paths).toEqual([]);
  });
  it("direct: already connected; the direct tie is listed and ranked among the paths", () => {
    const a = introductionPaths(index, { to: { person: "ann" }, k: 3 });
    expect(a.status).toBe("direct");
    expect(a.direct!.map((h) => [h.to, h.strength])).toEqual([["ann", 0.9]]);
    // me>ann 0.9; me>cat>bob>ann 0.6·0.7·0.5 = 0.21; me>dan>bob>ann 0.3·0.95·0.5 = 0.1425
    expect(via(a)).toEqual(["me>ann", "me>cat>bob>ann", "me>dan>bob>ann"]);
    expect(words(a).summary).toMatch(/^You already know Ann \(strength 0.90, last contact 2026-03-02\) directly\./);
  });
  it("none: Ivy is unreachable; names Hal, her colleague at Zeta, 4 hops away", () => {
    const a = introductionPaths(index, { to: { person: "ivy" } });
    expect(a.status).toBe("none");
    expect(a.paths).toEqual([]);
    expect(a.nearest).toHaveLength(1);
    expect(a.nearest![0]).toMatchObject({ person: "hal", organisation: "zeta", hops: 4, withinHopLimit: true });
    expect(a.nearest![0]!.people).toHaveLength(5);
    expect(words(a).nearest[0]).toContain("Hal (at Zeta with Ivy) is 4 hops away, within the limit");
  });
  it("none within the hop limit: Zeta is 4 hops away, the limit is 3", () => {
    const a = introductionPaths(index, { to: { organisation: "zeta" }, maxHops: 3 });
    expect(a.status).toBe("none");
    expect(a.none).toBe("no-path");
    expect(words(a).summary).toBe("No path from you to anyone at Zeta within 3 hops. Closest: Hal (4 hops).");
    expect(a.nearest!.map((c) => [c.person, c.hops, c.withinHopLimit])).toEqual([["hal", 4, false]]);
    expect(introductionPaths(index, { to: { organisation: "zeta" }, maxHops: 4 }).paths[0]!.people.at(-1)).toBe("hal");
  });
  it("organisation targets end at the first member reached: Acme is Bob and Cat", () => {
    const a = introductionPaths(index, { to: { organisation: "acme" }, k: 2 });
    expect(a.status).toBe("direct");
    // me>cat 0.6; me>ann>bob 0.45 (never me>cat>bob: the path stops at Cat)
    expect(via(a)).toEqual(["me>cat", "me>ann>bob"]);
  });
  it("tag targets: people tagged, or at an organisation with the tag", () => {
    expect(via(introductionPaths(index, { to: { tag: "investor" }, k: 1 }))).toEqual(["me>ann>bob>gus"]);
    expect(introductionPaths(index, { to: { tag: "fintech" }, k: 1 }).paths[0]!.people.at(-1)).toBe("hal");
    expect(introductionPaths(index, { to: { tag: "nobody-has-this" } }).status).toBe("none");
  });
  it("avoid: people, and everyone at an organisation except the target", () => {
    expect(via(introductionPaths(index, { to: { person: "bob" }, k: 1, avoid: ["ann"] }))).toEqual(["me>cat>bob"]);
    expect(via(introductionPaths(index, { to: { person: "bob" }, k: 3, avoid: { organisations: ["acme"] } }))).toEqual(["me>ann>bob", "me>dan>bob"]);
    expect(via(introductionPaths(index, { to: { person: "hal" }, k: 3, avoid: ["bob"] }))).toEqual([]);
  });
  it("from another person than ego", () => {
    const a = introductionPaths(index, { from: "dan", to: { person: "gus" }, k: 1 });
    expect(via(a)).toEqual(["dan>bob>gus"]);
    expect(formatPath(a.paths[0]!, 1, names)[0]).toMatch(/^#1 Dan → Bob → Gus/);
  });
  it("uses the computed strengths by default", () => {
    const plain = createPathIndex(network);
    const rel = relationships(network);
    const a = introductionPaths(plain, { to: { person: "bob" }, k: 1 });
    for (const h of a.paths[0]!.hops) {
      const i = network.personIndex(h.from);
      const j = network.personIndex(h.to);
      const k = [...Array(rel.pairCount).keys()].find((s) => (rel.a[s] === Math.min(i, j) && rel.b[s] === Math.max(i, j)))!;
      expect(h.strength).toBe(rel.strength[k]);
    }
  });
});

describe("mutual connections", () => {
  it("ranks by the weaker tie: Cat min(0.6, 0.7) = 0.6, Ann min(0.9, 0.5) = 0.5, Dan min(0.3, 0.95) = 0.3", () => {
    const m = mutualConnections(index, "me", "bob");
    expect(m.map((c) => [c.person, c.weaker])).toEqual([["cat", 0.6], ["ann", 0.5], ["dan", 0.3]]);
    expect(m[0]!.withA).toEqual({ strength: 0.6, lastDate: "2026-03-04" });
    expect(m[0]!.withB).toEqual({ strength: 0.7, lastDate: "2026-03-07" });
    expect(m[1]!.withA.lastDate).toBe("2026-03-02"); // not the confidential 2026-03-20
  });
  it("includes confidential-only ties when asked, without their dates", () => {
    const m = mutualConnections(index, "me", "bob", { skipConfidentialOnly: false, limit: 1 });
    expect(m).toEqual([{ person: "fay", weaker: 0.99, withA: { strength: 0.99 }, withB: { strength: 1, lastDate: "2026-03-11" } }]);
  });
});

describe("errors", () => {
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(TiegraphError);
      return `${(e as TiegraphError).code} ${(e as TiegraphError).record}`;
    }
    throw new Error("expected a TiegraphError");
  };
  it("names unknown ids and the field they came from", () => {
    expect(code(() => introductionPaths(index, { to: { person: "zz" } }))).toBe("unknown-person query.to.person");
    expect(code(() => introductionPaths(index, { from: "zz", to: { person: "bob" } }))).toBe("unknown-person query.from");
    expect(code(() => introductionPaths(index, { to: { organisation: "zz" } }))).toBe("unknown-organisation query.to.organisation");
    expect(code(() => introductionPaths(index, { to: { person: "bob" }, avoid: ["zz"] }))).toBe("unknown-person query.avoid[0]");
    expect(code(() => mutualConnections(index, "me", "zz"))).toBe("unknown-person argument b");
  });
  it("rejects bad options", () => {
    expect(code(() => introductionPaths(index, { to: { person: "bob" }, k: 0 }))).toBe("invalid-option query.k");
    expect(code(() => introductionPaths(index, { to: { person: "bob" }, maxHops: 2.5 }))).toBe("invalid-option query.maxHops");
    expect(code(() => introductionPaths(index, { to: { person: "bob" }, mode: "fast" as never }))).toBe("invalid-option query.mode");
    expect(code(() => introductionPaths(index, { to: {} as never }))).toBe("invalid-option query.to");
    expect(code(() => introductionPaths(index, { to: { person: "bob" }, avoid: ["bob"] }))).toBe("invalid-option query.avoid");
    expect(code(() => introductionPaths(index, { to: { person: "bob" }, askStanding: { factors: { owing: 2 } as never } }))).toBe("invalid-option query.askStanding.factors.owing");
    expect(code(() => mutualConnections(index, "bob", "bob"))).toBe("invalid-option argument b");
  });
  it("needs a source: ego or from", () => {
    const d = data();
    delete d.ego;
    expect(code(() => introductionPaths(Network.from(d), { to: { person: "bob" } }))).toBe("invalid-option query.from");
  });
  it("an id that is both a person and an organisation must be disambiguated", () => {
    const d = data();
    d.organisations!.push({ id: "ann", name: "Ann Inc" });
    expect(code(() => introductionPaths(Network.from(d), { to: { person: "bob" }, avoid: ["ann"] }))).toBe("invalid-option query.avoid[0]");
  });
  it("checks fixed strengths", () => {
    expect(code(() => createPathIndex(network, { strength: () => 0 }))).toMatch(/^invalid-value relationship slot \d+$/);
    expect(code(() => createPathIndex(network, { strength: [0.5] }))).toBe("invalid-option options.strength");
  });
  it("refuses a stale index", () => {
    const net = Network.from(data());
    const idx = createPathIndex(net);
    net.addExchange({ date: "2026-03-21", kind: "meeting", from: "me", to: "hal" });
    expect(code(() => introductionPaths(idx, { to: { person: "hal" } }))).toMatch(/^invalid-option/);
    expect(introductionPaths(createPathIndex(net), { to: { person: "hal" } }).status).toBe("direct");
  });
});
