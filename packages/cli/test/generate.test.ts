// `tiegraph generate`: the file it writes is the core generator's network,
// byte for byte, and bad option values are usage errors.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateNetwork, parseNetworkFile, serializeNetwork } from "@tiegraph/core";
import { tempDir, cli } from "./run-cli.js";

describe("tiegraph generate", () => {
  it("writes generateNetwork's network to -o and says what it wrote", async () => {
    const out = join(tempDir(), "net.json");
    const r = await cli(["generate", "--people", "40", "--exchanges", "500", "--seed", "7", "-o", out]);
    expect(r.status).toBe(0);
    const expected = generateNetwork({ seed: 7, people: 40, exchanges: 500 });
    expect(readFileSync(out, "utf8")).toBe(serializeNetwork(expected));
    expect(r.stdout).toBe(`wrote ${out}: 41 people, ${expected.organisationCount} organisations, ${expected.affiliationCount} affiliations, 500 exchanges\n`);
    expect(r.stderr).toBe("");
  });

  it("writes to standard output without -o, and passes --organisations and --no-ego through", async () => {
    const r = await cli(["generate", "--people", "30", "--exchanges", "200", "--seed", "-3", "--organisations", "4", "--no-ego"]);
    expect(r.status).toBe(0);
    const net = parseNetworkFile(r.stdout);
    expect(net.ego).toBeUndefined();
    expect(net.organisationCount).toBe(4);
    expect(r.stdout).toBe(serializeNetwork(generateNetwork({ seed: -3, people: 30, exchanges: 200, organisations: 4, ego: false })));
  });

  it("--no-extras passes extras: false through (no emails, interests, tags or notes)", async () => {
    const r = await cli(["generate", "--people", "30", "--exchanges", "200", "--seed", "4", "--no-extras"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(serializeNetwork(generateNetwork({ seed: 4, people: 30, exchanges: 200, extras: false })));
    expect(r.stdout).not.toContain("@example.org");
  });

  it("the same seed gives the same file, another seed another", async () => {
    const a = (await cli(["generate", "--people", "20", "--exchanges", "100", "--seed", "1"])).stdout;
    const b = (await cli(["generate", "--people", "20", "--exchanges", "100", "--seed", "1"])).stdout;
    const c = (await cli(["generate", "--people", "20", "--exchanges", "100", "--seed", "2"])).stdout;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it.each([
    [["--people", "x", "--exchanges", "1", "--seed", "1"], "--people <n>", "expected a whole number ≥ 2"],
    [["--people", "10", "--exchanges", "-5", "--seed", "1"], "--exchanges <m>", "expected a whole number ≥ 0"],
    [["--people", "10", "--exchanges", "5", "--seed", "1.5"], "--seed <s>", "expected a whole number"],
    [["--people", "10", "--exchanges", "5"], "--seed", "not specified"],
  ])("rejects %j with exit code 2", async (args, option, problem) => {
    const r = await cli(["generate", ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(option);
    expect(r.stderr).toContain(problem);
    expect(r.stdout).toBe("");
  });

  it("a path it cannot write is bad input (exit 1) naming the path", async () => {
    const out = join(tempDir(), "missing-folder", "net.json");
    const r = await cli(["generate", "--people", "10", "--exchanges", "10", "--seed", "1", "-o", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(out);
  });
});
