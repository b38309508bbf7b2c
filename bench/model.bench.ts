/**
 * Model benchmark: building the network and its tie indices from 1,000,000
 * generated exchanges, and the heap each exchange costs.
 */
import { generateNetwork, directedTies, relationships, tieGraph, type Network } from "@tiegraph/core";
import type { Benchmark } from "./run.js";
import { BIG } from "./data.js";
import { heapUsed, table, timeMs } from "./util.js";

const bench: Benchmark = {
  title: "Model: building the network and tie graph (issue 2)",
  order: 10,
  async run() {
    const h0 = heapUsed();
    const gen = timeMs(() => generateNetwork(BIG));
    let net: Network | undefined = gen.result;
    const h1 = heapUsed();
    const m = net.exchangeCount;
    const rows: (string | number)[][] = [];
    rows.push(["generate + validate + store 1M exchanges (Network, with extras: emails, interests, tags, notes)", gen.ms, ((h1 - h0) / m).toFixed(0)]);
    // the same network without the optional fields, to show what they cost
    const h2 = heapUsed();
    const bare = timeMs(() => generateNetwork({ ...BIG, extras: false }));
    const h3 = heapUsed();
    rows.push(["the same without extras (`extras: false`)", bare.ms, ((h3 - h2) / bare.result.exchangeCount).toFixed(0)]);
    bare.result = undefined as unknown as Network;
    // median of 3 builds of each index
    // index memory is exact: the sum of its typed arrays' byte lengths
    const build = <T extends object>(fn: () => T): { ms: number; bytes: number; result: T } => {
      const times: number[] = [];
      let result!: T;
      for (let k = 0; k < 3; k++) {
        const t = timeMs(fn);
        times.push(t.ms);
        result = t.result;
      }
      times.sort((a, b) => a - b);
      let bytes = 0;
      for (const v of Object.values(result)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
      return { ms: times[1]!, bytes, result };
    };
    const d = build(() => directedTies(net!));
    rows.push([`directed tie index (${d.result.pairCount} ordered pairs, typed arrays)`, d.ms, (d.bytes / m).toFixed(0)]);
    const r = build(() => relationships(net!));
    rows.push([`relationship index (${r.result.pairCount} unordered pairs, CSR)`, r.ms, (r.bytes / m).toFixed(0)]);
    const before = heapUsed();
    const g = timeMs(() => tieGraph(net!));
    const gBytes = heapUsed() - before;
    rows.push([`graphology DirectedGraph tie graph (${g.result.size} edges)`, g.ms, (gBytes / m).toFixed(0)]);
    const total = h1 - h0 + d.bytes + r.bytes;
    net = undefined;
    return [
      `Generated network: ${BIG.people.toLocaleString("en")} people, ${m.toLocaleString("en")} exchanges, seed ${BIG.seed}, with the generator's extras (every person's email; interests, tags and notes on some people; topic tags on information exchanges; notes on confidential ones), as at any size since \`extras\` became an explicit option.`,
      "",
      table(["step", "time (ms)", "memory per exchange (bytes)"], rows),
      "",
      `Network + both typed-array tie indices: ${(total / m).toFixed(0)} bytes per exchange (target < 300). The network's figure is the growth of V8 heap plus array buffers after a forced GC; the indices' figures are the exact byte lengths of their typed arrays. ` +
        `Building both tie indices: ${(d.ms + r.ms).toFixed(0)} ms (target < 2,000 ms). ` +
        "The graphology tie graph is built on demand for users who hand it to graphology-metrics or sigma; the analytics and path search never need it.",
    ].join("\n");
  },
};
export default bench;
