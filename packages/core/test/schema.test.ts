// The JSON Schema in docs/ describes exactly what the loader accepts: the
// sample network and a serialised generated network validate against it, and
// records the loader rejects for their shape are rejected by the schema too.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { EXCHANGE_KINDS, Network, applyRequestChange, askForIntroduction, generateNetwork, serializeNetwork } from "@tiegraph/core";

const root = join(import.meta.dirname, "..", "..", "..");
const schema = JSON.parse(readFileSync(join(root, "docs", "network-file.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

describe("network file JSON Schema", () => {
  it("accepts the committed sample network", () => {
    const sample = JSON.parse(readFileSync(join(root, "examples", "data", "sample-network.json"), "utf8"));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });
  it("accepts what serializeNetwork writes", () => {
    const doc = JSON.parse(serializeNetwork(generateNetwork({ seed: 9, people: 50, exchanges: 400 })));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });
  it("lists the same exchange kinds as the model", () => {
    expect(schema.properties.exchanges.items.properties.kind.enum).toEqual([...EXCHANGE_KINDS]);
  });
  it("accepts a version 2 file with requests, and a version 1 file without", () => {
    const people = [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }];
    const requests = [{ id: "r1", from: "me", via: "ann", to: "bob", why: "pricing", steps: [{ step: "asked", date: "2026-03-02" }, { step: "connector-agreed", date: "2026-03-04" }] }];
    expect(validate({ format: "tiegraph", version: 2, people, requests }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ format: "tiegraph", version: 1, people }), JSON.stringify(validate.errors)).toBe(true);
    const net = Network.from({ ego: "me", people });
    applyRequestChange(net, askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02" }));
    expect(validate(JSON.parse(serializeNetwork(net))), JSON.stringify(validate.errors)).toBe(true);
  });
  it("rejects requests in a version 1 file, a request with two targets or none, an unknown step, one not starting with asked", () => {
    const base = { id: "r1", from: "me", via: "ann", steps: [{ step: "asked", date: "2026-03-02" }] };
    expect(validate({ format: "tiegraph", version: 1, requests: [{ ...base, to: "bob" }] })).toBe(false);
    expect(validate({ format: "tiegraph", version: 2, requests: [{ ...base, to: "bob", organisation: "acme" }] })).toBe(false);
    expect(validate({ format: "tiegraph", version: 2, requests: [base] })).toBe(false);
    expect(validate({ format: "tiegraph", version: 2, requests: [{ ...base, to: "bob", steps: [{ step: "asked", date: "2026-03-02" }, { step: "approved", date: "2026-03-03" }] }] })).toBe(false);
    expect(validate({ format: "tiegraph", version: 2, requests: [{ ...base, to: "bob", steps: [{ step: "met", date: "2026-03-02" }] }] })).toBe(false);
  });
  it("rejects a wrong version, an unknown kind and a negative value", () => {
    expect(validate({ format: "tiegraph", version: 3 })).toBe(false);
    expect(validate({ format: "tiegraph", version: 1, exchanges: [{ date: "2024-01-01", kind: "bribe", from: "a", to: "b" }] })).toBe(false);
    expect(validate({ format: "tiegraph", version: 1, exchanges: [{ date: "2024-01-01", kind: "favour", from: "a", to: "b", value: -1 }] })).toBe(false);
    expect(validate({ format: "tiegraph", version: 1, edges: [] })).toBe(false);
  });
});
