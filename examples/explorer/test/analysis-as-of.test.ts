// The page's E-I index and mix count only what had happened by its "as of" day.
import { Network, parseDay } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { drawingAnalysis, eiIndexByPerson, overviewAnalysis } from "../src/worker/analysis.js";

// me and ann work at Acme, bob at Beta. On 1 March me gives ann information
// (internal); on 1 June me gives bob information (external).
const network = Network.from({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "beta", name: "Beta" }],
  people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }],
  affiliations: [
    { person: "me", organisation: "acme", from: "2020-01-01" },
    { person: "ann", organisation: "acme", from: "2020-01-01" },
    { person: "bob", organisation: "beta", from: "2020-01-01" },
  ],
  exchanges: [
    { date: "2026-03-01", kind: "information", from: "me", to: "ann" },
    { date: "2026-06-01", kind: "information", from: "me", to: "bob" },
  ],
});

describe("figures as of the page's day", () => {
  it("E-I of ego: (E − I)/(E + I) = (1 − 1)/2 = 0 on 1 July, (0 − 1)/1 = −1 on 1 April", () => {
    expect(drawingAnalysis(network, undefined, parseDay("2026-07-01")).eiIndex![0]).toBe(0);
    expect(drawingAnalysis(network, undefined, parseDay("2026-04-01")).eiIndex![0]).toBe(-1);
  });

  it("left out of the first picture (a large network's), the E-I index computed afterwards is the same: me 0, ann −1 (I = 1), bob +1 (E = 1) on 1 July", () => {
    const day = parseDay("2026-07-01");
    const first = drawingAnalysis(network, undefined, day, false);
    expect(first.eiIndex).toBeUndefined();
    expect(Array.from(eiIndexByPerson(network, day))).toEqual([0, -1, 1]);
    expect(Array.from(eiIndexByPerson(network, day))).toEqual(Array.from(drawingAnalysis(network, undefined, day).eiIndex!));
    // the reciprocity measure the picture does need is there either way
    expect(Array.from(first.pairImbalance)).toEqual(Array.from(drawingAnalysis(network, undefined, day).pairImbalance));
  });

  it("the overview's external share of ego counts the June exchange only after it happened: E/(E + I) = 1/2, then 0/1", () => {
    const july = overviewAnalysis(network, 0, parseDay("2026-07-01")).mix!.share;
    const april = overviewAnalysis(network, -1, parseDay("2026-04-01")).mix!.share;
    expect([july.internal, july.external, july.share]).toEqual([1, 1, 0.5]);
    expect([april.internal, april.external, april.share]).toEqual([1, 0, 0]);
  });
});
