// Search over people and organisations on a small hand-made network: what
// matches, in which order, and what the second line says.
import { Network } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { buildSearchIndex, foldText, searchNetwork } from "../src/search/search-index.js";

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
