// Issue 16.6, commands: a network whose person ids are names of
// Object.prototype properties (a LinkedIn URL ending /in/constructor is
// enough) loads, reports, finds paths and exports in every format, with no
// stack trace.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/program.js";
import { fakeTerminal } from "./fake-terminal.js";
import { tempDir } from "./run-cli.js";

const IDS = ["constructor", "__proto__", "toString", "hasOwnProperty"];

function networkFile(): string {
  const file = join(tempDir(), "proto.json");
  const doc = {
    format: "tiegraph",
    version: 1,
    ego: "me",
    people: [{ id: "me", name: "Me" }, ...IDS.map((id) => ({ id, name: `Person ${id}` }))],
    // me → each; constructor → __proto__ → toString → hasOwnProperty: a chain to walk
    exchanges: [
      ...IDS.map((id, i) => ({ date: `2026-01-0${i + 1}`, kind: "favour", from: "me", to: id })),
      { date: "2026-02-01", kind: "information", from: "constructor", to: "__proto__" },
      { date: "2026-02-02", kind: "information", from: "__proto__", to: "toString" },
    ],
  };
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const t = fakeTerminal([]);
  const status = await runCli(args, t.terminal);
  return { status, stdout: t.output(), stderr: t.shown() };
}

describe("ids named like Object.prototype properties, through the commands", () => {
  const cases: [string, string[], RegExp][] = [
    ["report", ["report"], /Person constructor/],
    ["report --json", ["report", "--json"], /"__proto__"/],
    ["intro --to toString", ["intro", "--to", "toString"], /Person toString/],
    ["plan", ["plan", "--week", "2026-02-09"], /./],
    ["export gexf", ["export", "--format", "gexf", "--graph", "relationships"], /<node id="__proto__"/],
    ["export graphml", ["export", "--format", "graphml"], /source="me" target="constructor"/],
    ["export json", ["export", "--format", "json", "--graph", "exchanges"], /"source":"__proto__"/],
    ["export csv", ["export", "--format", "csv", "--table", "ties"], /^me,Me,hasOwnProperty,Person hasOwnProperty,/m],
    ["export tiegraph", ["export", "--format", "tiegraph"], /"id": "hasOwnProperty"/],
  ];
  for (const [name, args, shows] of cases) {
    it(name, async () => {
      const file = networkFile();
      const r = await run([args[0]!, file, ...args.slice(1)]);
      expect(r.stderr).not.toContain("internal error");
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(shows);
    });
  }
});
