// Issue 16.6: graphology indexes neighbours in plain objects, so person ids
// named like Object.prototype properties broke every graph built from a network.
import { describe, expect, it } from "vitest";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { Network, TiegraphError, exchangeGraph, prototypeSafe, relationshipGraph, tieGraph } from "@tiegraph/core";

const IDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "propertyIsEnumerable"];
const net = Network.from({
  people: [{ id: "me", name: "Me" }, ...IDS.map((id) => ({ id, name: id }))],
  exchanges: [
    ...IDS.map((id, i) => ({ id: `x${i}`, date: `2026-01-0${i + 1}`, kind: "favour" as const, from: "me", to: id })),
    { id: "y", date: "2026-02-01", kind: "information", from: "constructor", to: "__proto__" },
  ],
});

describe("prototypeSafe", () => {
  it("plain graphology refuses the edge me → constructor before it exists", () => {
    const g = new DirectedGraph();
    g.addNode("me");
    g.addNode("constructor");
    expect(() => g.addEdge("me", "constructor")).toThrow(/already exists/);
  });

  it("lets any id be a node key", () => {
    const g = prototypeSafe(new UndirectedGraph());
    for (const id of ["me", ...IDS]) g.addNode(id);
    for (const id of IDS) g.addEdge("me", id);
    expect(g.size).toBe(6);
    expect(g.neighbors("me").sort()).toEqual([...IDS].sort());
    expect(g.hasEdge("constructor", "toString")).toBe(false);
    expect(g.hasEdge("me", "hasOwnProperty")).toBe(true);
    expect(g.hasEdge("hasOwnProperty", "me")).toBe(true);
    expect(g.hasUndirectedEdge("toString", "hasOwnProperty")).toBe(false);
    expect(g.degree("__proto__")).toBe(1);
    const d = prototypeSafe(new DirectedGraph());
    d.addNode("hasOwnProperty");
    d.addNode("constructor");
    d.addEdgeWithKey("e", "hasOwnProperty", "constructor");
    expect(d.hasDirectedEdge("hasOwnProperty", "constructor")).toBe(true);
    expect(d.hasDirectedEdge("constructor", "hasOwnProperty")).toBe(false);
    expect(d.hasEdge("e")).toBe(true); // by key, as before
  });

  it("refuses a graph that already has nodes (their indices cannot be fixed)", () => {
    const g = new DirectedGraph();
    g.addNode("a");
    expect(() => prototypeSafe(g)).toThrow(TiegraphError);
  });

  it("gives tie, relationship and exchange graphs for such ids", () => {
    // 6 favours from me plus constructor → __proto__
    expect(tieGraph(net).size).toBe(7);
    expect(relationshipGraph(net).size).toBe(7);
    expect(exchangeGraph(net).size).toBe(7);
    expect(tieGraph(net).getEdgeAttribute("constructor", "__proto__", "count")).toBe(1);
    expect(relationshipGraph(net).hasEdge("__proto__", "constructor")).toBe(true);
    expect(tieGraph(net).outDegree("me")).toBe(6);
  });
});
