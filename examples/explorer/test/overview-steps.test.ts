// The overview's betweenness runs a slice at a time in the worker (so a person's panel
// asked for meanwhile waits for one slice): the slices give the one-pass figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { betweenness, parseNetworkFile } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { EXACT_BETWEENNESS_UP_TO, overviewAnalysis, overviewSteps } from "../src/worker/analysis.js";

const sample = parseNetworkFile(readFileSync(join(import.meta.dirname, "..", "..", "data", "sample-network.json"), "utf8"));

describe("the overview's betweenness in slices", () => {
  it("with no time budget, one source per slice: as many slices as people (exact up to EXACT_BETWEENNESS_UP_TO), then the same figures as one pass", () => {
    expect(sample.personCount).toBeLessThanOrEqual(EXACT_BETWEENNESS_UP_TO);
    const [ledger, mix, slice] = overviewSteps(sample, null, undefined);
    ledger();
    mix();
    let slices = 0;
    let figures: ReturnType<typeof slice>;
    do slices++;
    while ((figures = slice(0)) === undefined);
    // each call runs one source at least, and the call that runs the last one returns the figures
    expect(slices).toBe(sample.personCount);
    const whole = overviewAnalysis(sample, null, undefined);
    expect(figures.betweennessSample).toBeUndefined();
    expect(figures.betweenness.length).toBe(sample.personCount);
    expect(Buffer.from(figures.betweenness.buffer).equals(Buffer.from(whole.betweenness.buffer))).toBe(true);
    // and they are core's betweenness without confidential exchanges, person by person
    const byId = betweenness(sample, { excludeConfidential: true });
    sample.people().forEach((p, i) => expect(Object.is(figures!.betweenness[i], byId[p.id]), p.id).toBe(true));
    expect(figures.ledger).toEqual(whole.ledger);
    expect(figures.mix).toEqual(whole.mix);
  });
});
