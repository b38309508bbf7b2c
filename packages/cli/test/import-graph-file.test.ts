// `tiegraph import --gexf / --graphml`: a graph file exported by tiegraph comes
// back as its people and one connection per tie, with a note that it holds
// ties, not exchanges.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { directedTies, parseNetworkFile } from "@tiegraph/core";
import { exportGexf, exportGraphml } from "@tiegraph/io";
import { cli, tempDir } from "./run-cli.js";

const sample = parseNetworkFile(readFileSync(new URL("../../../examples/data/sample-network.json", import.meta.url), "utf8"));
const ties = directedTies(sample, { excludeConfidential: true }).pairCount;

describe("tiegraph import --gexf / --graphml", () => {
  for (const [flag, text] of [["--gexf", exportGexf(sample)], ["--graphml", exportGraphml(sample)]] as const) {
    it(`${flag} reads people and one connection per tie, and says reciprocity is not available`, async () => {
      const dir = tempDir();
      const file = join(dir, `net.${flag.slice(2)}`);
      const out = join(dir, "net.json");
      writeFileSync(file, text);
      const r = await cli(["import", flag, file, "-o", out]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const net = parseNetworkFile(readFileSync(out, "utf8"));
      expect(net.personCount).toBe(sample.personCount);
      expect(net.exchangeCount).toBe(ties);
      expect(net.ego).toBe(sample.ego);
      expect(r.stdout).toContain(`note: ${file}:1: ${flag === "--gexf" ? "GEXF" : "GraphML"} file: holds ties, not exchanges: each of its ${ties} ties became one connection`);
    });
  }
});
