// The command framework: help with an example on every command, the
// documented exit codes (0 ok, 1 bad input naming file and line, 2 usage),
// and error messages for files that cannot be read or parsed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, SAMPLE, cli } from "./run-cli.js";

const COMMANDS = ["import", "report", "intro", "plan", "export", "encrypt", "decrypt", "generate"];

describe("tiegraph --help", () => {
  it("lists every command, the exit codes and the passphrase variable", async () => {
    const r = await cli(["--help"]);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    expect(r.stdout).toContain("0  success");
    expect(r.stdout).toContain("1  bad input");
    expect(r.stdout).toContain("2  bad usage");
    expect(r.stdout).toContain("TIEGRAPH_PASSPHRASE");
  });

  it.each(COMMANDS)("%s --help shows its usage and an example, exit 0", async (command) => {
    const r = await cli([command, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Usage: tiegraph ${command}`);
    expect(r.stdout).toMatch(new RegExp(`Examples?:\\n  \\$ tiegraph ${command} `));
    expect(r.stderr).toBe("");
  });

  it("--version prints the package version", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "packages", "cli", "package.json"), "utf8")) as { version: string };
    const r = await cli(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe("usage errors exit 2", () => {
  it.each([
    [["bogus"], "unknown command 'bogus'"],
    [[], "Usage: tiegraph"],
    [["report"], "missing required argument 'file'"],
    [["report", SAMPLE, "--no-such-option"], "unknown option '--no-such-option'"],
    [["intro", SAMPLE], "required option '--to <target>' not specified"],
    [["intro", SAMPLE, "--to", "p1", "--mode", "fastest"], "expected one of reliable, widest"],
    [["intro", SAMPLE, "--to", "p1", "--k", "0"], "expected a whole number ≥ 1"],
    [["plan", SAMPLE, "--week", "2026-02-30"], "expected a calendar date YYYY-MM-DD"],
    [["plan", SAMPLE, "--hours", "-1"], "expected a number > 0"],
    [["export", SAMPLE, "--format", "pdf"], "expected one of gexf, graphml, json, csv, tiegraph"],
  ])("tiegraph %j", async (args, message) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });
});

describe("bad input exits 1 with a message naming the file and line", () => {
  it("a missing file", async () => {
    const r = await cli(["report", "no/such/net.json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("tiegraph/cli: no/such/net.json: cannot read the file: no such file or folder, expected a readable file\n");
  });

  it("malformed JSON: file, line and column of the syntax error", async () => {
    const file = join(FIXTURES, "bad-json.json");
    const r = await cli(["report", file]);
    expect(r.status).toBe(1);
    // the stray comma is on line 9, right after the exchange's closing brace (column 75)
    expect(r.stderr).toContain(`tiegraph/format: ${file}:9:75: not valid JSON`);
    expect(r.stdout).toBe("");
  });

  it.each(["report", "intro", "plan", "export"])("an exchange naming an unknown person (%s): file, line, record and field", async (command) => {
    const file = join(FIXTURES, "unknown-person.json");
    const extra = command === "intro" ? ["--to", "ann"] : command === "export" ? ["--format", "gexf"] : [];
    const r = await cli([command, file, ...extra]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`tiegraph/model: ${file}:10:67 exchange #1 /exchanges/1/to: unknown person "zed", expected the id of a person in the network or this batch\n`);
  });
});
