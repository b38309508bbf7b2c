// No confidential text leaks through any exporter: property-based, with random secret strings.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Network, type Exchange, type ExchangeKind } from "@tiegraph/core";
import {
  exportAffiliationsCsv,
  exportExchangesCsv,
  exportGexf,
  exportGraphml,
  exportGraphologyJson,
  exportLedgerCsv,
  exportPeopleCsv,
  exportTiesCsv,
  type DisclosureOptions,
} from "@tiegraph/io";

const KINDS: ExchangeKind[] = ["information", "favour", "introduction", "gesture", "meeting", "connection"];
/** Secrets are letters and digits with a marker, so no escaping can hide them and no public text holds them by chance. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{6,16}$/).map((s) => `Zq${s}`);

const scenario = fc.record({
  people: fc.array(fc.record({ notes: fc.option(secret, { nil: undefined }) }), { minLength: 3, maxLength: 8 }),
  exchanges: fc.array(
    fc.record({
      a: fc.nat(),
      b: fc.nat(),
      day: fc.integer({ min: 1, max: 28 }),
      kind: fc.constantFrom(...KINDS),
      confidential: fc.boolean(),
      note: fc.option(secret, { nil: undefined }),
      secretTag: secret,
      secretFormat: secret,
      secretId: secret,
    }),
    { minLength: 1, maxLength: 25 },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** Builds the network and lists the texts that must never leave it by default. */
function build(s: Scenario): { network: Network; secrets: string[] } {
  const n = s.people.length;
  const secrets: string[] = [];
  const people = s.people.map((p, i) => {
    if (p.notes) secrets.push(p.notes);
    return p.notes ? { id: `p${i}`, name: `Person ${i}`, notes: p.notes } : { id: `p${i}`, name: `Person ${i}` };
  });
  const exchanges: Exchange[] = [];
  s.exchanges.forEach((x, k) => {
    const from = x.a % n;
    const to = from === x.b % n ? (from + 1) % n : x.b % n;
    const e: Exchange = { date: `2026-02-${String(x.day).padStart(2, "0")}`, kind: x.kind, from: `p${from}`, to: `p${to}` };
    if (x.note) {
      e.note = x.note;
      secrets.push(x.note);
    }
    if (x.confidential) {
      // everything written on a confidential exchange is confidential
      Object.assign(e, { confidential: true, tags: [x.secretTag], format: x.secretFormat, id: `${x.secretId}-${k}` });
      secrets.push(x.secretTag, x.secretFormat, `${x.secretId}-${k}`);
    }
    exchanges.push(e);
  });
  return { network: Network.from({ ego: "p0", people, exchanges }), secrets };
}

function allExports(network: Network, options: DisclosureOptions): Record<string, string> {
  const out: Record<string, string> = {
    peopleCsv: exportPeopleCsv(network, options),
    affiliationsCsv: exportAffiliationsCsv(network),
    exchangesCsv: exportExchangesCsv(network, options),
    tiesCsv: exportTiesCsv(network, options),
    ledgerCsv: exportLedgerCsv(network, options),
  };
  for (const graph of ["ties", "relationships", "exchanges"] as const) {
    out[`gexf-${graph}`] = exportGexf(network, { ...options, graph });
    out[`graphml-${graph}`] = exportGraphml(network, { ...options, graph });
    out[`json-${graph}`] = exportGraphologyJson(network, { ...options, graph });
  }
  return out;
}

describe("confidentiality of exports", () => {
  it("no exporter writes a note or anything of a confidential exchange unless asked", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { network, secrets } = build(s);
        for (const [name, text] of Object.entries(allExports(network, {}))) {
          for (const secret of secrets) if (text.includes(secret)) throw new Error(`${name} leaked ${secret}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("with both options every secret is written somewhere (so the check above can fail)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { network, secrets } = build(s);
        const everything = Object.values(allExports(network, { includeConfidential: true, includeNotes: true })).join("\n");
        for (const secret of secrets) expect(everything).toContain(secret);
      }),
      { numRuns: 50 },
    );
  });

  it("confidential exchanges leave no trace in tie figures by default", () => {
    const network = Network.from({
      people: [{ id: "a", name: "A" }, { id: "b", name: "B" }, { id: "c", name: "C" }],
      exchanges: [
        { date: "2026-01-01", kind: "favour", from: "a", to: "b", confidential: true },
        { date: "2026-01-02", kind: "information", from: "b", to: "c" },
      ],
    });
    expect(exportTiesCsv(network).trim().split("\r\n").slice(1).map((r) => r.split(",").slice(0, 3).join(","))).toEqual(["b,B,c"]);
    expect(exportGraphml(network)).not.toContain('source="a"');
  });
});
