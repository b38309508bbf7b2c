/**
 * Model benchmark: building the network and its tie indices from 1,000,000
 * generated exchanges, and the heap each exchange costs.
 */
import { generateNetwork, directedTies, relationships, tieGraph, type Network, type NetworkEdit } from "@tiegraph/core";
import type { Benchmark } from "./run.js";
import { BIG } from "./data.js";
import { forgetIndices, heapUsed, table, timeMs } from "./util.js";

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
    // each run builds the index afresh (core would otherwise hand back the one it built for this revision)
    const d = build(() => (forgetIndices(net!), directedTies(net!)));
    rows.push([`directed tie index (${d.result.pairCount} ordered pairs, typed arrays)`, d.ms, (d.bytes / m).toFixed(0)]);
    const r = build(() => (forgetIndices(net!), relationships(net!)));
    rows.push([`relationship index (${r.result.pairCount} unordered pairs, CSR)`, r.ms, (r.bytes / m).toFixed(0)]);
    const before = heapUsed();
    const g = timeMs(() => tieGraph(net!));
    const gBytes = heapUsed() - before;
    rows.push([`graphology DirectedGraph tie graph (${g.result.size} edges)`, g.ms, (gBytes / m).toFixed(0)]);
    const total = h1 - h0 + d.bytes + r.bytes;
    // Edits change the store in place: median of 5 of each edit and of its undo, on the 1M network.
    const middle = Math.floor(m / 2);
    const editRows: (string | number)[][] = [];
    const edit = (label: string, make: () => NetworkEdit): void => {
      const times: number[] = [];
      const undoTimes: number[] = [];
      for (let k = 0; k < 5; k++) {
        const e = make();
        const t = timeMs(() => net!.edit(e));
        times.push(t.ms);
        undoTimes.push(timeMs(() => net!.edit(t.result)).ms);
      }
      const median = (xs: number[]): string => xs.sort((a, b) => a - b)[2]!.toFixed(2);
      editRows.push([label, median(times), median(undoTimes)]);
    };
    const someone = net.personAt(1).id;
    const other = net.personAt(2).id;
    edit("add an exchange (appended)", () => ({ op: "add-exchange", exchange: { date: "2026-11-30", kind: "favour", from: someone, to: other } }));
    edit("add an exchange at position 0 (every column moves up)", () => ({ op: "add-exchange", exchange: { date: "2026-11-30", kind: "meeting", from: someone, to: other }, at: 0 }));
    edit("update an exchange in the middle (date, value)", () => ({ op: "update-exchange", id: net!.exchangeId(middle), patch: { date: "2026-11-29", value: 2 } }));
    edit("remove an exchange in the middle (later ones move down)", () => ({ op: "remove-exchange", id: net!.exchangeId(middle) }));
    edit("update a person (interests)", () => ({ op: "update-person", id: someone, patch: { interests: ["pricing"] } }));
    net = undefined;
    return [
      `Generated network: ${BIG.people.toLocaleString("en")} people, ${m.toLocaleString("en")} exchanges, seed ${BIG.seed}, with the generator's extras (every person's email; interests, tags and notes on some people; topic tags on information exchanges; notes on confidential ones), as at any size since \`extras\` became an explicit option.`,
      "",
      table(["step", "time (ms)", "memory per exchange (bytes)"], rows),
      "",
      `Edits of that network (\`network.edit\`, checked like loading; median of 5; the undo is the edit list each returns). None rebuilds the network: an exchange is written into the typed columns in place, and adding or removing one anywhere but the end moves the later ones by one.`,
      "",
      table(["edit", "time (ms)", "undo (ms)"], editRows),
      "",
      `Network + both typed-array tie indices: ${(total / m).toFixed(0)} bytes per exchange (target < 300). The network's figure is the growth of V8 heap plus array buffers after a forced GC; the indices' figures are the exact byte lengths of their typed arrays. ` +
        `Building both tie indices: ${(d.ms + r.ms).toFixed(0)} ms (target < 2,000 ms). ` +
        "The graphology tie graph is built on demand for users who hand it to graphology-metrics or sigma; the analytics and path search never need it.",
    ].join("\n");
  },
};
export default bench;
