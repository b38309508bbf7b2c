import { describe, expect, it } from "vitest";
import { errorOf } from "./error-of.js";
import { Network, checkBatch, parseNetworkFile, type NetworkData } from "@tiegraph/core";
import { withoutProblems } from "@tiegraph/core/internal";

const known = (): Network =>
  Network.from({
    organisations: [{ id: "acme", name: "Acme" }],
    people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }],
    exchanges: [{ id: "x1", date: "2024-01-02", kind: "favour", from: "ann", to: "me" }],
  });

/** Four bad records and two good ones; lines are where a file would have them. */
const badBatch = (): NetworkData => ({
  people: [
    { id: "bo", name: "Bo", cadenceDays: -3 },
    { id: "cy", name: "Cy" },
  ],
  affiliations: [{ person: "cy", organisation: "nowhere" }],
  exchanges: [
    { date: "2024-02-01", kind: "introduction", from: "ann", to: "me", introduced: "ann" },
    { date: "2024-02-02", kind: "information", from: "cy", to: "me" },
    { id: "x1", date: "2024-02-31", kind: "favour", from: "bo", to: "me" },
  ],
});

describe("checkBatch: one validation that lists every problem", () => {
  it("returns every problem with its record, pointer, file and line", () => {
    const problems = checkBatch(known(), badBatch(), { file: "in.csv", lines: { people: [2, 3], affiliations: [7], exchanges: [10, 11, { file: "other.csv", line: 4 }] } });
    expect(problems.map((p) => [p.code, p.record, p.pointer, p.file, p.line])).toEqual([
      ["invalid-value", 'person "bo"', "/people/0/cadenceDays", "in.csv", 2],
      ["unknown-organisation", "affiliation #0", "/affiliations/0/organisation", "in.csv", 7],
      ["invalid-field", "exchange #0", "/exchanges/0/introduced", "in.csv", 10],
      // one record can have two problems: a used id and an impossible date
      ["duplicate-id", 'exchange "x1"', "/exchanges/2/id", "other.csv", 4],
      ["invalid-date", 'exchange "x1"', "/exchanges/2/date", "other.csv", 4],
    ]);
    expect(problems[2]!.expected).toBe("a person other than from and to");
  });

  it("is empty for a batch the network accepts", () => {
    expect(checkBatch(known(), { people: [{ id: "cy", name: "Cy" }], exchanges: [{ date: "2024-02-02", kind: "information", from: "cy", to: "me" }] })).toEqual([]);
  });

  it("Network.apply throws the first problem carrying all of them, and applies nothing", () => {
    const net = known();
    const before = net.toData();
    const revision = net.revision;
    const err = errorOf(() => net.apply(badBatch()));
    expect(err.code).toBe("invalid-value");
    expect(err.pointer).toBe("/people/0/cadenceDays");
    expect(err.problems).toHaveLength(5);
    expect(err.message).toContain("(and 4 more problems)");
    expect(net.toData()).toEqual(before);
    expect(net.revision).toBe(revision);
  });

  it("a single error still carries itself as its one problem", () => {
    const err = errorOf(() => known().apply({ exchanges: [{ date: "2024-01-01", kind: "favour", from: "ann", to: "zz" }] }));
    expect(err.problems).toEqual([{ code: "unknown-person", message: 'unknown person "zz"', record: "exchange #0", pointer: "/exchanges/0/to", expected: "the id of a person in the network or this batch" }]);
  });

  it("without references resolved, only the records' own rules and the batch's ids are checked", () => {
    const problems = checkBatch(new Network(), { exchanges: [{ date: "2024-01-01", kind: "introduction", from: "a", to: "b", introduced: "a" }, { date: "2024-01-01", kind: "favour", from: "a", to: "zz" }] }, { resolveReferences: false });
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([["invalid-field", "/exchanges/0/introduced"]]);
  });
});

describe("withoutProblems: lenient loading in one pass", () => {
  it("leaves out exactly the bad records and those that depend on them; the rest applies", () => {
    const net = known();
    const batch = badBatch();
    const problems = checkBatch(net, batch);
    const left = withoutProblems(net, batch, problems, { lines: { exchanges: [10, 11, 12] } });
    // bo (bad cadence) is left out, so is exchange 2 (bad anyway); cy stays, the affiliation goes (unknown organisation)
    expect(left.kept).toEqual({ organisations: [], people: [1], affiliations: [], exchanges: [1] });
    expect(left.dependents).toEqual([]);
    expect(checkBatch(net, left.batch)).toEqual([]);
    net.apply(left.batch);
    expect(net.exchangeCount).toBe(2);
    expect(net.hasPerson("bo")).toBe(false);
  });

  it("lists records left out only because a person they name was", () => {
    const net = known();
    const batch: NetworkData = {
      people: [{ id: "bo", name: "Bo", cadenceDays: 0 }],
      exchanges: [
        { date: "2024-02-01", kind: "favour", from: "bo", to: "me" },
        { date: "2024-02-02", kind: "information", from: "me", to: "ann" },
      ],
    };
    const left = withoutProblems(net, batch, checkBatch(net, batch), { file: "ex.csv", lines: { exchanges: [5, 6] } });
    expect(left.dependents).toEqual([
      { code: "unknown-person", message: 'names person "bo", which was left out for its own problem', record: "exchange #0", pointer: "/exchanges/0/from", file: "ex.csv", line: 5, expected: "a record that depends only on records that are kept" },
    ]);
    expect(left.batch.exchanges).toEqual([{ date: "2024-02-02", kind: "information", from: "me", to: "ann" }]);
  });
});

describe("withoutProblems and ego", () => {
  it("leaves ego unchanged, and says so, when the person named ego was left out", () => {
    const net = known();
    const batch: NetworkData = { ego: "bo", people: [{ id: "bo", name: "Bo", emails: "bo@x.test" as never }] };
    const left = withoutProblems(net, batch, checkBatch(net, batch));
    expect(left.batch.ego).toBeUndefined();
    expect(left.dependents.map((p) => [p.record, p.pointer, p.code])).toEqual([["ego", "/ego", "unknown-person"]]);
    net.apply(left.batch);
    expect(net.ego).toBeUndefined();
  });
});

describe("a network file with several problems", () => {
  it("names the file and line of every problem, not only the first", () => {
    const text = [
      "{",
      '  "format": "tiegraph", "version": 1,',
      '  "people": [{ "id": "me", "name": "Me" }, { "id": "ann", "name": "Ann" }],',
      '  "exchanges": [',
      '    { "date": "2024-01-02", "kind": "favour", "from": "ann", "to": "me" },',
      '    { "date": "2024-02-30", "kind": "favour", "from": "ann", "to": "me" },',
      '    { "date": "2024-03-01", "kind": "favour", "from": "zed", "to": "me" }',
      "  ]",
      "}",
    ].join("\n");
    const err = errorOf(() => parseNetworkFile(text, { file: "net.json" }));
    expect([err.file, err.line]).toEqual(["net.json", 6]);
    expect(err.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["invalid-date", "net.json", 6],
      ["unknown-person", "net.json", 7],
    ]);
  });

  it("names each bad exchange by its id once the id is good, else by its position, with each field's pointer (good ones between report nothing)", () => {
    const problems = checkBatch(known(), {
      exchanges: [
        { id: "e1", date: "2024-01-03", kind: "bogus" as never, from: "ann", to: "me", tags: "t" as never },
        { date: "2024-01-03", kind: "favour", from: "ann", to: "me", tags: ["a", "b"] },
        { id: "#2", date: "2024-13-01", kind: "favour", from: "ann", to: "ann", tags: ["ok", 3 as never] },
        { date: "2024-01-04", kind: "favour", from: "me", to: "ann", introduced: "ann" },
      ],
    });
    expect(problems.map((p) => [p.code, p.record, p.pointer])).toEqual([
      ["invalid-kind", 'exchange "e1"', "/exchanges/0/kind"],
      ["invalid-field", 'exchange "e1"', "/exchanges/0/tags"],
      ["invalid-field", "exchange #2", "/exchanges/2/id"],
      ["self-exchange", "exchange #2", "/exchanges/2/to"],
      ["invalid-date", "exchange #2", "/exchanges/2/date"],
      ["invalid-field", "exchange #2", "/exchanges/2/tags"],
      ["invalid-field", "exchange #3", "/exchanges/3/introduced"],
    ]);
  });
});

