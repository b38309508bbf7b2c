// ExchangeRows sent to another thread (toParts → structured clone → fromParts) must be the same rows: the
// same people, places, records and network once applied, and rows added afterwards checked and numbered as
// on the original (ids, formats and explicit exchange ids seen so far known again). `tiegraph import` reads
// an exchanges CSV on a worker thread and sends its rows this way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExchangeRows, Network, type Exchange } from "@tiegraph/core";

const PEOPLE = ["me", "ann", "bo", "cy", "ghost", ""];
const exchange: fc.Arbitrary<Exchange> = fc
  .record({
    date: fc.constantFrom("2024-03-01", "2024-02-30", "2023-12-31", "2025-06-15"),
    kind: fc.constantFrom("favour", "information", "introduction", "meeting", "gesture", "party"),
    from: fc.constantFrom(...PEOPLE),
    to: fc.constantFrom(...PEOPLE),
    introduced: fc.option(fc.constantFrom(...PEOPLE), { nil: undefined }),
    id: fc.option(fc.constantFrom("x1", "x2", "x3"), { nil: undefined }),
    format: fc.option(fc.constantFrom("coffee", "lunch", "call"), { nil: undefined }),
    tags: fc.option(fc.constantFrom(["t"], ["t", "u"], ["v"]), { nil: undefined }),
    note: fc.option(fc.constantFrom("n", "a note"), { nil: undefined }),
    value: fc.option(fc.constantFrom(0, 1, 2.5, -1), { nil: undefined }),
    confidential: fc.option(fc.constant(true), { nil: undefined }),
  })
  .map((r) => {
    // "party" is no kind: kept, so that rows are refused too
    const e = { ...r } as unknown as Exchange;
    for (const k of Object.keys(e) as (keyof Exchange)[]) if (e[k] === undefined) delete e[k];
    return e;
  });

const people = Network.from({ people: ["me", "ann", "bo", "cy"].map((id) => ({ id, name: id })) });

/** Everything the rows say about themselves, and what they give once applied. */
function described(rows: ExchangeRows): unknown {
  const records = Array.from({ length: rows.length }, (_, i) => [rows.record(i), rows.place(i), rows.peopleOf(i), rows.idOf(i)]);
  const net = Network.from(people.toData());
  const applied = net.apply({}, { problems: "skip", rows: [rows] });
  return { length: rows.length, people: [...rows.people], records, problems: applied.problems, data: net.toData() };
}

describe("ExchangeRows.toParts and fromParts", () => {
  it("give the same rows after a structured clone, and go on numbering, checking and keeping as the original", () => {
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 40 }), fc.array(exchange, { maxLength: 15 }), fc.integer({ min: 0, max: 60 }), (first, later, room) => {
        const a = new ExchangeRows("ex.csv", 4);
        const b = new ExchangeRows("ex.csv", 4);
        // room made ahead (as a reader does from a file's size) changes nothing the rows hold
        b.reserve(room);
        first.forEach((e, i) => {
          const pa = a.add(e, i + 2);
          expect(b.add(e, i + 2)).toEqual(pa);
        });
        const { parts, buffers } = b.toParts();
        expect(buffers.length).toBe(10);
        // columns with little room to spare (at most an eighth of the rows) go as they are, others cut to the rows
        const kept = b.length;
        // room for 4, or as reserved; full, it doubles (to 16 at least)
        let capacity = Math.max(4, room);
        while (capacity < kept) capacity = Math.max(16, 2 * capacity);
        expect(parts.from.length).toBe(capacity - kept <= kept >>> 3 ? capacity : kept);
        const moved = ExchangeRows.fromParts(structuredClone(parts, { transfer: buffers }));
        expect(described(moved)).toEqual(described(a));
        // later rows: the same problems (duplicate ids and pointers counting every row tried) and the same rows kept
        later.forEach((e, i) => expect(moved.add(e, 100 + i)).toEqual(a.add(e, 100 + i)));
        expect(described(moved)).toEqual(described(a));
      }),
      { numRuns: 200 },
    );
  });

  it("sends columns with room to spare as they are when it is at most an eighth of the rows, else cut", () => {
    const rowsOf = (n: number): ExchangeRows => {
      const rows = new ExchangeRows("r.csv", 4);
      rows.reserve(100);
      for (let i = 0; i < n; i++) expect(rows.add({ date: "2024-03-01", kind: "favour", from: "ann", to: "me" }, i + 2)).toEqual([]);
      return rows;
    };
    // 90 rows in room for 100: 10 to spare, at most 90 / 8 = 11.25, so sent as they are (no copy)
    expect(rowsOf(90).toParts().parts.from.length).toBe(100);
    // 88 rows: 12 to spare, more than 88 / 8 = 11: cut to the rows
    expect(rowsOf(88).toParts().parts.from.length).toBe(88);
    // 80 rows: 20 to spare: cut
    expect(rowsOf(80).toParts().parts.from.length).toBe(80);
    // either way the rows come back the same, and more can be added past the room
    const back = ExchangeRows.fromParts(structuredClone(rowsOf(90).toParts().parts));
    for (let i = 0; i < 20; i++) back.add({ date: "2024-03-02", kind: "information", from: "me", to: "ann" }, 200 + i);
    expect(back.length).toBe(110);
    expect([back.record(89), back.record(109)]).toEqual([
      { date: "2024-03-01", kind: "favour", from: "ann", to: "me" },
      { date: "2024-03-02", kind: "information", from: "me", to: "ann" },
    ]);
  });

  it("round-trips no rows, and rows that fill their columns exactly", () => {
    const empty = ExchangeRows.fromParts(structuredClone(new ExchangeRows("e.csv").toParts().parts));
    expect(empty.length).toBe(0);
    expect(empty.add({ date: "2024-03-01", kind: "favour", from: "ann", to: "me" }, 2)).toEqual([]);
    expect(empty.record(0)).toEqual({ date: "2024-03-01", kind: "favour", from: "ann", to: "me" });
    expect(empty.people).toEqual(["ann", "me"]);
    const full = new ExchangeRows("f.csv", 2);
    full.add({ date: "2024-03-01", kind: "favour", from: "ann", to: "me", id: "k" }, 2);
    full.add({ date: "2024-03-02", kind: "favour", from: "me", to: "ann" }, 3);
    const copy = ExchangeRows.fromParts(structuredClone(full.toParts().parts));
    expect(copy.length).toBe(2);
    // the explicit id "k" is known again: a third row with it is a duplicate, at position 2
    expect(copy.add({ date: "2024-03-03", kind: "favour", from: "ann", to: "me", id: "k" }, 4).map((p) => [p.code, p.pointer])).toEqual([["duplicate-id", "/exchanges/2/id"]]);
  });

  it("shared rows hand over views of shared memory: nothing to move, the same rows on the other side, and the original still readable", () => {
    fc.assert(
      fc.property(fc.array(exchange, { maxLength: 40 }), fc.integer({ min: 0, max: 60 }), (first, room) => {
        const plain = new ExchangeRows("ex.csv", 4);
        const shared = new ExchangeRows("ex.csv", 4, true);
        // room made ahead, and growth past it, keep the columns shared
        shared.reserve(room);
        first.forEach((e, i) => expect(shared.add(e, i + 2)).toEqual(plain.add(e, i + 2)));
        const before = described(shared);
        const { parts, buffers } = shared.toParts();
        expect(buffers).toEqual([]);
        for (const col of [parts.from, parts.to, parts.day, parts.kind, parts.value, parts.minutes, parts.flags, parts.format, parts.extra, parts.line]) {
          expect(col.buffer).toBeInstanceOf(SharedArrayBuffer);
          expect(col.length).toBe(shared.length);
        }
        // a structured clone shares the memory: a write on one side is seen on the other
        const clone = structuredClone(parts);
        expect(described(ExchangeRows.fromParts(clone))).toEqual(described(plain));
        if (parts.n > 0) {
          const day = parts.day[0]!;
          clone.day[0] = day + 1;
          expect(parts.day[0]).toBe(day + 1);
          clone.day[0] = day;
        }
        // the rows handed over are still the rows here
        expect(described(shared)).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});

