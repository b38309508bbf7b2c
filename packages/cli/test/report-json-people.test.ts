// `report --json` writes its per-person members (reciprocity, E-I index, constraint,
// effective size and betweenness by person) from the measures' values by person index,
// never building their records: the bytes are still JSON.stringify(data, null, 2)'s, with
// the keys in the order a JS object gives them (array-index ids first, ascending), on ids
// that are numbers, "__proto__", or need escaping, on values JSON writes as null, on an
// empty network, and on generated small networks.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Network, type NetworkData } from "@tiegraph/core";
import { buildReport, tieRows, type ReportRequest } from "../src/commands/report.js";
import { personColumns, personMember, type ReportData } from "../src/commands/report-data.js";
import { reportJsonChunks, reportJsonParts } from "../src/view/report-json.js";
import { terminalText } from "../src/terminal.js";

const AS_OF = "2026-11-30";
const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({ file: "net.json", includesConfidential: false, groupBy: "organisation", person: undefined, period: "quarter", asOf: AS_OF, brokerage: "exact", ...over });

/** The report as the whole-document stringify writes it (ties gathered), and as `report --json` writes it, plain and for a terminal. */
function written(network: Network, over: Partial<ReportRequest> = {}): { whole: string; chunks: string; onScreen: string; shownSafe: boolean; data: ReportData } {
  const whole = JSON.stringify(buildReport(network, request(over)).data, null, 2);
  const { data } = buildReport(network, { ...request(over), listTies: false });
  const chunks = [...reportJsonChunks(data, tieRows(network, AS_OF))].join("");
  const parts = [...reportJsonParts(data, tieRows(network, AS_OF), true)];
  const onScreen = parts.map((p) => (p.shown ? p.text : terminalText(p.text))).join("");
  return { whole, chunks, onScreen, shownSafe: parts.every((p) => !p.shown || terminalText(p.text) === p.text), data };
}

const ODD_IDS = ["2", "10", "0", "01", "4294967295", "4294967294", "__proto__", 'q"uote', "back\\slash", "Zoë 🙂", "Term\x1b]0;PWNED\x07", "Cy\u202egpj.exe", "c1\u009b", "line\u2028sep", "-1", "1.5", "1e3", " 7", "constructor", "lonely"];

function oddNetwork(): Network {
  const people = ODD_IDS.map((id, i) => ({ id, name: `N${i}`, attributes: { team: i % 3 === 0 ? "__proto__" : i % 3 === 1 ? "7" : "b" } }));
  const linked = ODD_IDS.filter((id) => id !== "lonely");
  const exchanges: NetworkData["exchanges"] = [];
  linked.forEach((from, i) => {
    exchanges!.push({ date: `2026-0${1 + (i % 9)}-1${i % 10}`, kind: i % 2 === 0 ? "favour" : "information", from, to: linked[(i + 1 + ((i * 7) % (linked.length - 1))) % linked.length]! });
    exchanges!.push({ date: `2026-0${1 + ((i + 4) % 9)}-0${1 + (i % 9)}`, kind: "meeting", from, to: linked[(i + 1) % linked.length]! });
  });
  return Network.from({
    organisations: [
      { id: "o1", name: "One" },
      { id: "3", name: "Three" },
    ],
    people,
    affiliations: linked.map((person, i) => ({ person, organisation: i % 2 === 0 ? "o1" : "3" })),
    exchanges,
    ego: "__proto__",
  });
}

describe("report --json writes per-person members from their values", () => {
  it("equals JSON.stringify on array-index ids, __proto__ and ids that need escaping, without building the records", () => {
    const network = oddNetwork();
    for (const over of [{}, { groupBy: "team" }, { person: "0" }, { brokerage: "off" as const }, { period: "month" as const }]) {
      const r = written(network, over);
      expect(r.chunks).toBe(r.whole);
      expect(r.onScreen).toBe(terminalText(r.whole));
      expect(r.shownSafe).toBe(true);
    }
    const { whole, data } = written(network);
    const doc = JSON.parse(whole) as { constraint: Record<string, number | null>; reciprocity: { byPerson: Record<string, number | null> } };
    // the order a JS object gives: array indices ascending ("4294967295" and "01" are not indices), then person order
    expect(Object.keys(doc.constraint).slice(0, 6)).toEqual(["0", "2", "10", "4294967294", "01", "4294967295"]);
    expect(Object.keys(doc.constraint)).toHaveLength(ODD_IDS.length);
    expect(doc.reciprocity.byPerson.lonely).toBeNull();
    expect(Object.keys(doc.constraint)).toContain("__proto__");
    // writing left the records unbuilt: the members are still the lazy ones
    expect(typeof Object.getOwnPropertyDescriptor(data, "constraint")!.get).toBe("function");
    expect(typeof Object.getOwnPropertyDescriptor(data.reciprocity, "byPerson")!.get).toBe("function");
  });

  it("equals it on an empty network and on one person without ties", () => {
    for (const network of [Network.from({ people: [] }), Network.from({ people: [{ id: "0", name: "Zero" }] })]) {
      const r = written(network);
      expect(r.chunks).toBe(r.whole);
      expect(r.onScreen).toBe(terminalText(r.whole));
    }
    expect(JSON.parse(written(Network.from({ people: [] })).whole).constraint).toEqual({});
  });

  it("writes values as JSON does: NaN and infinities as null, -0 as 0, undefined left out, exponents kept", () => {
    const network = Network.from({ people: ["b", "3", "__proto__", "a", "1", "x"].map((id) => ({ id, name: id })) });
    const { data } = buildReport(network, { ...request(), listTies: false });
    const values = [NaN, Infinity, -0, 1e21, 5e-7, undefined];
    personMember(data, "constraint", network, (i) => values[i] as number | null);
    personMember(data, "effectiveSize", network, (i) => (i === 0 ? -Infinity : i === 1 ? null : 0.1 + 0.2));
    const chunks = [...reportJsonChunks(data)].join("");
    expect(chunks).toBe(JSON.stringify(data, null, 2));
    const doc = JSON.parse(chunks) as { constraint: Record<string, number | null>; effectiveSize: Record<string, number | null> };
    // people b, 3, __proto__, a, 1, x: NaN, Infinity, -0, 1e21, 5e-7, undefined
    expect(Object.entries(doc.constraint)).toEqual([["1", 5e-7], ["3", null], ["b", null], ["__proto__", 0], ["a", 1e21]]);
    expect(chunks).toContain('"a": 1e+21');
    expect(doc.effectiveSize.b).toBeNull();
    expect(doc.effectiveSize.x).toBe(0.30000000000000004);
  });

  it("reads a member assigned over a column as assigned, and the record built on reading equals the column", () => {
    const network = oddNetwork();
    const { data } = buildReport(network, { ...request(), listTies: false });
    const record = data.effectiveSize;
    expect(Object.getOwnPropertyDescriptor(data, "effectiveSize")!.value).toBe(record);
    expect(personColumns(data)!.get("effectiveSize")!.value(network.personIndex("lonely"))).toBe(record.lonely);
    data.constraint = { only: 1 };
    expect(personColumns(data)!.has("constraint")).toBe(false);
    const chunks = [...reportJsonChunks(data)].join("");
    expect(chunks).toBe(JSON.stringify(data, null, 2));
    expect(JSON.parse(chunks).constraint).toEqual({ only: 1 });
  });

  it("equals JSON.stringify on generated small networks (property)", () => {
    const idArb = fc.oneof(fc.constantFrom("0", "1", "2", "10", "01", "007", "4294967294", "4294967295", "__proto__", "constructor", "toString", "é", "\u202e", "\x1b[31m", "\u0085"), fc.nat({ max: 5000 }).map(String), fc.string({ maxLength: 4 }), fc.string({ unit: "grapheme", maxLength: 3 }));
    const scenario = fc.record({
      ids: fc.uniqueArray(idArb, { minLength: 0, maxLength: 14 }),
      links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 11 }), kind: fc.constantFrom("favour", "information", "meeting") as fc.Arbitrary<"favour" | "information" | "meeting"> }), { maxLength: 40 }),
      groupBy: fc.constantFrom("organisation", "team"),
      brokerage: fc.constantFrom("exact", "sampled", "off") as fc.Arbitrary<"exact" | "sampled" | "off">,
      withEgo: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, (s) => {
        const ids = s.ids.filter((id) => id.trim() !== "");
        const people = ids.map((id, i) => ({ id, name: `P${i}`, attributes: { team: ["__proto__", "3", "x"][i % 3]! } }));
        const exchanges = ids.length < 2 ? [] : s.links.map((l) => ({ date: `2026-${String(l.month).padStart(2, "0")}-${String(l.day).padStart(2, "0")}`, kind: l.kind, from: ids[l.a % ids.length]!, to: ids[(l.a + 1 + (l.b % (ids.length - 1))) % ids.length]! }));
        const network = Network.from({
          organisations: [{ id: "o", name: "O" }, { id: "5", name: "Five" }],
          people,
          affiliations: ids.map((person, i) => ({ person, organisation: i % 2 === 0 ? "o" : "5" })),
          exchanges,
          ...(s.withEgo && ids.length > 0 ? { ego: ids[0]! } : {}),
        });
        const r = written(network, { groupBy: ids.length > 0 ? s.groupBy : "organisation", brokerage: s.brokerage });
        expect(r.chunks).toBe(r.whole);
        expect(r.onScreen).toBe(terminalText(r.whole));
        expect(r.shownSafe).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
