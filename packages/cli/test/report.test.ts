// `tiegraph report`: the --json contract checked against core's measures on
// the sample network and against NetworkX (core's analytics fixtures) on
// research datasets turned into network files; the tables; the options.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  Network,
  constraint,
  effectiveSize,
  eiIndex,
  overallReciprocity,
  parseNetworkFile,
  personReciprocity,
  reciprocityLedger,
  relationships,
  toNetworkFile,
  weightedReciprocity,
  displayNames,
  formatSouringReasons,
} from "@tiegraph/core";
import { krackhardtAdvice, lazegaAdvice, type ResearchNetwork } from "./research-networks.js";
import { SAMPLE, TODAY, cli, tempDir, type CliRun } from "./run-cli.js";

/** The report document as scripts read it. */
interface ReportJson {
  people: number;
  exchanges: number;
  reciprocity: { overall: number | null; weighted: number | null; byPerson: Record<string, number | null> };
  ei: { network: number | null; byGroup: Record<string, number | null>; byPerson: Record<string, number | null> };
  constraint: Record<string, number | null>;
  effectiveSize: Record<string, number | null>;
  betweenness: Record<string, number>;
  ties: { a: string; b: string; strength: number }[];
  ledger: { contact: string; balance: number }[];
}

async function reportJson(args: string[]): Promise<ReportJson> {
  const r = await cli(["report", ...args, "--as-of", "last", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));
/** The sample as the report sees it by default: as if confidential exchanges and notes had never been recorded. */
const { format: _f, version: _v, ...redactedData } = toNetworkFile(sample, { redact: true });
const sampleRedacted = Network.from(redactedData);

/** Every key of `expected` is in `actual` with a value within `tol` (null where NetworkX has nan/None). */
function expectClose(actual: Record<string, number | null>, expected: Record<string, number | null>, tol = 1e-9): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) {
    if (v === null) expect(actual[k], k).toBeNull();
    else expect(Math.abs(actual[k]! - v), `${k}: ${actual[k]} vs ${v}`).toBeLessThan(tol);
  }
}

/** The ties list as a map "a|b" → strength, one entry per unordered pair. */
function tiesOf(network: Network): Map<string, number> {
  const rel = relationships(network);
  const out = new Map<string, number>();
  for (let k = 0; k < rel.pairCount; k++) out.set(`${network.personAt(rel.a[k]!).id}|${network.personAt(rel.b[k]!).id}`, rel.strength[k]!);
  return out;
}

describe("report --json on the sample network equals core's measures", () => {
  let json!: ReportJson;
  beforeAll(async () => {
    json = await reportJson([SAMPLE]);
  });

  it("counts people and (non-confidential) exchanges", async () => {
    expect(json.people).toBe(301);
    expect(json.exchanges).toBe(sampleRedacted.exchangeCount);
    expect(json.exchanges).toBe(sample.exchangeCount - 190); // the sample has 190 confidential exchanges
  });

  it("reciprocity: overall, weighted W↔/W and per person", async () => {
    expect(json.reciprocity.overall).toBe(overallReciprocity(sampleRedacted));
    expect(json.reciprocity.weighted).toBe(weightedReciprocity(sampleRedacted).r);
    expect(json.reciprocity.byPerson).toEqual(personReciprocity(sampleRedacted));
  });

  it("E-I by organisation: network, groups, people", async () => {
    const ei = eiIndex(sampleRedacted);
    expect(json.ei.network).toBe(ei.network);
    expect(json.ei.byGroup).toEqual(ei.byGroup);
    expect(json.ei.byPerson).toEqual(ei.byPerson);
    expect(Object.keys(json.ei.byGroup)).toHaveLength(12);
  });

  it("constraint and effective size per person", async () => {
    expect(json.constraint).toEqual(constraint(sampleRedacted));
    expect(json.effectiveSize).toEqual(effectiveSize(sampleRedacted));
  });

  it("ties: one entry per unordered pair with relationships(network).strength", async () => {
    const expected = tiesOf(sampleRedacted);
    expect(json.ties).toHaveLength(expected.size);
    for (const t of json.ties) expect(t.strength).toBe(expected.get(`${t.a}|${t.b}`));
  });

  it("ledger: ego's relationship balances", async () => {
    expect(json.ledger).toEqual(reciprocityLedger(sampleRedacted).entries);
    expect(json.ledger.length).toBeGreaterThan(200);
  });
});

describe("report --json --include-confidential counts confidential exchanges", () => {
  let json!: ReportJson;
  beforeAll(async () => {
    json = await reportJson([SAMPLE, "--include-confidential"]);
  });
  it("equals core's measures on the whole file, which differ from the redacted ones", async () => {
    expect(json.exchanges).toBe(6000);
    expect(json.reciprocity.overall).toBe(overallReciprocity(sample));
    expect(json.reciprocity.weighted).toBe(weightedReciprocity(sample).r);
    expect(json.ei.network).toBe(eiIndex(sample).network);
    expect(json.ledger).toEqual(reciprocityLedger(sample).entries);
    expect(json.ties).toHaveLength(tiesOf(sample).size);
    expect(json.reciprocity.weighted).not.toBe(weightedReciprocity(sampleRedacted).r);
  });
});

describe.each([
  ["Lazega advice", lazegaAdvice],
  ["Krackhardt advice", krackhardtAdvice],
])("report --json on %s matches NetworkX (core's analytics fixture)", (_name, load) => {
  const data: ResearchNetwork = load();
  let json!: ReportJson;
  beforeAll(async () => {
    json = await reportJson([data.file, "--group-by", data.groupBy]);
  });
  const fx = data.fixture;

  it("people and ties", async () => {
    expect(json.people).toBe(fx.people);
    expect(json.exchanges).toBe(data.network.exchangeCount);
  });
  it("overall_reciprocity and reciprocity(G, nodes)", async () => {
    expect(Math.abs(json.reciprocity.overall! - fx.reciprocity.overall)).toBeLessThan(1e-9);
    expectClose(json.reciprocity.byPerson, fx.reciprocity.byPerson);
  });
  it("weighted reciprocity (every dataset tie has value 1, so it equals the binary one)", async () => {
    expect(Math.abs(json.reciprocity.weighted! - fx.reciprocity.weighted.r)).toBeLessThan(1e-9);
    expect(Math.abs(json.reciprocity.weighted! - fx.reciprocity.overall)).toBeLessThan(1e-9);
  });
  it("constraint and effective_size", async () => {
    expectClose(json.constraint, fx.constraint.unweighted);
    expectClose(json.effectiveSize, fx.effectiveSize.unweighted);
  });
  it("betweenness_centrality", async () => {
    expectClose(json.betweenness, fx.betweenness.directed);
  });
  it(`E-I index by ${data.groupBy}`, async () => {
    expect(Math.abs(json.ei.network! - fx.ei.count.network)).toBeLessThan(1e-9);
    expectClose(json.ei.byGroup, fx.ei.count.byGroup);
    expectClose(json.ei.byPerson, fx.ei.count.byPerson);
  });
  it("tie strengths: every dataset tie is one exchange of value 1 on one day, so a pair with k arcs has 1 − exp(−k/4)", async () => {
    // no decay (every exchange is on the reference day), κ = 4: one arc 1 − e^(−1/4) ≈ 0.2212, both ways 1 − e^(−1/2) ≈ 0.3935
    const arcs = new Map<string, number>();
    const cols = data.network.exchangeColumns();
    for (let e = 0; e < cols.count; e++) {
      const [x, y] = [cols.from[e]!, cols.to[e]!].sort((p, q) => p - q);
      const key = `${data.network.personAt(x!).id}|${data.network.personAt(y!).id}`;
      arcs.set(key, (arcs.get(key) ?? 0) + 1);
    }
    expect(json.ties).toHaveLength(arcs.size);
    for (const t of json.ties) expect(Math.abs(t.strength - (1 - Math.exp(-arcs.get(`${t.a}|${t.b}`)! / 4)))).toBeLessThan(1e-12);
  });
});

describe("report as tables", () => {
  let r!: CliRun;
  beforeAll(async () => {
    r = await cli(["report", SAMPLE, "--as-of", "last", "--top", "3"], { env: { TIEGRAPH_TODAY: TODAY } });
  });
  const ledger = reciprocityLedger(sampleRedacted);
  // people who share a name are told apart as core's displayNames does
  const name = displayNames(sampleRedacted);

  it("prints the summary line and every section", async () => {
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Figures as of 2026-09-30 (today is 2026-11-30).");
    expect(r.stdout.split("\n")[1]).toBe(`${SAMPLE}: 301 people, ${sampleRedacted.exchangeCount} exchanges, ego Me`);
    for (const title of ["Reciprocity", "Who owes whom: Me's ledger as of 2026-09-30", `Souring relationships: ${ledger.souring.length}`, "Internal / external, by organisation (affiliations on each exchange's date)", "Brokers"]) expect(r.stdout).toContain(`\n${title}\n`);
  });

  it("ranks 'you owe' and 'owed to you' as the ledger does, --top rows each", async () => {
    const owe = r.stdout.slice(r.stdout.indexOf("You owe"), r.stdout.indexOf("Owed to you"));
    const rows = owe.split("\n").slice(3, 6).map((l) => l.slice(0, l.search(/\s{2,}/)));
    expect(rows).toEqual(ledger.youOwe.slice(0, 3).map((e) => name(e.contact)));
    expect(owe).toContain(`You owe (repay before you ask): ${ledger.youOwe.length} relationships, top 3`);
    const owed = r.stdout.slice(r.stdout.indexOf("Owed to you"), r.stdout.indexOf("Souring relationships"));
    expect(owed).toContain(`${name(ledger.owedToYou[0]!.contact)}  `);
    expect(owed).toContain(`+${ledger.owedToYou[0]!.balance.toFixed(2)}`);
  });

  it("gives each souring relationship its reasons", async () => {
    const first = ledger.souring[0]!;
    expect(r.stdout).toContain(formatSouringReasons(first.souring!.reasons));
    expect(r.stdout).toContain(`… and ${ledger.souring.length - 3} more`);
  });

  it("shows the network's and ego's E-I with ego's external share against the 50% target", async () => {
    const ei = eiIndex(sampleRedacted);
    expect(r.stdout).toMatch(new RegExp(`whole network\\s+${ei.internal}\\s+${ei.external}\\s+\\+${ei.network!.toFixed(2)}`));
    expect(r.stdout).toMatch(/Me's external share: \d+% against a target of 50% \(above target\)\./);
  });
});

describe("report options", () => {
  it("--group-by judges internal/external by a person attribute (Lazega's offices)", async () => {
    const data = lazegaAdvice();
    const r = await cli(["report", data.file, "--as-of", "last", "--group-by", "office"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Internal / external, by attribute "office"');
    expect(r.stdout).toMatch(/Boston\s+\d+\s+\d+\s+-0\.51/);
    expect(r.stdout).toContain("No ledger: the network has no ego; add --person ID.");
  });

  it("--person gives another person's ledger", async () => {
    const json = JSON.parse((await cli(["report", SAMPLE, "--as-of", "last", "--person", "p42", "--json"])).stdout) as { ledgerPerson: string; ledger: unknown[] };
    expect(json.ledgerPerson).toBe("p42");
    expect(json.ledger).toEqual(reciprocityLedger(sampleRedacted, { person: "p42" }).entries);
  });

  it("an attribute nobody has is a usage error listing the attributes there are", async () => {
    const data = lazegaAdvice();
    const r = await cli(["report", data.file, "--as-of", "last", "--group-by", "floor"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`tiegraph report: --group-by: no person in ${data.file} has the attribute "floor"; expected organisation or one of age, gender, office, practice, school, seniority, status, years`);
  });

  it("an unknown --person is a usage error naming the file", async () => {
    const r = await cli(["report", SAMPLE, "--as-of", "last", "--person", "nobody"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`tiegraph report: --person: no person with id "nobody" in ${SAMPLE}`);
  });

  it("an empty network file reports zeros and nulls (exit 0)", async () => {
    const file = join(tempDir(), "empty.json");
    writeFileSync(file, '{ "format": "tiegraph", "version": 1 }\n');
    const json = await reportJson([file]);
    expect(json.people).toBe(0);
    expect(json.reciprocity.overall).toBeNull();
    expect(json.ei.network).toBeNull();
    expect(json.ties).toEqual([]);
    expect(json.ledger).toEqual([]);
  });
});
