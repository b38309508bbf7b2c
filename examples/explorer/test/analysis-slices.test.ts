// The worker's analysis a slice at a time gives, bit for bit, what the measures give in one go on the network
// as of the page's day: the E-I index per person (core's eiIndex on networkAsOf's copy, as the page computed it
// before it was sliced) and the overview (betweenness as core's betweenness gives it, exact and sampled).
import { betweenness, eiIndex, generateNetwork, networkAsOf, type Network } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { betweennessSample, EXACT_BETWEENNESS_UP_TO, eiIndexByPerson, eiIndexSlices, lastShownDay, overviewAnalysis, overviewSteps } from "../src/worker/analysis.js";

/** Every value the same number (Object.is: NaN equal to NaN, 0 and −0 apart). */
function expectSameValues(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < b.length; k++) expect(Object.is(a[k], b[k]), `at ${k}: ${a[k]} against ${b[k]}`).toBe(true);
}

/** Runs slices with no time at all (each call does its least: one look at the clock) and counts the calls. */
function drain(slices: (budgetMs: number) => boolean): number {
  let calls = 1;
  while (!slices(0)) calls++;
  return calls;
}

describe.each([
  // exact betweenness, and a day inside the history: the copy as of that day leaves exchanges out
  ["300 people, as of mid-history", 300, 0.5],
  // sampled betweenness (above 2,000 people), as of the last shown exchange
  ["2,100 people, as of the last shown exchange", 2_100, undefined],
] as const)("the page's analysis on %s", (_, people, at) => {
  const network: Network = generateNetwork({ seed: 7, people, exchanges: people * 8, confidentialShare: 0.2 });
  const range = network.dayRange()!;
  const asOf = at === undefined ? lastShownDay(network)! : Math.round(range.first + at * (range.last - range.first));
  const seen = networkAsOf(network, asOf);

  it("has confidential exchanges and, mid-history, later ones to leave out", () => {
    expect(network.exchangeColumns().confidential.some((c) => c === 1)).toBe(true);
    if (at !== undefined) expect(seen.exchangeCount).toBeLessThan(network.exchangeCount);
  });

  it("E-I per person in slices of 1 and 7 ties equals core's eiIndex on the network as of the day", () => {
    const ei = eiIndex(seen, { excludeConfidential: true });
    const expected = Float64Array.from(network.people(), (p) => ei.byPerson[p.id] ?? NaN);
    for (const steps of [1, 7]) {
      const sliced = eiIndexSlices(network, asOf, steps);
      // one look at the clock per call: ⌈ties / steps⌉ calls, so the work was really cut
      expect(drain(sliced.slices)).toBeGreaterThan(1);
      expectSameValues(sliced.byPerson(), expected);
    }
    expectSameValues(eiIndexByPerson(network, asOf), expected);
  });

  it("the overview in slices (one source of betweenness per call) equals the overview in one go and core's betweenness", () => {
    const egoEI = eiIndexByPerson(network, asOf)[network.egoIndex]!;
    const { steps, figures } = overviewSteps(network, () => egoEI, asOf);
    expect(steps.map((s) => [s.name, s.yields])).toEqual([["betweenness", true], ["ledger", false], ["mix-trend", false], ["mix-share", false], ["mix-reached", false]]);
    // the pieces in another order than the worker's: none depends on another
    const calls = [...steps].reverse().map((s) => drain(s.slices));
    expect(calls.at(-1)).toBeGreaterThan(1);
    const sliced = figures();
    const whole = overviewAnalysis(network, egoEI, asOf);
    expectSameValues(sliced.betweenness, whole.betweenness);
    expect({ ...sliced, betweenness: undefined }).toEqual({ ...whole, betweenness: undefined });
    const sampled = people > EXACT_BETWEENNESS_UP_TO;
    expect(sliced.betweennessSample).toBe(sampled ? betweennessSample(network.personCount, network.exchangeCount) : undefined);
    // as the page computed it before it was sliced: core's betweenness on the network as of the day
    const byId = betweenness(seen, { excludeConfidential: true, ...(sampled ? { sample: sliced.betweennessSample! } : {}) });
    expectSameValues(sliced.betweenness, Float64Array.from(network.people(), (p) => byId[p.id] ?? NaN));
    expect(sliced.mix!.eiIndex).toBe(egoEI);
  });
});
