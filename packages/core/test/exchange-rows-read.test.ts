// ExchangeRows.addRead keeps a row a reader has judged itself exactly as add keeps it (the exchanges CSV's
// direct reading uses it for every plain row); stageRows stages the rows that pass every rule as they are and
// hands the others to the rules, in order (Network.apply's staging of a million rows).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCHANGE_KINDS, ExchangeRows, Network, parseDay, type Exchange } from "@tiegraph/core";
import { StagedExchanges } from "../src/model/exchange-store.js";

/** Rows read the general way (add) and the direct way (addRead where it takes the row, else add). */
function bothWays(list: readonly Exchange[]): [ExchangeRows, ExchangeRows, number] {
  const general = new ExchangeRows("ex.csv");
  const direct = new ExchangeRows("ex.csv");
  let read = 0;
  list.forEach((e, i) => {
    const line = i + 2;
    const problems = general.add(e, line);
    if (e.id === undefined && e.introduced === undefined && e.from !== e.to && problems.length === 0) {
      // as the reader asks: giver, then receiver
      const from = direct.personNumber(e.from);
      const to = direct.personNumber(e.to);
      const kept = direct.addRead(from, to, parseDay(e.date)!, EXCHANGE_KINDS.indexOf(e.kind), e.value ?? -1, e.minutes ?? -1, e.confidential === true, e.format ?? "", e.tags, e.note, line);
      if (kept) {
        read++;
        return;
      }
    }
    expect(direct.add(e, line)).toEqual(problems);
  });
  return [general, direct, read];
}

describe("ExchangeRows.addRead", () => {
  it("keeps a row as add keeps it: columns, default or explicit values, minutes, flags, shared tags, notes, people in the order asked", () => {
    const list: Exchange[] = [
      // a format no row has yet: addRead leaves each to add
      { date: "2024-03-01", kind: "meeting", from: "ann", to: "me", format: "coffee", minutes: 30 },
      { date: "2024-03-02", kind: "meeting", from: "bo", to: "ann", format: "lunch" },
      { date: "2024-03-03", kind: "meeting", from: "cy", to: "bo", format: "coffee", minutes: 0 },
      { date: "2024-03-04", kind: "information", from: "me", to: "cy", tags: ["hiring"] },
      { date: "2024-03-05", kind: "information", from: "dan", to: "me", tags: ["hiring"], value: 0 },
      { date: "2024-03-06", kind: "favour", from: "me", to: "dan", note: "moved a desk", tags: ["a", "b"], confidential: true },
      { date: "2024-03-07", kind: "gesture", from: "ann", to: "bo", value: 2.5 },
      // an id and an introduced person: add's
      { date: "2024-03-08", kind: "favour", from: "ann", to: "bo", id: "x1" },
      { date: "2024-03-09", kind: "introduction", from: "ann", to: "bo", introduced: "cy" },
    ];
    const [general, direct, read] = bothWays(list);
    // every row but the first with each format (coffee, lunch), the id and the introduction
    expect(read).toBe(5);
    const a = general.toParts().parts;
    const b = direct.toParts().parts;
    expect(b).toEqual(a);
    // default values by kind (meeting 1, information 1, favour 3), explicit ones flagged (bit 2), confidential bit 1
    expect([...b.value.subarray(0, 7)]).toEqual([1, 1, 1, 1, 0, 3, 2.5]);
    expect([...b.flags.subarray(0, 7)]).toEqual([0, 0, 0, 0, 2, 1, 2]);
    // the two rows tagged "hiring" alone share one extras record; the note has its own, its tags a shared list
    expect(b.extra[3]).toBe(b.extra[4]);
    expect(b.extras[b.extra[5]! - 1]).toEqual({ note: "moved a desk", tags: ["a", "b"] });
    expect(b.ids).toEqual(["ann", "me", "bo", "cy", "dan"]);
  });

  it("keeps nothing for a format no kept row has (not even a count of tries)", () => {
    const rows = new ExchangeRows("ex.csv");
    expect(rows.addRead(rows.personNumber("ann"), rows.personNumber("me"), parseDay("2024-03-01")!, EXCHANGE_KINDS.indexOf("meeting"), -1, -1, false, "coffee", undefined, undefined, 2)).toBe(false);
    expect(rows.length).toBe(0);
    // the next row add checks is still exchange #0
    expect(rows.add({ date: "2024-03-01", kind: "party" as Exchange["kind"], from: "ann", to: "me" }, 3)[0]?.record).toBe("exchange #0");
  });

  it("gives the rows add gives, on generated rows", () => {
    const person = fc.constantFrom("me", "ann", "bo", "cy");
    const row = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      kind: fc.constantFrom(...EXCHANGE_KINDS),
      from: person,
      to: person,
      id: fc.option(fc.constantFrom("i1", "i2"), { freq: 4 }),
      introduced: fc.option(person, { freq: 4 }),
      tags: fc.option(fc.constantFrom(["t"], ["t", "u"], ["u"]), { freq: 2 }),
      note: fc.option(fc.constantFrom("n", "m"), { freq: 3 }),
      format: fc.option(fc.constantFrom("coffee", "call", "lunch"), { freq: 2 }),
      value: fc.option(fc.constantFrom(0, 1, 4.5), { freq: 2 }),
      minutes: fc.option(fc.constantFrom(0, 30), { freq: 2 }),
      confidential: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (drawn) => {
        const list = drawn.map((r) => {
          const e: Exchange = { date: `2024-03-${String(r.day).padStart(2, "0")}`, kind: r.kind, from: r.from, to: r.to };
          for (const k of ["id", "introduced", "tags", "note", "format", "value", "minutes"] as const) if (r[k] !== null) (e as unknown as Record<string, unknown>)[k] = r[k];
          if (r.confidential) e.confidential = true;
          return e;
        });
        const [general, direct] = bothWays(list);
        expect(direct.toParts().parts).toEqual(general.toParts().parts);
      }),
      { numRuns: 300 },
    );
  });
});

describe("ExchangeRows.stageRows", () => {
  it("stages the rows that pass every rule as they are, and hands the others to the rules, in order", () => {
    const rows = new ExchangeRows("ex.csv");
    const list: Exchange[] = [
      { date: "2024-03-01", kind: "meeting", from: "ann", to: "me", format: "coffee" }, // coffee: the network has it
      { date: "2024-03-02", kind: "meeting", from: "ann", to: "me", format: "lunch" }, // lunch: not yet (to the rules)
      { date: "2024-03-03", kind: "meeting", from: "me", to: "ann", format: "lunch" }, // now accepted: staged as it is
      { date: "2024-03-04", kind: "favour", from: "ghost", to: "me" }, // an unknown person
      { date: "2024-03-05", kind: "favour", from: "al", to: "ann" }, // al is ann: one person
      { date: "2024-03-06", kind: "favour", from: "me", to: "ann", id: "x" }, // an id
      { date: "2024-03-07", kind: "introduction", from: "me", to: "ann", introduced: "bo" }, // an introduced person
      { date: "2024-03-08", kind: "information", from: "bo", to: "me", tags: ["t"], note: "n", confidential: true, value: 0 },
    ];
    list.forEach((e, i) => expect(rows.add(e, i + 2)).toEqual([]));
    const network = Network.from({ people: ["me", "ann", "bo"].map((id) => ({ id, name: id })), exchanges: [{ date: "2024-01-01", kind: "meeting", from: "me", to: "ann", format: "coffee" }] });
    const refs = rows.people.map((id) => (id === "ghost" ? -Infinity : network.personIndex(id === "al" ? "ann" : id)!));
    const newFormats = new Set<string>();
    const into = new StagedExchanges();
    const judged: number[] = [];
    rows.stageRows(refs, network, newFormats, into, (i) => {
      judged.push(i);
      // as the batch's rules would: lunch accepted, the unknown person and the one person refused, the rest staged
      if (i === 1) newFormats.add("lunch");
      if (i === 3 || i === 4) return;
      into.push(rows.row(i, refs, network, new Set(), newFormats, i, () => undefined, [])!);
    });
    expect(judged).toEqual([1, 3, 4, 5, 6]);
    expect(into.length).toBe(6);
    const me = network.personIndex("me")!;
    const ann = network.personIndex("ann")!;
    const bo = network.personIndex("bo")!;
    // in order: rows 0, 1 (judged), 2, 5 (judged), 6 (judged), 7
    expect([...into.from.subarray(0, 6)]).toEqual([ann, ann, me, me, me, bo]);
    expect([...into.day.subarray(0, 6)].map((d) => d - parseDay("2024-03-01")!)).toEqual([0, 1, 2, 5, 6, 7]);
    // formats in the order first staged: coffee, then lunch
    expect(into.formatNames).toEqual(["", "coffee", "lunch"]);
    expect([...into.format.subarray(0, 6)]).toEqual([1, 2, 2, 0, 0, 0]);
    // the last row: confidential (1) with an explicit value (2), its extras kept
    expect(into.flags[5]).toBe(3);
    expect(into.extras.at(-1)).toEqual({ tags: ["t"], note: "n" });
  });
});
