// The explorer's state in the URL fragment: written without defaults, read
// back exactly, and tolerant of hand-edited or stale bookmarks.
import { DEFAULT_INTRODUCTION_OPTIONS } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, NO_FILTERS, type ExplorerState } from "../src/state/explorer-state.js";
import { stateFromHash, stateToHash, type EncodingNames } from "../src/state/url-state.js";

const names: EncodingNames = { size: ["strength-to-ego", "degree", "betweenness", "none"], colour: ["organisation", "internal-external", "ei-index", "none"], edge: ["reciprocity", "none"] };

describe("URL state", () => {
  it("writes nothing for the default state", () => {
    expect(stateToHash(DEFAULT_STATE)).toBe("");
    expect(stateFromHash("", names)).toEqual(DEFAULT_STATE);
  });

  it("ranks introduction paths as `tiegraph intro` does unless asked: the most reliable chain, not reciprocity-aware", () => {
    const fresh = stateFromHash("", names);
    expect([fresh.mode, fresh.aware]).toEqual(["reliable", false]);
    expect([fresh.mode, fresh.aware]).toEqual([DEFAULT_INTRODUCTION_OPTIONS.mode, DEFAULT_INTRODUCTION_OPTIONS.reciprocityAware]);
    // the box is a choice the bookmark keeps
    expect(stateToHash({ ...DEFAULT_STATE, aware: true })).toBe("#aware=1");
    expect(stateFromHash("#aware=1", names).aware).toBe(true);
  });

  it("round-trips every field, ids with URL syntax in them included", () => {
    const state: ExplorerState = {
      selected: "p&12=#x y/ü",
      tab: "introduce",
      scope: "ego",
      filters: { organisations: ["o1", "o,2"], tags: ["alumni", "mentor"], minStrength: 0.35, side: "external", from: "2024-01-01", to: "2025-06-30" },
      size: "degree",
      colour: "ei-index",
      edge: "reciprocity",
      search: "Zoë <b>",
      target: { kind: "organisation", id: "o:7" },
      path: 2,
      mode: "widest",
      aware: false,
      allTies: true,
      theme: "dark",
    };
    const hash = stateToHash(state);
    expect(hash.startsWith("#")).toBe(true);
    expect(stateFromHash(hash, names)).toEqual(state);
  });

  it("writes only what differs from the defaults, in a readable form", () => {
    expect(stateToHash({ ...DEFAULT_STATE, selected: "p1", theme: "dark" })).toBe("#sel=p1&theme=dark");
    expect(stateToHash({ ...DEFAULT_STATE, filters: { ...NO_FILTERS, organisations: ["o1", "o2"] } })).toBe("#org=o1&org=o2");
    // a chosen path means nothing without a target, so it is not written alone
    expect(stateToHash({ ...DEFAULT_STATE, path: 2 })).toBe("");
  });

  it("ignores unknown and malformed values, keeping the defaults", () => {
    const s = stateFromHash("#tab=admin&scope=all&min=7&side=both&from=yesterday&to=2024-13&size=area&colour=red&edge=rainbow&path=-1&intro=nobody&theme=blue&aware=maybe&mode=fast", names);
    expect(s).toEqual(DEFAULT_STATE);
  });

  it("keeps a path only with a target, and takes the base for defaults", () => {
    expect(stateFromHash("#path=2", names).path).toBe(0);
    expect(stateFromHash("#intro=person:p9&path=2", names)).toMatchObject({ target: { kind: "person", id: "p9" }, path: 2 });
    expect(stateFromHash("", names, { ...DEFAULT_STATE, theme: "dark" }).theme).toBe("dark");
    expect(stateFromHash("#theme=light", names, { ...DEFAULT_STATE, theme: "dark" }).theme).toBe("light");
  });
});
