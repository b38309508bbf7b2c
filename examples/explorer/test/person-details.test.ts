// The person panel's figures are core's, asked the cheap way round: mutual
// connections and the exchanges with ego are looked up through the person's
// own exchanges rather than ego's (a quarter of a large generated network),
// and come out exactly as core gives them from ego's side.
import { createPathIndex, displayNames, formatDay, generateNetwork, mutualConnections, relationships } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { lastShownDay } from "../src/worker/analysis.js";
import { MUTUAL_SHOWN, personDetails, RECENT_EXCHANGES } from "../src/worker/person-details.js";

describe("person details", () => {
  const network = generateNetwork({ seed: 11, people: 300, exchanges: 6000, ego: true, confidentialShare: 0.1 });
  const ego = network.egoIndex;
  const egoId = network.personAt(ego).id;
  const asOf = lastShownDay(network)!;
  const names = displayNames(network);
  const paths = createPathIndex(network, { excludeConfidential: true, asOf: formatDay(asOf) });
  const rels = [relationships(network, { excludeConfidential: true, asOf }), relationships(network, { excludeConfidential: false, asOf })];
  // people with many mutual connections with ego, and a few with none
  const people = [1, 2, 3, 50, 150, 299].map((i) => network.personAt(i).id);

  for (const reveal of [false, true]) {
    it(`mutual connections equal core's from ego's side, ranked the same (${reveal ? "revealed" : "confidential hidden"})`, () => {
      let compared = 0;
      for (const id of people) {
        const d = personDetails(network, () => paths, (w) => rels[w ? 1 : 0]!, id, reveal, names, asOf);
        const core = mutualConnections(paths, egoId, id, { skipConfidentialOnly: !reveal, showConfidential: reveal });
        expect(d.mutualCount).toBe(core.length);
        expect(d.mutual).toEqual(core.slice(0, MUTUAL_SHOWN).map((m) => ({ id: m.person, name: names(network.personIndex(m.person)), withYou: m.withA.strength, withThem: m.withB.strength })));
        compared += d.mutual.length;
      }
      // the case is not empty: several people share contacts with ego
      expect(compared).toBeGreaterThan(10);
    });

    it(`lists the latest exchanges with ego, newest first, and counts the hidden ones (${reveal ? "revealed" : "confidential hidden"})`, () => {
      for (const id of people) {
        const i = network.personIndex(id);
        const d = personDetails(network, () => paths, (w) => rels[w ? 1 : 0]!, id, reveal, names, asOf);
        const between = network.exchangesBetween(ego, i);
        const shown = between.filter((e) => reveal || !network.isConfidential(e));
        expect(d.exchanges.map((x) => x.date)).toEqual(shown.slice(-RECENT_EXCHANGES).reverse().map((e) => network.exchangeAt(e).date));
        expect(d.hiddenConfidential).toBe(between.length - shown.length);
        if (d.tie && !reveal) {
          expect(d.tie.exchanges).toBe(shown.length);
          expect(d.tie.lastDate).toBe(network.exchangeAt(shown.at(-1)!).date);
        }
      }
    });
  }
});
