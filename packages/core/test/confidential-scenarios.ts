// Random networks and the same networks with confidential exchanges added
// (any kind, any date — also after every open one — between any two people),
// for the property that confidential exchanges left out change nothing.
// Shared by the core, io and CLI tests of issue 16.4.
import fc from "fast-check";
import { Network, type Exchange, type ExchangeKind, type NetworkData } from "@tiegraph/core";

const KINDS: ExchangeKind[] = ["information", "favour", "introduction", "gesture", "meeting", "connection"];
const DAY0 = Date.UTC(2025, 0, 1);
const date = (offset: number): string => new Date(DAY0 + offset * 86_400_000).toISOString().slice(0, 10);

const exchange = (maxDay: number) => fc.record({ a: fc.nat(), b: fc.nat(), day: fc.integer({ min: 0, max: maxDay }), kind: fc.constantFrom(...KINDS), minutes: fc.option(fc.integer({ min: 15, max: 120 }), { nil: undefined }) });

/** A random scenario: people, their organisations, open and confidential exchanges. */
export const scenario = fc.record({
  people: fc.integer({ min: 3, max: 9 }),
  // affiliation of each person: organisation 0 or 1, or none
  orgOf: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 9, maxLength: 9 }),
  open: fc.array(exchange(540), { minLength: 1, maxLength: 30 }),
  // confidential exchanges may come after every open one (up to day 600)
  secret: fc.array(fc.record({ x: exchange(600), at: fc.nat() }), { minLength: 1, maxLength: 12 }),
});
/** One drawn scenario. */
export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function toExchange(x: { a: number; b: number; day: number; kind: ExchangeKind; minutes: number | undefined }, n: number, id: string): Exchange {
  const from = x.a % n;
  const to = from === x.b % n ? (from + 1) % n : x.b % n;
  const e: Exchange = { id, date: date(x.day), kind: x.kind, from: `p${from}`, to: `p${to}` };
  if (x.kind === "introduction") e.introduced = `p${(to + 1) % n === from ? (to + 2) % n : (to + 1) % n}`;
  if (x.minutes !== undefined && x.kind === "meeting") e.minutes = x.minutes;
  return e;
}

/** The network without and with the confidential exchanges (inserted among the open ones). */
export function networks(s: Scenario): { open: Network; withSecrets: Network } {
  const n = s.people;
  const base: NetworkData = {
    ego: "p0",
    people: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` })),
    organisations: [{ id: "o0", name: "Org 0" }, { id: "o1", name: "Org 1" }],
    affiliations: Array.from({ length: n }, (_, i) => i).filter((i) => s.orgOf[i]! >= 0).map((i) => ({ person: `p${i}`, organisation: `o${s.orgOf[i]}` })),
    exchanges: s.open.map((x, k) => toExchange(x, n, `open-${k}`)),
  };
  const all = [...base.exchanges!];
  s.secret.forEach((c, k) => all.splice(c.at % (all.length + 1), 0, { ...toExchange(c.x, n, `secret-${k}`), confidential: true, note: "said in confidence" }));
  // an introduction names a third person, which needs three people
  const valid = (e: Exchange) => e.kind !== "introduction" || (e.introduced !== e.from && e.introduced !== e.to);
  return { open: Network.from({ ...base, exchanges: base.exchanges!.filter(valid) }), withSecrets: Network.from({ ...base, exchanges: all.filter(valid) }) };
}

