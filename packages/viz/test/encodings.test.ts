// Encodings: the values d3 scales give on the hand network, written out by hand.
import { describe, expect, it } from "vitest";
import { Network, relationships, TiegraphError } from "@tiegraph/core";
import { edgeArrowEncoding, edgeColourEncoding, edgeWidthEncoding, nodeColourEncoding, nodeSizeEncoding } from "../src/encodings/index.js";
import { legendCountsOfShown } from "../src/legend/index.js";
import { sceneFromNetwork, type Scene } from "../src/scene/index.js";
import { DARK_THEME, LIGHT_THEME } from "../src/theme/index.js";
import { handNetwork, strengthOf } from "./hand-network.js";

const net = handNetwork();
const scene = sceneFromNetwork(net);
const idx = (id: string) => scene.indexOf.get(id)!;
const tie = (s: Scene, x: string, y: string) => {
  for (let k = 0; k < s.tieCount; k++) {
    const ends = [s.ids[s.a[k]!], s.ids[s.b[k]!]];
    if (ends.includes(x) && ends.includes(y)) return k;
  }
  throw new Error(`no tie ${x}–${y}`);
};
function withBalances(values: Record<string, number>): Scene {
  // one value per slot of the relationships drawn (confidential exchanges left out, as the scene does)
  const rel = relationships(net, { excludeConfidential: true });
  const imbalance = new Float64Array(rel.pairCount).fill(NaN);
  for (const [pair, v] of Object.entries(values)) {
    const [a, b] = pair.split("–").map((p) => net.personIndex(p)).sort((p, q) => p - q);
    for (let k = 0; k < rel.pairCount; k++) if (rel.a[k] === a && rel.b[k] === b) imbalance[k] = v;
  }
  return sceneFromNetwork(net, { pairImbalance: imbalance });
}
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof TiegraphError ? e.code : "other";
  }
  return "none";
};

describe("nodeSizeEncoding", () => {
  it("sizes by strength to ego: r = 3 + 11·√s, ego largest", () => {
    const enc = nodeSizeEncoding(scene, "strength-to-ego");
    // ann: 3 + 11·√0.632121 = 3 + 11·0.795060 = 11.74566
    expect(enc.sizes[idx("ann")]).toBeCloseTo(3 + 11 * Math.sqrt(strengthOf(4)), 5);
    expect(enc.sizes[idx("ann")]).toBeCloseTo(11.74566, 4);
    expect(enc.sizes[idx("me")]).toBe(14);
    expect(enc.sizes[idx("eve")]).toBe(3); // no tie to ego
    expect(enc.legend!.entries.map((e) => e.label)).toEqual(["no direct tie (0)", "weak (0.1)", "medium (0.4)", "strong (0.9)"]);
    // legend swatches come from the same scale: 3 + 11·√0.4 = 9.95701
    expect(enc.legend!.entries[2]!.size).toBeCloseTo(9.95701, 4);
  });

  it("sizes by degree over [0, max degree]", () => {
    const enc = nodeSizeEncoding(scene, "degree");
    // max degree 4 (me): bob (2) → 3 + 11·√(2/4) = 10.77817; ann (1) → 3 + 11·0.5 = 8.5
    expect(enc.sizes[idx("me")]).toBe(14);
    expect(enc.sizes[idx("bob")]).toBeCloseTo(10.77817, 4);
    expect(enc.sizes[idx("ann")]).toBeCloseTo(8.5, 5);
    expect(enc.sizes[idx("eve")]).toBe(3);
    expect(enc.legend!.entries.map((e) => e.label)).toEqual(["1 tie", "4 ties"]);
  });

  it("sizes by betweenness when given, else refuses", () => {
    expect(code(() => nodeSizeEncoding(scene, "betweenness"))).toBe("invalid-option");
    const withB = sceneFromNetwork(net, { betweenness: new Map([["me", 8], ["fay", 2]]) });
    const enc = nodeSizeEncoding(withB, "betweenness");
    // fay: 3 + 11·√(2/8) = 8.5; people without a value draw smallest
    expect(enc.sizes[idx("fay")]).toBeCloseTo(8.5, 5);
    expect(enc.sizes[idx("me")]).toBe(14);
    expect(enc.sizes[idx("ann")]).toBe(3);
  });

  it("refuses strength to ego without an ego, and unknown names", () => {
    const noEgo = handNetwork();
    noEgo.setEgo(undefined);
    expect(code(() => nodeSizeEncoding(sceneFromNetwork(noEgo), "strength-to-ego"))).toBe("invalid-option");
    expect(code(() => nodeSizeEncoding(scene, "popularity" as never))).toBe("invalid-option");
  });
});

describe("nodeColourEncoding", () => {
  it("colours organisations by headcount through Tableau 10", () => {
    const enc = nodeColourEncoding(scene, "organisation", LIGHT_THEME);
    // Acme (3) → #4e79a7, Globex (2) → #f28e2c (d3-scale-chromatic's Tableau 10), Initech (1) → #e15759
    expect(enc.colours[idx("me")]).toBe("#4e79a7");
    expect(enc.colours[idx("cat")]).toBe("#f28e2c");
    expect(enc.colours[idx("fay")]).toBe("#e15759");
    expect(enc.colours[idx("eve")]).toBe(LIGHT_THEME.none);
    expect(enc.legend!.entries.map((e) => e.label)).toEqual(["Acme (3)", "Globex (2)", "Initech (1)", "no organisation (1)"]);
    expect(enc.legend!.units).toContain("2026-03-01");
  });

  it("puts organisations beyond the palette into 'other'", () => {
    const enc = nodeColourEncoding(scene, "organisation", LIGHT_THEME, { palette: ["#111111"] });
    expect(enc.colours[idx("ann")]).toBe("#111111");
    expect(enc.colours[idx("dan")]).toBe(LIGHT_THEME.other);
    expect(enc.legend!.entries.map((e) => e.label)).toEqual(["Acme (3)", "other organisations (3)", "no organisation (1)"]);
  });

  it("colours internal and external to ego", () => {
    const enc = nodeColourEncoding(scene, "internal-external", DARK_THEME);
    expect(enc.colours[idx("me")]).toBe(DARK_THEME.ego);
    expect(enc.colours[idx("bob")]).toBe(DARK_THEME.internal);
    expect(enc.colours[idx("fay")]).toBe(DARK_THEME.external);
    // 6 people besides me, 2 of them in Acme
    expect(enc.legend!.entries.map((e) => e.label)).toEqual(["you", "internal: same organisation as you (2)", "external (4)"]);
  });

  it("colours the E-I index on a diverging scale", () => {
    expect(code(() => nodeColourEncoding(scene, "ei-index", LIGHT_THEME))).toBe("invalid-option");
    const s = sceneFromNetwork(net, { eiIndex: new Map([["ann", -1], ["bob", 0], ["cat", 1], ["dan", 0.5]]) });
    const enc = nodeColourEncoding(s, "ei-index", LIGHT_THEME);
    expect(enc.colours[idx("ann")]).toBe("rgb(33, 102, 172)"); // internal #2166ac
    expect(enc.colours[idx("bob")]).toBe("rgb(184, 184, 184)"); // mixed #b8b8b8
    expect(enc.colours[idx("cat")]).toBe("rgb(178, 24, 43)"); // external #b2182b
    // halfway mixed → external: ((184+178)/2, (184+24)/2, (184+43)/2) = (181, 104, 113.5 → 114)
    expect(enc.colours[idx("dan")]).toBe("rgb(181, 104, 114)");
    expect(enc.colours[idx("eve")]).toBe(LIGHT_THEME.none);
    expect(enc.legend!.gradient!.ticks.map((t) => t.label)).toEqual(["−1 all internal", "0 balanced", "+1 all external"]);
    expect(enc.legend!.entries.map((e) => e.label)).toEqual(["no ties (3)"]);
  });
});

describe("edge encodings", () => {
  const s = withBalances({ "me–ann": 0.5, "me–cat": -1, "dan–fay": 1, "bob–cat": 0.2 });

  it("colours reciprocity from the viewpoint: you give more ↔ balanced ↔ you receive more", () => {
    expect(code(() => edgeColourEncoding(scene, "reciprocity", LIGHT_THEME))).toBe("invalid-option");
    const enc = edgeColourEncoding(s, "reciprocity", LIGHT_THEME);
    // +0.5: halfway from neutral #b8bec6 to givesMore #e66101: ((184+230)/2, (190+97)/2, (198+1)/2) = (207, 143.5 → 144, 99.5 → 100)
    expect(enc.colours[tie(s, "me", "ann")]).toBe("rgb(207, 144, 100)");
    expect(enc.colours[tie(s, "me", "cat")]).toBe("rgb(94, 60, 153)"); // receivesMore #5e3c99
    // dan gives all to fay; fay is the viewpoint, so she receives more
    expect(enc.colours[tie(s, "dan", "fay")]).toBe("rgb(94, 60, 153)");
    expect(enc.colours[tie(s, "me", "bob")]).toBe(LIGHT_THEME.edge); // no giving either way
    expect(enc.legend!.gradient!.ticks.map((t) => t.label)).toEqual(["you give more", "balanced", "you receive more"]);
  });

  it("colours only your own ties with \"your-reciprocity\"; the others stay neutral", () => {
    const enc = edgeColourEncoding(s, "your-reciprocity", LIGHT_THEME);
    // the same colour as "reciprocity" on ego's ties …
    expect(enc.colours[tie(s, "me", "ann")]).toBe("rgb(207, 144, 100)");
    expect(enc.colours[tie(s, "me", "cat")]).toBe("rgb(94, 60, 153)");
    // … and neutral on ties between two others, however one-sided
    expect(enc.colours[tie(s, "dan", "fay")]).toBe(LIGHT_THEME.edge);
    expect(enc.colours[tie(s, "bob", "cat")]).toBe(LIGHT_THEME.edge);
    expect(enc.legend!.title).toBe("Tie colour: reciprocity of your ties");
    // it needs an ego
    const noEgo = net.toData();
    delete noEgo.ego;
    expect(code(() => edgeColourEncoding(sceneFromNetwork(Network.from(noEgo), { pairImbalance: new Float64Array(s.tieCount) }), "your-reciprocity", LIGHT_THEME))).toBe("invalid-option");
  });

  it("widths ties by strength: w = 0.5 + 3.5·s", () => {
    const enc = edgeWidthEncoding(scene, "strength");
    // me–ann: 0.5 + 3.5·0.632121 = 2.71242
    expect(enc.widths[tie(scene, "me", "ann")]).toBeCloseTo(2.71242, 4);
    expect(enc.widths[tie(scene, "dan", "fay")]).toBeCloseTo(0.5 + 3.5 * strengthOf(3), 5);
    expect(edgeWidthEncoding(scene, "none").widths[0]).toBe(0.5);
  });

  it("draws arrows from the giver where one side gives at least twice as much", () => {
    const enc = edgeArrowEncoding(s, "imbalance");
    expect(enc.direction[tie(s, "me", "ann")]).toBe(1); // 0.5 ≥ 1/3, me gives
    expect(enc.direction[tie(s, "dan", "fay")]).toBe(-1); // from b (dan) to a (fay)
    expect(enc.direction[tie(s, "bob", "cat")]).toBe(0); // 0.2 < 1/3
    expect(enc.direction[tie(s, "me", "bob")]).toBe(0); // unknown
    expect(enc.legend!.units).toContain("at least 2×");
    expect(code(() => edgeArrowEncoding(scene, "imbalance"))).toBe("invalid-option");
  });
});

describe("legendCountsOfShown", () => {
  it("recounts a colour legend over the people shown; entries without a count stay", () => {
    const enc = nodeColourEncoding(scene, "organisation", LIGHT_THEME);
    const acme = enc.colours[idx("ann")]!;
    // hide ann: the Acme entry counts one person fewer, the other entries keep theirs
    const shown = legendCountsOfShown(enc.legend!, enc.colours, (i) => i !== idx("ann"));
    const before = enc.legend!.entries.find((e) => e.colour === acme)!.label;
    const n = Number(/\((\d+)\)$/.exec(before)![1]);
    expect(shown.entries.find((e) => e.colour === acme)!.label).toBe(before.replace(/\(\d+\)$/, `(${n - 1})`));
    const others = (l: typeof enc.legend) => l!.entries.filter((e) => e.colour !== acme).map((e) => e.label);
    expect(others(shown)).toEqual(others(enc.legend));
    const ie = nodeColourEncoding(scene, "internal-external", LIGHT_THEME);
    expect(legendCountsOfShown(ie.legend!, ie.colours, () => false).entries.map((e) => e.label)).toEqual(["you", "internal: same organisation as you (0)", "external (0)"]);
  });
});
