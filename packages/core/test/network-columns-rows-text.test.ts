// A columnar copy saved by `tiegraph import` copies each exchange's extras (notes, tags, ids) from the
// text the worker thread sent them as (`ExchangeRowsParts.extrasText`) when the network holds the very
// objects parsed from it; the copy must be the same bytes as one written without that text, whatever the
// extras hold (characters of one to four bytes, escapes, lone surrogates) and whichever exchanges hold
// objects of their own (an explicit id or an introduced person: rebuilt by the rules, written again).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExchangeRows, Network, encodeNetworkColumnsParts, type Exchange } from "@tiegraph/core";

const PEOPLE = ["me", "ann", "bo", "cy"];
const NOTES = ["n", "a note", "café", "李四", "🙂 x", 'say "hi"', "back\\slash", "two\nlines", "ctl\u0001", "lone \ud800", "sep\u2028"];
const exchange: fc.Arbitrary<Exchange> = fc
  .record({
    date: fc.constantFrom("2024-03-01", "2023-12-31"),
    kind: fc.constantFrom("favour", "information", "introduction", "meeting"),
    from: fc.constantFrom(...PEOPLE),
    to: fc.constantFrom(...PEOPLE),
    introduced: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined, freq: 5 }),
    id: fc.option(fc.constantFrom("x1", "x2", "é3"), { nil: undefined, freq: 5 }),
    tags: fc.option(fc.constantFrom(["t"], ["t", "u"], ["🙂"], ["é", "李"]), { nil: undefined }),
    note: fc.option(fc.constantFrom(...NOTES), { nil: undefined }),
  })
  .map((r) => {
    const e = { ...r } as unknown as Exchange;
    for (const k of Object.keys(e) as (keyof Exchange)[]) if (e[k] === undefined) delete e[k];
    return e;
  });

/** The network the rows give once sent as the import sends them (extras as one JSON text, parsed), and those parts. */
function sent(exchanges: readonly Exchange[]) {
  const rows = new ExchangeRows("ex.csv");
  exchanges.forEach((e, i) => rows.add(e, i + 2));
  const parts = rows.toParts().parts;
  const extrasText = JSON.stringify(parts.extras);
  const received = { ...parts, extras: JSON.parse(extrasText) as typeof parts.extras, extrasText };
  const net = Network.from({ people: PEOPLE.map((id) => ({ id, name: id })) });
  net.apply({}, { problems: "skip", rows: [ExchangeRows.fromParts(received)] });
  return { net, received };
}

const joined = (parts: Uint8Array[]): number[] => parts.flatMap((p) => [...p]);

describe("a columnar copy written with the rows' extras text", () => {
  it("is the same bytes as one written without it", () => {
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 40 }), (exchanges) => {
        const { net, received } = sent(exchanges);
        const source = "b".repeat(64);
        expect(joined(encodeNetworkColumnsParts(net, source, undefined, received))).toEqual(joined(encodeNetworkColumnsParts(net, source)));
      }),
      { numRuns: 300 },
    );
  });

  it("takes the text of the rows' own objects, and writes again those it does not hold or that the text does not list", () => {
    const exchanges: Exchange[] = [
      { date: "2024-03-01", kind: "favour", from: "ann", to: "me", note: "🙂 café", tags: ["t"] },
      { date: "2024-03-01", kind: "favour", from: "bo", to: "me", tags: ["t"] },
      { date: "2024-03-01", kind: "introduction", from: "cy", to: "me", introduced: "ann", note: "intro" },
      { date: "2024-03-01", kind: "favour", from: "ann", to: "bo", id: "x1", note: "own id" },
    ];
    const { net, received } = sent(exchanges);
    const source = "c".repeat(64);
    const plain = joined(encodeNetworkColumnsParts(net, source));
    expect(joined(encodeNetworkColumnsParts(net, source, undefined, received))).toEqual(plain);
    // a text that does not list the extras (another count, not a list of objects, white space) is not used
    for (const extrasText of ["[]", JSON.stringify(received.extras, null, 1), `[${JSON.stringify(received.extras).slice(1, -1)},1]`, "{}"]) {
      expect(joined(encodeNetworkColumnsParts(net, source, undefined, { ...received, extrasText }))).toEqual(plain);
    }
    // rows of another length are not used either (their positions would not be the network's)
    expect(joined(encodeNetworkColumnsParts(net, source, undefined, { ...received, n: received.n + 1, extrasText: "[1" }))).toEqual(plain);
    // the text is what is copied: a text whose pieces differ from the objects shows in the copy (so the test above can fail)
    const other = received.extrasText.replace("caf\u00e9", "cafe\u0301");
    expect(joined(encodeNetworkColumnsParts(net, source, undefined, { ...received, extrasText: other }))).not.toEqual(plain);
  });
});
