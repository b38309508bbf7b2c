// Issue 16.4, core side: with confidential exchanges left out, nothing about
// them may change any figure, count or date. Property: adding confidential
// exchanges (any kind, any date — also after every open one — between any
// two people) to a network changes no measure computed without them.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  betweenness,
  bridgingContacts,
  createPathIndex,
  introductionPaths,
  pairBalances,
  pairImbalances,
  constraint,
  defaultAsOf,
  directedTies,
  effectiveSize,
  eiIndex,
  eiTrend,
  exchangeGraph,
  externalShare,
  overallReciprocity,
  reciprocityLedger,
  relationshipCadences,
  relationshipGraph,
  relationships,
  tieGraph,
  visibleExchanges,
  weeklyPlan,
  Network,
  type Exchange,
} from "@tiegraph/core";
import { networks, scenario } from "./confidential-scenarios.js";

const withoutKeys = (g: ReturnType<typeof tieGraph> | ReturnType<typeof relationshipGraph> | ReturnType<typeof exchangeGraph>) => {
  const x = g.export();
  return { nodes: x.nodes, edges: x.edges.map(({ key: _k, ...e }) => e) };
};

/** Every measure that can leave confidential exchanges out, computed that way. */
function measures(net: Network): Record<string, unknown> {
  const hide = { excludeConfidential: true } as const;
  return {
    visible: visibleExchanges(net, hide),
    asOf: defaultAsOf(net, hide),
    directedTies: directedTies(net, hide),
    relationships: relationships(net, hide),
    tieGraph: withoutKeys(tieGraph(net, hide)),
    relationshipGraph: withoutKeys(relationshipGraph(net, hide)),
    exchangeGraph: withoutKeys(exchangeGraph(net, hide)),
    ledger: reciprocityLedger(net, hide),
    overall: overallReciprocity(net, hide),
    pairBalances: pairBalances(net, hide),
    // slots aligned with the relationships the caller draws
    pairImbalancesGivenIndex: pairImbalances(net, { ...hide, relationships: relationships(net, hide) }),
    ei: eiIndex(net, hide),
    eiValue: eiIndex(net, { ...hide, by: "value" }),
    eiTrend: eiTrend(net, { ...hide, person: "p0" }),
    eiTrendAll: eiTrend(net, hide),
    externalShare: externalShare(net, { ...hide, person: "p0" }),
    constraint: constraint(net, hide),
    effectiveSize: effectiveSize(net, hide),
    betweenness: betweenness(net, hide),
    bridging: bridgingContacts(net, "p0"), // confidential-only ties stay out by default
    cadences: relationshipCadences(net, { ego: "p0" }), // includeConfidential defaults to false
    plan: weeklyPlan(net, { week: "2026-08-24", ego: "p0" }), // likewise
    paths: introductionPaths(createPathIndex(net, hide), { from: "p0", to: { person: `p${net.personCount - 1}` }, k: 3 }),
    pathsToOrg: introductionPaths(createPathIndex(net, hide), { from: "p0", to: { organisation: "o1" }, mode: "widest" }),
  };
}

describe("confidential exchanges left out change nothing (16.4)", () => {
  it("no measure differs between a network and the same network with confidential exchanges added", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { open, withSecrets } = networks(s);
        expect(withSecrets.exchangeCount).toBeGreaterThan(open.exchangeCount); // there is something to hide
        const hidden = measures(withSecrets);
        const never = measures(open);
        for (const key of Object.keys(never)) expect(hidden[key], key).toEqual(never[key]);
      }),
      { numRuns: 60 },
    );
  });

  it("the regression case: a later confidential exchange no longer moves the reference day", () => {
    // a gives b a tip on 2025-01-01 and again on 2025-07-01 (181 days later); b tells a a secret on 2025-12-28
    const people = [{ id: "a", name: "A" }, { id: "b", name: "B" }];
    const open: Exchange[] = [
      { id: "1", date: "2025-01-01", kind: "information", from: "a", to: "b" },
      { id: "2", date: "2025-07-01", kind: "information", from: "a", to: "b" },
    ];
    const secret: Exchange = { id: "3", date: "2025-12-28", kind: "information", from: "b", to: "a", confidential: true };
    const before = relationships(Network.from({ people, exchanges: open }), { excludeConfidential: true }).strength[0]!;
    const after = relationships(Network.from({ people, exchanges: [...open, secret] }), { excludeConfidential: true }).strength[0]!;
    // as of 2025-07-01: S = 2^(−181/180) + 1 = 1.4981…; strength = 1 − e^(−S/4) = 0.3124…
    expect(before).toBeCloseTo(1 - Math.exp(-(Math.pow(2, -181 / 180) + 1) / 4), 12);
    expect(after).toBe(before);
  });
});
