// Issue 13, "one reference date": report, intro and plan give their figures as
// of today (TIEGRAPH_TODAY in these runs) or --as-of DATE|last, say which day
// that is, and count no exchange dated after it. Hand-worked figures; half-life
// 180 days, κ = 4.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli as run, tempDir, TODAY, type CliRun } from "./run-cli.js";

/** Runs with TIEGRAPH_TODAY = 2026-11-30 unless the test gives its own. */
const cli = (args: string[], options: { env?: Record<string, string> } = {}): Promise<CliRun> => run(args, { env: { TIEGRAPH_TODAY: TODAY, ...options.env } });

// me and ann work at acme, bob at bolt.
// x1 2026-01-01 me gives ann a favour (value 3)
// x2 2026-03-02 ann tells me something (information, value 1)
// x3 2026-03-02 ann meets bob (meeting, value 1)
const FILE = join(tempDir(), "as-of.json");
writeFileSync(
  FILE,
  JSON.stringify({
    format: "tiegraph",
    version: 1,
    ego: "me",
    organisations: [{ id: "acme", name: "Acme" }, { id: "bolt", name: "Bolt" }],
    people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }],
    affiliations: [{ person: "me", organisation: "acme" }, { person: "ann", organisation: "acme" }, { person: "bob", organisation: "bolt" }],
    exchanges: [
      { id: "x1", date: "2026-01-01", kind: "favour", from: "me", to: "ann" },
      { id: "x2", date: "2026-03-02", kind: "information", from: "ann", to: "me" },
      { id: "x3", date: "2026-03-02", kind: "meeting", from: "ann", to: "bob" },
    ],
  }),
);
const BEFORE = "2026-01-31"; // 30 days after x1, before x2 and x3
const strength = (sum: number): number => 1 - Math.exp(-sum / 4);
const decay = (value: number, days: number): number => value * Math.pow(2, -days / 180);

interface Report {
  asOf: string;
  exchanges: number;
  ties: { a: string; b: string; strength: number }[];
  ledger: { contact: string; exchanges: number; givenRaw: number; receivedRaw: number; lastDate: string | null }[];
  ei: { internal: number; external: number; network: number | null };
}

async function report(args: string[], env: Record<string, string> = {}): Promise<Report> {
  const r = await cli(["report", FILE, ...args, "--json"], { env });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe("report --as-of", () => {
  it("before x2 and x3: one exchange, one tie, ann owes the favour, E-I −1, and says the day", async () => {
    const json = await report(["--as-of", BEFORE]);
    expect(json.asOf).toBe(BEFORE);
    expect(json.exchanges).toBe(1);
    // me–ann from x1 alone, decayed over 30 days: S = 3 · 2^(−30/180) = 2.6727, s = 1 − e^(−S/4) = 0.4874
    expect(json.ties.length).toBe(1);
    expect(json.ties[0]!.strength).toBeCloseTo(strength(decay(3, 30)), 12);
    expect(json.ties[0]!.strength).toBeCloseTo(0.4874, 4);
    expect(json.ledger).toEqual([expect.objectContaining({ contact: "ann", exchanges: 1, givenRaw: 3, receivedRaw: 0, lastDate: "2026-01-01" })]);
    // x1 is internal (acme–acme): (E − I)/(E + I) = (0 − 1)/1
    expect(json.ei).toEqual(expect.objectContaining({ internal: 1, external: 0, network: -1 }));
  });

  it("on the day of x2 and x3 they count: me–ann S = 3 · 2^(−60/180) + 1 = 3.3811 (0.5706), ann–bob 1 − e^(−1/4) = 0.2212", async () => {
    const json = await report(["--as-of", "2026-03-02"]);
    expect(json.asOf).toBe("2026-03-02");
    expect(json.exchanges).toBe(3);
    const tie = (a: string, b: string) => json.ties.find((t) => (t.a === a && t.b === b) || (t.a === b && t.b === a))!.strength;
    expect(tie("me", "ann")).toBeCloseTo(strength(decay(3, 60) + 1), 12);
    expect(tie("me", "ann")).toBeCloseTo(0.5706, 4);
    expect(tie("ann", "bob")).toBeCloseTo(0.2212, 4);
    expect(json.ledger).toEqual([expect.objectContaining({ contact: "ann", exchanges: 2, givenRaw: 3, receivedRaw: 1, lastDate: "2026-03-02" })]);
    // x1, x2 internal, x3 external: (1 − 2)/3
    expect(json.ei.network).toBeCloseTo(-1 / 3, 12);
  });

  it("defaults to today (TIEGRAPH_TODAY): strengths decay to it; --as-of last is the last exchange's day", async () => {
    const today = await report([], { TIEGRAPH_TODAY: "2026-08-29" });
    expect(today.asOf).toBe("2026-08-29");
    expect(today.exchanges).toBe(3);
    // 180 days after x2 and x3, 240 after x1: ann–bob S = 1 · 2^(−1) = 0.5
    const annBob = today.ties.find((t) => t.a === "ann" && t.b === "bob")!.strength;
    expect(annBob).toBeCloseTo(strength(0.5), 12);
    const last = await report(["--as-of", "last"], { TIEGRAPH_TODAY: "2026-08-29" });
    expect(last.asOf).toBe("2026-03-02");
  });

  it("prints the day in the text output, with today's date when it differs", async () => {
    const r = await cli(["report", FILE, "--as-of", BEFORE], { env: { TIEGRAPH_TODAY: "2026-11-30" } });
    expect(r.stdout.split("\n")[0]).toBe(`Figures as of ${BEFORE} (today is 2026-11-30).`);
    expect(r.stdout.split("\n")[1]).toBe(`${FILE}: 3 people, 1 exchange, ego Me`);
    const t = await cli(["report", FILE], { env: { TIEGRAPH_TODAY: "2026-11-30" } });
    expect(t.stdout.split("\n")[0]).toBe("Figures as of today, 2026-11-30.");
  });

  it("a bad --as-of or TIEGRAPH_TODAY is a usage error", async () => {
    const bad = await cli(["report", FILE, "--as-of", "2026-02-30"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected a calendar date YYYY-MM-DD or "last", got "2026-02-30"');
    const env = await cli(["report", FILE], { env: { TIEGRAPH_TODAY: "tomorrow" } });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('TIEGRAPH_TODAY="tomorrow": expected a calendar date YYYY-MM-DD');
    expect(env.stdout).toBe("");
  });
});

describe("intro --as-of (regression: a tie whose only exchange is later has no strength)", () => {
  it("finds no path to bob before the ann–bob meeting, and me → ann → bob on its day", async () => {
    const before = await cli(["intro", FILE, "--to", "bob", "--as-of", BEFORE, "--json"]);
    const json = JSON.parse(before.stdout) as { asOf: string; paths: unknown[] };
    expect(json.asOf).toBe(BEFORE);
    expect(json.paths).toEqual([]);
    const text = await cli(["intro", FILE, "--to", "bob", "--as-of", BEFORE]);
    expect(text.stdout.split("\n")[0]).toBe(`Figures as of ${BEFORE} (today is 2026-11-30).`);
    const after = JSON.parse((await cli(["intro", FILE, "--to", "bob", "--as-of", "2026-03-02", "--json"])).stdout) as { paths: { people: string[]; score: number }[] };
    expect(after.paths[0]!.people).toEqual(["me", "ann", "bob"]);
    // 0.5706 × 0.2212
    expect(after.paths[0]!.score).toBeCloseTo(strength(decay(3, 60) + 1) * strength(1), 12);
  });
});

describe("plan --as-of", () => {
  it("plans the week containing the as-of date and says the day", async () => {
    const r = await cli(["plan", FILE, "--as-of", "2026-03-04", "--json"]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { asOf: string; week: string };
    expect(json.asOf).toBe("2026-03-04");
    expect(json.week).toBe("2026-03-02"); // Monday of that week
    const today = JSON.parse((await cli(["plan", FILE, "--json"], { env: { TIEGRAPH_TODAY: "2026-08-29" } })).stdout) as { asOf: string; week: string };
    expect(today).toEqual(expect.objectContaining({ asOf: "2026-08-29", week: "2026-08-24" }));
    const text = await cli(["plan", FILE, "--as-of", "2026-03-04"]);
    expect(text.stdout.split("\n")[0]).toBe("Figures as of 2026-03-04 (today is 2026-11-30).");
  });
});
