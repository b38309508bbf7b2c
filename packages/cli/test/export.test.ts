// `tiegraph export`: each format is io's exporter output on the file, with
// confidential exchanges and notes left out unless asked.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNetworkFile, serializeNetwork } from "@tiegraph/core";
import { exportAffiliationsCsv, exportExchangesCsv, exportGexf, exportGraphml, exportGraphologyJson, exportPeopleCsv, exportTiesCsv } from "@tiegraph/io";
import { writeTextFile } from "../src/files/network-files.js";
import { FIXTURES, SAMPLE, tempDir, cli } from "./run-cli.js";

const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));

async function exported(args: string[]): Promise<string> {
  const r = await cli(["export", SAMPLE, ...args]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("tiegraph export", () => {
  it("gexf, graphml and graphology json are io's exporters, ties by default", async () => {
    expect(await exported(["--format", "gexf"])).toBe(exportGexf(sample));
    expect(await exported(["--format", "graphml", "--graph", "relationships"])).toBe(exportGraphml(sample, { graph: "relationships", includeConfidential: false, includeNotes: false }));
    // compact by default (graphology's own JSON.stringify), indented by two spaces with --pretty: the same graph
    const json = await exported(["--format", "json"]);
    expect(json).toBe(exportGraphologyJson(sample) + "\n");
    expect(json.split("\n")).toHaveLength(2);
    const pretty = await exported(["--format", "json", "--pretty"]);
    expect(pretty).toBe(exportGraphologyJson(sample, { pretty: true }) + "\n");
    expect(pretty.startsWith('{\n  "options": {\n    "type": "directed",')).toBe(true);
    const graph = JSON.parse(json) as { nodes: unknown[]; edges: unknown[] };
    expect(graph.nodes).toHaveLength(301);
    expect(JSON.parse(pretty)).toEqual(graph);
  });

  it("csv: one table to standard output, or all four into a folder", async () => {
    expect(await exported(["--format", "csv"])).toBe(exportTiesCsv(sample));
    expect(await exported(["--format", "csv", "--table", "exchanges"])).toBe(exportExchangesCsv(sample));
    const folder = join(tempDir(), "csv");
    const r = await cli(["export", SAMPLE, "--format", "csv", "--table", "all", "-o", folder]);
    expect(r.status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["affiliations.csv", "exchanges.csv", "people.csv", "ties.csv"]);
    expect(readFileSync(join(folder, "people.csv"), "utf8")).toBe(exportPeopleCsv(sample));
    expect(readFileSync(join(folder, "affiliations.csv"), "utf8")).toBe(exportAffiliationsCsv(sample));
    expect(r.stdout).toBe(["people", "affiliations", "exchanges", "ties"].map((t) => `wrote ${join(folder, `${t}.csv`)}\n`).join(""));
  });

  it("--include-confidential and --include-notes pass through to the exporters", async () => {
    const text = await exported(["--format", "csv", "--table", "exchanges", "--include-confidential", "--include-notes"]);
    expect(text).toBe(exportExchangesCsv(sample, { includeConfidential: true, includeNotes: true }));
    expect(text).toContain("told me in confidence");
    expect(await exported(["--format", "csv", "--table", "exchanges"])).not.toContain("told me in confidence");
  });

  it("tiegraph: a redacted copy of the network file, complete only when both are asked for", async () => {
    expect(await exported(["--format", "tiegraph"])).toBe(serializeNetwork(sample, { redact: true }));
    expect(await exported(["--format", "tiegraph", "--include-confidential", "--include-notes"])).toBe(serializeNetwork(sample));
  });

  it("-o writes the file and says so", async () => {
    const out = join(tempDir(), "net.graphml");
    const r = await cli(["export", join(FIXTURES, "intro-small.json"), "--format", "graphml", "-o", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`wrote ${out}\n`);
    expect(readFileSync(out, "utf8")).toBe(exportGraphml(parseNetworkFile(readFileSync(join(FIXTURES, "intro-small.json"), "utf8"))));
  });

  it("--pretty goes with --format json", async () => {
    const r = await cli(["export", SAMPLE, "--format", "gexf", "--pretty"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--pretty goes with --format json");
    expect(r.stdout).toBe("");
  });

  it("--table all needs --format csv and -o", async () => {
    expect((await cli(["export", SAMPLE, "--format", "gexf", "--table", "all", "-o", tempDir()])).stderr).toContain("--table all goes with --format csv");
    const r = await cli(["export", SAMPLE, "--format", "csv", "--table", "all"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("give their folder with -o");
  });

  it("-o streams every format to the file: the same text as io's exporters give whole", async () => {
    const folder = tempDir();
    const expected: [string[], string][] = [
      [["--format", "gexf"], exportGexf(sample)],
      [["--format", "graphml", "--graph", "exchanges"], exportGraphml(sample, { graph: "exchanges" })],
      [["--format", "json", "--graph", "relationships"], exportGraphologyJson(sample, { graph: "relationships" }) + "\n"],
      [["--format", "json", "--pretty"], exportGraphologyJson(sample, { pretty: true }) + "\n"],
      [["--format", "csv", "--table", "people", "--include-notes"], exportPeopleCsv(sample, { includeNotes: true })],
      [["--format", "csv", "--table", "ties", "--as-of", "2025-06-30"], exportTiesCsv(sample, { asOf: "2025-06-30" })],
      [["--format", "tiegraph"], serializeNetwork(sample, { redact: true })],
    ];
    for (const [k, [args, text]] of expected.entries()) {
      const out = join(folder, `out-${k}`);
      const r = await cli(["export", SAMPLE, ...args, "-o", out]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(`wrote ${out}\n`);
      expect(readFileSync(out, "utf8"), args.join(" ")).toBe(text);
    }
    // nothing but the files: no temporary file left beside them
    expect(readdirSync(folder).sort()).toEqual(expected.map((_, k) => `out-${k}`).sort());
  });

  it("a streamed save that fails part-way writes nothing: the old file stays, no temporary file is left", async () => {
    const folder = tempDir();
    const out = join(folder, "ties.csv");
    writeFileSync(out, "the previous export\n");
    function* failing(): Generator<string> {
      yield "source,target\r\n".repeat(10_000);
      throw new Error("disk full (simulated)");
    }
    await expect(writeTextFile(out, failing(), { command: "export" })).rejects.toThrow(/disk full \(simulated\)/);
    expect(readFileSync(out, "utf8")).toBe("the previous export\n");
    expect(readdirSync(folder)).toEqual(["ties.csv"]);
  });
});
