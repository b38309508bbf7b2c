// Staging shares each distinct tag list between the exchanges that have it (model/validate.ts), and stages a
// batch's exchanges into columns sized for it (model/exchange-store.ts). Neither may change what the network holds.
import { describe, expect, it } from "vitest";
import { Network, serializeNetwork, type Exchange } from "@tiegraph/core";
import { KIND_CODE, StagedExchanges } from "../src/model/exchange-store.js";

const people = [
  { id: "a", name: "A" },
  { id: "b", name: "B" },
  { id: "c", name: "C" },
];

/** Exchanges with every mix of tags and other extras: the same lists again and again, lists that only JSON tells apart. */
function exchanges(): Exchange[] {
  const lists = [["x"], ["x"], ["y"], ["x", "y"], ["x", "y"], ["x\u0000y"], ["x", "\u0000y"], ["x\u0000", "y"], []];
  return lists.flatMap((tags, k): Exchange[] => {
    const e: Exchange = { date: `2024-01-${String(k + 1).padStart(2, "0")}`, kind: "introduction", from: "a", to: "b" };
    if (tags.length) e.tags = tags;
    return [e, { ...e, id: `id${k}` }, { ...e, note: `note ${k}` }, { ...e, introduced: "c" }];
  });
}

describe("tags shared by staged exchanges", () => {
  it("each exchange keeps exactly its own tags and other extras, and the file is what separate copies give", () => {
    const input = exchanges();
    const net = Network.from({ people, exchanges: input });
    input.forEach((e, i) => {
      const got = net.exchangeAt(i);
      expect(got.tags).toEqual(e.tags);
      expect(got.note).toEqual(e.note);
      expect(got.introduced).toEqual(e.introduced);
      expect(got.id).toBe(e.id ?? `#${i + 1}`);
    });
    // the same network built one exchange at a time (no list shared between batches) writes the same file
    const single = Network.from({ people });
    for (const e of exchanges()) single.apply({ exchanges: [e] });
    expect(serializeNetwork(net)).toBe(serializeNetwork(single));
  });

  it("equal lists are one list in the network; changing the input afterwards changes nothing", () => {
    const input = exchanges();
    const net = Network.from({ people, exchanges: input });
    // exchanges 0 and 4 both have ["x"]; 12 and 16 both have ["x", "y"]; 20 has ["x\0y"], one tag, not two
    expect(net.exchangeTags(0)).toBe(net.exchangeTags(4));
    expect(net.exchangeTags(12)).toBe(net.exchangeTags(16));
    expect(net.exchangeTags(20)).not.toBe(net.exchangeTags(12));
    expect(net.exchangeTags(20)).toEqual(["x\u0000y"]);
    expect(net.exchangeTags(24)).toEqual(["x", "\u0000y"]);
    expect(net.exchangeTags(28)).toEqual(["x\u0000", "y"]);
    input[0]!.tags!.push("changed");
    input[12]!.tags![0] = "changed";
    expect(net.exchangeTags(0)).toEqual(["x"]);
    expect(net.exchangeTags(4)).toEqual(["x"]);
    expect(net.exchangeTags(16)).toEqual(["x", "y"]);
  });

  it("re-pointing an introduction (a person removed) leaves the exchanges that share its tags as they were", () => {
    const net = Network.from({
      people: [...people, { id: "d", name: "D" }],
      exchanges: [
        { date: "2024-01-01", kind: "introduction", from: "b", to: "c", introduced: "d", tags: ["t"] },
        { date: "2024-01-02", kind: "favour", from: "b", to: "c", tags: ["t"] },
      ],
    });
    net.edit([{ op: "remove-person", id: "a" }]);
    expect(net.exchangeAt(0)).toMatchObject({ from: "b", to: "c", introduced: "d", tags: ["t"] });
    expect(net.exchangeAt(1)).toMatchObject({ from: "b", to: "c", tags: ["t"] });
    expect(net.exchangeIntroduced(1)).toBe(-1);
  });
});

describe("staged exchange columns", () => {
  it("grow past the room made at first, keeping every exchange", () => {
    const staged = new StagedExchanges(1);
    for (let i = 0; i < 5; i++) staged.push({ from: i, to: i + 1, day: 19800 + i, kind: KIND_CODE.favour, value: i, explicit: i % 2 === 0, minutes: NaN, confidential: i === 3, format: "", extras: undefined });
    expect(staged.length).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => [staged.at(i).from, staged.at(i).day, staged.at(i).explicit, staged.at(i).confidential])).toEqual([
      [0, 19800, true, false],
      [1, 19801, false, false],
      [2, 19802, true, false],
      [3, 19803, false, true],
      [4, 19804, true, false],
    ]);
  });

  it("hold each exchange's format as a code into the formats staged, in the order first staged", () => {
    const staged = new StagedExchanges(2);
    const formats = ["", "call", "lunch", "call", "", "coffee", "lunch"];
    formats.forEach((format, i) => staged.push({ from: 0, to: 1, day: 19800 + i, kind: KIND_CODE.meeting, value: 1, explicit: false, minutes: NaN, confidential: false, format, extras: undefined }));
    expect(staged.formatNames).toEqual(["", "call", "lunch", "coffee"]);
    expect([...staged.format.subarray(0, formats.length)]).toEqual([0, 1, 2, 1, 0, 3, 2]);
    expect(formats.map((_, i) => staged.at(i).format)).toEqual(formats);
  });
});
