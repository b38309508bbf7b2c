// Property tests of Network.edit: random sequences of valid edits, undone, give back the
// network exactly (toData deep-equal, the file byte for byte); a list with an invalid edit
// anywhere changes nothing; and after any edits the network's indices agree with a network
// built afresh from its data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCHANGE_KINDS, Network, TiegraphError, serializeNetwork, type NetworkData, type NetworkEdit } from "@tiegraph/core";

const base = (): NetworkData => ({
  ego: "me",
  organisations: [
    { id: "acme", name: "Acme", tags: ["client"] },
    { id: "globex", name: "Globex" },
  ],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann", emails: ["ann@acme.test"], interests: ["hiring"] },
    { id: "bob", name: "Bob", tags: ["mentor"], cadenceDays: 30 },
    { id: "cy", name: "Cy", notes: "met at a fair", attributes: { office: "Paris" } },
  ],
  affiliations: [
    { person: "me", organisation: "acme", from: "2020-01-01" },
    { person: "ann", organisation: "acme", from: "2019-05-01", to: "2024-06-30", role: "CTO" },
    { person: "ann", organisation: "globex", from: "2024-07-01" },
    { person: "bob", organisation: "globex" },
  ],
  exchanges: [
    { id: "x1", date: "2024-03-01", kind: "favour", from: "ann", to: "me" },
    { date: "2024-08-01", kind: "meeting", from: "me", to: "ann", minutes: 45, format: "coffee" },
    { date: "2024-09-01", kind: "information", from: "me", to: "bob", value: 2, tags: ["pricing"], note: "secret", confidential: true },
    { date: "2024-09-03", kind: "introduction", from: "me", to: "bob", introduced: "cy" },
    { date: "2024-10-01", kind: "gesture", from: "cy", to: "ann", format: "lunch" },
  ],
});

/** A random choice of edit; `pick` numbers select existing records modulo their count. */
interface Intent {
  op: number;
  a: number;
  b: number;
  c: number;
  day: number;
  text: string;
  flag: boolean;
}

const intentArb: fc.Arbitrary<Intent> = fc.record({
  op: fc.nat(13),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  day: fc.integer({ min: 0, max: 2000 }),
  text: fc.string({ maxLength: 6 }),
  flag: fc.boolean(),
});

let fresh = 0;
const date = (day: number): string => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/** The valid edit an intent stands for in this network, or undefined when it has nothing to work on. */
function concrete(net: Network, t: Intent): NetworkEdit | undefined {
  const people = net.people();
  const orgs = net.organisations();
  const person = (x: number): string => people[x % people.length]!.id;
  const other = (x: number, not: string[]): string | undefined => {
    const rest = people.filter((p) => !not.includes(p.id));
    return rest.length ? rest[x % rest.length]!.id : undefined;
  };
  const n = net.exchangeCount;
  switch (t.op) {
    case 0:
      return { op: "add-person", person: { id: `p${++fresh}`, name: t.text, ...(t.flag ? { tags: [t.text] } : {}) }, ...(t.c % 3 === 0 ? { at: t.a % (people.length + 1) } : {}) };
    case 1: {
      if (!people.length) return undefined;
      const patch: Record<string, unknown> = t.flag ? { name: t.text, emails: [`${t.text}@x.test`] } : { tags: undefined, cadenceDays: 1 + (t.b % 90), notes: t.text };
      return { op: "update-person", id: person(t.a), patch };
    }
    case 2:
      return people.length > 2 ? { op: "remove-person", id: person(t.a) } : undefined;
    case 3:
      return { op: "add-organisation", organisation: { id: `o${++fresh}`, name: t.text }, ...(t.flag ? { at: t.a % (orgs.length + 1) } : {}) };
    case 4:
      return orgs.length ? { op: "update-organisation", id: orgs[t.a % orgs.length]!.id, patch: t.flag ? { name: t.text } : { tags: [t.text] } } : undefined;
    case 5: {
      if (!people.length || !orgs.length) return undefined;
      const from = date(t.day);
      return { op: "add-affiliation", affiliation: { person: person(t.a), organisation: orgs[t.b % orgs.length]!.id, ...(t.flag ? { from } : {}), ...(t.c % 2 ? { to: date(t.day + t.c) } : {}) } };
    }
    case 6:
    case 7: {
      const who = people.map((p) => p.id).filter((id) => net.affiliationsOf(id).length);
      if (!who.length) return undefined;
      const id = who[t.a % who.length]!;
      const index = t.b % net.affiliationsOf(id).length;
      if (t.op === 7) return { op: "remove-affiliation", person: id, index };
      return { op: "update-affiliation", person: id, index, affiliation: { person: id, organisation: orgs[t.c % orgs.length]!.id, from: date(t.day), role: t.text } };
    }
    case 8:
    case 9: {
      if (people.length < 2) return undefined;
      const from = person(t.a);
      const to = other(t.b, [from])!;
      const kind = EXCHANGE_KINDS[t.c % EXCHANGE_KINDS.length]!;
      const introduced = kind === "introduction" ? other(t.c, [from, to]) : undefined;
      if (kind === "introduction" && introduced === undefined) return undefined;
      const exchange = { date: date(t.day), kind, from, to, ...(introduced ? { introduced } : {}), ...(t.flag ? { note: t.text, confidential: true, id: `e${++fresh}` } : { value: t.c % 5 }), ...(t.c % 3 === 0 ? { format: "call" } : {}) };
      return { op: "add-exchange", exchange, ...(t.op === 9 && n ? { at: t.a % (n + 1) } : {}) };
    }
    case 10: {
      if (!n) return undefined;
      const i = t.a % n;
      const e = net.exchangeAt(i);
      return { op: "update-exchange", id: e.id, patch: t.flag ? { date: date(t.day), minutes: t.b % 120 } : { note: undefined, value: undefined, tags: [t.text] } };
    }
    case 11:
      return n ? { op: "remove-exchange", id: net.exchangeId(t.a % n) } : undefined;
    case 12: {
      if (people.length < 3) return undefined;
      const keep = person(t.a);
      return { op: "merge-people", keep, drop: other(t.b, [keep])! };
    }
    default:
      return { op: "set-ego", id: t.flag ? undefined : person(t.a) };
  }
}

/** The network's derived indices agree with those of a network built afresh from its data. */
function expectConsistent(net: Network): void {
  const again = Network.from(net.toData());
  expect(net.affiliationCount).toBe(again.affiliationCount);
  expect(net.ego).toBe(again.ego);
  for (const p of again.people()) {
    expect(net.personIndex(p.id)).toBe(again.personIndex(p.id));
    expect([...net.exchangesOf(p.id)]).toEqual([...again.exchangesOf(p.id)]);
  }
  for (let i = 0; i < again.exchangeCount; i++) expect(net.exchangeIndex(again.exchangeId(i))).toBe(i);
  const a = net.exchangeColumns();
  const b = again.exchangeColumns();
  expect([...a.from]).toEqual([...b.from]);
  expect([...a.value]).toEqual([...b.value]);
}

describe("Network.edit properties", () => {
  it("any sequence of valid edits, then their undos in reverse order, gives back the network exactly", () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 25 }), (intents) => {
        const net = Network.from(base());
        const data = net.toData();
        const text = serializeNetwork(net);
        const undos: NetworkEdit[][] = [];
        for (const t of intents) {
          const e = concrete(net, t);
          if (e) undos.push(net.edit(e));
        }
        expectConsistent(net);
        for (let j = undos.length - 1; j >= 0; j--) net.edit(undos[j]!);
        expect(net.toData()).toEqual(data);
        expect(serializeNetwork(net)).toBe(text);
        expectConsistent(net);
      }),
      { numRuns: 300 },
    );
  });

  it("a list of edits applied as one change is undone by the one list it returns", () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 25 }), (intents) => {
        const net = Network.from(base());
        const text = serializeNetwork(net);
        // build the list against a scratch copy, so each edit is valid where it falls
        const scratch = Network.from(base());
        const list: NetworkEdit[] = [];
        for (const t of intents) {
          const e = concrete(scratch, t);
          if (!e) continue;
          scratch.edit(e);
          list.push(e);
        }
        const revision = net.revision;
        const undo = net.edit(list);
        expect(serializeNetwork(net)).toBe(serializeNetwork(scratch));
        expect(net.revision).toBe(revision + (list.length ? 1 : 0));
        net.edit(undo);
        expect(serializeNetwork(net)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  const invalid: ((net: Network) => NetworkEdit)[] = [
    () => ({ op: "add-exchange", exchange: { date: "2024-02-30", kind: "favour", from: "ann", to: "me" } }),
    () => ({ op: "add-exchange", exchange: { date: "2024-02-03", kind: "favour", from: "ann", to: "ann" } }),
    () => ({ op: "add-exchange", exchange: { date: "2024-02-03", kind: "introduction", from: "me", to: "bob", introduced: "me" } }),
    () => ({ op: "add-exchange", exchange: { date: "2024-02-03", kind: "favour", from: "ghost", to: "me" } }),
    () => ({ op: "add-person", person: { id: "me", name: "Me again" } }),
    () => ({ op: "update-person", id: "ghost", patch: { name: "G" } }),
    () => ({ op: "update-person", id: "ann", patch: { cadenceDays: -1 } }),
    () => ({ op: "remove-person", id: "ghost" }),
    () => ({ op: "add-affiliation", affiliation: { person: "ann", organisation: "acme", from: "2024-01-02", to: "2023-01-01" } }),
    () => ({ op: "remove-affiliation", person: "cy", index: 0 }),
    () => ({ op: "update-exchange", id: "#999", patch: { value: 1 } }),
    (net) => ({ op: "update-exchange", id: net.exchangeId(0), patch: { kind: "party" as never } }),
    () => ({ op: "remove-organisation", id: "acme" }),
    () => ({ op: "merge-people", keep: "ann", drop: "ann" }),
    (net) => ({ op: "add-exchange", exchange: { date: "2024-02-03", kind: "favour", from: "ann", to: "me" }, at: net.exchangeCount + 1 }),
    () => ({ op: "set-ego", id: "ghost" }),
  ];

  it("a list with an invalid edit anywhere throws a typed error and changes nothing", () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 15 }), fc.nat(invalid.length - 1), fc.nat(100), (intents, which, where) => {
        const net = Network.from(base());
        const scratch = Network.from(base());
        const list: NetworkEdit[] = [];
        for (const t of intents) {
          const e = concrete(scratch, t);
          if (!e) continue;
          scratch.edit(e);
          list.push(e);
        }
        const at = where % (list.length + 1);
        // the bad edit is built against the state it meets; ghost, cy and acme stay what the list makes them
        const probe = Network.from(base());
        probe.edit(list.slice(0, at));
        const bad = invalid[which]!(probe);
        const ok = (() => {
          try {
            probe.edit(bad);
            return true;
          } catch {
            return false;
          }
        })();
        fc.pre(!ok);
        list.splice(at, 0, bad);
        const data = net.toData();
        const text = serializeNetwork(net);
        const revision = net.revision;
        let thrown: unknown;
        try {
          net.edit(list);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(TiegraphError);
        expect((thrown as TiegraphError).pointer?.startsWith(`/${at}`)).toBe(true);
        expect(net.toData()).toEqual(data);
        expect(serializeNetwork(net)).toBe(text);
        expect(net.revision).toBe(revision);
        expectConsistent(net);
      }),
      { numRuns: 200 },
    );
  });
});
