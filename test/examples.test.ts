// Runs every example script as a user would, and checks the committed sample
// network is exactly what its generator script makes.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const scripts = join(root, "examples", "scripts");
const run = (file: string, args: string[] = []) =>
  execFileSync(process.execPath, ["--conditions=source", "--import", "tsx", join(scripts, file), ...args], { cwd: root, encoding: "utf8" });

describe("examples", () => {
  it("make-sample.ts reproduces the committed sample network byte for byte", () => {
    const out = join(mkdtempSync(join(tmpdir(), "tiegraph-")), "sample.json");
    run("make-sample.ts", [out]);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(join(root, "examples", "data", "sample-network.json"), "utf8"));
  });

  for (const file of readdirSync(scripts).filter((f) => f.endsWith(".ts") && f !== "make-sample.ts")) {
    it(`${file} runs on the sample network`, () => {
      const out = run(file);
      expect(out).toMatch(/301 people|\bMe\b/);
    });
  }
});
