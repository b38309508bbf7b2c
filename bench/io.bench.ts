/**
 * I/O benchmark: streaming import of a 100,000-row LinkedIn Connections.csv
 * and of a 100,000-row exchanges CSV (rows/s, peak heap), encryption and
 * decryption throughput, and GEXF/GraphML export of the 300-person sample
 * network, beside Python's csv module, NetworkX and python-igraph doing the
 * same work on the same files.
 */
import { createReadStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Network, generateNetwork, serializeNetwork } from "@tiegraph/core";
import { decryptText, encryptText, exportExchangesCsv, exportGexf, exportGraphml, exportTiesCsv, importExchangesCsv, importLinkedInConnections, mergeInto, type ImportedNetwork } from "@tiegraph/io";
import type { Benchmark } from "./run.js";
import { OUT } from "./data.js";
import { gc, heapUsed, percentile, runPython, table, timeMs } from "./util.js";

const ROWS = 100_000;

/** The Python peers, written to the scratch folder at run time. */
const PEER = String.raw`
import csv, json, sys, time
kind, path = sys.argv[1], sys.argv[2]
out = {}
if kind == "csv":
    t0 = time.perf_counter()
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = sum(1 for _ in csv.reader(f))
    out = {"ms": (time.perf_counter() - t0) * 1000, "rows": rows}
elif kind == "igraph":
    # python-igraph (Debian's, under /usr/bin/python3): same ties, GraphML writer only
    import igraph as ig
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = sorted({r["source"] for r in rows} | {r["target"] for r in rows})
    index = {n: i for i, n in enumerate(names)}
    h = ig.Graph(n=len(names), edges=[(index[r["source"]], index[r["target"]]) for r in rows], directed=True)
    h.vs["name"] = names
    h.es["weight"] = [float(r["strength"]) for r in rows]
    h.es["value"] = [float(r["value"]) for r in rows]
    h.es["count"] = [int(r["count"]) for r in rows]
    h.es["firstDate"] = [r["firstDate"] for r in rows]
    h.es["lastDate"] = [r["lastDate"] for r in rows]
    times = []
    for _ in range(5):
        t0 = time.perf_counter(); h.write_graphml(path + ".igraph.graphml"); times.append((time.perf_counter() - t0) * 1000)
    out["igraph-graphml"] = sorted(times)[2]
else:
    # ties CSV -> directed graph, then time the writers only
    import networkx as nx
    g = nx.DiGraph()
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            g.add_node(r["source"], label=r["sourceName"])
            g.add_node(r["target"], label=r["targetName"])
            g.add_edge(r["source"], r["target"], weight=float(r["strength"]), value=float(r["value"]), count=int(r["count"]), firstDate=r["firstDate"], lastDate=r["lastDate"])
    for name, write in (("networkx-gexf", nx.write_gexf), ("networkx-graphml", nx.write_graphml)):
        times = []
        for _ in range(5):
            t0 = time.perf_counter(); write(g, path + "." + name); times.append((time.perf_counter() - t0) * 1000)
        out[name] = sorted(times)[2]
print(json.dumps(out))

`;

function linkedInCsv(rows: number): string {
  const lines = ["Notes:", '"When exporting your connection data, you may notice that some of the email addresses are missing."', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  for (let i = 0; i < rows; i++) {
    const email = i % 10 === 0 ? `person${i}@example.org` : "";
    lines.push(`First${i},Last${i % 997},https://www.linkedin.com/in/first-last-${i.toString(36)},${email},"Company ${i % 3000}, Inc.",Senior Analyst,${(i % 28) + 1} ${months[i % 12]} ${2015 + (i % 10)}`);
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/** Imports a file through a Node stream, sampling the heap at each progress call; returns time, peak heap above the start, and the result. */
async function streamed(path: string, read: (s: NodeJS.ReadableStream, onProgress: () => void) => Promise<ImportedNetwork>): Promise<{ ms: number; peak: number; result: ImportedNetwork }> {
  gc();
  const base = heapUsed();
  let peak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base);
  };
  const t0 = performance.now();
  const result = await read(createReadStream(path, { highWaterMark: 1 << 16 }), sample);
  const ms = performance.now() - t0;
  sample();
  return { ms, peak, result };
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const ratio = (ours: number, peer: number | undefined): string => (peer === undefined ? "n/a" : `${(peer / ours).toFixed(2)}×`);

const bench: Benchmark = {
  title: "Import, export and encryption (@tiegraph/io)",
  order: 40,
  async run() {
    mkdirSync(OUT, { recursive: true });
    const peerScript = join(OUT, "io_peer.py");
    writeFileSync(peerScript, PEER);

    // 1. LinkedIn Connections.csv, 100,000 rows
    const linkedInPath = join(OUT, `Connections-${ROWS}.csv`);
    writeFileSync(linkedInPath, linkedInCsv(ROWS));
    const fileMb = statSync(linkedInPath).size / 2 ** 20;
    const runs: { ms: number; peak: number; result: ImportedNetwork }[] = [];
    for (let k = 0; k < 3; k++) runs.push(await streamed(linkedInPath, (s, onProgress) => importLinkedInConnections(s as AsyncIterable<Uint8Array>, { file: "Connections.csv", onProgress })));
    const li = runs.sort((a, b) => a.ms - b.ms)[1]!;
    const liMerge = timeMs(() => mergeInto(new Network(), li.result));
    const pyCsv = runPython(peerScript, ["csv", linkedInPath]);
    const pyCsvMs = pyCsv.ok ? (JSON.parse(pyCsv.out) as { ms: number }).ms : undefined;

    // 2. exchanges CSV, 100,000 rows, into a network that has the people
    const source = generateNetwork({ seed: 2026, people: 5000, exchanges: ROWS, ego: true });
    const exPath = join(OUT, `exchanges-${ROWS}.csv`);
    writeFileSync(exPath, exportExchangesCsv(source, { includeConfidential: true, includeNotes: true }));
    const exRuns: { ms: number; peak: number; result: ImportedNetwork }[] = [];
    for (let k = 0; k < 3; k++) exRuns.push(await streamed(exPath, (s, onProgress) => importExchangesCsv(s as AsyncIterable<Uint8Array>, { file: "exchanges.csv", onProgress })));
    const ex = exRuns.sort((a, b) => a.ms - b.ms)[1]!;
    const target = Network.from({ ...source.toData(), exchanges: [] });
    const exMerge = timeMs(() => mergeInto(target, ex.result));
    const pyEx = runPython(peerScript, ["csv", exPath]);
    const pyExMs = pyEx.ok ? (JSON.parse(pyEx.out) as { ms: number }).ms : undefined;
    const exMb = statSync(exPath).size / 2 ** 20;

    const importRows = [
      ["LinkedIn Connections.csv", `${ROWS} rows, ${fileMb.toFixed(1)} MB`, li.ms, Math.round(ROWS / (li.ms / 1000)), mb(li.peak), liMerge.ms, pyCsvMs ?? "n/a", ratio(li.ms, pyCsvMs)],
      ["exchanges CSV", `${ROWS} rows, ${exMb.toFixed(1)} MB`, ex.ms, Math.round(ROWS / (ex.ms / 1000)), mb(ex.peak), exMerge.ms, pyExMs ?? "n/a", ratio(ex.ms, pyExMs)],
    ];

    // 3. encryption: the 300-person sample network's file and a 20,000-person one
    const encRows: (string | number)[][] = [];
    for (const [label, net] of [
      ["sample (300 people, 6,000 exchanges)", generateNetwork({ seed: 1, people: 300, exchanges: 6000 })],
      ["20,000 people, 200,000 exchanges", generateNetwork({ seed: 5, people: 20_000, exchanges: 200_000 })],
    ] as const) {
      const text = serializeNetwork(net);
      const bytes = new TextEncoder().encode(text).length;
      for (const iterations of [100_000, 600_000]) {
        const enc: number[] = [];
        const dec: number[] = [];
        for (let k = 0; k < 3; k++) {
          let t0 = performance.now();
          const sealed = await encryptText(text, "benchmark passphrase", { iterations });
          enc.push(performance.now() - t0);
          t0 = performance.now();
          await decryptText(sealed, "benchmark passphrase");
          dec.push(performance.now() - t0);
        }
        const e = percentile(enc, 50);
        const d = percentile(dec, 50);
        encRows.push([label, mb(bytes), iterations, e, (bytes / 2 ** 20 / (e / 1000)).toFixed(1), d, (bytes / 2 ** 20 / (d / 1000)).toFixed(1)]);
      }
    }

    // 4. GEXF and GraphML export of the sample network (tie graph), beside NetworkX and igraph writing the same graph
    const sample = generateNetwork({ seed: 1, people: 300, exchanges: 6000 });
    const med = (fn: () => unknown): number => {
      for (let k = 0; k < 2; k++) fn();
      const t: number[] = [];
      for (let k = 0; k < 7; k++) t.push(timeMs(fn).ms);
      return percentile(t, 50);
    };
    const gexfMs = med(() => exportGexf(sample));
    const graphmlMs = med(() => exportGraphml(sample));
    const tiesPath = join(OUT, "sample-ties.csv");
    writeFileSync(tiesPath, exportTiesCsv(sample));
    const peers = runPython(peerScript, ["export", tiesPath]);
    const igraph = runPython(peerScript, ["igraph", tiesPath], "/usr/bin/python3");
    const peerMs = { ...(peers.ok ? (JSON.parse(peers.out) as Record<string, number>) : {}), ...(igraph.ok ? (JSON.parse(igraph.out) as Record<string, number>) : {}) };
    const edges = sample.exchangeCount ? exportTiesCsv(sample).trim().split("\r\n").length - 1 : 0;
    const exportRows = [
      ["GEXF 1.3", gexfMs, peerMs["networkx-gexf"] ?? "n/a", ratio(gexfMs, peerMs["networkx-gexf"]), "n/a (no GEXF writer)", "n/a"],
      ["GraphML", graphmlMs, peerMs["networkx-graphml"] ?? "n/a", ratio(graphmlMs, peerMs["networkx-graphml"]), peerMs["igraph-graphml"] ?? "n/a", ratio(graphmlMs, peerMs["igraph-graphml"])],
    ];

    return [
      `Streaming imports read a file through \`fs.createReadStream\` (64 KiB chunks); "peak heap" is the most the heap (plus array buffers) grew above its starting point during the import, sampled at every progress callback. Merge is \`mergeInto\` of the result into a network (new, or holding the 5,000 people the exchanges name). The peer is Python's \`csv.reader\` merely reading the rows; ratio = peer time / ours (above 1: we are faster). Medians of 3.`,
      "",
      table(["file", "size", "import (ms)", "rows/s", "peak heap (MB)", "merge (ms)", "Python csv.reader (ms)", "ratio"], importRows),
      "",
      `Encryption: PBKDF2-SHA-256 then AES-256-GCM through WebCrypto (Node ${process.version}), on the network file's text; the time includes the key derivation, which dominates small files. Medians of 3.`,
      "",
      table(["network file", "size (MB)", "PBKDF2 iterations", "encrypt (ms)", "encrypt MB/s", "decrypt (ms)", "decrypt MB/s"], encRows),
      "",
      `Export of the sample network's tie graph (300 people + ego, ${edges} directed ties): ours builds the graph from the network and writes it; the peers only write a graph already built from the same ties. Medians of 7 (ours) and 5 (peers).`,
      "",
      table(["format", "ours (ms)", "NetworkX (ms)", "ratio", "python-igraph (ms)", "ratio"], exportRows),
    ].join("\n");
  },
};

export default bench;
