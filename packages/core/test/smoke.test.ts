import { describe, expect, it } from "vitest";
import { Network, directedTies, relationships, tieGraph } from "@tiegraph/core";

describe("smoke", () => {
  it("builds ties", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      exchanges: [
        { date: "2024-01-01", kind: "favour", from: "a", to: "b" },
        { date: "2024-01-02", kind: "information", from: "b", to: "a" },
        { date: "2024-01-03", kind: "meeting", from: "c", to: "a", confidential: true },
      ],
    });
    const t = directedTies(net);
    expect(t.pairCount).toBe(3);
    const r = relationships(net);
    expect(r.pairCount).toBe(2);
    expect(tieGraph(net).size).toBe(3);
  });
});
