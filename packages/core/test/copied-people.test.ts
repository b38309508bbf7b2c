// The people of a columnar copy read on demand (model/copied-records.ts lazyPeople, state.ts
// deferPeople): ids at once, each record when first read, checked by the same rules as
// loading a file, and every way of reading a network giving what the eager read gave. Its
// affiliations likewise kept as its columns until their spans are read (deferAffiliations).
import { describe, expect, it } from "vitest";
import { copiedPeopleText, copiedRecords, copiedRecordsEnd, decodeNetworkColumns, encodeNetworkColumns, generateNetwork, Network, serializeNetwork, type Person } from "@tiegraph/core";
import { personRecord } from "@tiegraph/core/internal";
import { affiliationColumns } from "../src/model/copied-records.js";
import { groupingOf } from "../src/graph/grouping.js";
import { errorOf } from "./error-of.js";

const SOURCE = "c".repeat(64);

/** A generated network without requests (so its copy is read on demand) whose people have notes. */
function withNotes(seed: number): Network {
  const net = generateNetwork({ seed, people: 30, exchanges: 200, ego: true, confidentialShare: 0.2 });
  const ids = net.personIds();
  net.edit({ op: "update-person", id: ids[1]!, patch: { notes: "met at the fair" } });
  net.edit({ op: "update-person", id: ids[2]!, patch: { notes: "likes 🙂 \"quotes\"", name: "Zoë Ñandú" } });
  return net;
}

/** A network whose people come as a copy stores them, from these records. */
function fromPeople(people: readonly Person[], ids: readonly string[] = people.map((p) => p.id)): Network {
  const empty = Network.from({}).rawExchangeColumns();
  return Network.fromColumns({}, empty, undefined, { ids, ...copiedPeopleText(people) });
}

describe("the people of a columnar copy, read on demand", () => {
  it("write each record as JSON.stringify does, and where each starts in bytes", () => {
    const people: Person[] = [
      { id: "a", name: "Å" },
      { id: "b", name: "Bo", tags: ["x"] },
    ];
    const { bytes, starts } = copiedPeopleText(people);
    const text = new TextDecoder().decode(bytes);
    expect(text).toBe(JSON.stringify(people));
    // "[" then {"id":"a","name":"Å"} (21 characters, 22 bytes: Å is two), a comma, then the second record
    expect([...starts]).toEqual([1, 1 + 22 + 1, bytes.length]);
    expect(bytes.length).toBe(1 + 22 + 1 + JSON.stringify(people[1]).length + 1);
    expect([...copiedPeopleText([]).starts]).toEqual([2]);
  });

  it("give the same ids, people, records and files as the network they were written from", () => {
    const net = withNotes(3);
    const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
    expect(read.personCount).toBe(net.personCount);
    expect(read.personIds()).toEqual(net.personIds());
    expect(read.ego).toBe(net.ego);
    expect(read.personId(2)).toBe(net.personId(2));
    expect(personRecord(read, (i) => i)).toEqual(personRecord(net, (i) => i));
    // one record read alone, then all: the same object, equal to the original
    const one = read.personAt(2);
    expect(one).toEqual(net.personAt(2));
    expect(one.name).toBe("Zoë Ñandú");
    expect(read.person(net.personId(2))).toBe(one);
    expect(read.people()[2]).toBe(one);
    expect(read.people()).toEqual(net.people());
    expect(serializeNetwork(read)).toBe(serializeNetwork(net));
  });

  it("leave notes out when the network is redacted in place, before or after a record is read", () => {
    const net = withNotes(4);
    const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
    const before = read.personAt(1);
    expect(before.notes).toBe("met at the fair");
    read.removeConfidential();
    // whoever held the record keeps its notes (records are replaced, not changed); the network's have none
    expect(before.notes).toBe("met at the fair");
    expect(read.personAt(1).notes).toBeUndefined();
    expect(read.personAt(2).notes).toBeUndefined();
    expect(read.personAt(2).name).toBe("Zoë Ñandú");
    expect(read.people().some((p) => p.notes !== undefined)).toBe(false);
    const eager = Network.from(net.toData());
    eager.removeConfidential();
    expect(serializeNetwork(read)).toBe(serializeNetwork(eager));
  });

  it("are read by copies of the network on their own: a redacted copy has no notes, the original keeps them", () => {
    const net = withNotes(5);
    const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
    const redacted = read.withoutConfidential();
    expect(redacted.personAt(1).notes).toBeUndefined();
    expect(read.personAt(1).notes).toBe("met at the fair");
    expect(serializeNetwork(redacted)).toBe(serializeNetwork(net.withoutConfidential()));
    // a copy made after the original dropped its notes has none either
    read.removeConfidential();
    const later = read.until(lastDay(read));
    expect(later.personAt(2).notes).toBeUndefined();
    expect(later.people()).toEqual(read.people());
  });

  it("are all read before an edit, which then works as on any network", () => {
    const net = withNotes(6);
    const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
    read.edit({ op: "add-person", person: { id: "new", name: "New" } });
    net.edit({ op: "add-person", person: { id: "new", name: "New" } });
    read.edit({ op: "remove-person", id: net.personId(3) });
    net.edit({ op: "remove-person", id: net.personId(3) });
    expect(read.personIds()).toEqual(net.personIds());
    expect(serializeNetwork(read)).toBe(serializeNetwork(net));
  });

  it("are refused when the copy's ids or text break the structure: duplicate or empty ids, starts that do not fit", () => {
    const people: Person[] = [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
    ];
    const { bytes, starts } = copiedPeopleText(people);
    const empty = Network.from({}).rawExchangeColumns();
    const read = (ids: unknown, b: Uint8Array, s: Int32Array) => () => Network.fromColumns({}, empty, undefined, { ids: ids as string[], bytes: b, starts: s });
    expect(errorOf(read(["a", "a"], bytes, starts)).message).toMatch(/duplicate person id/);
    expect(errorOf(read(["a", ""], bytes, starts)).message).toMatch(/person id is not text/);
    expect(errorOf(read(["a", 7], bytes, starts)).message).toMatch(/person id is not text/);
    expect(errorOf(read(["a"], bytes, starts)).message).toMatch(/do not match their ids/);
    expect(errorOf(read(["a", "b"], bytes.subarray(1), starts)).message).toMatch(/not a list/);
    expect(errorOf(read(["a", "b"], bytes, Int32Array.of(1, 1, bytes.length))).message).toMatch(/out of place/);
    // starts that fit but cut the records elsewhere: each record is refused when read
    const cut = read(["a", "b"], bytes, Int32Array.of(1, 30, bytes.length))();
    expect(errorOf(() => cut.personAt(0)).record).toBe("person #0");
    expect(errorOf(() => cut.personAt(1)).record).toBe("person #1");
    // and given twice (in the records too)
    expect(errorOf(() => Network.fromColumns({ people }, empty, undefined, { ids: ["a", "b"], bytes, starts })).message).toMatch(/people given twice/);
  });

  it("are checked when read: a record without its listed id, one that breaks a rule, one that is not JSON, each a typed error naming it", () => {
    const good: Person = { id: "a", name: "A" };
    // the id list says "b" where the record says "x"
    const swapped = fromPeople([good, { id: "x", name: "X" }], ["a", "b"]);
    expect(swapped.personCount).toBe(2);
    expect(swapped.personIds()).toEqual(["a", "b"]);
    expect(swapped.personAt(0)).toEqual(good);
    const e1 = errorOf(() => swapped.personAt(1));
    expect(e1.code).toBe("invalid-format");
    expect(e1.record).toBe("person #1");
    // reading them all refuses the same record, and leaves the people to be read again (nothing half done)
    expect(errorOf(() => swapped.people()).record).toBe("person #1");
    expect(errorOf(() => swapped.people()).record).toBe("person #1");
    expect(errorOf(() => swapped.readRecords()).record).toBe("person #1");
    expect(swapped.personAt(0)).toEqual(good);
    // a name that is not text: the rule's own problem, at the record's pointer
    const unnamed = fromPeople([good, { id: "b", name: 7 } as unknown as Person]);
    const e2 = errorOf(() => unnamed.personAt(1));
    expect(e2.pointer).toBe("/people/1/name");
    // bytes that are not JSON (the record's first byte made a "}")
    const { bytes, starts } = copiedPeopleText([good, { id: "b", name: "B" }]);
    const broken = bytes.slice();
    broken[starts[1]!] = 0x7d;
    const net = Network.fromColumns({}, Network.from({}).rawExchangeColumns(), undefined, { ids: ["a", "b"], bytes: broken, starts });
    expect(errorOf(() => net.personAt(1)).record).toBe("person #1");
    expect(errorOf(() => net.people()).message).toMatch(/not JSON/);
    expect(net.personAt(0)).toEqual(good);
  });
});

/** The network's last exchange day (an "as of" that keeps everything but still makes a copy). */
function lastDay(net: Network): number {
  let last = -Infinity;
  for (const d of net.exchangeColumns().day) last = Math.max(last, d);
  return last;
}

describe("the affiliations of a columnar copy, kept as its columns", () => {
  it("give the copy's columns, the same grouping and, once read, the same spans as the network they were written from", () => {
    const net = withNotes(7);
    expect(net.affiliationCount).toBeGreaterThan(10);
    const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
    const want = affiliationColumns(net);
    const got = read.affiliationColumns();
    for (const key of ["person", "organisation", "from", "to", "role"] as const) expect(Array.from(got[key]), key).toEqual(Array.from(want[key]));
    expect(got.roles).toEqual(want.roles);
    // the E-I index's grouping, from the columns, is the one made from the spans
    expect(groupingOf(read, "organisation")).toEqual(groupingOf(net, "organisation"));
    expect(groupingOf(net, "organisation").spanGroup.length).toBe(net.affiliationCount);
    // the spans, made when first read
    for (let p = 0; p < net.personCount; p++) expect(read.affiliationSpans(p)).toEqual(net.affiliationSpans(p));
    expect(read.affiliationColumns()).not.toBe(got); // now made from the spans
    expect(read.affiliationRecords()).toEqual(net.affiliationRecords());
  });

  it("are shared by a copy of the network, each making its own spans: an edit of one leaves the other", () => {
    const net = withNotes(8);
    const read = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!;
    const copy = read.withoutConfidential();
    expect(copy.affiliationColumns()).toBe(read.affiliationColumns());
    const person = read.affiliationColumns().person[0]!;
    const before = read.affiliationSpans(person).length;
    copy.edit({ op: "add-affiliation", affiliation: { person: copy.personId(person), organisation: copy.organisationAt(0).id, from: "2026-02-01" } });
    expect(copy.affiliationSpans(person)).toHaveLength(before + 1);
    expect(read.affiliationSpans(person)).toHaveLength(before);
    expect(serializeNetwork(read)).toBe(serializeNetwork(net));
  });

  it("are made into spans at once, each person's sorted by start day, when the rows are not in that order", () => {
    const people: Person[] = [
      { id: "a", name: "A" },
      { id: "b", name: "B" },
    ];
    const data = { organisations: [{ id: "o", name: "O" }, { id: "q", name: "Q" }], people };
    const empty = Network.from({}).rawExchangeColumns();
    // b's row before a's, and a's later job before the earlier one
    const cols = { person: Int32Array.of(1, 0, 0), organisation: Int32Array.of(0, 1, 0), from: Int32Array.of(19000, 19500, 19100), to: Int32Array.of(19800, 19900, 19400), role: Int32Array.of(-1, -1, -1), roles: [] };
    const net = Network.fromColumns(data, empty, cols);
    expect(net.affiliationSpans(0).map((s) => s.from)).toEqual([19100, 19500]);
    const got = net.affiliationColumns();
    expect(got).not.toBe(cols);
    expect(Array.from(got.person)).toEqual([0, 0, 1]);
    expect(Array.from(got.from)).toEqual([19100, 19500, 19000]);
  });
});

describe("the people of a columnar copy parsed with its start, while the rest is read", () => {
  it("end where their starts end, give the network the copy gives, and are still checked when read", () => {
    const net = withNotes(9);
    const bytes = encodeNetworkColumns(net, SOURCE);
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { records: number; ids: number; names: number; peopleText: number; people: number };
    const align8 = (n: number) => (n + 7) & ~7;
    // after the records, the ids, the names and the people's text: one int32 start per person and one more
    const end = align8(align8(align8(align8(12 + headerLength + header.records) + header.ids) + header.names) + header.peopleText) + 4 * (header.people + 1);
    expect(copiedRecordsEnd(bytes, true)).toBe(end);
    expect(copiedRecordsEnd(bytes)).toBeLessThan(end);
    expect(copiedRecords(bytes.subarray(0, end - 1), true)).toBeUndefined();
    const read = copiedRecords(bytes.subarray(0, end), true)!;
    expect(read.ids).toEqual(net.personIds());
    expect((read.people as Person[]).map((p) => p.name)).toEqual(net.people().map((p) => p.name));
    const got = decodeNetworkColumns(bytes.slice(), SOURCE, read)!;
    expect(got.people()).toEqual(net.people());
    expect(serializeNetwork(got)).toBe(serializeNetwork(net));
    // a parsed record is checked when read, as one parsed on demand is
    (read.people as Person[])[3] = { id: net.personId(3), name: 12 } as unknown as Person;
    const damaged = decodeNetworkColumns(bytes.slice(), SOURCE, read)!;
    expect(damaged.personAt(2)).toEqual(net.personAt(2));
    expect(errorOf(() => damaged.personAt(3)).pointer).toBe("/people/3/name");
    expect(errorOf(() => damaged.people()).pointer).toBe("/people/3/name");
  });
});

describe("the names of a columnar copy", () => {
  /** The copy's header (the byte lengths of its parts). */
  function headerOf(bytes: Uint8Array): { headerLength: number; records: number; ids: number; names: number } {
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
    return { headerLength, ...(JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { records: number; ids: number; names: number }) };
  }
  const align8 = (n: number) => (n + 7) & ~7;

  it("follow the ids, are read with them when asked, and give every person's name without reading a record", () => {
    const net = withNotes(5);
    const bytes = encodeNetworkColumns(net, SOURCE);
    const h = headerOf(bytes);
    // the names' JSON array starts at the first multiple of 8 after the ids
    const namesFrom = align8(align8(12 + h.headerLength + h.records) + h.ids);
    const end = namesFrom + h.names;
    expect(JSON.parse(new TextDecoder().decode(bytes.subarray(namesFrom, end)))).toEqual(net.people().map((p) => p.name));
    expect(copiedRecordsEnd(bytes, "names")).toBe(end);
    expect(copiedRecordsEnd(bytes)).toBeLessThan(end);
    expect(copiedRecordsEnd(bytes, true)).toBeGreaterThan(end);
    expect(copiedRecords(bytes.subarray(0, end - 1), "names")).toBeUndefined();
    const read = copiedRecords(bytes.subarray(0, end), "names")!;
    expect(read.people).toBeUndefined();
    expect(read.names).toEqual(net.people().map((p) => p.name));
    const got = decodeNetworkColumns(bytes.slice(), SOURCE, read)!;
    for (let i = 0; i < net.personCount; i++) expect(got.personName(i)).toBe(net.personAt(i).name);
    expect(got.personName(2)).toBe("Zoë Ñandú");
    expect(errorOf(() => got.personName(net.personCount)).code).toBe("unknown-person");
    expect(errorOf(() => got.personName(-1)).code).toBe("unknown-person");
    // the records are all there too, and the same
    expect(got.people()).toEqual(net.people());
    expect(serializeNetwork(got)).toBe(serializeNetwork(net));
  });

  it("are read instead of the records: records that are not JSON are never touched by personName", () => {
    const people: Person[] = [
      { id: "a", name: "Ann" },
      { id: "b", name: "Bo" },
    ];
    const { bytes, starts } = copiedPeopleText(people);
    const broken = bytes.slice();
    broken[starts[1]!] = 0x7d;
    const net = Network.fromColumns({}, Network.from({}).rawExchangeColumns(), undefined, { ids: ["a", "b"], bytes: broken, starts, names: ["Ann", "Bo"] });
    expect(net.personName(1)).toBe("Bo");
    expect(errorOf(() => net.personAt(1)).record).toBe("person #1");
    // without names, a name is the record's (and reads it)
    const plain = Network.fromColumns({}, Network.from({}).rawExchangeColumns(), undefined, { ids: ["a", "b"], bytes: broken, starts });
    expect(plain.personName(0)).toBe("Ann");
    expect(errorOf(() => plain.personName(1)).record).toBe("person #1");
  });

  it("must be text, one per id, and each the name its record holds", () => {
    const people: Person[] = [
      { id: "a", name: "Ann" },
      { id: "b", name: "Bo" },
    ];
    const text = copiedPeopleText(people);
    const empty = Network.from({}).rawExchangeColumns();
    const make = (names: unknown) => () => Network.fromColumns({}, empty, undefined, { ids: ["a", "b"], ...text, names: names as string[] });
    expect(errorOf(make(["Ann"])).message).toMatch(/person names do not match their ids/);
    const notText = errorOf(make(["Ann", 2]));
    expect(notText.code).toBe("invalid-format");
    expect(notText.record).toBe("person #1");
    // the list says "Bob" where the record says "Bo": the record is refused when read
    const other = make(["Ann", "Bob"])();
    expect(other.personName(1)).toBe("Bob");
    expect(other.personAt(0).name).toBe("Ann");
    expect(errorOf(() => other.personAt(1)).message).toMatch(/does not have its listed name/);
  });

  it("give way to the records once they change, and a damaged list is no copy", () => {
    const net = withNotes(6);
    const bytes = encodeNetworkColumns(net, SOURCE);
    const h = headerOf(bytes);
    const end = copiedRecordsEnd(bytes, "names")!;
    const got = decodeNetworkColumns(bytes.slice(), SOURCE, copiedRecords(bytes.subarray(0, end), "names"))!;
    got.edit({ op: "update-person", id: got.personId(4), patch: { name: "Renamed" } });
    expect(got.personName(4)).toBe("Renamed");
    expect(got.personName(2)).toBe("Zoë Ñandú");
    // one byte of a name changed (within the JSON, still a list of text): the checksum refuses the copy
    const namesFrom = align8(align8(12 + h.headerLength + h.records) + h.ids);
    const damaged = bytes.slice();
    const quote = damaged.indexOf(0x22, namesFrom + 2);
    damaged[quote - 1] = damaged[quote - 1] === 0x61 ? 0x62 : 0x61;
    expect(decodeNetworkColumns(damaged, SOURCE)).toBeUndefined();
    expect(decodeNetworkColumns(damaged.slice(), SOURCE, copiedRecords(damaged.subarray(0, end), "names"))).toBeUndefined();
  });
});

describe("whether a person's record holds a field (Network.personHas)", () => {
  const people: Person[] = [
    { id: "a", name: "Ann", tags: ["investor"] },
    // "tags" only as the key of an attribute, and as text inside a name: neither is the field
    { id: "b", name: 'Bo "tags":', attributes: { tags: "x" } },
    { id: "c", name: "Cy", notes: "private" },
    { id: "d", name: "Di" },
  ];

  it("answers as the record does, on a copy read on demand and on a plain network alike", () => {
    const copy = fromPeople(people);
    const plain = Network.from({ people });
    for (const net of [copy, plain]) {
      expect([0, 1, 2, 3].map((i) => net.personHas(i, "tags"))).toEqual([true, false, false, false]);
      expect([0, 1, 2, 3].map((i) => net.personHas(i, "attributes"))).toEqual([false, true, false, false]);
      expect([0, 1, 2, 3].map((i) => net.personHas(i, "notes"))).toEqual([false, false, true, false]);
      expect(net.personHas(3, "name")).toBe(true);
      expect(errorOf(() => net.personHas(4, "tags")).code).toBe("unknown-person");
      expect(errorOf(() => net.personHas(-1, "tags")).code).toBe("unknown-person");
    }
    // a redacted network's records hold no notes (Cy's text still names them), nor does a redacted copy's
    const redacted = fromPeople(people);
    const copyOf = redacted.withoutConfidential();
    redacted.removeConfidential();
    expect(redacted.personHas(2, "notes")).toBe(false);
    expect(copyOf.personHas(2, "notes")).toBe(false);
    expect(copyOf.personHas(0, "tags")).toBe(true);
  });

  it("reads no record whose text does not name the field: a broken record without tags is never parsed", () => {
    const { bytes, starts } = copiedPeopleText(people);
    const broken = bytes.slice();
    // Di's record (no tags) and Ann's (tags) each lose their opening brace
    broken[starts[3]!] = 0x7d;
    broken[starts[0]!] = 0x7d;
    const net = Network.fromColumns({}, Network.from({}).rawExchangeColumns(), undefined, { ids: people.map((p) => p.id), bytes: broken, starts });
    expect(net.personHas(3, "tags")).toBe(false);
    expect(net.personHas(3, "attributes")).toBe(false);
    // Ann's record names the field, so it is read, and refused
    expect(errorOf(() => net.personHas(0, "tags")).record).toBe("person #0");
    expect(errorOf(() => net.personAt(3)).record).toBe("person #3");
  });
});
