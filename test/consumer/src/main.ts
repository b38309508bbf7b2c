// Uses the packed @tiegraph packages as another project would, through their
// public entries only, and checks the results against hand-worked values.
// Compiled under NodeNext and under Bundler (skipLibCheck: false) and run in
// Node as ESM by scripts/consumer-check.sh.
import { strict as assert } from "node:assert";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@tiegraph/core";
import { Network, TiegraphError, eiIndex, parseNetworkFile, serializeNetwork, type NetworkData } from "@tiegraph/core";
import * as io from "@tiegraph/io";
import { exportGexf, exportedGraph } from "@tiegraph/io";
import { loadNetworkFile, saveNetworkFileAtomic } from "@tiegraph/io/node";
import * as viz from "@tiegraph/viz";
import { LIGHT_THEME, egoRingsLayout, nodeColourEncoding, sceneFromNetwork } from "@tiegraph/viz";
import { runCli, type Terminal } from "@tiegraph/cli";

// Me and Ann at Acme, Bob and Cy at Globex; four favours, each on a different pair.
const data: NetworkData = {
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }, { id: "cy", name: "Cy" }],
  affiliations: [
    { person: "me", organisation: "acme" },
    { person: "ann", organisation: "acme" },
    { person: "bob", organisation: "globex" },
    { person: "cy", organisation: "globex" },
  ],
  exchanges: [
    { date: "2024-03-01", kind: "favour", from: "me", to: "ann" },
    { date: "2024-03-02", kind: "favour", from: "me", to: "bob" },
    { date: "2024-03-03", kind: "favour", from: "bob", to: "cy" },
    { date: "2024-03-04", kind: "favour", from: "cy", to: "me" },
  ],
};
const network = Network.from(data);

// core: ties me–ann and bob–cy are internal, me–bob and cy–me external:
// network (E − I)/(E + I) = (2 − 2)/4 = 0; me: ann internal, bob and cy external: (2 − 1)/3.
const ei = eiIndex(network);
assert.equal(ei.internal, 2);
assert.equal(ei.external, 2);
assert.equal(ei.network, 0);
assert.equal(ei.byPerson["me"], 1 / 3);
assert.equal(ei.byPerson["ann"], -1);
assert.deepEqual(parseNetworkFile(serializeNetwork(network)).toData(), network.toData());
assert.throws(() => Network.from({ people: [{ id: "x", name: "X" }, { id: "x", name: "X again" }] }), (e: unknown) => e instanceof TiegraphError && typeof e.code === "string");

// io: the exported graph is typed (not any) and has one edge per exchanged pair
type IsAny<T> = 0 extends 1 & T ? true : false;
const graphIsTyped: IsAny<ReturnType<typeof exportedGraph>> = false;
const graph = exportedGraph(network);
const order: number = graph.order;
assert.equal(order, 4);
assert.equal(graph.size, 4);
assert.ok(exportGexf(network).includes('label="Ann"'));
const file = join(mkdtempSync(join(tmpdir(), "tiegraph-consumer-")), "net.json");
await saveNetworkFileAtomic(file, network);
assert.deepEqual((await loadNetworkFile(file)).toData(), network.toData());

// viz (the Node-safe main entry): colours by organisation with counts, every person placed
const scene = sceneFromNetwork(network);
const colours = nodeColourEncoding(scene, "organisation", LIGHT_THEME);
assert.deepEqual(colours.legend?.entries.map((e) => e.label).sort(), ["Acme (2)", "Globex (2)"]);
assert.equal(egoRingsLayout(scene).x.length, 4);

// cli: the program in-process
let out = "";
const terminal: Terminal = { stdout: { write: (s: string) => void (out += s) }, stderr: { write: () => undefined }, stdin: process.stdin, env: {} };
assert.equal(await runCli(["generate", "--people", "12", "--exchanges", "40", "--seed", "3"], terminal), 0);
// --people counts the people besides ego
assert.equal(parseNetworkFile(out).personCount, 12 + 1);

// internals are not in the public entries
// @ts-expect-error createRandom is internal (@tiegraph/core/internal)
assert.equal(core.createRandom, undefined);
// @ts-expect-error KIND_CODE is internal
assert.equal(core.KIND_CODE, undefined);
// @ts-expect-error sortedByDay is internal
assert.equal(core.sortedByDay, undefined);
// @ts-expect-error showValue is internal (error-message plumbing)
assert.equal(core.showValue, undefined);
// @ts-expect-error problemsError is internal (the loaders' plumbing)
assert.equal(core.problemsError, undefined);
// @ts-expect-error withoutProblems is internal (the loaders' plumbing)
assert.equal(core.withoutProblems, undefined);
// @ts-expect-error ImportBuilder is internal to io
assert.equal(io.ImportBuilder, undefined);
// @ts-expect-error csvCell is internal to io
assert.equal(io.csvCell, undefined);
// @ts-expect-error mountNetworkView needs a browser: @tiegraph/viz/browser
assert.equal(viz.mountNetworkView, undefined);

console.log(`consumer (ESM): ok (E-I ${ei.network}, me ${ei.byPerson["me"]?.toFixed(3)}, graph typed: ${!graphIsTyped})`);
