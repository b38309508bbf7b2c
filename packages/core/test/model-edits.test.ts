// Hand-worked cases of Network.edit: merging people, where added records go, and the
// errors an edit gives (same codes as loading, pointers into the list of edits).
import { describe, expect, it } from "vitest";
import { errorOf } from "./error-of.js";
import { Network, serializeNetwork, type NetworkData } from "@tiegraph/core";

const twins = (): NetworkData => ({
  ego: "ann2",
  organisations: [
    { id: "acme", name: "Acme" },
    { id: "globex", name: "Globex" },
  ],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann Lee", emails: ["ann@acme.test"], tags: ["client"] },
    { id: "bob", name: "Bob" },
    { id: "ann2", name: "Ann", emails: ["ANN@home.test", "ann@acme.test"], url: "https://example.test/ann", notes: "likes tea" },
  ],
  affiliations: [
    { person: "ann", organisation: "acme", from: "2019-01-01", to: "2023-12-31" },
    { person: "ann2", organisation: "globex", from: "2024-01-01" },
  ],
  exchanges: [
    { date: "2024-01-05", kind: "favour", from: "ann2", to: "me" }, // #1 → ann gave me a favour
    { date: "2024-01-06", kind: "meeting", from: "me", to: "ann2", minutes: 30 }, // #2 → meeting with ann
    { date: "2024-01-07", kind: "information", from: "ann", to: "ann2" }, // #3 → ann with herself: removed
    { date: "2024-01-08", kind: "introduction", from: "me", to: "bob", introduced: "ann2" }, // #4 → introduced ann
    { date: "2024-01-09", kind: "introduction", from: "ann", to: "bob", introduced: "ann2" }, // #5 → ann introduces herself: removed
    { id: "x6", date: "2024-01-10", kind: "information", from: "bob", to: "ann" }, // untouched
  ],
});

describe("merge-people", () => {
  it("moves every exchange and affiliation to the person kept and removes the exchanges between the two", () => {
    const net = Network.from(twins());
    const before = serializeNetwork(net);
    const undo = net.edit({ op: "merge-people", keep: "ann", drop: "ann2" });
    expect(net.hasPerson("ann2")).toBe(false);
    expect(net.personCount).toBe(3);
    // 6 exchanges − 2 that joined ann with herself (#3 between the two, #5 introducing ann to ann's own contact as herself)
    expect(net.toData().exchanges).toEqual([
      { date: "2024-01-05", kind: "favour", from: "ann", to: "me" },
      { date: "2024-01-06", kind: "meeting", from: "me", to: "ann", minutes: 30 },
      { date: "2024-01-08", kind: "introduction", from: "me", to: "bob", introduced: "ann" },
      { id: "x6", date: "2024-01-10", kind: "information", from: "bob", to: "ann" },
    ]);
    expect([...net.exchangesOf("ann")].map((i) => net.exchangeAt(i).date)).toEqual(["2024-01-05", "2024-01-06", "2024-01-10"]);
    expect(net.exchangeIntroduced(2)).toBe(net.personIndex("ann"));
    // affiliations: ann's own, then ann2's (which starts later)
    expect(net.affiliationsOf("ann")).toEqual([
      { person: "ann", organisation: "acme", from: "2019-01-01", to: "2023-12-31" },
      { person: "ann", organisation: "globex", from: "2024-01-01" },
    ]);
    // fields: ann's kept, addresses joined (exact duplicates once), missing ones filled in
    expect(net.person("ann")).toEqual({ id: "ann", name: "Ann Lee", emails: ["ann@acme.test", "ANN@home.test"], url: "https://example.test/ann", tags: ["client"], notes: "likes tea" });
    // ann2 was ego: ann is now
    expect(net.ego).toBe("ann");
    net.edit(undo);
    expect(serializeNetwork(net)).toBe(before);
  });

  it("refuses to merge a person with themself, or someone unknown", () => {
    const net = Network.from(twins());
    expect(errorOf(() => net.edit({ op: "merge-people", keep: "ann", drop: "ann" })).pointer).toBe("/0/drop");
    const err = errorOf(() => net.edit({ op: "merge-people", keep: "ann", drop: "zed" }));
    expect([err.code, err.pointer]).toEqual(["unknown-person", "/0/drop"]);
  });
});

describe("edits put records where loading would", () => {
  it("adds without a position give the network that applying the same records gives", () => {
    const edited = Network.from(twins());
    const applied = Network.from(twins());
    const affiliation = { person: "ann", organisation: "globex", from: "2019-01-01" };
    const exchange = { date: "2023-12-01", kind: "gesture" as const, from: "me", to: "bob", format: "coffee" };
    edited.edit([
      { op: "add-person", person: { id: "cy", name: "Cy" } },
      { op: "add-affiliation", affiliation },
      { op: "add-exchange", exchange },
    ]);
    applied.apply({ people: [{ id: "cy", name: "Cy" }], affiliations: [affiliation], exchanges: [exchange] });
    expect(serializeNetwork(edited)).toBe(serializeNetwork(applied));
    // the new affiliation starts on the same day as ann's first: it goes after it
    expect(edited.affiliationsOf("ann").map((a) => a.organisation)).toEqual(["acme", "globex"]);
  });

  it("remove-person also removes the exchanges that introduced them", () => {
    const net = Network.from(twins());
    const undo = net.edit({ op: "remove-person", id: "ann2" });
    // #1, #2, #3 name ann2 as a party, #4 and #5 as the person introduced
    expect(net.exchangeCount).toBe(1);
    expect(net.ego).toBeUndefined();
    expect(undo[0]).toEqual({ op: "add-person", person: twins().people![3], at: 3 });
    net.edit(undo);
    expect(net.toData()).toEqual(Network.from(twins()).toData());
  });
});

describe("edit errors", () => {
  it("carry the loading codes, with the edit's place in the list", () => {
    const net = Network.from(twins());
    const err = errorOf(() =>
      net.edit([
        { op: "add-person", person: { id: "cy", name: "Cy" } },
        { op: "add-exchange", exchange: { date: "2024-02-30", kind: "favour", from: "cy", to: "me" } },
      ]),
    );
    expect([err.code, err.record, err.pointer, err.expected]).toEqual(["invalid-date", "exchange in edit #1", "/1/exchange/date", "a calendar date YYYY-MM-DD"]);
    expect(net.hasPerson("cy")).toBe(false);
  });

  it("an exchange keeps its own id when updated, and cannot take another's", () => {
    const net = Network.from(twins());
    expect(() => net.edit({ op: "update-exchange", id: "x6", patch: { value: 2 } })).not.toThrow();
    expect(net.exchangeAt(5).value).toBe(2);
    net.edit({ op: "update-exchange", id: "#1", patch: { id: "x1" } });
    const err = errorOf(() => net.edit({ op: "update-exchange", id: "x6", patch: { id: "x1" } }));
    expect([err.code, err.pointer]).toEqual(["duplicate-id", "/0/patch/id"]);
  });

  it("a person's id cannot change through a patch", () => {
    const err = errorOf(() => Network.from(twins()).edit({ op: "update-person", id: "ann", patch: { id: "anne" } as never }));
    expect([err.code, err.pointer]).toEqual(["invalid-field", "/0/patch/id"]);
  });
});
