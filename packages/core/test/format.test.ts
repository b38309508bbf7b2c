import { describe, expect, it } from "vitest";
import { errorOf } from "./error-of.js";
import { generateNetwork, parseNetworkFile, serializeNetwork, Network } from "@tiegraph/core";


describe("network file format", () => {
  it("round-trips a generated network exactly", () => {
    const net = generateNetwork({ seed: 3, people: 120, exchanges: 1500 });
    const text = serializeNetwork(net);
    const again = parseNetworkFile(text, { file: "net.json" });
    expect(again.toData()).toEqual(net.toData());
    expect(serializeNetwork(again)).toBe(text);
  });

  it("redacts confidential exchanges and notes on request only", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A", notes: "private about A" }, { id: "b", name: "B" }],
      exchanges: [
        { date: "2024-01-01", kind: "favour", from: "a", to: "b", note: "open note" },
        { date: "2024-01-02", kind: "information", from: "b", to: "a", note: "merger secret", confidential: true },
      ],
    });
    expect(serializeNetwork(net)).toContain("merger secret");
    const redacted = serializeNetwork(net, { redact: true });
    for (const secret of ["merger secret", "private about A", "open note"]) expect(redacted).not.toContain(secret);
    expect(parseNetworkFile(redacted).exchangeCount).toBe(1);
  });

  it("names file, line and column of a validation error", () => {
    const text = ['{', '  "format": "tiegraph",', '  "version": 1,', '  "people": [', '    { "id": "a", "name": "A" },', '    { "id": "b", "name": "B" }', '  ],', '  "exchanges": [', '    { "date": "2024-01-01", "kind": "favour", "from": "a", "to": "b" },', '    { "date": "2024-02-30", "kind": "favour", "from": "a", "to": "b" }', '  ]', '}'].join("\n");
    const err = errorOf(() => parseNetworkFile(text, { file: "mine.json" }));
    expect(err.code).toBe("invalid-date");
    expect(err.file).toBe("mine.json");
    expect(err.line).toBe(10);
    expect(err.column).toBe(15); // the value "2024-02-30" starts at column 15 of line 10
    expect(err.message).toMatch(/^tiegraph\/model: mine\.json:10:15 exchange #1 \/exchanges\/1\/date: invalid date "2024-02-30"/);
  });

  it("reports malformed JSON with a position", () => {
    const err = errorOf(() => parseNetworkFile('{\n  "format": "tiegraph",\n  "version": 1,\n  "people": [,]\n}', { file: "broken.json" }));
    expect(err.code).toBe("parse-error");
    expect(err.line).toBe(4);
  });

  it("rejects foreign files and unknown versions clearly", () => {
    expect(errorOf(() => parseNetworkFile('{"nodes": []}')).code).toBe("invalid-format");
    const v3 = errorOf(() => parseNetworkFile('{"format": "tiegraph", "version": 3}'));
    expect(v3.code).toBe("unsupported-version");
    expect(v3.message).toContain("unsupported network file version 3");
    expect(errorOf(() => parseNetworkFile('{"format": "tiegraph", "version": 1, "edges": []}')).code).toBe("invalid-field");
  });
});

describe("generator", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = serializeNetwork(generateNetwork({ seed: 11, people: 200, exchanges: 3000 }));
    const b = serializeNetwork(generateNetwork({ seed: 11, people: 200, exchanges: 3000 }));
    const c = serializeNetwork(generateNetwork({ seed: 12, people: 200, exchanges: 3000 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("makes a realistic ego network: job changes, kinds mix, confidential and dormant ties", () => {
    const net = generateNetwork({ seed: 5, people: 300, exchanges: 6000 });
    expect(net.personCount).toBe(301);
    expect(net.exchangeCount).toBe(6000);
    expect(net.ego).toBe("me");
    const counts = new Map<string, number>();
    for (let i = 0; i < net.exchangeCount; i++) {
      const k = net.exchangeAt(i).kind;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // the documented mix: meetings 40%, information 30% … within sampling noise
    expect(counts.get("meeting")! / 6000).toBeGreaterThan(0.35);
    expect(counts.get("meeting")! / 6000).toBeLessThan(0.45);
    expect(counts.get("information")! / 6000).toBeGreaterThan(0.25);
    const confidential = net.exchangeColumns().confidential.reduce((s, v) => s + v, 0);
    expect(confidential).toBeGreaterThan(100);
    expect(confidential).toBeLessThan(260);
    // some people changed employer during the three years
    const movers = net.people().filter((p) => net.affiliationsOf(p.id).length > 1).length;
    expect(movers).toBeGreaterThan(50);
    // ego knows most people
    const egoContacts = new Set<number>();
    for (const e of net.exchangesOf("me")) {
      const x = net.exchangeAt(e);
      egoContacts.add(net.personIndex(x.from === "me" ? x.to : x.from));
    }
    expect(egoContacts.size).toBeGreaterThan(200);
  });
});
