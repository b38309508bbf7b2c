// Exchanges read column-wise (ExchangeRows) are checked by the same rules as records: applied beside a
// batch, they must give the problems, the records left out and the network that the same exchanges as
// records give (Network.apply with problems "skip", "refuse" and "throw").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExchangeRows, Network, TiegraphError, type Exchange, type NetworkData } from "@tiegraph/core";

const base = (): Network => Network.from({ people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }] });

/** People added with the exchanges: "bo" has a problem of their own (a cadence of -1 days). */
const batch: NetworkData = { people: [{ id: "bo", name: "Bo", cadenceDays: -1 }, { id: "cy", name: "Cy" }] };

const exchanges: Exchange[] = [
  { date: "2024-03-01", kind: "favour", from: "bo", to: "me" }, // names bo, left out for their own problem
  { date: "2024-03-02", kind: "favour", from: "cy", to: "me", format: "coffee" },
  { date: "2024-03-03", kind: "favour", from: "ghost", to: "me" }, // unknown person
  { date: "2024-03-04", kind: "introduction", from: "cy", to: "me", introduced: "bo" }, // introduces bo
  { date: "2024-03-05", kind: "introduction", from: "cy", to: "me", introduced: "ann", id: "i1", tags: ["t"], note: "n" },
];
/** Read from another file: its id is one the first file used. */
const again: Exchange = { date: "2024-03-06", kind: "gesture", from: "ann", to: "cy", id: "i1" };

function rowsOf(list: readonly Exchange[], file = "ex.csv"): ExchangeRows {
  const rows = new ExchangeRows(file);
  list.forEach((e, i) => expect(rows.add(e, i + 2)).toEqual([]));
  return rows;
}

describe("ExchangeRows applied beside a batch", () => {
  it("skip the rows records would skip, with the same problems and dependents", () => {
    const a = base();
    const lines = [...exchanges.map((_, i) => ({ file: "ex.csv", line: i + 2 })), { file: "ex2.csv", line: 2 }];
    const ra = a.apply({ ...batch, exchanges: [...exchanges, again] }, { problems: "skip", lines: { exchanges: lines } });
    const b = base();
    const rb = b.apply(batch, { problems: "skip", rows: [rowsOf(exchanges), rowsOf([again], "ex2.csv")] });
    expect(rb.problems).toEqual(ra.problems);
    expect(rb.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["invalid-value", undefined, undefined],
      ["unknown-person", "ex.csv", 4],
      ["duplicate-id", "ex2.csv", 2],
    ]);
    expect(rb.dependents).toEqual(ra.dependents);
    expect(rb.dependents.map((p) => [p.code, p.line, p.pointer])).toEqual([
      ["unknown-person", 2, "/exchanges/0/from"],
      ["unknown-person", 5, "/exchanges/3/introduced"],
    ]);
    expect(rb.rowsApplied).toBe(ra.batch.exchanges!.length);
    expect(rb.rowsApplied).toBe(2);
    expect(b.toData()).toEqual(a.toData());
    expect(b.exchangeAt(1)).toMatchObject({ id: "i1", introduced: "ann", tags: ["t"], note: "n" });
  });

  it("refuse or throw as records do, changing nothing", () => {
    const b = base();
    const refused = b.apply(batch, { problems: "refuse", rows: [rowsOf(exchanges), rowsOf([again], "ex2.csv")] });
    expect(refused.rowsApplied).toBe(0);
    expect(refused.problems.map((p) => p.code)).toEqual(["invalid-value", "unknown-person", "duplicate-id"]);
    expect(() => b.apply({ people: [{ id: "cy", name: "Cy" }] }, { rows: [rowsOf(exchanges.slice(1, 3))] })).toThrow(TiegraphError);
    expect(b.toData()).toEqual(base().toData());
  });

  it("number after the batch's own exchanges, and a second part after the first", () => {
    const b = base();
    const own: Exchange[] = [{ date: "2024-01-01", kind: "favour", from: "ann", to: "me" }];
    const r = b.apply({ exchanges: own }, { problems: "refuse", rows: [rowsOf([own[0]!]), rowsOf([{ date: "2024-01-02", kind: "favour", from: "me", to: "zed" }])] });
    expect(r.problems.map((p) => [p.pointer, p.record, p.line])).toEqual([["/exchanges/2/to", "exchange #2", 2]]);
  });

  it("are checked as they are read: a bad row is not kept and says why", () => {
    const rows = new ExchangeRows("ex.csv");
    expect(rows.add({ date: "2024-02-30", kind: "favour", from: "a", to: "b" }, 7).map((p) => [p.code, p.file, p.line, p.pointer])).toEqual([["invalid-date", "ex.csv", 7, "/exchanges/0/date"]]);
    expect(rows.add({ date: "2024-02-03", kind: "favour", from: "a", to: "a" }, 8).map((p) => [p.code, p.pointer])).toEqual([["self-exchange", "/exchanges/1/to"]]);
    expect(rows.add({ date: "2024-02-03", kind: "favour", from: "a", to: "b", value: 4, minutes: 15 }, 9)).toEqual([]);
    expect(rows.length).toBe(1);
    expect(rows.record(0)).toEqual({ date: "2024-02-03", kind: "favour", from: "a", to: "b", value: 4, minutes: 15 });
  });

  it("keep each row's extras with its row, those without none, through growth, subsets and applying", () => {
    // 3000 rows (more than the room made at first): every third has tags, every fifth an id, one a note
    const list: Exchange[] = [];
    for (let i = 0; i < 3000; i++) {
      const e: Exchange = { date: "2024-03-01", kind: "favour", from: "ann", to: "me" };
      if (i % 3 === 0) e.tags = [`t${i % 4}`];
      if (i % 5 === 0) e.id = `x${i}`;
      if (i === 1001) e.note = "the one note";
      list.push(e);
    }
    const rows = rowsOf(list);
    expect(rows.record(0)).toEqual({ date: "2024-03-01", kind: "favour", from: "ann", to: "me", id: "x0", tags: ["t0"] });
    expect(rows.record(1)).toEqual({ date: "2024-03-01", kind: "favour", from: "ann", to: "me" });
    expect(rows.record(1001)).toEqual({ date: "2024-03-01", kind: "favour", from: "ann", to: "me", note: "the one note" });
    expect(rows.record(2997)).toEqual({ date: "2024-03-01", kind: "favour", from: "ann", to: "me", tags: ["t1"] });
    expect(rows.idOf(2995)).toBe("x2995");
    expect(rows.idOf(2996)).toBeUndefined();
    // rows with tags alone share their list's record and its one entry: 4 lists (t0…t3), then a record of its
    // own for each of the 600 rows with an id (i % 5 === 0, tags or not) and for the note: 4 + 600 + 1 = 605
    // entries, not one per row with extras (1000 tagged + 600 with an id − 200 with both + 1 = 1401)
    const { parts } = rows.toParts();
    expect(parts.extras).toHaveLength(605);
    // cloned as to another thread, the rows are the same
    const back = ExchangeRows.fromParts(structuredClone(parts));
    expect(Array.from({ length: 3000 }, (_, i) => back.record(i))).toEqual(list);
    // a subset keeps the extras of the rows it keeps
    const keep = new Uint8Array(3000);
    for (const i of [1, 3, 5, 1001, 2999]) keep[i] = 1;
    const some = rows.subset(keep);
    expect([0, 1, 2, 3, 4].map((j) => some.record(j))).toEqual([1, 3, 5, 1001, 2999].map((i) => list[i]));
    expect([0, 1, 2, 3, 4].map((j) => some.idOf(j))).toEqual([undefined, undefined, "x5", undefined, undefined]);
    // applied, the network holds each row's own
    const net = base();
    expect(net.apply({}, { rows: [rows] }).rowsApplied).toBe(3000);
    expect(net.exchangeAt(3)).toEqual({ id: "#4", date: "2024-03-01", kind: "favour", from: "ann", to: "me", tags: ["t3"] });
    expect(net.exchangeAt(10)).toEqual({ id: "x10", date: "2024-03-01", kind: "favour", from: "ann", to: "me" });
    expect(net.exchangeAt(1001)).toEqual({ id: "#1002", date: "2024-03-01", kind: "favour", from: "ann", to: "me", note: "the one note" });
  });

  it("give the network their formats in the order first read, each exchange its own", () => {
    const formats = ["call", "", "lunch", "call", "coffee", "", "lunch"];
    const net = Network.from({ people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }], exchanges: [{ date: "2024-01-01", kind: "meeting", from: "ann", to: "me", format: "walk" }] });
    const rows = rowsOf(formats.map((f, i): Exchange => ({ date: `2024-03-0${i + 1}`, kind: "meeting", from: "ann", to: "me", ...(f ? { format: f } : {}) })));
    net.apply({ exchanges: [{ date: "2024-02-01", kind: "meeting", from: "me", to: "ann", format: "coffee" }] }, { rows: [rows] });
    expect(net.formats).toEqual(["", "walk", "coffee", "call", "lunch"]);
    expect(Array.from({ length: net.exchangeCount }, (_, i) => net.exchangeAt(i).format ?? "")).toEqual(["walk", "coffee", ...formats]);
  });

  it("do not count a refused row's format towards the limit of formats, as records do not", () => {
    // 253 formats ("" and 252 others): two new ones fit (253 + 2 = 255, at most 254 besides ""), a third would not
    const old = Array.from({ length: 252 }, (_, i): Exchange => ({ date: "2024-01-01", kind: "meeting", from: "me", to: "ann", format: `old${i}` }));
    const net = Network.from({ people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }], exchanges: old });
    expect(net.formats).toHaveLength(253);
    const list: Exchange[] = [
      { date: "2024-03-01", kind: "meeting", from: "me", to: "ghost", format: "f1" }, // refused: nobody is "ghost"
      { date: "2024-03-02", kind: "meeting", from: "me", to: "ann", format: "f2" },
      { date: "2024-03-03", kind: "meeting", from: "ann", to: "me", format: "f3" },
    ];
    const r = net.apply({}, { problems: "skip", rows: [rowsOf(list)] });
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([["unknown-person", 2]]);
    expect(r.rowsApplied).toBe(2);
    expect(net.formats.slice(-2)).toEqual(["f2", "f3"]);
  });

  it("give what records give, whatever the rows hold (unknown people, renamed ones meeting themselves, ids, introductions, tags, formats past the limit)", () => {
    const known = ["me", "ann", "al"];
    const person = fc.constantFrom("me", "ann", "al", "bo", "cy", "ghost");
    const row = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      kind: fc.constantFrom("favour", "information", "meeting", "introduction", "gesture"),
      from: person,
      to: person,
      // fc.option gives null once in `freq` draws
      id: fc.option(fc.constantFrom("i1", "i2", "w0", "x"), { freq: 2 }),
      introduced: fc.option(person, { freq: 2 }),
      tags: fc.option(fc.constantFrom(["t"], ["t", "u"], ["u"]), { freq: 2 }),
      format: fc.option(fc.constantFrom("coffee", "call", "f1", "f2", "f3", "f4"), { freq: 4 }),
      value: fc.option(fc.integer({ min: 0, max: 9 }), { freq: 2 }),
      confidential: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 4, maxLength: 40 }), fc.boolean(), fc.constantFrom("skip", "refuse") as fc.Arbitrary<"skip" | "refuse">, (drawn, crowded, problems) => {
        const list: Exchange[] = [];
        // only rows that read well go in (the reading refuses the rest before any merge: a bad field, a
        // person meeting themself, an id repeated among the rows)
        const probe = new ExchangeRows("ex.csv");
        for (const r of drawn) {
          const e: Exchange = { date: `2024-03-${String(r.day).padStart(2, "0")}`, kind: r.kind, from: r.from, to: r.to };
          if (r.id !== null) e.id = r.id;
          if (r.introduced !== null) e.introduced = r.introduced;
          if (r.tags !== null) e.tags = [...r.tags];
          if (r.format !== null) e.format = r.format;
          if (r.value !== null) e.value = r.value;
          if (r.confidential) e.confidential = true;
          if (probe.add(e, 2).length === 0) list.push(e);
        }
        // "al" is renamed to "ann": an exchange between them becomes one of a person with themself
        const start = (): Network => {
          const people = known.filter((id) => id !== "al").map((id) => ({ id, name: id }));
          // a network with 252 formats already: the rows' third new one is past the limit of 254
          const formats = crowded ? Array.from({ length: 252 }, (_, i) => ({ date: "2024-01-01", kind: "meeting" as const, from: "me", to: "ann", format: `old${i}` })) : [];
          return Network.from({ people, exchanges: [{ date: "2024-01-01", kind: "favour", from: "me", to: "ann", id: "w0" }, ...formats] });
        };
        const renamed = list.map((e) => ({ ...e, from: e.from === "al" ? "ann" : e.from, to: e.to === "al" ? "ann" : e.to, ...(e.introduced === "al" ? { introduced: "ann" } : {}) }));
        const added: NetworkData = { people: [{ id: "bo", name: "Bo" }, { id: "cy", name: "Cy", cadenceDays: -1 }] };
        const a = start();
        const lines = renamed.map((_, i) => ({ file: "ex.csv", line: i + 2 }));
        const ra = a.apply({ ...added, exchanges: renamed }, { problems, lines: { exchanges: lines } });
        const b = start();
        const rows = rowsOf(list).withPeople((id) => (id === "al" ? "ann" : id));
        const rb = b.apply(added, { problems, rows: [rows] });
        expect(rb.problems).toEqual(ra.problems);
        expect(rb.dependents).toEqual(ra.dependents);
        expect(rb.rowsApplied).toBe(ra.batch.exchanges?.length ?? 0);
        expect(b.toData()).toEqual(a.toData());
        expect(b.formats).toEqual(a.formats);
      }),
      { numRuns: 300 },
    );
  });
});
