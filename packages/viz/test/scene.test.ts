// The scene: what a view may draw after redaction, checked on the hand network.
import { describe, expect, it } from "vitest";
import { betweenness, eiIndex, pairImbalances, relationshipGraph, relationships, TiegraphError } from "@tiegraph/core";
import { analyseForView } from "../src/analysis/index.js";
import { sceneFromGraph, sceneFromNetwork, type Scene } from "../src/scene/index.js";
import { handNetwork, strengthOf } from "./hand-network.js";

const net = handNetwork();
// the scene draws the relationships without confidential exchanges (dan–eve, confidential only, is not one of them)
const rel = relationships(net, { excludeConfidential: true });
const id = (i: number) => net.personAt(i).id;
/** Slot of the relationship between two people in the relationships the scene draws. */
function slotOf(x: string, y: string): number {
  const [a, b] = [net.personIndex(x), net.personIndex(y)].sort((p, q) => p - q);
  for (let k = 0; k < rel.pairCount; k++) if (rel.a[k] === a && rel.b[k] === b) return k;
  throw new Error(`no relationship ${x}–${y}`);
}
/** The scene's tie between two people: [tie index, viewpoint id]. */
function tieOf(scene: Scene, x: string, y: string): { k: number; viewpoint: string } {
  for (let k = 0; k < scene.tieCount; k++) {
    const ends = [scene.ids[scene.a[k]!], scene.ids[scene.b[k]!]];
    if (ends.includes(x) && ends.includes(y)) return { k, viewpoint: scene.ids[scene.a[k]!]! };
  }
  throw new Error(`no tie ${x}–${y}`);
}
const pairs = (scene: Scene) =>
  Array.from({ length: scene.tieCount }, (_, k) => [scene.ids[scene.a[k]!], scene.ids[scene.b[k]!]].sort().join("–")).sort();

describe("sceneFromNetwork", () => {
  it("draws one tie per relationship with an open exchange, strength without confidential weight", () => {
    const scene = sceneFromNetwork(net);
    // dan–eve rests only on a confidential favour: not drawn
    expect(pairs(scene)).toEqual(["ann–me", "bob–cat", "bob–me", "cat–me", "dan–fay", "fay–me"]);
    expect(scene.strength[tieOf(scene, "me", "ann").k]).toBeCloseTo(strengthOf(4), 12);
    expect(scene.strength[tieOf(scene, "dan", "fay").k]).toBeCloseTo(strengthOf(3), 12);
    // bob–cat: only the open information (1) counts, not the confidential favour (3)
    expect(scene.strength[tieOf(scene, "bob", "cat").k]).toBeCloseTo(strengthOf(1), 12);
  });

  it("includes confidential ties and weight only when asked", () => {
    const scene = sceneFromNetwork(net, {}, { includeConfidential: true });
    expect(pairs(scene)).toContain("dan–eve");
    expect(scene.strength[tieOf(scene, "bob", "cat").k]).toBeCloseTo(strengthOf(4), 12);
    expect(scene.hopsFromEgo[scene.indexOf.get("eve")!]).toBe(3); // me–fay–dan–eve
  });

  it("derives hops, degrees, internal ties and strength to ego", () => {
    const scene = sceneFromNetwork(net);
    expect(Array.from(scene.hopsFromEgo)).toEqual([0, 1, 1, 1, 2, -1, 1]);
    expect(Array.from(scene.degree)).toEqual([4, 1, 2, 2, 1, 0, 2]);
    // Acme: me, ann, bob
    expect(Array.from(scene.internal)).toEqual([0, 1, 1, 0, 0, 0, 0]);
    const s = Array.from(scene.strengthToEgo);
    const expected = [1, strengthOf(4), strengthOf(1), strengthOf(2), 0, 0, strengthOf(1)];
    s.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    expect(scene.organisations.map((o) => o.join())).toEqual(["acme", "acme", "acme", "globex", "globex", "", "initech"]);
    expect(scene.asOf).toBe("2026-03-01");
  });

  it("reads each tie's balance from the end nearer to ego", () => {
    // balances from the lower-index end a: me–ann +0.5, dan–fay +1 (dan gives), bob–cat −0.6
    const imbalance = new Float64Array(rel.pairCount).fill(NaN);
    imbalance[slotOf("me", "ann")] = 0.5;
    imbalance[slotOf("dan", "fay")] = 1;
    imbalance[slotOf("bob", "cat")] = -0.6;
    const scene = sceneFromNetwork(net, { pairImbalance: imbalance });
    expect(scene.hasBalance).toBe(true);
    const meAnn = tieOf(scene, "me", "ann");
    expect(meAnn.viewpoint).toBe("me");
    expect(scene.balance[meAnn.k]).toBe(0.5);
    // fay (1 hop) is nearer to ego than dan (2 hops): the balance flips to fay's side
    const danFay = tieOf(scene, "dan", "fay");
    expect(danFay.viewpoint).toBe("fay");
    expect(scene.balance[danFay.k]).toBe(-1);
    // bob and cat are both 1 hop away: the lower index (bob) is the viewpoint, no flip
    const bobCat = tieOf(scene, "bob", "cat");
    expect(bobCat.viewpoint).toBe("bob");
    expect(scene.balance[bobCat.k]).toBe(-0.6);
    expect(Number.isNaN(scene.balance[tieOf(scene, "me", "bob").k]!)).toBe(true);
  });

  it("refuses measures of the wrong shape or range, naming them", () => {
    const short = () => sceneFromNetwork(net, { pairImbalance: [0.1] });
    expect(short).toThrow(TiegraphError);
    expect(short).toThrow(/pairImbalance has 1 values for 6 relationships/);
    const bad = new Float64Array(rel.pairCount);
    bad[2] = 1.5;
    try {
      sceneFromNetwork(net, { pairImbalance: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TiegraphError);
      expect((e as TiegraphError).code).toBe("invalid-value");
      expect((e as TiegraphError).record).toBe("analysis.pairImbalance[2]");
    }
    try {
      sceneFromNetwork(net, { eiIndex: new Map([["ann", -2]]) });
      expect.unreachable();
    } catch (e) {
      expect((e as TiegraphError).code).toBe("invalid-value");
      expect((e as TiegraphError).record).toBe('analysis.eiIndex["ann"]');
    }
  });

  it("reads person measures from records by own property only", () => {
    const scene = sceneFromNetwork(net, { betweenness: { fay: 4, me: null } as Record<string, number | null> });
    expect(Array.from(scene.betweenness!)).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, 4]);
    // a person called "constructor" must not read Object.prototype.constructor from a record
    const odd = handNetwork();
    odd.addPerson({ id: "constructor", name: "C" });
    const proto = sceneFromNetwork(odd, { eiIndex: {} });
    expect(Number.isNaN(proto.eiIndex![proto.indexOf.get("constructor")!]!)).toBe(true);
  });

  it("aligns person measures given by id or by index", () => {
    const byId = sceneFromNetwork(net, { betweenness: new Map([["fay", 4], ["me", 8]]) });
    expect(Array.from(byId.betweenness!)).toEqual([8, NaN, NaN, NaN, NaN, NaN, 4]);
    const byIndex = sceneFromNetwork(net, { betweenness: [8, 0, 0, 0, 0, 0, 4] });
    expect(Array.from(byIndex.betweenness!)).toEqual([8, 0, 0, 0, 0, 0, 4]);
  });
});

describe("sceneFromGraph", () => {
  it("draws the same ties as the network from a relationship graph built without confidential weight", () => {
    const fromNet = sceneFromNetwork(net);
    const fromGraph = sceneFromGraph(relationshipGraph(net, { excludeConfidential: true }), {}, { organisationNames: new Map([["acme", "Acme"]]) });
    expect(pairs(fromGraph)).toEqual(pairs(fromNet));
    for (let k = 0; k < fromGraph.tieCount; k++) {
      const x = fromGraph.ids[fromGraph.a[k]!]!;
      const y = fromGraph.ids[fromGraph.b[k]!]!;
      expect(fromGraph.strength[k]).toBeCloseTo(fromNet.strength[tieOf(fromNet, x, y).k]!, 12);
    }
    expect(fromGraph.egoIndex).toBe(0);
    expect(Array.from(fromGraph.internal)).toEqual(Array.from(fromNet.internal));
    expect(fromGraph.organisationNames.get("acme")).toBe("Acme");
    expect(fromGraph.organisationNames.get("globex")).toBe("globex");
  });

  it("reads only names, organisations and ego from nodes", () => {
    const g = relationshipGraph(net, { excludeConfidential: true });
    g.mergeNodeAttributes("ann", { notes: "SECRET" } as never);
    const scene = sceneFromGraph(g);
    expect(JSON.stringify({ ...scene, indexOf: [...scene.indexOf] })).not.toContain("SECRET");
  });

  it("refuses directed graphs", () => {
    const directed = { type: "directed", multi: false, forEachNode: () => undefined, size: 0 } as never;
    expect(() => sceneFromGraph(directed)).toThrow(/directed graph cannot be drawn as relationships/);
  });
});

describe("analyseForView", () => {
  it("gives core's pair imbalances without confidential exchanges, and cadence tiers", () => {
    const a = analyseForView(net);
    expect(Array.from(a.pairImbalance!)).toEqual(Array.from(pairImbalances(net, { excludeConfidential: true })));
    // me gave 3, ann gave 1: (3 − 1)/(3 + 1) from me's side
    expect(a.pairImbalance![slotOf("me", "ann")]).toBeCloseTo(0.5, 12);
    // cat gave 2, me nothing: −1 from me's side
    expect(a.pairImbalance![slotOf("me", "cat")]).toBeCloseTo(-1, 12);
    // bob→cat: the open information only (the confidential favour is left out) → +1 from bob's side
    expect(a.pairImbalance![slotOf("bob", "cat")]).toBeCloseTo(1, 12);
    const tiers = a.cadenceTier as Map<string, number>;
    expect(tiers.get("me")).toBeUndefined();
    for (const v of tiers.values()) expect(v).toBeGreaterThanOrEqual(0);
    expect(id(0)).toBe("me");
  });

  it("passes core's E-I index and betweenness through, without confidential exchanges", () => {
    const a = analyseForView(net);
    expect(a.eiIndex).toEqual(eiIndex(net, { groupBy: "organisation", excludeConfidential: true }).byPerson);
    expect(a.betweenness).toEqual(betweenness(net, { excludeConfidential: true }));
    // the scene reads core's records by id, null as "no value"
    const scene = sceneFromNetwork(net, a);
    const ei = a.eiIndex as Record<string, number | null>;
    scene.ids.forEach((pid, i) => expect(scene.eiIndex![i]).toEqual(ei[pid] ?? NaN));
    expect(Array.from(scene.betweenness!)).toEqual(scene.ids.map((pid) => (a.betweenness as Record<string, number>)[pid]));
  });

  it("computes only the measures asked for, and refuses unknown ones", () => {
    expect(Object.keys(analyseForView(net, { measures: ["pairImbalance"] }))).toEqual(["pairImbalance"]);
    expect(() => analyseForView(net, { measures: ["popularity" as never] })).toThrow(/unknown measure "popularity"/);
  });
});
