// Search over people and organisations on a small hand-made network: what
// matches, in which order, and what the second line says; and on generated
// networks, the same hits as a scan of every name.
import { generateNetwork, Network } from "@tiegraph/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSearchIndex, foldText, searchIndexOf, searchNetwork, type SearchIndex } from "../src/search/search-index.js";

const network = Network.from({
  ego: "me",
  organisations: [
    { id: "acme", name: "Acme Analytics" },
    { id: "zoe", name: "Zoë Labs" },
  ],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann Zoellner" },
    { id: "zo", name: "Zoë Ångström" },
    { id: "bz", name: "Bob Zoe" },
    { id: "an", name: "Anna" },
    { id: "jo", name: "Joanne" },
  ],
  affiliations: [
    { person: "ann", organisation: "acme" },
    { person: "zo", organisation: "zoe", from: "2020-01-01", to: "2022-12-31" },
    { person: "zo", organisation: "acme", from: "2023-01-01" },
    { person: "bz", organisation: "acme" },
  ],
  exchanges: [{ date: "2024-06-01", kind: "meeting", from: "me", to: "ann" }],
});
const day = network.dayRange()!.last;
const index = buildSearchIndex(network, day);

describe("search", () => {
  it("folds case and accents", () => {
    expect(foldText("Zoë Ångström")).toBe("zoe angstrom");
  });

  it("ranks a name start, then a word start, then a match inside a word", () => {
    // "zoe": starts "Zoë Ångström" and "Zoë Labs" (rank 0, shorter first), starts a word in "Bob Zoe" (1), inside "Ann Zoellner"'s word start too (1, longer)
    expect(searchNetwork(index, "zoe").map((h) => h.label)).toEqual(["Zoë Labs", "Zoë Ångström", "Bob Zoe", "Ann Zoellner"]);
    // "an": "Anna" (4 letters) and "Ann Zoellner" (12) start with it; "Zoë Ångström" folds to
    // "zoe angstrom" (12) and "Acme Analytics" (14) have it at a word start; "Joanne" inside a word
    expect(searchNetwork(index, "an").map((h) => h.label)).toEqual(["Anna", "Ann Zoellner", "Zoë Ångström", "Acme Analytics", "Joanne"]);
  });

  it("says where a person works today and how many people an organisation has", () => {
    const [zoe] = searchNetwork(index, "angstrom");
    expect(zoe).toEqual({ kind: "person", id: "zo", label: "Zoë Ångström", detail: "Acme Analytics" });
    const [acme] = searchNetwork(index, "acme");
    expect(acme).toEqual({ kind: "organisation", id: "acme", label: "Acme Analytics", detail: "organisation, 3 people" });
  });

  it("returns nothing for a blank query and respects the limit", () => {
    expect(searchNetwork(index, "   ")).toEqual([]);
    expect(searchNetwork(index, "n", { limit: 2 })).toHaveLength(2);
    expect(searchNetwork(index, "nobody")).toEqual([]);
  });
});

// The straightforward search (a scan of every folded name, every match ranked
// and sorted), against which the joined-text search with its best-few list is
// checked on generated networks: same hits, same order.
function scanSearch(index: SearchIndex, query: string, limit = 8): string[] {
  const q = foldText(query.trim());
  if (!q) return [];
  const found: { entry: number; rank: number }[] = [];
  index.folded.forEach((name, entry) => {
    const at = name.indexOf(q);
    if (at < 0) return;
    let word = false;
    for (let k = at; k >= 0 && !word; k = name.indexOf(q, k + 1)) word = k === 0 || !/[\p{L}\p{N}]/u.test(name[k - 1]!);
    found.push({ entry, rank: at === 0 ? 0 : word ? 1 : 2 });
  });
  const f = index.folded;
  found.sort((x, y) => x.rank - y.rank || f[x.entry]!.length - f[y.entry]!.length || (f[x.entry]! < f[y.entry]! ? -1 : f[x.entry]! > f[y.entry]! ? 1 : x.entry - y.entry));
  return found.slice(0, limit).map((x) => index.entries[x.entry]!.id);
}

describe("search on generated networks", () => {
  it("finds what a scan of every name finds, in the same order, for prefixes, inner parts and single letters", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 }), (seed, who, from, length, limit) => {
        const generated = generateNetwork({ seed, people: 200, exchanges: 400 });
        const built = buildSearchIndex(generated, generated.dayRange()?.last ?? 0);
        const name = built.entries[who % built.entries.length]!.label;
        const query = name.slice(Math.min(from, name.length - 1), Math.min(from, name.length - 1) + length);
        expect(searchNetwork(built, query, { limit }).map((h) => h.id)).toEqual(scanSearch(built, query, limit));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps names with the joiner character apart (such queries are scanned name by name)", () => {
    const odd = searchIndexOf([
      { kind: "person", id: "a", label: "ab\u0000cd", detail: "" },
      { kind: "person", id: "b", label: "cd", detail: "" },
    ]);
    expect(searchNetwork(odd, "b\u0000c").map((h) => h.id)).toEqual(["a"]);
    expect(searchNetwork(odd, "cd").map((h) => h.id)).toEqual(["b", "a"]);
    expect(searchNetwork(odd, "d").map((h) => h.id)).toEqual(scanSearch(odd, "d"));
  });
});
