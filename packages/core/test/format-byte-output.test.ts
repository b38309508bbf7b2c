// The network file is written as UTF-8 bytes (format/byte-output.ts, serializeNetworkBytes): the bytes
// must be exactly what TextEncoder makes of the text, for any text (lone surrogates, control characters,
// astral characters; short pieces through the loop, long ones through the platform encoder).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeNetworkColumns, encodeNetworkColumns, encodeNetworkColumnsParts, generateNetwork, Network, serializeNetwork, serializeNetworkBytes, toNetworkFile } from "@tiegraph/core";
import { copiedPeopleAhead, recordsTextAhead } from "@tiegraph/core/internal";
import { ByteOutput, putUtf8, utf8Bytes, utf8Length } from "../src/format/byte-output.js";

const encoder = new TextEncoder();
/** Any UTF-16 text, lone surrogates included, weighted towards the awkward units. */
const anyText = (maxLength: number) =>
  fc.string({ unit: fc.oneof(fc.constantFrom("a", "\"", "\\", "\u0000", "\u001f", "\u007f", "\u0080", "é", "\u07ff", "\u0800", "\u2028", "\uffff", "\ud83d", "\ude42", "🙂"), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))), maxLength });

describe("UTF-8 bytes of text", () => {
  it("putUtf8 writes what TextEncoder does, short and long text alike (lone surrogates become U+FFFD)", () => {
    fc.assert(
      fc.property(anyText(200), fc.integer({ min: 0, max: 7 }), (s, at) => {
        const buf = new Uint8Array(at + 3 * s.length);
        const end = putUtf8(buf, at, s);
        expect([...buf.subarray(at, end)]).toEqual([...encoder.encode(s)]);
        expect([...utf8Bytes(s)]).toEqual([...encoder.encode(s)]);
        expect(utf8Length(s)).toBe(encoder.encode(s).length);
      }),
      { numRuns: 2000 },
    );
  });
  it("encodes hand-checked characters: é is C3 A9, 🙂 is F0 9F 99 82, a lone \\ud83d is EF BF BD", () => {
    expect([...utf8Bytes("é")]).toEqual([0xc3, 0xa9]);
    // U+1F642: 11110 000 | 10 011111 | 10 011001 | 10 000010
    expect([...utf8Bytes("🙂")]).toEqual([0xf0, 0x9f, 0x99, 0x82]);
    expect([...utf8Bytes("\ud83dx")]).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    expect([...utf8Bytes("x".repeat(70) + "\ude42")].slice(70)).toEqual([0xef, 0xbf, 0xbd]);
  });
  it("ByteOutput writes any pieces as TextEncoder encodes each, whatever room is left (long text filling the room and grown for the rest)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText(10), anyText(300)), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (pieces, chunk) => {
        const out = new ByteOutput(chunk);
        const taken: number[] = [];
        for (const p of pieces) {
          out.text(p);
          if (out.full) taken.push(...out.take());
        }
        taken.push(...out.take());
        // each piece on its own (a surrogate pair cut between two pieces is two lone surrogates)
        expect(taken).toEqual(pieces.flatMap((p) => [...encoder.encode(p)]));
      }),
      { numRuns: 1000 },
    );
    // a 64 KiB chunk has 80 KiB of room (16 KiB of headroom): 60,000 then 15,000 ASCII characters fit in it,
    // so the buffer is not replaced (room for 3 bytes a character, 180,000 then, would have replaced it at once)
    const out = new ByteOutput(1 << 16);
    const before = out.bytes;
    out.text("a".repeat(60_000));
    out.text("b".repeat(15_000));
    expect(out.bytes).toBe(before);
    expect(out.length).toBe(75_000);
    // 30,000 "é" (60,000 bytes) after 16,370 bytes of ASCII: the first part fills the room, the buffer grows once for the rest
    const big = new ByteOutput(64);
    big.text("a".repeat(16_370));
    big.text("é".repeat(30_000));
    expect(big.length).toBe(16_370 + 60_000);
    expect(new TextDecoder().decode(big.take())).toBe("a".repeat(16_370) + "é".repeat(30_000));
  });
  it("ByteOutput grows past its chunk for a long piece and hands out each chunk once", () => {
    const out = new ByteOutput(8);
    out.text("abc");
    expect(out.full).toBe(false);
    const long = "é".repeat(20_000); // 40,000 bytes: more than the chunk and its headroom
    out.text(long);
    expect(out.full).toBe(true);
    const first = out.take();
    expect(first.length).toBe(3 + 40_000);
    expect(new TextDecoder().decode(first)).toBe("abc" + long);
    out.copy(new Uint8Array([104, 105]));
    expect(new TextDecoder().decode(out.take())).toBe("hi");
    // the first chunk is its own memory: writing on does not change it
    expect(first[0]).toBe(97);
  });
});

describe("serializeNetworkBytes", () => {
  it("joins to the UTF-8 of JSON.stringify of the file object (generated networks, awkward names and ids, indents, redaction)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 3, max: 30 }), fc.integer({ min: 0, max: 1500 }), fc.constantFrom(0, 2, 4), fc.boolean(), anyText(12), (seed, people, exchanges, indent, redact, odd) => {
        const generated = generateNetwork({ seed, people, exchanges, ego: seed % 2 === 0, confidentialShare: 0.2 });
        const data = generated.toData();
        // an awkward id and name on one person, which every exchange of theirs repeats
        const rename = data.people![1]!.id;
        const id = `x${odd}`;
        data.people![1] = { ...data.people![1]!, id, name: `n${odd}` };
        for (const a of data.affiliations ?? []) if (a.person === rename) a.person = id;
        for (const e of data.exchanges ?? []) {
          if (e.from === rename) e.from = id;
          if (e.to === rename) e.to = id;
          if (e.introduced === rename) e.introduced = id;
        }
        const net = Network.from(data);
        const chunks = [...serializeNetworkBytes(net, { indent, redact })];
        const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          joined.set(c, at);
          at += c.length;
        }
        const expected = JSON.stringify(toNetworkFile(net, { redact }), null, indent) + "\n";
        expect(Buffer.from(joined).equals(Buffer.from(encoder.encode(expected)))).toBe(true);
        expect(serializeNetwork(net, { indent, redact })).toBe(expected);
      }),
      { numRuns: 15 },
    );
  });

  it("with reuseChunks, gives the same bytes in views of one buffer when each chunk is copied before the next is asked for", () => {
    // about 2 MB: some thirty chunks of 64 KiB, the people's records (with notes) and a thousand exchanges' text among them
    const net = generateNetwork({ seed: 3, people: 2000, exchanges: 12_000, confidentialShare: 0.1 });
    for (const redact of [false, true]) {
      const copied: Uint8Array[] = [];
      const buffers = new Set<ArrayBufferLike>();
      for (const c of serializeNetworkBytes(net, { redact, reuseChunks: true })) {
        copied.push(c.slice());
        buffers.add(c.buffer);
      }
      expect(copied.length).toBeGreaterThan(20);
      // one buffer for every chunk (a record longer than 64 KiB would grow it for its chunk only: none is)
      expect(buffers.size).toBe(1);
      expect(Buffer.concat(copied).toString("utf8")).toBe(serializeNetwork(net, { redact }));
      // without it every chunk is an array of its own
      const own = new Set([...serializeNetworkBytes(net, { redact })].map((c) => c.buffer));
      expect(own.size).toBe(copied.length);
    }
  });
});

describe("ByteOutput reusing its buffer", () => {
  it("hands out views of one buffer, each overwritten by the next chunk, and goes back to it after a record that did not fit", () => {
    const out = new ByteOutput(8, true);
    const base = out.bytes;
    out.text("first");
    const first = out.take();
    expect(new TextDecoder().decode(first)).toBe("first");
    expect(first.buffer).toBe(base.buffer);
    out.text("SECOND");
    // the first chunk was a view: the next write is in the same bytes
    expect(new TextDecoder().decode(first)).toBe("SECON");
    expect(new TextDecoder().decode(out.take())).toBe("SECOND");
    // a record longer than the buffer grows it for that chunk only
    const long = "x".repeat(base.length + 10);
    out.text(long);
    expect(out.bytes).not.toBe(base);
    expect(new TextDecoder().decode(out.take())).toBe(long);
    expect(out.bytes).toBe(base);
    // without reuse every chunk is an array of its own
    const own = new ByteOutput(8);
    own.text("first");
    const a = own.take();
    own.text("other");
    expect(new TextDecoder().decode(a)).toBe("first");
  });
});

describe("the text of a network's records made ahead of a save", () => {
  // each chunk copied as it comes (a reused chunk is overwritten by the next)
  const joined = (parts: Iterable<Uint8Array>): string => {
    const copies: Uint8Array[] = [];
    for (const p of parts) copies.push(p.slice());
    return Buffer.concat(copies).toString("utf8");
  };
  // a generated network with affiliations, and the edits a save may follow: each changes one list or none
  const base = (): Network => generateNetwork({ seed: 21, people: 400, exchanges: 3000, ego: true, confidentialShare: 0.1 });
  const someone = (net: Network, k: number): string => net.personId(k);
  const edits: [string, (net: Network) => void, readonly string[], boolean][] = [
    // [what, the edit, the lists still written from the text made ahead, the copy's people parts still used]
    ["exchanges added", (net) => net.edit({ op: "add-exchange", exchange: { date: "2026-02-03", kind: "favour", from: someone(net, 1), to: someone(net, 2) } }), ["organisations", "people", "affiliations"], true],
    ["ego changed", (net) => net.edit({ op: "set-ego", id: someone(net, 5) }), ["organisations", "people", "affiliations"], true],
    ["a person renamed", (net) => net.edit({ op: "update-person", id: someone(net, 3), patch: { name: "Zoë Ñandú" } }), ["organisations", "affiliations"], false],
    ["a person added", (net) => net.edit({ op: "add-person", person: { id: "new", name: "New" } }), ["organisations", "affiliations"], false],
    ["an organisation renamed", (net) => net.edit({ op: "update-organisation", id: net.organisations()[0]!.id, patch: { name: "Renamed Ltd" } }), ["people", "affiliations"], true],
    ["an affiliation removed", (net) => net.edit({ op: "remove-affiliation", person: someone(net, 4), index: 0 }), ["organisations", "people"], true],
    ["an affiliation's role changed", (net) => {
      const a = net.affiliationsOf(someone(net, 6))[0]!;
      net.edit({ op: "update-affiliation", person: a.person, index: 0, affiliation: { ...a, role: "Chief Listener" } });
    }, ["organisations", "people"], true],
    ["two people merged", (net) => net.edit({ op: "merge-people", keep: someone(net, 7), drop: someone(net, 8) }), ["organisations"], false],
  ];
  for (const [what, edit, kept, copyKept] of edits) {
    it(`gives the file's and the copy's bytes after ${what}, written from it only where the records are the same`, () => {
      const net = base();
      const records = recordsTextAhead(net);
      const people = copiedPeopleAhead(net);
      edit(net);
      // the file: byte for byte the serialization made afresh, with or without reused chunks
      expect(joined(serializeNetworkBytes(net, { recordsAhead: records }))).toBe(serializeNetwork(net));
      expect([...records.used].sort()).toEqual([...kept].sort());
      expect(joined(serializeNetworkBytes(net, { recordsAhead: records, reuseChunks: true }))).toBe(serializeNetwork(net));
      // the people's part of the file, when kept, is the very chunks made ahead
      const chunks = [...serializeNetworkBytes(net, { recordsAhead: records })];
      expect(records.text.people.every((c) => chunks.includes(c))).toBe(kept.includes("people"));
      // the copy: byte for byte the copy made afresh, with the people's parts made ahead only when the people are the same
      const source = "c".repeat(64);
      expect(Buffer.from(joined(encodeNetworkColumnsParts(net, source, people)), "utf8").equals(Buffer.from(joined([encodeNetworkColumns(net, source)]), "utf8"))).toBe(true);
      expect(people.used).toBe(copyKept);
      // and it is read back as the network
      const parts = encodeNetworkColumnsParts(net, source, people);
      expect(serializeNetwork(decodeNetworkColumns(Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))), source)!)).toBe(serializeNetwork(net));
    });
  }

  it("is not used for a redacted copy, another indent or another network", () => {
    const net = base();
    const records = recordsTextAhead(net);
    expect(joined(serializeNetworkBytes(net, { recordsAhead: records, redact: true }))).toBe(serializeNetwork(net, { redact: true }));
    expect(joined(serializeNetworkBytes(net, { recordsAhead: records, indent: 4 }))).toBe(serializeNetwork(net, { indent: 4 }));
    const other = base();
    expect(joined(serializeNetworkBytes(other, { recordsAhead: records }))).toBe(serializeNetwork(other));
    expect(records.used.size).toBe(0);
    const people = copiedPeopleAhead(net);
    encodeNetworkColumnsParts(other, "d".repeat(64), people);
    expect(people.used).toBe(false);
  });
});
