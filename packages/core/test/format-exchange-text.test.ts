// Exchanges are written straight from the columns (format/exchange-text.ts). The file must be byte for byte
// what JSON.stringify makes of the plain records (the old way), with every optional field and awkward text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network, serializeNetwork, toNetworkFile, type Exchange } from "@tiegraph/core";

const whole = (net: Network, indent: number, redact: boolean) => JSON.stringify(toNetworkFile(net, { redact }), null, indent) + "\n";

/** Text that JSON must escape: quotes, backslashes, control characters, line separators, emoji. */
const awkward = fc.constantFrom("plain", 'say "hi"', "back\\slash", "tab\there", "nl\nx", "\u0001", "\u2028", "🙂", "é", "'=1");

describe("exchanges written from the columns", () => {
  it("are byte-equal to JSON.stringify of the records (every optional field, indents 0, 2 and 4, redacted or not)", () => {
    const exchange = fc.record(
      {
        id: fc.option(fc.tuple(awkward, fc.nat(99)).map(([t, i]) => `x-${t}-${i}`), { nil: undefined }),
        day: fc.integer({ min: 1, max: 28 }),
        kind: fc.constantFrom("information", "favour", "introduction", "gesture", "meeting", "connection"),
        from: fc.integer({ min: 0, max: 3 }),
        step: fc.integer({ min: 1, max: 3 }),
        value: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 50 })), { nil: undefined }),
        minutes: fc.option(fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double({ min: 0, max: 600, noNaN: true })), { nil: undefined }),
        format: fc.option(fc.constantFrom("coffee", "lunch", 'a "call"'), { nil: undefined }),
        tags: fc.option(fc.array(awkward, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        note: fc.option(awkward, { nil: undefined }),
        confidential: fc.option(fc.boolean(), { nil: undefined }),
      },
      { requiredKeys: ["day", "kind", "from", "step"] },
    );
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 40 }), fc.constantFrom(0, 2, 4), fc.boolean(), (rows, indent, redact) => {
        const ids = ["ann", 'b"o', "c\\y", "dé🙂"];
        const seen = new Set<string>();
        const exchanges: Exchange[] = [];
        for (const r of rows) {
          const e: Exchange = { date: `2024-02-${String(r.day).padStart(2, "0")}`, kind: r.kind, from: ids[r.from]!, to: ids[(r.from + r.step) % 4]! };
          if (r.id !== undefined && !seen.has(r.id)) {
            seen.add(r.id);
            e.id = r.id;
          }
          if (r.value !== undefined) e.value = r.value;
          if (r.minutes !== undefined) e.minutes = r.minutes;
          if (r.format !== undefined) e.format = r.format;
          if (r.kind === "introduction") e.introduced = ids[(r.from + r.step + 1) % 4 === r.from ? (r.from + 2) % 4 : (r.from + r.step + 1) % 4]!;
          if (r.tags !== undefined) e.tags = r.tags;
          if (r.note !== undefined) e.note = r.note;
          if (r.confidential !== undefined) e.confidential = r.confidential;
          exchanges.push(e);
        }
        const net = Network.from({ people: ids.map((id) => ({ id, name: id })), exchanges });
        expect(serializeNetwork(net, { indent, redact })).toBe(whole(net, indent, redact));
      }),
      { numRuns: 300 },
    );
  });

  it("writes a hand-checked record: explicit id first, value, minutes as stored (32-bit), format, introduced, tags, note, confidential", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      exchanges: [{ id: "e1", date: "2024-01-02", kind: "introduction", from: "a", to: "b", introduced: "c", value: 2.5, minutes: 1.1, format: "call", tags: ["t"], note: "n", confidential: true }],
    });
    const text = serializeNetwork(net, { indent: 0 });
    // 1.1 as a 32-bit float reads back as 1.100000023841858
    expect(text).toContain('"exchanges":[{"id":"e1","date":"2024-01-02","kind":"introduction","from":"a","to":"b","value":2.5,"minutes":1.100000023841858,"format":"call","introduced":"c","tags":["t"],"note":"n","confidential":true}]');
    expect(serializeNetwork(net, { indent: 0, redact: true })).toContain('"exchanges":[]');
  });
});
