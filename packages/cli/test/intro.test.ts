// `tiegraph intro`: the --json contract, ranking worked out by hand on a
// five-person network, the options, and that ties known only in confidence
// stay out unless asked.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Network, formatIntroduction, introductionPaths, parseNetworkFile, relationships, toNetworkFile, wordingNames } from "@tiegraph/core";
import { FIXTURES, SAMPLE, TODAY, cli } from "./run-cli.js";

interface PathJson {
  people: string[];
  score: number;
  bottleneck: number;
  hops: { from: string; to: string; strength: number }[];
  reasons: { code: string; rank: number }[];
}
interface IntroJson {
  status: string;
  paths: PathJson[];
  none?: string;
}

async function introJson(args: string[]): Promise<IntroJson> {
  const r = await cli(["intro", ...args, "--as-of", "last", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as IntroJson;
}

// intro-small.json: every exchange is an `information` (value 1) on 2024-05-01, the reference day, so
// nothing decays and a pair with n exchanges has strength 1 − exp(−n/4):
//   me–a 4 → 0.6321, a–t 4 → 0.6321, me–b 8 → 0.8647, b–t 3 → 0.5276,
//   c→me 8 (all confidential) → 0.8647, c–t 8 → 0.8647.
const SMALL = join(FIXTURES, "intro-small.json");
const s = (n: number) => 1 - Math.exp(-n / 4);

describe("intro on a network worked out by hand", () => {
  it("reliable: me → b → t (0.8647 × 0.5276 = 0.4562) before me → a → t (0.6321² = 0.3996); the confidential route through c is left out", async () => {
    const json = await introJson([SMALL, "--to", "t"]);
    expect(json.paths.map((p) => p.people)).toEqual([["me", "b", "t"], ["me", "a", "t"]]);
    expect(json.paths[0]!.score).toBeCloseTo(s(8) * s(3), 12);
    expect(json.paths[0]!.bottleneck).toBeCloseTo(s(3), 12);
    expect(json.paths[1]!.score).toBeCloseTo(s(4) * s(4), 12);
    expect(json.paths[0]!.hops.map((h) => [h.from, h.to])).toEqual([["me", "b"], ["b", "t"]]);
    expect(json.paths[0]!.hops[0]!.strength).toBeCloseTo(s(8), 12);
    expect(json.status).toBe("found");
  });

  it("widest: me → a → t (weakest tie 0.6321) before me → b → t (weakest 0.5276)", async () => {
    const json = await introJson([SMALL, "--to", "t", "--mode", "widest"]);
    expect(json.paths.map((p) => p.people)).toEqual([["me", "a", "t"], ["me", "b", "t"]]);
    expect(json.paths.map((p) => p.score)).toEqual(json.paths.map((p) => p.bottleneck));
    expect(json.paths[0]!.score).toBeCloseTo(s(4), 12);
    expect(json.paths[1]!.score).toBeCloseTo(s(3), 12);
  });

  it("--include-confidential lets the route through c lead: 0.8647² = 0.7477", async () => {
    const json = await introJson([SMALL, "--to", "t", "--include-confidential"]);
    expect(json.paths[0]!.people).toEqual(["me", "c", "t"]);
    expect(json.paths[0]!.score).toBeCloseTo(s(8) * s(8), 12);
    expect(json.paths).toHaveLength(3);
  });

  it("--avoid b leaves only the route through a; --k 1 keeps the best", async () => {
    expect((await introJson([SMALL, "--to", "t", "--avoid", "b"])).paths.map((p) => p.people)).toEqual([["me", "a", "t"]]);
    expect((await introJson([SMALL, "--to", "t", "--k", "1"])).paths.map((p) => p.people)).toEqual([["me", "b", "t"]]);
  });

  it("--max-hops 1: no path, and the answer says so", async () => {
    const json = await introJson([SMALL, "--to", "t", "--max-hops", "1"]);
    expect(json.status).toBe("none");
    expect(json.paths).toEqual([]);
    expect(json.none).toBe("no-path");
    const r = await cli(["intro", SMALL, "--as-of", "last", "--to", "t", "--max-hops", "1"], { env: { TIEGRAPH_TODAY: TODAY } });
    expect(r.stdout.split("\n")[0]).toBe("Figures as of 2024-05-01 (today is 2026-11-30).");
    expect(r.stdout.split("\n")[1]).toMatch(/^No path from you to Tess Target within 1 hop\. /);
  });

  it("org: and tag: targets reach anyone there", async () => {
    // Globex: b, c (and t); b is a direct relationship of me
    const org = await introJson([SMALL, "--to", "org:globex", "--k", "1"]);
    expect(org.paths[0]!.people).toEqual(["me", "b"]);
    const tag = await introJson([SMALL, "--to", "tag:investor", "--k", "1"]);
    expect(tag.paths[0]!.people).toEqual(["me", "b", "t"]);
  });

  it("prints each path in core's words, and nothing said in confidence", async () => {
    const r = await cli(["intro", SMALL, "--as-of", "last", "--to", "t"], { env: { TIEGRAPH_TODAY: TODAY } });
    expect(r.status).toBe(0);
    // the summary quotes #1's own figure, the one on its title line
    expect(r.stdout.split("\n")[0]).toBe("Figures as of 2024-05-01 (today is 2026-11-30).");
    expect(r.stdout.split("\n")[1]).toBe("2 paths from you to Tess Target within 4 hops; the best, #1, holds with chance 0.456.");
    expect(r.stdout).toContain("#1 You → Bo Berg → Tess Target: the chain holds with chance 0.456 (product of 2 tie strengths); weakest tie 0.53 (Bo Berg – Tess Target).");
    expect(r.stdout).toContain("   You – Bo Berg: strength 0.86, last contact 2024-05-01 (the reference day);");
    expect(r.stdout).toContain("   Ranked #2: chance 0.400, below #1's 0.456.");
    expect(r.stdout).not.toMatch(/Cy Cole|secret/);
  });
});

describe("intro --json on the sample network", () => {
  const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));
  const { format: _f, version: _v, ...data } = toNetworkFile(sample, { redact: true });
  const redacted = Network.from(data);

  it("prints core's formatter's words, the same the explorer shows, on the file without its confidential exchanges", async () => {
    const r = await cli(["intro", SAMPLE, "--as-of", "last", "--to", "p9", "--reciprocity-aware"], { env: { TIEGRAPH_TODAY: TODAY } });
    expect(r.status).toBe(0);
    const text = formatIntroduction(introductionPaths(redacted, { to: { person: "p9" }, reciprocityAware: true }), wordingNames(redacted));
    expect(r.stdout.split("\n")[0]).toBe("Figures as of 2026-09-30 (today is 2026-11-30).");
    expect(r.stdout.split("\n")[1]).toBe(text.summary);
    for (const [title, ...lines] of text.paths) expect(r.stdout).toContain(`\n${title}\n${lines.map((l) => `   ${l}\n`).join("")}`);
    expect(text.paths.length).toBe(3);
  });

  it("is introductionPaths' answer, best first, each path a chain of ties from ego to the target", async () => {
    const json = await introJson([SAMPLE, "--to", "p250", "--k", "5"]);
    const expected = introductionPaths(redacted, { to: { person: "p250" }, k: 5 });
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(json.paths.length).toBeGreaterThan(1);
    const rel = relationships(redacted);
    const strength = new Map<string, number>();
    for (let k = 0; k < rel.pairCount; k++) strength.set(`${redacted.personAt(rel.a[k]!).id}|${redacted.personAt(rel.b[k]!).id}`, rel.strength[k]!);
    const tie = (x: string, y: string) => strength.get(`${x}|${y}`) ?? strength.get(`${y}|${x}`);
    for (let i = 0; i < json.paths.length; i++) {
      const p = json.paths[i]!;
      expect(p.people[0]).toBe("me");
      expect(p.people.at(-1)).toBe("p250");
      expect(p.hops.map((h) => h.from)).toEqual(p.people.slice(0, -1));
      expect(p.hops.map((h) => h.to)).toEqual(p.people.slice(1));
      for (const h of p.hops) expect(h.strength).toBe(tie(h.from, h.to));
      expect(p.bottleneck).toBe(Math.min(...p.hops.map((h) => h.strength)));
      expect(p.score).toBeCloseTo(p.hops.reduce((x, h) => x * h.strength, 1), 12);
      if (i > 0) expect(p.score).toBeLessThanOrEqual(json.paths[i - 1]!.score);
    }
  });

  it("unknown targets are usage errors naming the file", async () => {
    for (const [to, what] of [["nobody", 'no person with id "nobody"'], ["org:nowhere", 'no organisation with id "nowhere"']] as const) {
      const r = await cli(["intro", SAMPLE, "--as-of", "last", "--to", to]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`tiegraph intro: --to: ${what} in ${SAMPLE}`);
    }
    const r = await cli(["intro", SAMPLE, "--as-of", "last", "--to", "p1", "--avoid", "p2,zz"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--avoid: no person or organisation with id "zz" in ${SAMPLE}`);
  });
});
