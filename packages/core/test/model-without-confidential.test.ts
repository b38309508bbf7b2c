// Network.withoutConfidential (the cheap filtered view analysis commands use) against the copy
// it replaces: serialise with redact, then load and validate again. Property test over
// generated networks with confidential exchanges, notes, explicit ids and tags.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeNetworkColumns,
  encodeNetworkColumns,
  betweenness,
  bridgingContacts,
  constraint,
  directedTies,
  effectiveSize,
  eiIndex,
  eiTrend,
  externalShare,
  introductionPaths,
  Network,
  networkFromFileObject,
  overallReciprocity,
  personReciprocity,
  reciprocityLedger,
  relationships,
  serializeNetwork,
  toNetworkFile,
  weeklyPlan,
  weightedReciprocity,
} from "@tiegraph/core";
import { richNetwork } from "./rich-network.js";

/** The old redaction: a copy through the redacted file body, validated again. */
const copyRedacted = (net: Network): Network => networkFromFileObject(toNetworkFile(net, { redact: true }));

/** Every measure the analysis commands print, on one network. */
function measures(net: Network) {
  const ego = net.ego!;
  const people = net.people();
  const target = people[people.length - 1]!.id;
  return {
    ties: directedTies(net),
    relationships: relationships(net),
    overall: overallReciprocity(net),
    weighted: weightedReciprocity(net),
    byPerson: personReciprocity(net),
    ei: eiIndex(net),
    trend: eiTrend(net, { person: ego }),
    share: externalShare(net, { person: ego }),
    constraint: constraint(net),
    effectiveSize: effectiveSize(net),
    betweenness: betweenness(net),
    bridging: bridgingContacts(net, ego),
    ledger: reciprocityLedger(net, { person: ego }),
    plan: weeklyPlan(net, { week: "2026-10-05", ego }),
    intro: introductionPaths(net, { from: ego, to: { person: target }, k: 3 }),
  };
}

const sample = richNetwork;

const SOURCE = "c".repeat(64);

describe("Network.withoutConfidential", () => {
  it("equals the validated copy of the redacted file, record for record and on every measure", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 8, max: 60 }), fc.integer({ min: 0, max: 600 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, people, exchanges, share) => {
        const net = sample(seed, people, exchanges, share);
        const before = serializeNetwork(net);
        const view = net.withoutConfidential();
        const copy = copyRedacted(net);
        expect(view.toData()).toEqual(copy.toData());
        expect(serializeNetwork(view)).toBe(serializeNetwork(copy));
        expect(view.requests()).toHaveLength(1);
        expect(view.requests()[0]!.why).toBeUndefined();
        expect(view.exchangeCount).toBe(net.exchangeCount - net.exchangeColumns().confidential.reduce((a, b) => a + b, 0));
        expect(measures(view)).toEqual(measures(copy));
        // the network it came from is untouched
        expect(serializeNetwork(net)).toBe(before);
      }),
      { numRuns: 25 },
    );
  });

  it("renumbers implicit ids and keeps explicit ones, as the copy does", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A", notes: "private" }, { id: "b", name: "B" }],
      exchanges: [
        { date: "2024-01-01", kind: "favour", from: "a", to: "b", confidential: true },
        { date: "2024-01-02", kind: "favour", from: "b", to: "a" },
        { id: "kept", date: "2024-01-03", kind: "gesture", from: "a", to: "b", note: "n" },
      ],
    });
    const view = net.withoutConfidential();
    // the second exchange was #2; with the first left out it is #1
    expect(view.exchangeId(0)).toBe("#1");
    expect(view.exchangeIndex("kept")).toBe(1);
    expect(view.exchangeNote(1)).toBeUndefined();
    expect(view.person("a").notes).toBeUndefined();
    expect(net.person("a").notes).toBe("private");
    expect(view.toData()).toEqual(copyRedacted(net).toData());
  });
});

describe("Network.removeConfidential", () => {
  /** The same network three ways: extras built, read from a columnar copy (extras pending), and a filtered copy of that (pending, moved). */
  const forms = (net: Network): [string, () => Network][] => {
    const bytes = encodeNetworkColumns(net, SOURCE);
    return [
      ["built", () => networkFromFileObject(toNetworkFile(net))],
      ["copy", () => decodeNetworkColumns(bytes, SOURCE)!],
      ["filtered copy", () => decodeNetworkColumns(bytes, SOURCE)!.until(net.dayRange()!.last - 30)],
    ];
  };

  it("leaves the network equal to withoutConfidential, record for record and on every measure", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 8, max: 50 }), fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, people, exchanges, share) => {
        const net = sample(seed, people, exchanges, share);
        for (const [form, make] of forms(net)) {
          const expected = make().withoutConfidential();
          const inPlace = make();
          const revision = inPlace.revision;
          inPlace.removeConfidential();
          expect(inPlace.revision, form).toBeGreaterThan(revision);
          expect(serializeNetwork(inPlace), form).toBe(serializeNetwork(expected));
          expect(inPlace.toData(), form).toEqual(expected.toData());
          expect(measures(inPlace), form).toEqual(measures(expected));
          expect(inPlace.exchangeColumns().confidential.every((c) => c === 0), form).toBe(true);
        }
        // the pending extras of a copy of a copy (filtered twice before they are built) against extras built first
        const day = net.dayRange()!.last - 30;
        const built = networkFromFileObject(toNetworkFile(net)).until(day);
        const twice = decodeNetworkColumns(encodeNetworkColumns(net, SOURCE), SOURCE)!.until(day);
        twice.removeConfidential();
        expect(serializeNetwork(twice)).toBe(serializeNetwork(built.withoutConfidential()));
      }),
      { numRuns: 15 },
    );
  });

  it("moves explicit ids and extras with their exchanges and keeps records handed out before as they were", () => {
    const net = Network.from({
      people: [{ id: "a", name: "A", notes: "private" }, { id: "b", name: "B" }],
      exchanges: [
        { id: "gone", date: "2024-01-01", kind: "favour", from: "a", to: "b", confidential: true, note: "secret" },
        { date: "2024-01-02", kind: "favour", from: "b", to: "a", note: "only a note" },
        { id: "kept", date: "2024-01-03", kind: "gesture", from: "a", to: "b", note: "n", tags: ["t"] },
      ],
    });
    const personBefore = net.person("a");
    net.removeConfidential();
    expect(net.exchangeCount).toBe(2);
    // the second exchange was #2; with the first removed it is #1, and its extras (a note alone) are gone
    expect(net.exchangeId(0)).toBe("#1");
    expect(net.exchangeNote(0)).toBeUndefined();
    expect(net.exchangeIndex("kept")).toBe(1);
    expect(net.exchangeTags(1)).toEqual(["t"]);
    expect(net.exchangeNote(1)).toBeUndefined();
    expect(net.findExchange("gone")).toBe(-1);
    expect(net.person("a").notes).toBeUndefined();
    expect(personBefore.notes).toBe("private");
  });
});

describe("Network.fromColumns", () => {
  it("rebuilds the same network from its records and raw columns", () => {
    const net = sample(7, 40, 400, 0.2);
    const { exchanges: _e, ...records } = net.toData();
    const copy = Network.fromColumns(records, net.rawExchangeColumns());
    expect(serializeNetwork(copy)).toBe(serializeNetwork(net));
    expect(copy.requests()).toEqual(net.requests());
  });
  it("rejects columns that name a person out of range, naming the row", () => {
    const net = sample(7, 10, 20, 0);
    const { exchanges: _e, people, ...records } = net.toData();
    const raw = net.rawExchangeColumns();
    const from = raw.from.slice();
    from[3] = people!.length; // one past the last person
    expect(() => Network.fromColumns({ ...records, people: people! }, { ...raw, from })).toThrow(/row 3 is out of range/);
  });
});
