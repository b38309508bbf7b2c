// The index worker reads only the header and the exchange columns of a columnar copy
// (index-ahead.ts, readExchangeParts): the index it builds from those bytes must be the one
// built from the whole copy, and a file that is not a whole copy gives no index at all.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeNetworkColumns, generateNetwork } from "@tiegraph/core";
import { buildRouteGraph, buildTieIndex, decodeExchangeSource, exchangeSourceExtent, type BuiltTieIndex } from "@tiegraph/core/internal";
import { indexFromCopy } from "../src/files/index-ahead.js";
import { tempDir } from "./run-cli.js";

const SOURCE = "e".repeat(64);

/** Every typed array of an index as its bytes, and its scalars. */
function bits(built: BuiltTieIndex): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: built.kind };
  for (const [key, value] of Object.entries(built.index)) out[key] = ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") : value;
  return out;
}

describe("the index worker's reading of a columnar copy", () => {
  it("builds from the header and exchange columns alone the index the whole copy gives", () => {
    const dir = tempDir();
    const net = generateNetwork({ seed: 9, people: 300, exchanges: 4000 });
    const bytes = encodeNetworkColumns(net, SOURCE);
    const file = join(dir, "net.json.columns");
    writeFileSync(file, bytes);
    // the records and extras lie between the header and the columns: not read
    const extent = exchangeSourceExtent(bytes)!;
    expect(extent.from - extent.header).toBeGreaterThan(bytes.length / 4);
    for (const kind of ["directed", "relationships"] as const) {
      for (const excludeConfidential of [false, true]) {
        const got = indexFromCopy(file, { kind, excludeConfidential })!;
        expect(got.source).toBe(SOURCE);
        const ex = decodeExchangeSource(bytes.slice(), SOURCE)!;
        const want = buildTieIndex(kind, ex, { excludeConfidential });
        expect(bits(got.built)).toEqual(bits(want));
        if (kind === "relationships") expect(got.routeGraph).toEqual(buildRouteGraph(want.index as never, (want.index as { strength: Float64Array }).strength));
      }
    }
  });

  it("gives nothing for a copy cut short, a header that is too long to be one, or a file that is not a copy", () => {
    const dir = tempDir();
    const bytes = encodeNetworkColumns(generateNetwork({ seed: 2, people: 50, exchanges: 300 }), SOURCE);
    const extent = exchangeSourceExtent(bytes)!;
    const cut = join(dir, "cut.columns");
    // cut inside the last column (format: one byte per exchange, 300 of them, then padding to a multiple of 8)
    writeFileSync(cut, bytes.subarray(0, extent.to - 8 - 1));
    expect(indexFromCopy(cut, { kind: "directed", excludeConfidential: false })).toBeUndefined();
    // a header length past the file's end
    const long = bytes.slice(0, 200);
    new DataView(long.buffer).setUint32(8, 1 << 20, true);
    const longFile = join(dir, "long.columns");
    writeFileSync(longFile, long);
    expect(indexFromCopy(longFile, { kind: "directed", excludeConfidential: false })).toBeUndefined();
    const json = join(dir, "net.json");
    writeFileSync(json, '{"format":"tiegraph-network","version":2}\n');
    expect(indexFromCopy(json, { kind: "directed", excludeConfidential: false })).toBeUndefined();
    expect(indexFromCopy(join(dir, "missing.columns"), { kind: "directed", excludeConfidential: false })).toBeUndefined();
  });
});
