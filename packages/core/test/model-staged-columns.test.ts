// A batch's exchanges are staged in columns sized for the batch (validate.ts); an empty network takes
// those columns over rather than copying them (ExchangeStore.appendStaged). What it holds afterwards,
// and what later batches and edits do to it, must be as if they had been copied.
import { describe, expect, it } from "vitest";
import { Network, type Exchange } from "@tiegraph/core";

const people = ["ann", "bob", "me"].map((id) => ({ id, name: id }));

describe("an empty network applying a batch", () => {
  it("holds the batch's exchanges, refused ones left out, and takes later batches and edits after them", () => {
    const net = new Network();
    const first: Exchange[] = [
      { date: "2024-03-01", kind: "favour", from: "ann", to: "me", value: 2 },
      { date: "2024-03-02", kind: "meeting", from: "me", to: "ghost", minutes: 30 }, // refused: nobody is ghost
      { id: "x3", date: "2024-03-03", kind: "meeting", from: "bob", to: "me", minutes: 45, format: "coffee", tags: ["cloud"] },
    ];
    const applied = net.apply({ people, exchanges: first }, { problems: "skip" });
    expect(applied.problems.map((p) => p.code)).toEqual(["unknown-person"]);
    expect(net.toData().exchanges).toEqual([first[0], first[2]]);
    // a second batch grows the columns taken over (sized for the first batch alone) and goes after them
    const second: Exchange[] = Array.from({ length: 40 }, (_, i) => ({ date: `2024-04-${String(1 + (i % 28)).padStart(2, "0")}`, kind: "information", from: i % 2 ? "ann" : "bob", to: "me" }));
    net.apply({ exchanges: second });
    expect(net.exchangeCount).toBe(42);
    expect(net.toData().exchanges).toEqual([first[0], first[2], ...second]);
    // the taken extras are found by their explicit id, and an id already taken is refused
    expect(net.exchangeIndex("x3")).toBe(1);
    expect(net.apply({ exchanges: [{ ...second[0]!, id: "x3" }] }, { problems: "refuse" }).problems.map((p) => p.code)).toEqual(["duplicate-id"]);
    // an edit on the first exchange changes it alone; the one with extras moves down with them
    net.edit({ op: "remove-exchange", id: "#1" });
    expect(net.toData().exchanges).toEqual([first[2], ...second]);
    expect(net.exchangeTags(0)).toEqual(["cloud"]);
    expect(net.exchangeIndex("x3")).toBe(0);
  });
});

describe("an empty network taking over the batch's index of its people", () => {
  it("finds every person at the index the batch gave them, and goes on indexing people added, removed and edited later", () => {
    const net = new Network();
    net.apply({ people: [{ id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }, { id: "cy", name: "Cy" }] });
    expect(["ann", "bob", "cy", "dee"].map((id) => net.findPerson(id))).toEqual([0, 1, 2, -1]);
    // a later batch and an edit index their people on the same index
    net.apply({ people: [{ id: "dee", name: "Dee" }] });
    net.edit([{ op: "add-person", person: { id: "eve", name: "Eve" }, at: 1 }]);
    expect(["ann", "eve", "bob", "cy", "dee"].map((id) => net.findPerson(id))).toEqual([0, 1, 2, 3, 4]);
    net.edit([{ op: "remove-person", id: "bob" }]);
    expect(["ann", "eve", "bob", "cy", "dee"].map((id) => net.findPerson(id))).toEqual([0, 1, -1, 2, 3]);
  });

  it("indexes only the people kept when the batch had a bad one (skipped), not the batch's own numbering", () => {
    const net = new Network();
    // bob's cadence is bad: skipped, so cy is person 1 here although the batch numbered it 2
    const applied = net.apply({ people: [{ id: "ann", name: "Ann" }, { id: "bob", name: "Bob", cadenceDays: -1 }, { id: "cy", name: "Cy" }] }, { problems: "skip" });
    expect(applied.problems.map((p) => p.code)).toEqual(["invalid-value"]);
    expect(["ann", "bob", "cy"].map((id) => net.findPerson(id))).toEqual([0, -1, 1]);
    expect(net.people().map((p) => p.id)).toEqual(["ann", "cy"]);
  });
});
