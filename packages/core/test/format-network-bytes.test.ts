// Reading a network file from its bytes a slice of exchanges at a time (format/network-bytes.ts),
// which files too large for one JavaScript string need: the same network as parsing the whole
// text, and the same errors (code, record, pointer, line). Slices are made tiny here so that small
// files cross many of them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateNetwork, parseNetworkBytes, parseNetworkFile, serializeNetwork, TiegraphError, type Network } from "@tiegraph/core";

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const sliced = (text: string, perSlice: number) => parseNetworkBytes(bytesOf(text), { slicedFrom: 0, perSlice, file: "big.json", direct: false });

/** A generated network with notes, tags, explicit ids, an introduction, odd names and a request. */
function sample(seed: number, people: number, exchanges: number): Network {
  const net = generateNetwork({ seed, people, exchanges, ego: true, confidentialShare: 0.2 });
  const ids = net.people().map((p) => p.id);
  net.apply({
    people: [{ id: "odd\"id", name: "Zoë \\ \u202e <b>", notes: "a \"quoted\" note\nline two" }],
    exchanges: [
      { id: "x1", date: "2026-01-05", kind: "favour", from: ids[1]!, to: "odd\"id", note: "ünïcödé ✓ 𝄞", tags: ["a,b", "c]"] },
      { date: "2026-01-07", kind: "introduction", from: ids[0]!, to: ids[2]!, introduced: ids[3]! },
    ],
    requests: [{ id: "r1", from: ids[0]!, via: ids[1]!, to: ids[4]!, why: "why", steps: [{ step: "asked", date: "2026-01-08" }] }],
  });
  return net;
}

/** The error a parse throws. */
function errorOf(run: () => unknown): TiegraphError {
  try {
    run();
  } catch (e) {
    if (e instanceof TiegraphError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("parseNetworkBytes a slice at a time", () => {
  it("gives the network parseNetworkFile gives, for any slice size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 2 }), (seed, people, exchanges, perSlice, indent) => {
        const text = serializeNetwork(sample(seed, people, exchanges), { indent });
        const whole = parseNetworkFile(text);
        const read = sliced(text, perSlice);
        expect(serializeNetwork(read)).toBe(serializeNetwork(whole));
        expect(read.requests()).toEqual(whole.requests());
      }),
      { numRuns: 40 },
    );
  });

  it("reads a file with a byte order mark, an empty exchanges array and no exchanges at all", () => {
    const text = serializeNetwork(sample(3, 8, 20));
    expect(serializeNetwork(sliced(`\ufeff${text}`, 4))).toBe(serializeNetwork(parseNetworkFile(text)));
    const empty = '{"format":"tiegraph","version":2,"people":[{"id":"a","name":"A"}],"exchanges":[]}';
    expect(sliced(empty, 4).personCount).toBe(1);
    // without an exchanges array there is nothing to slice: a typed error, not a crash
    const none = '{"format":"tiegraph","version":2,"people":[{"id":"a","name":"A"}]}';
    expect(errorOf(() => sliced(none, 4)).code).toBe("parse-error");
  });

  it("names the same record, pointer and line as the whole-text parse for a bad exchange in a later slice", () => {
    const text = serializeNetwork(sample(5, 10, 60));
    // exchange #41 (0-based) gets an impossible date; with 7 per slice it is item 6 of slice 5
    const doc = JSON.parse(text) as { exchanges: { date: string }[] };
    doc.exchanges[41]!.date = "2026-02-30";
    const bad = JSON.stringify(doc, null, 2);
    const whole = errorOf(() => parseNetworkFile(bad, { file: "big.json" }));
    const part = errorOf(() => sliced(bad, 7));
    expect(part.code).toBe(whole.code);
    expect(part.pointer).toBe("/exchanges/41/date");
    expect(part.pointer).toBe(whole.pointer);
    expect(part.record).toBe(whole.record);
    expect(part.line).toBe(whole.line);
    expect(part.column).toBe(whole.column);
    expect(part.file).toBe("big.json");
  });

  it("names the same line for broken JSON inside the exchanges, and for a bad person before them", () => {
    const text = serializeNetwork(sample(6, 10, 40));
    const broken = text.replace(/"kind": "meeting"/, '"kind" "meeting"');
    expect(broken).not.toBe(text);
    const whole = errorOf(() => parseNetworkFile(broken));
    const part = errorOf(() => sliced(broken, 5));
    expect(part.code).toBe("parse-error");
    expect(part.line).toBe(whole.line);
    const doc = JSON.parse(text) as { people: { name: unknown }[] };
    doc.people[3]!.name = 42;
    const badPerson = JSON.stringify(doc, null, 2);
    const w = errorOf(() => parseNetworkFile(badPerson));
    const p = errorOf(() => sliced(badPerson, 5));
    expect([p.code, p.pointer, p.line]).toEqual([w.code, w.pointer, w.line]);
    // a request after the exchanges: its line counts the exchanges' lines too
    const withBadRequest = JSON.parse(text) as { requests: { via: string }[] };
    withBadRequest.requests[0]!.via = "nobody";
    const badRequest = JSON.stringify(withBadRequest, null, 2);
    const wr = errorOf(() => parseNetworkFile(badRequest));
    const pr = errorOf(() => sliced(badRequest, 5));
    expect(pr.code).toBe(wr.code);
    expect([pr.pointer, pr.line]).toEqual([wr.pointer, wr.line]);
    expect(pr.line).toBeGreaterThan(badRequest.split("\n").length - 30);
  });

  it("refuses a trailing comma and a non-object item with a typed error at their line", () => {
    const comma = '{"format":"tiegraph","version":2,"people":[{"id":"a","name":"A"},{"id":"b","name":"B"}],\n"exchanges":[{"date":"2024-01-01","kind":"favour","from":"a","to":"b"},\n]}';
    const e = errorOf(() => sliced(comma, 1));
    expect(e.code).toBe("parse-error");
    expect(e.line).toBe(3);
    const scalar = '{"format":"tiegraph","version":2,"people":[{"id":"a","name":"A"}],\n"exchanges":[\n3]}';
    expect(errorOf(() => sliced(scalar, 1)).line).toBe(3);
  });
});
