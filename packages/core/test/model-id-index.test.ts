// Batches that name their people many times look them up packed (model/id-index.ts): every id is found at its
// position, nothing else is found, and a batch resolves to the same network whichever way its people are looked up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, checkBatch, serializeNetwork, type Exchange, type Person } from "@tiegraph/core";
import { IdIndex } from "../src/model/id-index.js";

describe("packed id index", () => {
  it("finds each id at its position and no other text (random ids: prefixes, empty-looking, surrogates, control characters)", () => {
    const idText = fc.string({ unit: fc.constantFrom("a", "b", "é", "\u0000", "\uD83D", "\uDE42", "1", "-"), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(idText, { maxLength: 60 }), fc.array(idText, { maxLength: 30 }), (ids, probes) => {
        const index = IdIndex.of(ids)!;
        ids.forEach((id, i) => expect(index.get(id)).toBe(i));
        // text that is not an id, such as the join of two ids, one id's prefix or the empty text, is not found
        for (const p of [...probes, "", ids.join(""), ...ids.map((id) => id.slice(0, -1))]) expect(index.get(p)).toBe(ids.indexOf(p));
      }),
      { numRuns: 100 },
    );
  });

  it("finds all of 50,000 ids that share prefixes and lengths (collisions in its table are told apart)", () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `p${i}`);
    const index = IdIndex.of(ids)!;
    expect(ids.every((id, i) => index.get(id) === i)).toBe(true);
    expect(index.get("p50000")).toBe(-1);
    expect(index.get("p")).toBe(-1);
  });
});

describe("a batch with many references to its own people", () => {
  /** `people` people and two exchanges per person, some naming people that are not there. */
  function batch(people: number): { people: Person[]; exchanges: Exchange[] } {
    const ps: Person[] = Array.from({ length: people }, (_, i) => ({ id: `p${i}`, name: `P ${i}` }));
    const exchanges: Exchange[] = [];
    for (let i = 0; i < people; i++) {
      exchanges.push({ date: "2024-02-03", kind: "favour", from: `p${i}`, to: `p${(i + 1) % people}` });
      exchanges.push({ date: "2024-02-04", kind: "introduction", from: `p${(i + 2) % people}`, to: `p${i}`, introduced: i % 500 === 0 ? `nobody${i}` : `p${(i + 5) % people}` });
    }
    return { people: ps, exchanges };
  }

  it("resolves every reference as the first few (looked up one by one) and names the unknown ones", () => {
    // 2,000 people and 4,000 exchanges: well past the lookups made before the index is packed
    const data = batch(2000);
    const problems = checkBatch(new Network(), data);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual(Array.from({ length: 4 }, (_, k) => ["unknown-person", `/exchanges/${2 * 500 * k + 1}/introduced`]));
    const good = { people: data.people, exchanges: data.exchanges.filter((e) => !e.introduced?.startsWith("nobody")) };
    const net = Network.from(good);
    // every exchange points at the people it names, whichever way they were found
    good.exchanges.forEach((e, i) => expect(net.exchangeAt(i)).toMatchObject({ from: e.from, to: e.to, ...(e.introduced ? { introduced: e.introduced } : {}) }));
    // the same records added a few at a time (too few references to pack) give the same file
    const small = Network.from({ people: data.people });
    for (let i = 0; i < good.exchanges.length; i += 100) small.apply({ exchanges: good.exchanges.slice(i, i + 100) });
    expect(serializeNetwork(net)).toBe(serializeNetwork(small));
  });

  it("added to a network that already has people, counts positions after them", () => {
    const net = Network.from({ people: [{ id: "me", name: "Me" }, { id: "you", name: "You" }] });
    const data = batch(2000);
    data.exchanges = data.exchanges.filter((e) => !e.introduced?.startsWith("nobody"));
    data.exchanges.push({ date: "2024-03-01", kind: "meeting", from: "me", to: "p1999" });
    net.apply(data);
    expect(net.personIndex("p0")).toBe(2);
    const cols = net.exchangeColumns();
    const last = net.exchangeCount - 1;
    expect([cols.from[last], cols.to[last]]).toEqual([0, 2001]);
    expect(net.exchangeAt(0)).toMatchObject({ from: "p0", to: "p1" });
  });
});
