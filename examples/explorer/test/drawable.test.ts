// The graph the page draws, rebuilt from the worker's arrays, holds exactly
// what core's relationshipGraph holds for the drawn attributes, edge for edge
// in relationship slot order (so per-slot measures line up with edges).
import { displayNames, generateNetwork, Network, pairImbalances, relationshipGraph } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { drawableGraph } from "../src/view/drawable-graph.js";
import { drawableNetwork } from "../src/worker/drawable.js";

describe("drawable network", () => {
  const network = generateNetwork({ seed: 5, people: 120, exchanges: 2500, confidentialShare: 0.1 });
  const { drawable, relationships } = drawableNetwork(network);
  const graph = drawableGraph(structuredClone(drawable));
  const reference = relationshipGraph(network, { excludeConfidential: true });

  it("has core's people with their display names (same names told apart), organisations, ego flag and tags", () => {
    expect(graph.nodes()).toEqual(reference.nodes());
    const name = displayNames(network);
    reference.forEachNode((id, attr) => {
      expect(graph.getNodeAttributes(id)).toEqual({ label: name(id), organisations: attr.organisations, ego: attr.ego, tags: attr.tags });
    });
  });

  it("has core's relationships in slot order, with strength and the confidential-only flag", () => {
    const ours = graph.mapEdges((_e, attr, s, t) => [s, t, attr.strength, attr.confidentialOnly]);
    const theirs = reference.mapEdges((_e, attr, s, t) => [s, t, attr.strength, attr.confidentialOnly]);
    expect(ours).toEqual(theirs);
    // relationships resting only on confidential exchanges exist in the file but are not drawn at all (issue 16.3)
    expect(relationshipGraph(network).size).toBeGreaterThan(reference.size);
    expect(theirs.some((e) => e[3] === true)).toBe(false);
    // the pair imbalances given with the drawable index are those core computes on its own
    const own = pairImbalances(network, { excludeConfidential: true });
    const shared = pairImbalances(network, { excludeConfidential: true, relationships });
    expect(Array.from(shared)).toEqual(Array.from(own));
  });

  it("labels a person whose name holds bidirectional controls or control characters with them written visibly, as the CLI prints them", () => {
    const tricky = Network.from({
      ego: "me",
      people: [
        { id: "me", name: "Me" },
        { id: "cy", name: "Cy Cole\u202egpj.exe" },
        { id: "ro", name: "\u2067Rana \u202bOmar\u202c\u2069" },
        { id: "bel", name: "Ann\u0007 Lee\u0000" },
      ],
      exchanges: [
        { date: "2026-01-05", kind: "favour", from: "cy", to: "me" },
        { date: "2026-01-06", kind: "meeting", from: "me", to: "ro" },
        { date: "2026-01-07", kind: "meeting", from: "me", to: "bel" },
      ],
    });
    const shown = drawableGraph(structuredClone(drawableNetwork(tricky).drawable));
    expect(shown.getNodeAttribute("cy", "label")).toBe("Cy Cole\\u202egpj.exe");
    expect(shown.getNodeAttribute("ro", "label")).toBe("\\u2067Rana \\u202bOmar\\u202c\\u2069");
    expect(shown.getNodeAttribute("bel", "label")).toBe("Ann\\u0007 Lee\\u0000");
    expect(shown.getNodeAttribute("me", "label")).toBe("Me");
  });
});
