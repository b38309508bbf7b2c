// The explorer's filters as the view's filter, and the worker's date-range
// pairs, on a hand-made network: each filter alone, and the date range
// counting only exchanges a picture may show.
import { Network } from "@tiegraph/core";
import type { ViewPerson, ViewTie } from "@tiegraph/viz";
import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../src/state/explorer-state.js";
import { viewFilter, type FilterFacts } from "../src/view/view-filter.js";
import { pairsWithExchangeBetween } from "../src/worker/pairs-between.js";

const network = Network.from({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann", tags: ["mentor"] },
    { id: "bob", name: "Bob" },
    { id: "cy", name: "Cy", tags: ["alumni"] },
  ],
  affiliations: [
    { person: "me", organisation: "acme" },
    { person: "ann", organisation: "acme" },
    { person: "bob", organisation: "globex" },
  ],
  exchanges: [
    { date: "2024-01-10", kind: "meeting", from: "me", to: "ann" },
    { date: "2024-06-01", kind: "favour", from: "bob", to: "me" },
    { date: "2024-06-15", kind: "information", from: "ann", to: "cy", confidential: true },
    { date: "2025-03-01", kind: "information", from: "bob", to: "cy" },
  ],
});
const facts: FilterFacts = {
  personCount: network.personCount,
  hasEgo: true,
  personIndex: (id) => network.findPerson(id),
  personTags: (id) => network.person(id).tags ?? [],
};

const person = (id: string, over: Partial<ViewPerson> = {}): ViewPerson => ({ id, name: id, organisations: [], isEgo: id === "me", internal: false, strengthToEgo: 0, degree: 1, hopsFromEgo: 1, ...over });
const tie = (source: string, target: string, strength = 0.5): ViewTie => ({ source, target, strength, balance: NaN });
const n = network.personCount;
const key = (a: string, b: string) => {
  const [x, y] = [network.personIndex(a), network.personIndex(b)].sort((p, q) => p - q);
  return x! * n + y!;
};

describe("view filter", () => {
  it("is null when nothing is filtered", () => {
    expect(viewFilter(facts, NO_FILTERS, "network", undefined)).toBeNull();
  });

  it("keeps people of the chosen organisations or tags, or on the chosen side", () => {
    const byOrg = viewFilter(facts, { ...NO_FILTERS, organisations: ["globex"] }, "network", undefined)!;
    expect(byOrg.node!(person("bob", { organisations: ["globex"] }))).toBe(true);
    expect(byOrg.node!(person("ann", { organisations: ["acme"] }))).toBe(false);
    expect(byOrg.edge).toBeUndefined();
    const byTag = viewFilter(facts, { ...NO_FILTERS, tags: ["alumni", "founder"] }, "network", undefined)!;
    expect(["ann", "bob", "cy"].filter((id) => byTag.node!(person(id)))).toEqual(["cy"]);
    const external = viewFilter(facts, { ...NO_FILTERS, side: "external" }, "network", undefined)!;
    expect(external.node!(person("ann", { internal: true }))).toBe(false);
    expect(external.node!(person("bob", { internal: false }))).toBe(true);
    const internal = viewFilter(facts, { ...NO_FILTERS, side: "internal" }, "network", undefined)!;
    expect(internal.node!(person("ann", { internal: true }))).toBe(true);
  });

  it("keeps ego and direct contacts in ego's neighbourhood", () => {
    const ego = viewFilter(facts, NO_FILTERS, "ego", undefined)!;
    expect([0, 1, 2, -1].map((hops) => ego.node!(person("x", { hopsFromEgo: hops })))).toEqual([true, true, false, false]);
    expect(viewFilter({ ...facts, hasEgo: false }, NO_FILTERS, "ego", undefined)).toBeNull();
  });

  it("keeps ties at least as strong as the minimum", () => {
    const f = viewFilter(facts, { ...NO_FILTERS, minStrength: 0.3 }, "network", undefined)!;
    expect([0.29, 0.3, 0.9].map((s) => f.edge!(tie("me", "ann", s)))).toEqual([false, true, true]);
  });

  it("keeps ties with a shown exchange in the date range; confidential exchanges do not count", () => {
    // 2024: me–ann (Jan), bob–me (Jun); ann–cy in June is confidential
    expect([...pairsWithExchangeBetween(network, "2024-01-01", "2024-12-31")].sort((a, b) => a - b)).toEqual([key("me", "ann"), key("me", "bob")].sort((a, b) => a - b));
    // open start: everything up to 2024-03-01 is only me–ann
    expect([...pairsWithExchangeBetween(network, "", "2024-03-01")]).toEqual([key("me", "ann")]);
    const range = { ...NO_FILTERS, from: "2025-01-01" };
    const f = viewFilter(facts, range, "network", pairsWithExchangeBetween(network, range.from, range.to))!;
    expect(f.edge!(tie("cy", "bob"))).toBe(true);
    expect(f.edge!(tie("me", "bob"))).toBe(false);
    expect(f.edge!(tie("ann", "cy"))).toBe(false);
    // until the worker has answered, the range hides nothing
    expect(viewFilter(facts, range, "network", undefined)).toBeNull();
  });
});
