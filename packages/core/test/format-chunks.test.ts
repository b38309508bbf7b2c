// serializeNetworkChunks streams the file a few thousand records at a time; joined, the chunks must be
// exactly the one-piece JSON.stringify of the file object, for every indent and with or without redaction.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateNetwork, Network, serializeNetwork, serializeNetworkChunks, toNetworkFile } from "@tiegraph/core";

const whole = (net: Network, indent: number, redact: boolean) => JSON.stringify(toNetworkFile(net, { redact }), null, indent) + "\n";

describe("serializeNetworkChunks", () => {
  it("joins to JSON.stringify of the file object (generated networks, indents 0, 2 and 4, redacted or not)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 3, max: 40 }), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 2, 4), fc.boolean(), (seed, people, exchanges, indent, redact) => {
        const net = generateNetwork({ seed, people, exchanges, ego: seed % 2 === 0, confidentialShare: 0.2 });
        if (seed % 3 === 0) net.setSettings({ halfLifeDays: 90, cadenceByTag: { mentor: 30 } });
        const chunks = [...serializeNetworkChunks(net, { indent, redact })];
        expect(chunks.join("")).toBe(whole(net, indent, redact));
        expect(serializeNetwork(net, { indent, redact })).toBe(whole(net, indent, redact));
        // more than a chunk's worth of exchanges comes in several pieces
        if (exchanges > 2 * 4096) expect(chunks.length).toBeGreaterThan(6);
      }),
      { numRuns: 20 },
    );
  });
  it("writes empty lists as [] and keeps explicit exchange ids, dropping implicit ones", () => {
    const empty = new Network();
    expect([...serializeNetworkChunks(empty)].join("")).toBe(whole(empty, 2, false));
    const net = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }],
      exchanges: [
        { id: "x1", date: "2024-01-01", kind: "favour", from: "a", to: "b" },
        { date: "2024-01-02", kind: "favour", from: "b", to: "a", tags: ["t1", "t2"], note: "n", confidential: true },
      ],
    });
    const text = serializeNetwork(net);
    expect(text).toBe(whole(net, 2, false));
    expect(text).toContain('"id": "x1"');
    expect(text).not.toContain('"#2"');
    expect(serializeNetwork(net, { redact: true })).not.toContain('"note"');
  });
});
