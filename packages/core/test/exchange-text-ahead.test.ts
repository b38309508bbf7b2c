// The exchanges' text written ahead from the rows read (format/exchange-text-ahead.ts): the saved file is
// byte for byte what it is without it, it is used exactly when the network's exchanges are the rows, and
// any difference in a field the text shows makes the save write the exchanges from the network instead.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExchangeRows, Network, serializeNetwork, serializeNetworkBytes, type Exchange } from "@tiegraph/core";
import { ByteOutput, exchangeTextFits, exchangeTextWriter, extrasReader, writeExchangeText, type ExchangeTextAhead } from "@tiegraph/core/internal";

const decoder = new TextDecoder();
const PEOPLE = ["ann", 'b"o', "c\\y", "dé🙂", "me"];

/** The rows read from `exchanges` (each checked as an importer checks it), as the parts another thread gets. */
function rowsOf(exchanges: Exchange[]) {
  const rows = new ExchangeRows("ex.csv");
  exchanges.forEach((e, k) => expect(rows.add(e, k + 2)).toEqual([]));
  return { rows, parts: rows.toParts().parts };
}

/** The text written ahead of `parts` (copied out of the one reused buffer piece by piece). */
function ahead(parts: ReturnType<typeof rowsOf>["parts"], indent = 2, redact = false): ExchangeTextAhead {
  const pieces: Uint8Array[] = [];
  const bytes = writeExchangeText(parts, indent, redact, (b) => pieces.push(b.slice()));
  expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(bytes);
  return { rows: parts, indent, redact, chunks: pieces };
}

/** The file's text written with `exchangeText`, and whether it was used. */
function saved(net: Network, text: ExchangeTextAhead, indent = 2, redact = false): { text: string; used: boolean } {
  let out = "";
  for (const b of serializeNetworkBytes(net, { indent, redact, exchangeText: text })) out += decoder.decode(b);
  return { text: out, used: text.used === true };
}

const base: Exchange[] = [
  { date: "2024-03-01", kind: "favour", from: "ann", to: "me", value: 2, tags: ["cloud"] },
  { id: "x1", date: "2024-03-02", kind: "introduction", from: "me", to: 'b"o', introduced: "c\\y", note: "at the fair, then lunch" },
  { date: "2024-03-03", kind: "meeting", from: "dé🙂", to: "ann", minutes: 45, format: "coffee", confidential: true, tags: ["a", "b"] },
];

describe("the exchanges' text written ahead", () => {
  it("gives the same file as writing the exchanges from the network, and is used, for any rows (indents 0 and 2, redacted or not)", () => {
    const awkward = fc.constantFrom("plain", 'say "hi"', "back\\slash", "tab\there", "nl\nx", "\u2028", "🙂", "é");
    const exchange = fc.record(
      {
        day: fc.integer({ min: 1, max: 28 }),
        kind: fc.constantFrom("information", "favour", "introduction", "gesture", "meeting"),
        from: fc.nat(4),
        step: fc.integer({ min: 1, max: 4 }),
        value: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })), { nil: undefined }),
        minutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
        format: fc.option(fc.constantFrom("coffee", "lunch", 'a "call"'), { nil: undefined }),
        tags: fc.option(fc.array(awkward, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        note: fc.option(awkward, { nil: undefined }),
        confidential: fc.option(fc.boolean(), { nil: undefined }),
        id: fc.option(fc.nat(30), { nil: undefined }),
      },
      { requiredKeys: ["day", "kind", "from", "step"] },
    );
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 300 }), fc.constantFrom(0, 2), fc.boolean(), fc.boolean(), (list, indent, redact, reversed) => {
        const ids = new Set<string>();
        const exchanges = list.map((r) => {
          const to = (r.from + r.step) % 5;
          const e: Exchange = { date: `2024-02-${String(r.day).padStart(2, "0")}`, kind: r.kind, from: PEOPLE[r.from]!, to: PEOPLE[to]! };
          if (r.id !== undefined && !ids.has(`x${r.id}`)) ids.add((e.id = `x${r.id}`));
          if (r.value !== undefined) e.value = r.value;
          if (r.minutes !== undefined) e.minutes = r.minutes;
          if (r.format !== undefined) e.format = r.format;
          // someone who is neither of the two
          if (r.kind === "introduction") e.introduced = PEOPLE[[0, 1, 2, 3, 4].find((p) => p !== r.from && p !== to)!]!;
          if (r.tags !== undefined) e.tags = r.tags;
          if (r.note !== undefined) e.note = r.note;
          if (r.confidential !== undefined) e.confidential = r.confidential;
          return e;
        });
        const { rows, parts } = rowsOf(exchanges);
        // the network's people in another order than the rows name them: the text names people by id
        const people = (reversed ? [...PEOPLE].reverse() : PEOPLE).map((id) => ({ id, name: id }));
        const net = new Network();
        net.apply({ people }, { rows: [rows] });
        const text = ahead(parts, indent, redact);
        const got = saved(net, text, indent, redact);
        expect(got.text).toBe(serializeNetwork(net, { indent, redact }));
        // written in ranges (each by a writer of its own, the last range first, as two threads share the text), joined in order: the same text
        const whole = text.chunks as Uint8Array[];
        const cuts = [0, ...[1, 2, 3].map((k) => Math.floor((k * parts.n) / 4)), parts.n];
        const ranges = cuts.slice(1).map((to, k) => ({ from: cuts[k]!, to })).reverse().map(({ from, to }) => {
          const out = new ByteOutput(1 << 16);
          exchangeTextWriter(parts, indent, redact).write(out, from, to);
          return out.take();
        });
        expect(decoder.decode(Buffer.concat(ranges.reverse()))).toBe(decoder.decode(Buffer.concat(whole)));
        // an empty list ("[]", every exchange confidential when redacting) has no text to take
        expect(got.used).toBe(exchanges.some((e) => !(redact && e.confidential === true)));
      }),
      { numRuns: 150 },
    );
  });

  it("is not used when the network's exchanges differ from the rows in any field the file shows, and the file is as without it", () => {
    // each change to one of the three exchanges above (the rows the text is written from stay `base`)
    const changes: [string, (e: Exchange[]) => void][] = [
      ["a date", (e) => (e[0]!.date = "2024-03-09")],
      ["a kind", (e) => (e[0]!.kind = "information")],
      ["a value", (e) => (e[0]!.value = 3)],
      ["a value left implicit", (e) => delete e[0]!.value],
      ["the minutes", (e) => (e[2]!.minutes = 46)],
      ["a format", (e) => (e[2]!.format = "lunch")],
      ["the confidential flag", (e) => delete e[2]!.confidential],
      ["a tag", (e) => (e[2]!.tags = ["a", "c"])],
      ["tags added", (e) => (e[2]!.tags = ["a", "b", "c"])],
      ["a note", (e) => (e[1]!.note = "at the fair")],
      ["an exchange id", (e) => (e[1]!.id = "x2")],
      ["who was introduced", (e) => (e[1]!.introduced = "ann")],
      ["the giver", (e) => (e[0]!.from = 'b"o')],
      ["the receiver", (e) => (e[0]!.to = "dé🙂")],
      ["one exchange more", (e) => e.push({ date: "2024-03-04", kind: "favour", from: "me", to: "ann" })],
      ["one exchange less", (e) => e.pop()],
      ["the order", (e) => e.reverse()],
    ];
    const people = PEOPLE.map((id) => ({ id, name: id }));
    const text = () => ahead(rowsOf(base).parts);
    const same = Network.from({ people, exchanges: base });
    expect(exchangeTextFits(same, text(), 2, false)).toBe(true);
    for (const [what, change] of changes) {
      const exchanges = structuredClone(base);
      change(exchanges);
      const net = Network.from({ people, exchanges });
      expect(exchangeTextFits(net, text(), 2, false), what).toBe(false);
      const got = saved(net, text());
      expect(got.used, what).toBe(false);
      expect(got.text, what).toBe(serializeNetwork(net));
    }
    // written with another indentation or redaction than the file's
    expect(exchangeTextFits(same, text(), 4, false)).toBe(false);
    expect(exchangeTextFits(same, text(), 2, true)).toBe(false);
    expect(saved(same, text(), 0).text).toBe(serializeNetwork(same, { indent: 0 }));
  });

  it("is not used when the network names a row's person by another id (people merged under a known id)", () => {
    const { rows, parts } = rowsOf(base);
    // the import's "ann" turned out to be the network's "anna": the rows apply renamed
    const people = ["anna", 'b"o', "c\\y", "dé🙂", "me"].map((id) => ({ id, name: id }));
    const net = new Network();
    net.apply({ people }, { rows: [rows.withPeople((id) => (id === "ann" ? "anna" : id))] });
    const got = saved(net, ahead(parts));
    expect(got.used).toBe(false);
    expect(got.text).toBe(serializeNetwork(net));
    expect(got.text).toContain('"from": "anna"');
  });

  it("writes the records as the file holds them, in pieces of about a megabyte from one buffer", () => {
    const { parts } = rowsOf(base.slice(0, 1));
    const text = ahead(parts);
    expect(decoder.decode((text.chunks as Uint8Array[])[0])).toBe('\n    {\n      "date": "2024-03-01",\n      "kind": "favour",\n      "from": "ann",\n      "to": "me",\n      "value": 2,\n      "tags": [\n        "cloud"\n      ]\n    }');
    // 20,000 rows of about 180 bytes: pieces of 1 MiB and at most one step of records more (the last the rest), all through one buffer
    const many = rowsOf(Array.from({ length: 20_000 }, (_, i): Exchange => ({ date: "2024-03-01", kind: "favour", from: PEOPLE[i % 5]!, to: PEOPLE[(i + 1) % 5]!, value: i, tags: ["cloud"] })));
    const buffers = new Set<ArrayBufferLike>();
    const sizes: number[] = [];
    const bytes = writeExchangeText(many.parts, 2, false, (b) => {
      buffers.add(b.buffer);
      sizes.push(b.length);
    });
    expect(buffers.size).toBe(1);
    expect(bytes).toBeGreaterThan(3 << 20);
    expect(sizes.length).toBe(Math.ceil(bytes / ((1 << 20) + 64 * 200)));
    expect(sizes.slice(0, -1).every((n) => n >= 1 << 20 && n < (1 << 20) + 64 * 200)).toBe(true);
  });
});

describe("extrasReader", () => {
  it("reads each exchange's extras through the slot column, and through the list in any order, as the network holds them", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ tag: fc.option(fc.constantFrom("a", "b"), { nil: undefined }), note: fc.option(fc.constantFrom("n1", "n2"), { nil: undefined }) }), { maxLength: 60 }), fc.array(fc.nat(59)), (list, order) => {
        const exchanges = list.map((r, i): Exchange => {
          const e: Exchange = { date: "2024-03-01", kind: "favour", from: PEOPLE[i % 5]!, to: PEOPLE[(i + 1) % 5]! };
          if (r.tag !== undefined) e.tags = [r.tag];
          if (r.note !== undefined) e.note = r.note;
          return e;
        });
        const net = Network.from({ people: PEOPLE.map((id) => ({ id, name: id })), exchanges });
        const raw = net.rawExchangeColumns();
        const bySlot = extrasReader(raw);
        const { extraSlot: _slot, extraSlots: _slots, ...listOnly } = raw;
        const byList = extrasReader(listOnly);
        const want = (i: number) => {
          const e = exchanges[i]!;
          return e.tags === undefined && e.note === undefined ? undefined : { tags: e.tags, note: e.note };
        };
        const shape = (x: { tags?: string[]; note?: string } | undefined) => x && { tags: x.tags, note: x.note };
        // ascending, as a writer asks, then in any order (going back costs a binary search on the list)
        for (const i of [...exchanges.keys(), ...order.filter((i) => i < exchanges.length)]) {
          expect(shape(bySlot(i))).toEqual(want(i));
          expect(shape(byList(i))).toEqual(want(i));
        }
        expect(raw.extras.map(([i]) => i)).toEqual([...exchanges.keys()].filter((i) => want(i) !== undefined));
      }),
      { numRuns: 200 },
    );
  });
});
