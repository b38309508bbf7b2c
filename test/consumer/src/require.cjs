// CommonJS consumers: require() of the ESM packages (Node >= 20.19 loads them
// through the "default" export condition), with the same hand-worked E-I index.
"use strict";
const assert = require("node:assert/strict");
const { Network, eiIndex } = require("@tiegraph/core");
const io = require("@tiegraph/io");
const viz = require("@tiegraph/viz");
const cli = require("@tiegraph/cli");

const network = Network.from({
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [{ id: "me", name: "Me" }, { id: "bob", name: "Bob" }],
  affiliations: [{ person: "me", organisation: "acme" }, { person: "bob", organisation: "globex" }],
  exchanges: [{ date: "2024-03-02", kind: "favour", from: "me", to: "bob" }],
});
// one external tie, no internal one: (1 − 0)/(1 + 0) = 1
assert.equal(eiIndex(network).network, 1);
assert.equal(typeof io.exportGexf, "function");
assert.equal(typeof viz.sceneFromNetwork, "function");
assert.equal(typeof cli.runCli, "function");
console.log("consumer (CommonJS require): ok");
