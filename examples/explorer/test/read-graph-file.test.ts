// The page opens GEXF and GraphML files exported by tiegraph: people, and each
// tie as one connection, with the import note saying that reciprocity is not
// available from such a file (readNetwork as the worker runs it, on File objects).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { directedTies, parseNetworkFile } from "@tiegraph/core";
import { exportGexf, exportGraphml } from "@tiegraph/io";
import { readNetwork } from "../src/worker/read-network.js";
import { EXPLORER_ROOT } from "./browser.js";

const sample = parseNetworkFile(readFileSync(join(EXPLORER_ROOT, "..", "data", "sample-network.json"), "utf8"));
const ties = directedTies(sample, { excludeConfidential: true }).pairCount;

describe("readNetwork on tiegraph's graph files", () => {
  for (const [name, text, label] of [["net.gexf", exportGexf(sample), "GEXF"], ["net.graphml", exportGraphml(sample), "GraphML"]] as const) {
    it(`opens ${name} as people and one connection per tie, and says so in the import note`, async () => {
      const read = await readNetwork({ kind: "files", files: [new File([text], name)] }, () => {});
      expect(read.network.personCount).toBe(sample.personCount);
      expect(read.network.exchangeCount).toBe(ties);
      expect(read.network.ego).toBe(sample.ego);
      expect(read.imported[0]).toBe(`Imported ${name}: ${sample.personCount} people added, 0 recognised, 0 uncertain (added apart), ${ties} exchanges.`);
      expect(read.imported).toContain(`${name}:1: ${label} file: holds ties, not exchanges: each of its ${ties} ties became one connection dated at its last date, so reciprocity (who gave what) is not available from it`);
    });
  }

  it("names the file and line of a malformed graph file", async () => {
    const bad = new File(['<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a">\n</graph>\n</graphml>'], "bad.graphml");
    await expect(readNetwork({ kind: "files", files: [bad] }, () => {})).rejects.toMatchObject({ code: "parse-error", file: "bad.graphml", line: 5 });
  });
});
