// Exchanges read straight from a network file's bytes into columns (format/exchange-bytes.ts, used by
// parseNetworkBytes): the same network as parsing the whole text, for files tiegraph writes and for
// files written by hand in other ways; anything else is left to the general reading, which then gives
// the same network or the same error as parseNetworkFile.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateNetwork, parseNetworkBytes, parseNetworkFile, serializeNetwork, type Network } from "@tiegraph/core";
import { readExchangeBytes } from "@tiegraph/core/internal";
import { errorOf } from "./error-of.js";

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Whether the exchanges of `bytes` are read directly (not left to the general reading). */
function readsDirectly(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes);
  const key = /"exchanges"\s*:\s*/.exec(text);
  if (key === null) throw new Error("no exchanges array");
  return readExchangeBytes(bytes, bytesOf(text.slice(0, key.index + key[0].length)).length) !== undefined;
}

/** The network read from bytes, and the one parseNetworkFile gives from their text, written out whole (confidential records and notes too). */
function bothWays(bytes: Uint8Array): { direct: string; whole: string; read: Network; parsed: Network } {
  const read = parseNetworkBytes(bytes, { file: "net.json" });
  const parsed = parseNetworkFile(new TextDecoder().decode(bytes), { file: "net.json" });
  return { direct: serializeNetwork(read), whole: serializeNetwork(parsed), read, parsed };
}


/** A generated network with notes (escaped characters among them), tags, explicit ids, introductions, decimals and a request. */
function sample(seed: number, people: number, exchanges: number): Network {
  const net = generateNetwork({ seed, people, exchanges, ego: true, confidentialShare: 0.2 });
  const ids = net.people().map((p) => p.id);
  net.apply({
    people: [{ id: "zoë✓", name: "Zoë \\ \u202e <b>", notes: 'a "quoted" note\nline two' }],
    exchanges: [
      { id: "x1", date: "2026-01-05", kind: "favour", from: ids[1]!, to: "zoë✓", note: 'ünïcödé ✓ 𝄞 "quoted"\n\ttab', tags: ["a,b", "c]", "é"] },
      { date: "2026-01-07", kind: "introduction", from: ids[0]!, to: ids[2]!, introduced: ids[3]! },
      { date: "2026-01-08", kind: "meeting", from: ids[2]!, to: ids[4]!, minutes: 37.5, value: 2.25, format: "walk", confidential: false },
      { date: "2026-01-09", kind: "favour", from: ids[4]!, to: ids[1]!, value: 1e-7, tags: [] },
    ],
    requests: [{ id: "r1", from: ids[0]!, via: ids[1]!, to: ids[4]!, why: "why", steps: [{ step: "asked", date: "2026-01-08" }] }],
  });
  return net;
}

/** A small network file with the given exchange records written as they are (text of the array's items). */
const fileWith = (items: string): string =>
  `{"format":"tiegraph","version":2,"people":[{"id":"me","name":"Me"},{"id":"ann","name":"Ann"},{"id":"bo","name":"Bo"},{"id":"é\\"q","name":"Q"}],"ego":"me","exchanges":[${items}]}`;

describe("exchanges read straight from the bytes", () => {
  it("give the network parseNetworkFile gives, for generated files at every indent", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 0, max: 300 }), fc.constantFrom(0, 1, 2, 4), (seed, people, exchanges, indent) => {
        const bytes = bytesOf(serializeNetwork(sample(seed, people, exchanges), { indent }));
        expect(readsDirectly(bytes)).toBe(true);
        const { direct, whole, read, parsed } = bothWays(bytes);
        expect(direct).toBe(whole);
        expect(read.requests()).toEqual(parsed.requests());
        expect(read.exchangeCount).toBe(parsed.exchangeCount);
        expect(read.revision).toBe(parsed.revision);
      }),
      { numRuns: 40 },
    );
  });

  it("read records written by hand in other ways: any key order, other white space, exponents, raw and escaped text", () => {
    const items = [
      // keys in another order, tabs and CRLF between tokens
      '{\t"to" :\r\n"ann", "from":"me","kind":"favour","date":"2026-01-02"}',
      // a number with an exponent and a fraction, an escaped note, an empty tag list
      '{"date":"2026-01-03","kind":"information","from":"ann","to":"me","value":1.5e1,"minutes":0.25,"note":"caf\\u00e9 \\"x\\" \\\\ \\/","tags":[]}',
      // minus zero (JSON.parse reads it as -0, which the value rule accepts)
      '{"date":"2026-01-04","kind":"favour","from":"bo","to":"me","value":-0,"confidential":true,"tags":[ "x" , "é" ]}',
      // an id given in raw UTF-8 that another record names with its escape
      '{"date":"2026-01-05","kind":"favour","from":"bo","to":"ann","id":"e-é"}',
    ].join(",");
    const bytes = bytesOf(fileWith(items));
    expect(readsDirectly(bytes)).toBe(true);
    const { direct, whole, read } = bothWays(bytes);
    expect(direct).toBe(whole);
    expect(read.exchangeCount).toBe(4);
    // 1.5e1 = 15; 0.25 minutes; -0 kept as given
    expect(read.exchangeAt(1).value).toBe(15);
    expect(read.exchangeAt(1).minutes).toBe(0.25);
    expect(read.exchangeAt(1).note).toBe('café "x" \\ /');
    expect(Object.is(read.exchangeAt(2).value, -0)).toBe(true);
    expect(read.exchangeAt(2).tags).toEqual(["x", "é"]);
  });

  it("leave other files to the general reading, which gives the same network", () => {
    const good = '{"date":"2026-01-02","kind":"favour","from":"me","to":"ann"}';
    const others = [
      // a field tiegraph does not write
      '{"date":"2026-01-03","kind":"favour","from":"me","to":"ann","where":"café"}',
      // a field twice (JSON.parse keeps the last)
      '{"date":"2026-01-03","kind":"favour","kind":"information","from":"me","to":"ann"}',
      // a key with an escape
      '{"d\\u0061te":"2026-01-03","kind":"favour","from":"me","to":"ann"}',
      // a person named with an escape
      '{"date":"2026-01-03","kind":"favour","from":"me","to":"\\u0061nn"}',
      '{"date":"2026-01-03","kind":"favour","from":"me","to":"é\\"q"}',
    ];
    for (const other of others) {
      const bytes = bytesOf(fileWith(`${good},${other}`));
      expect(readsDirectly(bytes)).toBe(false);
      const { direct, whole, read } = bothWays(bytes);
      expect(direct).toBe(whole);
      expect(read.exchangeCount).toBe(2);
    }
    // two top-level exchanges arrays: JSON.parse keeps the last, and so does the reading
    const twice = fileWith(good).replace('"exchanges":', `"exchanges":[${good},${good}],"exchanges":`);
    expect(bothWays(bytesOf(twice)).read.exchangeCount).toBe(1);
    expect(bothWays(bytesOf(twice)).direct).toBe(bothWays(bytesOf(twice)).whole);
  });

  it("decode bytes that are not UTF-8 as the whole text's decoding does", () => {
    const text = fileWith('{"date":"2026-01-02","kind":"favour","from":"me","to":"ann","note":"a\u0001b","tags":["t\u0002"]}');
    // replace the two placeholder bytes by a lone continuation byte and a truncated two-byte sequence
    const bytes = bytesOf(text).map((b) => (b === 1 ? 0x80 : b === 2 ? 0xc3 : b));
    expect(readsDirectly(bytes)).toBe(true);
    const { direct, whole, read } = bothWays(bytes);
    expect(direct).toBe(whole);
    expect(read.exchangeAt(0).note).toBe("a\ufffdb");
    expect(read.exchangeAt(0).tags).toEqual(["t\ufffd"]);
  });

  it("give parseNetworkFile's error, line and record for a record that breaks a rule or is not JSON", () => {
    const bad = [
      ['{"date":"2026-02-30","kind":"favour","from":"me","to":"ann"}', "invalid-date"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"nobody"}', "unknown-person"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"me"}', "self-exchange"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"ann","id":"x"},{"date":"2026-01-04","kind":"favour","from":"me","to":"ann","id":"x"}', "duplicate-id"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"ann","value":null}', "invalid-value"],
      ['{"date":"2026-01-03","kind":"favour","from":"","to":"ann"}', "missing-field"],
      ['{"date":"2026-01-03","kind":"gift","from":"me","to":"ann"}', "invalid-kind"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"ann","value":03}', "parse-error"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"ann",}', "parse-error"],
      ['{"date":"2026-01-03","kind":"favour","from":"me","to":"ann","note":"a\u0001b"}', "parse-error"],
    ] as const;
    for (const [item, code] of bad) {
      // the bad record is the third, on line 4
      const text = fileWith(`\n{"date":"2026-01-01","kind":"favour","from":"ann","to":"me"},\n{"date":"2026-01-02","kind":"favour","from":"bo","to":"me"},\n${item}\n`);
      const direct = errorOf(() => parseNetworkBytes(bytesOf(text), { file: "net.json" }));
      const whole = errorOf(() => parseNetworkFile(text, { file: "net.json" }));
      expect(direct.code).toBe(code);
      expect(direct.message).toBe(whole.message);
      expect(direct.line).toBe(whole.line);
      expect(direct.line).toBe(4);
      expect(direct.column).toBe(whole.column);
      expect(direct.pointer).toBe(whole.pointer);
      expect(direct.record).toBe(whole.record);
      expect(direct.problems).toEqual(whole.problems);
    }
  });

  it("read an empty exchanges array, and leave a file without one to the general reading", () => {
    const empty = bytesOf(fileWith(""));
    expect(readsDirectly(empty)).toBe(true);
    expect(bothWays(empty).read.exchangeCount).toBe(0);
    const none = '{"format":"tiegraph","version":2,"people":[{"id":"me","name":"Me"}]}';
    expect(serializeNetwork(parseNetworkBytes(bytesOf(none)))).toBe(serializeNetwork(parseNetworkFile(none)));
  });
});
