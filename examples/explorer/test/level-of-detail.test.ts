// The level of detail a large network opens on holds exactly the people and
// ties it claims: hand-worked on a small tie index (neighbourhood depths,
// the strongest-ties threshold), then cross-checked on a generated network
// against a breadth-first search over the drawn graph, and the drawn part
// against the whole drawable network.
import { displayNames, generateNetwork } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { drawableGraph } from "../src/view/drawable-graph.js";
import { drawingAnalysis, lastShownDay } from "../src/worker/analysis.js";
import { drawableNetwork } from "../src/worker/drawable.js";
import { drawablePart } from "../src/worker/drawable-part.js";
import { closestContacts, levelOfDetail, neighbourhood, strongestTies, type TieColumns } from "../src/worker/level-of-detail.js";

/** A tie index (symmetric CSR) from a list of ties [a, b, strength, confidential only]. */
function ties(people: number, list: [number, number, number, 0 | 1][]): TieColumns {
  const offsets = new Int32Array(people + 1);
  for (const [a, b] of list) {
    offsets[a + 1]!++;
    offsets[b + 1]!++;
  }
  for (let i = 0; i < people; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, people);
  const neighbor = new Int32Array(2 * list.length);
  const pair = new Int32Array(2 * list.length);
  list.forEach(([a, b], k) => {
    neighbor[fill[a]!] = b;
    pair[fill[a]!++] = k;
    neighbor[fill[b]!] = a;
    pair[fill[b]!++] = k;
  });
  return {
    nodeCount: people,
    a: Int32Array.from(list, (t) => t[0]),
    b: Int32Array.from(list, (t) => t[1]),
    strength: Float64Array.from(list, (t) => t[2]),
    confidentialOnly: Uint8Array.from(list, (t) => t[3]),
    offsets,
    neighbor,
    pair,
  };
}

// slot: people, strength, confidential only
const small = ties(8, [
  [0, 1, 0.9, 0], // 0
  [1, 2, 0.5, 0], // 1
  [2, 3, 0.8, 0], // 2
  [0, 4, 0.3, 0], // 3
  [4, 5, 0.6, 0], // 4
  [5, 6, 0.2, 0], // 5
  [0, 7, 0.7, 1], // 6: confidential only, so 7 is reached through nobody
  [3, 6, 0.4, 0], // 7
]);
const list = (a: Int32Array) => Array.from(a);

describe("neighbourhood", () => {
  it("depth 1: ego and her contacts over drawable ties, and the ties between them", () => {
    // 0's drawable ties: 0–1 (slot 0), 0–4 (slot 3); 0–7 rests on confidential exchanges only
    const part = neighbourhood(small, 0, 1);
    expect(list(part.people)).toEqual([0, 1, 4]);
    expect(list(part.ties)).toEqual([0, 3]);
  });

  it("depth 2 adds the contacts' contacts; ties leading out of the set are left out", () => {
    // from 1: 2; from 4: 5 → {0, 1, 2, 4, 5}; ties inside: 0–1, 1–2, 0–4, 4–5 (2–3 and 5–6 lead out)
    const part = neighbourhood(small, 0, 2);
    expect(list(part.people)).toEqual([0, 1, 2, 4, 5]);
    expect(list(part.ties)).toEqual([0, 1, 3, 4]);
  });

  it("depth 3 reaches everyone but the person joined by a confidential tie only", () => {
    // from 2: 3; from 5: 6 → all but 7; every tie but slot 6, including 3–6 between two depth-3 people
    const part = neighbourhood(small, 0, 3);
    expect(list(part.people)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(list(part.ties)).toEqual([0, 1, 2, 3, 4, 5, 7]);
  });
});

describe("strongest ties", () => {
  it("keeps every drawable tie at least as strong as the n-th strongest", () => {
    // drawable strengths, strongest first: 0.9, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2 (0.7 is confidential only)
    // the 3rd is 0.6 → slots 0 (0.9), 2 (0.8), 4 (0.6); people 0–1, 2–3, 4–5
    const part = strongestTies(small, 3);
    expect(part.threshold).toBe(0.6);
    expect(list(part.ties)).toEqual([0, 2, 4]);
    expect(list(part.people)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("keeps all ties of the threshold's strength unless they more than double the count", () => {
    const even = ties(6, [
      [0, 1, 0.9, 0],
      [1, 2, 0.5, 0],
      [2, 3, 0.5, 0],
      [3, 4, 0.5, 0],
      [4, 5, 0.5, 0],
    ]);
    // 2nd strongest is 0.5, but 5 ties have ≥ 0.5 (> 2 × 2): only the stronger one, 0.9, is kept
    expect(strongestTies(even, 2)).toEqual({ threshold: 0.9, ties: Int32Array.of(0), people: Int32Array.of(0, 1) });
    // asking for 3: 5 ≤ 2 × 3, so all five are kept
    expect(list(strongestTies(even, 3).ties)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe("levelOfDetail", () => {
  it("draws a network of up to `above` people whole", () => {
    expect(levelOfDetail(small, 0, { above: 8 })).toEqual({ kind: "whole" });
  });

  it("opens a larger one on ego's neighbourhood, shrinking the depth until it fits", () => {
    // depth 2 has 5 people: fits 5, not 4 (then depth 1, 3 people)
    expect(levelOfDetail(small, 0, { above: 5, depth: 2, mostPeople: 5 })).toMatchObject({ kind: "neighbourhood", centre: 0, depth: 2, people: Int32Array.of(0, 1, 2, 4, 5) });
    expect(levelOfDetail(small, 0, { above: 5, depth: 2, mostPeople: 4 })).toMatchObject({ kind: "neighbourhood", depth: 1, people: Int32Array.of(0, 1, 4) });
    expect(levelOfDetail(small, 0, { above: 5, depth: 2, mostPeople: 3 })).toMatchObject({ kind: "neighbourhood", depth: 1, ties: Int32Array.of(0, 3) });
  });

  it("falls back to ego's strongest contacts when even ego's contacts do not fit", () => {
    // depth 1 has 3 people > 2: ego and 1 contact, the strongest of 0–1 (0.9) and 0–4 (0.3); 0–7 is confidential only
    expect(levelOfDetail(small, 0, { above: 5, depth: 2, mostPeople: 2 })).toEqual({ kind: "closest", centre: 0, people: Int32Array.of(0, 1), ties: Int32Array.of(0) });
    // room for ego alone: nobody else, no tie
    expect(closestContacts(small, 0, 0)).toEqual({ people: Int32Array.of(0), ties: Int32Array.of() });
    // person 5's contacts: 4 (0.6), 6 (0.2); the two strongest are both, and no tie joins 4 and 6
    expect(closestContacts(small, 5, 2)).toEqual({ people: Int32Array.of(4, 5, 6), ties: Int32Array.of(4, 5) });
  });

  it("opens on the strongest ties without an ego", () => {
    expect(levelOfDetail(small, -1, { above: 5, mostTies: 3 })).toMatchObject({ kind: "strongest", threshold: 0.6, ties: Int32Array.of(0, 2, 4) });
  });
});

describe("on a generated network", () => {
  const network = generateNetwork({ seed: 11, people: 400, exchanges: 3000, ego: true, confidentialShare: 0.1 });
  const asOf = lastShownDay(network);
  const { drawable, relationships: rel } = drawableNetwork(network, displayNames(network), asOf);
  const whole = drawableGraph(structuredClone(drawable));
  // the drawn graph without confidential-only ties, as the view shows it
  whole.filterEdges((_e, attr) => attr.confidentialOnly === true).forEach((e) => whole.dropEdge(e));

  it("the depth-2 neighbourhood is what a breadth-first search over the drawn graph finds", () => {
    const ego = network.personAt(network.egoIndex).id;
    const reached = new Map([[ego, 0]]);
    let frontier = [ego];
    for (let d = 1; d <= 2; d++) {
      const next: string[] = [];
      for (const p of frontier) {
        for (const q of whole.neighbors(p)) {
          if (reached.has(q)) continue;
          reached.set(q, d);
          next.push(q);
        }
      }
      frontier = next;
    }
    const part = neighbourhood(rel, network.egoIndex, 2);
    expect(Array.from(part.people, (i) => network.personAt(i).id).sort()).toEqual([...reached.keys()].sort());
    // and every drawn tie between two of them
    const inside = whole.filterEdges((_e, _a, s, t) => reached.has(s) && reached.has(t)).length;
    expect(part.ties.length).toBe(inside);
    expect(part.people.length).toBeLessThan(network.personCount);
  });

  it("the drawn part is the whole drawable network cut to its people and ties, measures included", () => {
    const analysis = drawingAnalysis(network, rel, asOf);
    const part = neighbourhood(rel, network.egoIndex, 1);
    const cut = drawablePart(network, displayNames(network), rel, analysis, part);
    const graph = drawableGraph(structuredClone(cut.drawable));
    expect(graph.order).toBe(part.people.length);
    graph.forEachNode((id, attr) => expect(attr).toEqual(whole.getNodeAttributes(id)));
    // tie k of the part is relationship slot part.ties[k], between the same people, with its measures
    expect(graph.size).toBe(part.ties.length);
    graph.forEachEdge((_e, _attr, s, t) => expect(whole.hasEdge(s, t)).toBe(true));
    part.ties.forEach((slot, k) => {
      expect([cut.drawable.ids[cut.drawable.a[k]!], cut.drawable.ids[cut.drawable.b[k]!]]).toEqual([drawable.ids[drawable.a[slot]!], drawable.ids[drawable.b[slot]!]]);
      expect(cut.drawable.strength[k]).toBe(drawable.strength[slot]);
      expect(Object.is(cut.analysis.pairImbalance[k], analysis.pairImbalance[slot])).toBe(true);
    });
    part.people.forEach((i, k) => {
      expect(cut.drawable.people![k]).toBe(i);
      expect(Object.is(cut.analysis.eiIndex![k], analysis.eiIndex![i])).toBe(true);
    });
    expect(cut.drawable.ego).toBe(Array.from(part.people).indexOf(network.egoIndex));
  });
});
