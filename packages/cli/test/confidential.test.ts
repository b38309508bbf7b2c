// Nothing confidential is printed unless asked: no command's output, in any
// form, carries a person's notes, an exchange's note, or a date known only
// from a confidential exchange.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNetworkFile } from "@tiegraph/core";
import { FIXTURES, SAMPLE, tempDir, cli } from "./run-cli.js";

const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));
const data = sample.toData();
/** Every note in the sample: people's private notes and confidential exchanges' notes. */
const SECRETS = [...new Set([...(data.people ?? []).flatMap((p) => (p.notes ? [p.notes] : [])), ...(data.exchanges ?? []).flatMap((e) => (e.note ? [e.note] : []))])];

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

describe("nothing confidential unless asked", () => {
  it("the sample holds notes to leak (so the checks below can fail)", async () => {
    expect(SECRETS.length).toBeGreaterThan(3);
    expect(leaks(readFileSync(SAMPLE, "utf8")).length).toBe(SECRETS.length);
  });

  // people with private notes and contacts of confidential exchanges, as intro targets
  const noted = (data.people ?? []).filter((p) => p.notes).map((p) => p.id);
  const ics = join(tempDir(), "plan.ics");
  it.each([
    ["report", [SAMPLE]],
    ["report --json", [SAMPLE, "--json"]],
    ["report --person", [SAMPLE, "--person", noted[0]!, "--top", "1000"]],
    ["intro", [SAMPLE, "--to", noted[0]!, "--k", "5"]],
    ["intro --json", [SAMPLE, "--to", noted[1]!, "--k", "5", "--json"]],
    ["plan --json", [SAMPLE, "--week", "2026-10-05", "--hours", "8", "--json"]],
    ["plan --ics", [SAMPLE, "--week", "2026-10-05", "--hours", "8", "--ics", ics]],
    ["export gexf", [SAMPLE, "--format", "gexf"]],
    ["export graphml exchanges", [SAMPLE, "--format", "graphml", "--graph", "exchanges"]],
    ["export json", [SAMPLE, "--format", "json", "--graph", "exchanges"]],
    ["export csv people", [SAMPLE, "--format", "csv", "--table", "people"]],
    ["export csv exchanges", [SAMPLE, "--format", "csv", "--table", "exchanges"]],
    ["export tiegraph", [SAMPLE, "--format", "tiegraph"]],
  ])("%s prints no note", async (label, args) => {
    const r = await cli([label.split(" ")[0]!, ...args]);
    expect(r.status).toBe(0);
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
    if (label === "plan --ics") expect(leaks(readFileSync(ics, "utf8"))).toEqual([]);
  });

  it("export --include-notes is the way to get them", async () => {
    const r = await cli(["export", SAMPLE, "--format", "csv", "--table", "exchanges", "--include-confidential", "--include-notes"]);
    expect(leaks(r.stdout).length).toBeGreaterThan(0);
  });

  it("a tie known only from confidential exchanges: no path, no name, no date, unless --include-confidential", async () => {
    // in intro-small.json, Cy's only exchanges with me are confidential (8 on 2024-05-01) and Cy has private notes
    const small = join(FIXTURES, "intro-small.json");
    for (const args of [["report", small, "--json"], ["report", small], ["intro", small, "--to", "t", "--json"], ["intro", small, "--to", "c"]]) {
      const r = await cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain("secret");
      const json = args.includes("--json") ? (JSON.parse(r.stdout) as { ledger?: { contact: string }[]; paths?: { people: string[] }[] }) : undefined;
      expect(json?.ledger?.some((e) => e.contact === "c") ?? false).toBe(false);
      expect(json?.paths?.some((p) => p.people[1] === "c") ?? false).toBe(false);
    }
    const toCy = (await cli(["intro", small, "--to", "c"])).stdout;
    expect(toCy).not.toMatch(/You – Cy Cole/);
    expect(toCy).toContain("You → Bo Berg → Tess Target → Cy Cole");
    const asked = JSON.parse((await cli(["report", small, "--json", "--include-confidential"])).stdout) as { ledger: { contact: string }[] };
    expect(asked.ledger.some((e) => e.contact === "c")).toBe(true);
  });
});
