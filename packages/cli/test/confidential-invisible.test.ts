// Issue 16.4, commands: adding confidential exchanges to a network file
// changes nothing `report`, `intro` or `plan` print (text or JSON) while they
// are left out (the default), and nothing an export writes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { serializeNetwork, type Network } from "@tiegraph/core";
import { runCli } from "../src/program.js";
import { fakeTerminal } from "./fake-terminal.js";
import { tempDir } from "./run-cli.js";
import { networks, scenario } from "../../core/test/confidential-scenarios.js";

/** What each command printed (exit code, standard output and error) for a network saved at `file`. */
async function outputs(network: Network, file: string): Promise<Record<string, string>> {
  writeFileSync(file, serializeNetwork(network));
  const last = `p${network.personCount - 1}`;
  const commands: Record<string, string[]> = {
    report: ["report", file],
    reportJson: ["report", file, "--json"],
    reportPerson: ["report", file, "--person", "p1"],
    intro: ["intro", file, "--to", last],
    introJson: ["intro", file, "--to", last, "--json"],
    plan: ["plan", file, "--week", "2026-08-24"],
    planJson: ["plan", file, "--week", "2026-08-24", "--json"],
    exportTies: ["export", file, "--format", "csv"],
    exportRelationships: ["export", file, "--format", "graphml", "--graph", "relationships"],
  };
  const out: Record<string, string> = {};
  for (const [name, args] of Object.entries(commands)) {
    const t = fakeTerminal([]);
    const status = await runCli(args, t.terminal);
    out[name] = `exit ${status}\n${t.output()}\n--- stderr\n${t.shown()}`;
  }
  return out;
}

describe("commands print the same with confidential exchanges added (16.4)", () => {
  it("report, intro, plan (text and JSON) and exports", async () => {
    const file = join(tempDir(), "net.json");
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { open, withSecrets } = networks(s);
        const never = await outputs(open, file);
        const hidden = await outputs(withSecrets, file);
        for (const key of Object.keys(never)) expect(hidden[key], key).toBe(never[key]);
        for (const key of ["report", "reportJson", "intro", "introJson", "plan", "planJson", "exportTies"]) expect(never[key], key).toMatch(/^exit 0\n./);
      }),
      { numRuns: 8 },
    );
  });
});
