// Network.exchangesOf answers the first few people by a scan of the columns each and the rest
// from the per-person index of everyone, built only then (so a command asking about a handful of
// people never builds it). Both ways must give the same lists, in date-then-insertion order,
// and a change must forget lists found before it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, createPathIndex, introductionPaths } from "@tiegraph/core";
import { richNetwork } from "./rich-network.js";

/** Every person's exchanges with the per-person index built first (more people asked than are scanned). */
function eagerLists(net: Network): number[][] {
  const out: number[][] = [];
  for (let p = 0; p < net.personCount; p++) out.push([...net.exchangesOf(p)]);
  // asked again now that the index certainly exists: the later people came from it
  return out.map((_, p) => [...net.exchangesOf(p)]);
}

/** A person's exchanges by their definition: either side, by day, ties in insertion order. */
function byDefinition(net: Network, p: number): number[] {
  const { from, to, day, count } = net.exchangeColumns();
  const out: number[] = [];
  for (let e = 0; e < count; e++) if (from[e] === p || to[e] === p) out.push(e);
  return out.sort((a, b) => day[a]! - day[b]! || a - b);
}

describe("Network.exchangesOf, scanned then indexed", () => {
  it("gives the same lists for the first people asked (scanned) as the index of everyone does", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 20, max: 60 }), fc.integer({ min: 0, max: 500 }), fc.array(fc.nat(), { maxLength: 5 }), (seed, people, exchanges, picks) => {
        const eager = richNetwork(seed, people, exchanges, 0.2);
        const expected = eagerLists(eager);
        const lazy = richNetwork(seed, people, exchanges, 0.2);
        // a few people, some asked twice: each answer comes from a scan (fewer than 16 asked)
        for (const pick of picks) {
          const p = pick % people;
          expect([...lazy.exchangesOf(p)]).toEqual(expected[p]);
          expect([...lazy.exchangesOf(p)]).toEqual(byDefinition(lazy, p));
        }
        // then everyone: past the scans the index is built, and agrees too
        for (let p = 0; p < people; p++) expect([...lazy.exchangesOf(p)]).toEqual(expected[p]);
      }),
      { numRuns: 30 },
    );
  });

  it("orders a scanned list by day, then by position, when positions are not in date order", () => {
    // recorded out of date order: positions 0..3 on days 3, 1, 2, 1
    const net = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      exchanges: [
        { date: "2024-01-03", kind: "favour", from: "a", to: "b" },
        { date: "2024-01-01", kind: "favour", from: "b", to: "a" },
        { date: "2024-01-02", kind: "favour", from: "c", to: "b" },
        { date: "2024-01-01", kind: "gesture", from: "a", to: "c" },
      ],
    });
    // a: exchanges 0 (day 3), 1 (day 1), 3 (day 1) → 1, 3, 0
    expect([...net.exchangesOf("a")]).toEqual([1, 3, 0]);
    // b: 0 (day 3), 1 (day 1), 2 (day 2) → 1, 2, 0
    expect([...net.exchangesOf("b")]).toEqual([1, 2, 0]);
    expect(net.exchangesBetween("a", "b")).toEqual([1, 0]);
  });

  it("forgets scanned lists when the exchanges change", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }],
      exchanges: [{ date: "2024-01-02", kind: "favour", from: "a", to: "b" }],
    });
    expect([...net.exchangesOf("a")]).toEqual([0]);
    net.addExchange({ date: "2024-01-01", kind: "favour", from: "b", to: "a" });
    // the new exchange is earlier: it comes first
    expect([...net.exchangesOf("a")]).toEqual([1, 0]);
  });

  it("lets a path index answer without the index of everyone, with the same paths as after it is built", () => {
    const net = richNetwork(11, 60, 600, 0.1);
    const ego = net.ego!;
    const target = net.people()[net.personCount - 1]!.id;
    const query = { from: ego, to: { person: target }, k: 3, reciprocityAware: true };
    const first = introductionPaths(createPathIndex(net), query);
    // everyone asked: from here on the lists come from the index of everyone
    for (let p = 0; p < net.personCount; p++) net.exchangesOf(p);
    expect(introductionPaths(createPathIndex(net), query)).toEqual(first);
  });
});
