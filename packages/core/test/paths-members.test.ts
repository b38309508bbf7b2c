// PathIndex.membersOf (everyone at an organisation on the reference day, read straight from the
// affiliation spans) against its definition through Network.organisationIndicesOn.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, createPathIndex, parseDay } from "@tiegraph/core";
import { richNetwork } from "./rich-network.js";

describe("PathIndex.membersOf", () => {
  it("lists, ascending, the people organisationIndicesOn puts at each organisation on the reference day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 10, max: 80 }), fc.integer({ min: 20, max: 300 }), (seed, people, exchanges) => {
        const net = richNetwork(seed, people, exchanges, 0.1);
        const index = createPathIndex(net);
        for (let o = 0; o < net.organisationCount; o++) {
          const expected: number[] = [];
          for (let p = 0; p < net.personCount; p++) for (const org of net.organisationIndicesOn(p, index.asOf)) if (org === o) expected.push(p);
          expect([...index.membersOf(o)]).toEqual(expected);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("counts only spans open on the reference day, ends included", () => {
    const net = Network.from({
      organisations: [{ id: "acme", name: "Acme" }],
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      affiliations: [
        { person: "a", organisation: "acme", from: "2020-01-01", to: "2024-03-01" }, // ends on the day: in
        { person: "b", organisation: "acme", to: "2024-02-29" }, // ended the day before: out
        { person: "c", organisation: "acme", from: "2024-03-01" }, // starts on the day: in
      ],
      exchanges: [{ date: "2024-03-01", kind: "favour", from: "a", to: "b" }],
    });
    const index = createPathIndex(net, { asOf: "2024-03-01" });
    expect(index.asOf).toBe(parseDay("2024-03-01"));
    expect([...index.membersOf(0)]).toEqual([0, 2]);
  });
});
