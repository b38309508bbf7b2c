// The columnar copy of a network (format/network-columns.ts) read back with its extras left
// pending until first needed, the cheap "as of a day" copy (Network.until), and the tie indices
// shared between measures while a network stays at one revision.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  columnsSource,
  copiedRecords,
  copiedRecordsEnd,
  decodeNetworkColumns,
  directedTies,
  encodeNetworkColumns,
  encodeNetworkColumnsParts,
  Network,
  networkAsOf,
  parseDay,
  relationships,
  serializeNetwork,
  setColumnsSource,
  setColumnsStamp,
  columnsStamp,
  columnsStampBytes,
  COLUMNS_STAMP_LENGTH,
  COLUMNS_STAMP_OFFSET,
  TiegraphError,
} from "@tiegraph/core";
import { richNetwork } from "./rich-network.js";

const SOURCE = "a".repeat(64);

const sample = richNetwork;

/** The old "as of": the network rebuilt from its data without the later exchanges, validated again. */
function rebuiltUntil(net: Network, day: number): Network {
  const data = net.toData();
  const days = net.exchangeColumns().day;
  data.exchanges = data.exchanges!.filter((_, e) => days[e]! <= day);
  return Network.from(data);
}

describe("the columnar copy", () => {
  it("reads back the same network, also after a filtered copy or an edit made before its extras are built", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 50 }), fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, people, exchanges, share) => {
        const net = sample(seed, people, exchanges, share);
        const bytes = encodeNetworkColumns(net, SOURCE);
        const read = () => decodeNetworkColumns(bytes, SOURCE)!;
        expect(serializeNetwork(read())).toBe(serializeNetwork(net));
        // copies taken while the extras are still pending build their own, filtered
        expect(serializeNetwork(read().withoutConfidential())).toBe(serializeNetwork(net.withoutConfidential()));
        const day = parseDay("2026-01-06")!;
        expect(serializeNetwork(read().until(day))).toBe(serializeNetwork(net.until(day)));
        expect(serializeNetwork(read().withoutConfidential().until(day))).toBe(serializeNetwork(net.withoutConfidential().until(day)));
        // extras read one by one first, then a change builds them all: the ones handed out stay the same objects
        const partly = read().withoutConfidential();
        const parsed = net.withoutConfidential();
        const seen = Array.from({ length: Math.min(partly.exchangeCount, 30) }, (_, i) => partly.exchangeTags(i));
        expect(seen).toEqual(seen.map((_, i) => parsed.exchangeTags(i)));
        partly.edit({ op: "add-exchange", exchange: { date: "2026-01-08", kind: "gesture", from: net.people()[0]!.id, to: net.people()[1]!.id } });
        parsed.edit({ op: "add-exchange", exchange: { date: "2026-01-08", kind: "gesture", from: net.people()[0]!.id, to: net.people()[1]!.id } });
        expect(serializeNetwork(partly)).toBe(serializeNetwork(parsed));
        seen.forEach((tags, i) => (tags.length ? expect(partly.exchangeTags(i)).toBe(tags) : expect(partly.exchangeTags(i)).toEqual([])));
        // an edit on a copy with pending extras: same result as on the parsed network
        const edited = read();
        const undo = edited.edit({ op: "remove-exchange", id: "x-open" });
        net.edit({ op: "remove-exchange", id: "x-open" });
        expect(serializeNetwork(edited)).toBe(serializeNetwork(net));
        edited.edit(undo);
        expect(edited.exchangeIndex("x-open")).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 20 },
    );
  });

  it("comes in pieces that join to the same bytes, the columns as views of the network's own and the gaps zeros", () => {
    const net = sample(7, 40, 300, 0.2);
    net.edit({ op: "add-exchange", exchange: { date: "2026-01-07", kind: "favour", from: net.people()[0]!.id, to: net.people()[1]!.id, note: 'café 🙂 "quoted" \u2028', tags: ["été"] } });
    const parts = encodeNetworkColumnsParts(net, SOURCE);
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
    expect([...joined]).toEqual([...encodeNetworkColumns(net, SOURCE)]);
    expect(joined.length % 8).toBe(0);
    // the day column is written from the network's memory (no copy of its size)
    const day = net.rawExchangeColumns().day;
    expect(parts.some((p) => p.buffer === day.buffer && p.byteOffset === day.byteOffset && p.length === day.byteLength)).toBe(true);
    // a piece that is not the head, the extras or a column is padding: all zeros, under 8 bytes
    for (const p of parts.filter((p) => p.length < 8)) expect([...p].every((b) => b === 0)).toBe(true);
    expect(serializeNetwork(decodeNetworkColumns(joined, SOURCE)!)).toBe(serializeNetwork(net));
    // the extras are one piece: "[" and "]" around the JSON of each exchange's extras, joined by commas
    // (notes with accents, emoji and quotes among them), whose start in the text the positions give
    const extras = net.rawExchangeColumns().extras;
    expect(extras.some(([, ex]) => ex.note !== undefined)).toBe(true);
    const text = `[${extras.map(([, ex]) => JSON.stringify(ex)).join(",")}]`;
    expect(parts.filter((p) => new TextDecoder().decode(p) === text)).toHaveLength(1);
  });

  it("is named by setColumnsSource as if it had been encoded with that source, only in place of a source as long", () => {
    const net = sample(11, 30, 200, 0.1);
    const parts = encodeNetworkColumnsParts(net, "0".repeat(64));
    expect(columnsSource(parts[0]!)).toBe("0".repeat(64));
    setColumnsSource(parts, SOURCE);
    expect(columnsSource(parts[0]!)).toBe(SOURCE);
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
    // byte for byte the copy encoded with the source from the start, and it reads back under that source
    expect([...joined]).toEqual([...encodeNetworkColumns(net, SOURCE)]);
    expect(serializeNetwork(decodeNetworkColumns(joined, SOURCE)!)).toBe(serializeNetwork(net));
    // a source of another length would move every offset after the header: refused, the pieces untouched
    expect(() => setColumnsSource(parts, "b".repeat(63))).toThrow(/source of 64 characters cannot be named by one of 63/);
    expect(() => setColumnsSource(parts, `${"B".repeat(64)}`)).toThrow(/cannot be named/);
    expect(columnsSource(parts[0]!)).toBe(SOURCE);
    expect(() => setColumnsSource([new Uint8Array(40)], SOURCE)).toThrow(/not the pieces/);
  });

  it("opens its header with a stamp of fixed length, none until set, which setColumnsStamp writes in place", () => {
    const net = sample(11, 30, 200, 0.1);
    const bytes = encodeNetworkColumns(net, SOURCE);
    expect(columnsStamp(bytes)).toBe("");
    // the header's first field: `{"stamp":"` right after the magic and the header's length, then 96 spaces and its closing quote
    expect(COLUMNS_STAMP_OFFSET).toBe(8 + 4 + 10);
    expect(new TextDecoder().decode(bytes.subarray(12, COLUMNS_STAMP_OFFSET + COLUMNS_STAMP_LENGTH + 2))).toBe(`{"stamp":"${" ".repeat(96)}",`);
    const parts = encodeNetworkColumnsParts(net, SOURCE);
    setColumnsStamp(parts, "t1.abc.42");
    expect(columnsStamp(parts[0]!)).toBe("t1.abc.42");
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
    // nothing else moved: the same bytes but the stamp's, and it reads back as the same network
    expect(joined.length).toBe(bytes.length);
    const differ = [...joined].flatMap((b, k) => (b === bytes[k] ? [] : [k]));
    expect(differ.length).toBe("t1.abc.42".length);
    expect(differ.every((k) => k >= COLUMNS_STAMP_OFFSET && k < COLUMNS_STAMP_OFFSET + COLUMNS_STAMP_LENGTH)).toBe(true);
    expect(serializeNetwork(decodeNetworkColumns(joined, SOURCE)!)).toBe(serializeNetwork(net));
    // a source named after the stamp keeps it
    setColumnsSource(parts, "c".repeat(64));
    expect([columnsStamp(parts[0]!), columnsSource(parts[0]!)]).toEqual(["t1.abc.42", "c".repeat(64)]);
    // written as it is read back: one byte a character, nothing to escape in JSON
    expect(new TextDecoder().decode(columnsStampBytes("x"))).toBe(`x${" ".repeat(95)}`);
    for (const bad of ["a".repeat(97), 'a"b', "a\\b", "é", "a\nb", "ends in a space "]) expect(() => columnsStampBytes(bad), bad).toThrow(/cannot be stamped/);
    expect(() => setColumnsStamp([new Uint8Array(200)], "x")).toThrow(/not the pieces/);
    // no stamp to read in bytes that are not a copy, nor in a copy cut inside its stamp
    expect(columnsStamp(new Uint8Array(200))).toBeUndefined();
    expect(columnsStamp(bytes.subarray(0, COLUMNS_STAMP_OFFSET + 50))).toBeUndefined();
  });

  it("writes each exchange's tags whether or not exchanges with equal tags share one extras record", () => {
    const net = sample(11, 30, 200, 0.2);
    const [a, b] = net.people();
    // a one-tag list whose tag reads as another list's JSON, the list itself, and a list of three
    for (const tags of [['["x","y"]'], ["x", "y"], ["x", "y"], ["x", "y", "z"], ['["x","y"]']]) net.edit({ op: "add-exchange", exchange: { date: "2026-01-09", kind: "information", from: a!.id, to: b!.id, tags } });
    const raw = net.rawExchangeColumns();
    // the same network with a fresh extras record (and tag list) for every exchange, as a hand-built one may have
    const unshared = Network.fromColumns(net.toData(), { ...raw, extras: raw.extras.map(([i, ex]) => [i, { ...ex, ...(ex.tags ? { tags: [...ex.tags] } : {}) }]) });
    const byRecord = new Set(unshared.rawExchangeColumns().extras.map(([, ex]) => ex));
    expect(byRecord.size).toBe(raw.extras.length);
    const text = `[${raw.extras.map(([, ex]) => JSON.stringify(ex)).join(",")}]`;
    for (const n of [net, unshared]) {
      const bytes = encodeNetworkColumns(n, SOURCE);
      expect(new TextDecoder().decode(bytes).includes(text)).toBe(true);
      const back = decodeNetworkColumns(bytes, SOURCE)!;
      expect(serializeNetwork(back)).toBe(serializeNetwork(net));
      const last = back.exchangeCount - 1;
      expect([last - 4, last - 3, last - 2, last - 1, last].map((i) => back.exchangeTags(i))).toEqual([['["x","y"]'], ["x", "y"], ["x", "y"], ["x", "y", "z"], ['["x","y"]']]);
    }
  });

  it("is refused (undefined) when its extras were damaged, and when it was made from other bytes", () => {
    const net = sample(3, 12, 80, 0.2);
    const bytes = encodeNetworkColumns(net, SOURCE);
    expect(decodeNetworkColumns(bytes, "b".repeat(64))).toBeUndefined();
    const text = new TextDecoder().decode(bytes);
    // the note "a note" sits in the extras part: change one of its letters
    const at = text.indexOf('"a note"');
    expect(at).toBeGreaterThan(0);
    const damaged = bytes.slice();
    damaged[at + 1] = "b".charCodeAt(0);
    expect(decodeNetworkColumns(damaged, SOURCE)).toBeUndefined();
    // the column of where each extras object starts comes just before the five affiliation columns
    const affColumn = (4 * net.affiliationCount + 7) & ~7;
    const badStarts = bytes.slice();
    badStarts[badStarts.length - 5 * affColumn - 8] ^= 1;
    expect(decodeNetworkColumns(badStarts, SOURCE)).toBeUndefined();
    const intact = decodeNetworkColumns(bytes, SOURCE)!;
    expect(intact.exchangeNote(intact.exchangeIndex("x-open"))).toBe("a note");
  });

  it("is refused whichever byte of its extras is damaged (the checksum takes them four at a time, the last ones singly)", () => {
    const layout = (bytes: Uint8Array) => {
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
      return { headerLength, header: JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { records: number; ids: number; names: number; peopleText: number; people: number; extras: number } };
    };
    // the first small network whose extras do not end on a whole word
    const bytes = [4, 5, 6, 7, 8, 9, 10, 11].map((seed) => encodeNetworkColumns(sample(seed, 10, 40, 0.3), SOURCE)).find((b) => layout(b).header.extras % 4 !== 0)!;
    const { headerLength, header } = layout(bytes);
    // the extras start at the first multiple of 8 after the header, the records, the ids, the names, the people's records and their starts (an int32 each and one more)
    const align8 = (n: number) => (n + 7) & ~7;
    const start = align8(align8(align8(align8(align8(12 + headerLength + header.records) + header.ids) + header.names) + header.peopleText) + 4 * (header.people + 1));
    expect(new TextDecoder().decode(bytes.subarray(start, start + 2))).toBe("[{");
    expect(header.extras % 4).not.toBe(0); // so some bytes are outside the last whole word, too
    for (let at = start; at < start + header.extras; at++) {
      for (const bit of [1, 0x80]) {
        const damaged = bytes.slice();
        damaged[at] ^= bit;
        expect(decodeNetworkColumns(damaged, SOURCE), `byte ${at - start} ^ ${bit}`).toBeUndefined();
      }
    }
  });
});

describe("Network.until", () => {
  it("equals the network rebuilt from its data without the later exchanges", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 800 }), (seed, people, exchanges, back) => {
        const net = sample(seed, people, exchanges, 0.2);
        const last = net.dayRange()!.last;
        const day = last - back;
        const copy = net.until(day);
        expect(serializeNetwork(copy)).toBe(serializeNetwork(rebuiltUntil(net, day)));
        expect(copy.toData()).toEqual(rebuiltUntil(net, day).toData());
        expect(networkAsOf(net, day).toData()).toEqual(copy.toData());
      }),
      { numRuns: 40 },
    );
  });

  it("is the network itself when nothing is later, and renumbers implicit ids as the rebuilt one does", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A", notes: "kept" }, { id: "b", name: "B" }],
      exchanges: [
        { date: "2024-01-03", kind: "favour", from: "a", to: "b" },
        { date: "2024-01-01", kind: "favour", from: "b", to: "a", note: "n" },
        { id: "x", date: "2024-01-02", kind: "gesture", from: "a", to: "b" },
      ],
    });
    expect(net.until(parseDay("2024-01-03")!)).toBe(net);
    const then = net.until(parseDay("2024-01-02")!);
    // #2 (1 January) is now #1; the explicit id stays; notes are kept (this is not a redaction)
    expect(then.exchangeCount).toBe(2);
    expect(then.exchangeId(0)).toBe("#1");
    expect(then.exchangeNote(0)).toBe("n");
    expect(then.exchangeIndex("x")).toBe(1);
    expect(then.person("a").notes).toBe("kept");
    // the original is untouched
    expect(net.exchangeCount).toBe(3);
  });
});

describe("tie indices shared between measures", () => {
  it("are built once per revision and options, and again after an edit", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      exchanges: [
        { date: "2024-01-01", kind: "favour", from: "a", to: "b", value: 3 },
        { date: "2024-01-01", kind: "favour", from: "b", to: "a", value: 2 },
      ],
    });
    const asOf = parseDay("2024-01-01")!;
    const first = directedTies(net, { asOf });
    expect(directedTies(net, { asOf })).toBe(first);
    expect(relationships(net, { asOf })).toBe(relationships(net, { asOf }));
    // other options: another index
    expect(directedTies(net, { asOf, halfLifeDays: 30 })).not.toBe(first);
    expect(first.pairCount).toBe(2);
    // a → b 3 and b → a 2; after adding c → a, three ordered pairs, and a → b still 3
    net.edit({ op: "add-exchange", exchange: { date: "2024-01-01", kind: "favour", from: "c", to: "a", value: 1 } });
    const after = directedTies(net, { asOf });
    expect(after).not.toBe(first);
    expect(after.pairCount).toBe(3);
    expect(after.givenValue[0]).toBe(3);
    expect(relationships(net, { asOf }).pairCount).toBe(2);
  });
});

describe("the records of a columnar copy", () => {
  /** A network without introduction requests: its copy's records are checked structurally, not staged again. */
  const plain = (seed: number, people: number, exchanges: number, share: number): Network => {
    const { requests: _r, ...data } = sample(seed, people, exchanges, share).toData();
    return Network.from(data);
  };
  const recordsOf = (net: Network) => {
    const { exchanges: _e, ...records } = net.toData();
    return records;
  };

  it("read back the same network when they hold no requests (the structural check's path)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 6, max: 50 }), fc.integer({ min: 0, max: 400 }), (seed, people, exchanges) => {
        const net = plain(seed, people, exchanges, 0.2);
        const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
        expect(serializeNetwork(read)).toBe(serializeNetwork(net));
        expect(read.toData()).toEqual(net.toData());
        // affiliation spans in the same order as when applied one by one
        for (let p = 0; p < net.personCount; p++) expect(read.affiliationSpans(p)).toEqual(net.affiliationSpans(p));
      }),
      { numRuns: 20 },
    );
  });

  it("are refused with a typed error naming the record when they break the structure", () => {
    const net = plain(5, 12, 60, 0.2);
    const raw = net.rawExchangeColumns();
    const good = recordsOf(net);
    const people = good.people!;
    const affs = good.affiliations!;
    const cases: [string, typeof good, RegExp][] = [
      ["a person id used twice", { ...good, people: [...people.slice(0, -1), { ...people.at(-1)!, id: people[0]!.id }] }, /duplicate person id/],
      ["an organisation id used twice", { ...good, organisations: [...good.organisations!, { ...good.organisations![0]! }] }, /duplicate organisation id/],
      ["an affiliation naming nobody", { ...good, affiliations: [...affs, { person: "nobody", organisation: good.organisations![0]!.id }] }, /unknown person/],
      ["an affiliation naming no organisation", { ...good, affiliations: [{ ...affs[0]!, organisation: "no-such-org" }] }, /unknown organisation/],
      ["an affiliation ending before it starts", { ...good, affiliations: [{ ...affs[0]!, from: "2024-05-02", to: "2024-05-01" }] }, /ends \(2024-05-01\) before it starts/],
      ["a date that is no date", { ...good, affiliations: [{ ...affs[0]!, from: "2024-02-30" }] }, /invalid date/],
      ["an ego who is not a person", { ...good, ego: "nobody" }, /ego is not a person/],
      ["a person whose name is not text", { ...good, people: [{ ...people[0]!, name: 7 as never }, ...people.slice(1)] }, /person without name/],
      ["people that are not a list", { ...good, people: { 0: people[0] } as never }, /people is not a list/],
      ["a person that is not an object", { ...good, people: [null as never, ...people.slice(1)] }, /not a person record/],
      ["settings that are not valid", { ...good, settings: { halfLifeDays: -1 } }, /invalid half-life/],
    ];
    for (const [what, records, message] of cases) {
      let thrown: unknown;
      try {
        Network.fromColumns(records, raw);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, what).toBeInstanceOf(TiegraphError);
      expect((thrown as Error).message, what).toMatch(message);
    }
    // the affiliation columns (person, organisation, first day, last day, role) end the copy
    const bytes0 = encodeNetworkColumns(net, SOURCE);
    const affColumn = (4 * net.affiliationCount + 7) & ~7;
    const rowOf = (column: number) => new DataView(bytes0.buffer, bytes0.byteOffset + bytes0.length - (5 - column) * affColumn, 4 * net.affiliationCount);
    const damaged = (column: number, value: number) => {
      const copy = bytes0.slice();
      new DataView(copy.buffer, copy.length - (5 - column) * affColumn).setInt32(0, value, true);
      return decodeNetworkColumns(copy, SOURCE);
    };
    expect(net.affiliationCount).toBeGreaterThan(0);
    expect(rowOf(0).getInt32(0, true)).toBe(net.findPerson(good.affiliations![0]!.person));
    expect(damaged(0, net.personCount)).toBeUndefined(); // nobody
    expect(damaged(1, net.organisationCount)).toBeUndefined(); // no organisation
    expect(damaged(2, 2_000_000_000)).toBeUndefined(); // a first day no file can spell
    expect(damaged(3, -5_000_000)).toBeUndefined(); // ends before the year 0
    expect(damaged(4, 1_000)).toBeUndefined(); // no such role
    // a header claiming more affiliation rows than the file holds, and a file cut short
    const header = new TextDecoder().decode(bytes0.subarray(0, 400));
    const count = /"affiliationCount":(\d+)/.exec(header)!;
    const longer = bytes0.slice();
    longer.set(new TextEncoder().encode(`"affiliationCount":${"9".repeat(count[1]!.length)}`), count.index);
    expect(Number(count[1])).toBe(net.affiliationCount);
    expect(decodeNetworkColumns(longer, SOURCE)).toBeUndefined();
    expect(decodeNetworkColumns(bytes0.subarray(0, bytes0.length - affColumn), SOURCE)).toBeUndefined();
    // an in-range change is a different but consistent network (the span moves to another person)
    const moved = damaged(0, net.personCount - 1)!;
    expect(moved.affiliationCount).toBe(net.affiliationCount);
    expect(moved.affiliationSpans(net.personCount - 1).length).toBeGreaterThan(0);
    // the copy itself: the second person's id made the first one's (same length, so every offset holds)
    const bytes = encodeNetworkColumns(net, SOURCE);
    const text = new TextDecoder().decode(bytes);
    const [first, second] = [people[0]!.id, people[1]!.id];
    expect(first.length).toBe(second.length);
    const at = text.indexOf(`{"id":${JSON.stringify(second)}`);
    expect(at).toBeGreaterThan(0);
    const forged = bytes.slice();
    forged.set(new TextEncoder().encode(`{"id":${JSON.stringify(first)}`), at);
    expect(decodeNetworkColumns(forged, SOURCE)).toBeUndefined();
    expect(serializeNetwork(decodeNetworkColumns(bytes, SOURCE)!)).toBe(serializeNetwork(net));
  });
});

describe("the records of a columnar copy parsed from its start, while the rest is read", () => {
  it("give the network the whole copy gives, and are refused beside another copy's bytes", () => {
    const net = sample(12, 40, 300, 0.2);
    const bytes = encodeNetworkColumns(net, SOURCE);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
    const end = copiedRecordsEnd(bytes.subarray(0, 12 + headerLength))!;
    // the header names the lengths of the records and of the ids (which start at the next multiple of 8): they end that far after it
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { records: number; ids: number };
    expect(end).toBe(((12 + headerLength + header.records + 7) & ~7) + header.ids);
    // too few bytes to hold the header, or not a copy: no answer
    expect(copiedRecordsEnd(bytes.subarray(0, 11 + headerLength))).toBeUndefined();
    expect(copiedRecordsEnd(new TextEncoder().encode('{"people": []}'))).toBeUndefined();
    expect(copiedRecords(bytes.subarray(0, end - 1))).toBeUndefined();
    const read = copiedRecords(bytes.subarray(0, end))!;
    expect(read.source).toBe(SOURCE);
    expect(read.records.people).toBeUndefined();
    expect(read.ids).toEqual(net.people().map((p) => p.id));
    const got = decodeNetworkColumns(bytes.slice(), SOURCE, read)!;
    expect(serializeNetwork(got)).toBe(serializeNetwork(decodeNetworkColumns(bytes.slice(), SOURCE)!));
    // records read from another copy (another source, or records of another length) are not these
    const other = encodeNetworkColumns(net, "b".repeat(64));
    const otherRead = copiedRecords(other.subarray(0, copiedRecordsEnd(other)!))!;
    expect(decodeNetworkColumns(bytes.slice(), SOURCE, otherRead)).toBeUndefined();
    expect(decodeNetworkColumns(bytes.slice(), SOURCE, { ...read, end: read.end + 1 })).toBeUndefined();
  });
});
