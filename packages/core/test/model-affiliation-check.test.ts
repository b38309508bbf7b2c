// One rule for an affiliation record, shared by the batch validation (Network.from / apply) and
// the reader of a columnar copy's records (Network.fromColumns): hand-made bad records are
// refused by both with the same code, record and pointer, and good ones give the same spans.
import { describe, expect, it } from "vitest";
import { Network, OPEN_END, OPEN_START, TiegraphError, checkAffiliation, generateNetwork, parseDay, type Affiliation, type NetworkData } from "@tiegraph/core";

const base: NetworkData = {
  organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
  people: [{ id: "ann", name: "Ann" }, { id: "bo", name: "Bo" }],
};

/** No exchanges: the columns of an empty network. */
const noExchanges = () => new Network().rawExchangeColumns();

/** The error (code, record, pointer) each caller throws for a batch of affiliations, or "ok". */
function outcome(read: () => Network): { code: string; record: string | undefined; pointer: string | undefined } | "ok" {
  try {
    read();
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(TiegraphError);
    const err = e as TiegraphError;
    return { code: err.code, record: err.record, pointer: err.pointer };
  }
}

const bad: [string, unknown, string, string][] = [
  // what, the record, the code, the pointer under /affiliations/1
  ["a person nobody is", { person: "nobody", organisation: "acme" }, "unknown-person", "/person"],
  ["no person at all", { organisation: "acme" }, "missing-field", "/person"],
  ["a person id that is no text", { person: 7, organisation: "acme" }, "missing-field", "/person"],
  ["an organisation that does not exist", { person: "ann", organisation: "initech" }, "unknown-organisation", "/organisation"],
  ["an empty organisation id", { person: "ann", organisation: "" }, "missing-field", "/organisation"],
  ["a start that is no date", { person: "ann", organisation: "acme", from: "2024-02-30" }, "invalid-date", "/from"],
  ["an end that is not text", { person: "ann", organisation: "acme", to: 20240101 }, "invalid-date", "/to"],
  ["an end before the start", { person: "ann", organisation: "acme", from: "2024-05-02", to: "2024-05-01" }, "invalid-range", "/to"],
  ["a role that is not text", { person: "ann", organisation: "acme", role: ["CEO"] }, "invalid-field", "/role"],
];

describe("checkAffiliation: one rule for both callers", () => {
  const good: Affiliation = { person: "bo", organisation: "globex", from: "2020-01-01" };

  for (const [what, record, code, field] of bad) {
    it(`refuses ${what} from a batch and from a copy's records alike`, () => {
      const affiliations = [good, record as Affiliation];
      const fromBatch = outcome(() => Network.from({ ...base, affiliations }));
      const fromCopy = outcome(() => Network.fromColumns({ ...base, affiliations }, noExchanges()));
      expect(fromBatch).toEqual({ code, record: "affiliation #1", pointer: `/affiliations/1${field}` });
      expect(fromCopy).toEqual(fromBatch);
    });
  }

  it("resolves a good record to the same spans both ways", () => {
    const affiliations: Affiliation[] = [
      { person: "ann", organisation: "acme", from: "2019-03-01", to: "2021-06-30", role: "Engineer" },
      { person: "ann", organisation: "globex", from: "2021-07-01" },
      { person: "bo", organisation: "acme" },
    ];
    const batch = Network.from({ ...base, affiliations });
    const copy = Network.fromColumns({ ...base, affiliations }, noExchanges());
    for (const id of ["ann", "bo"]) expect(copy.affiliationSpans(id)).toEqual(batch.affiliationSpans(id));
    // worked by hand: ann's spans in start order, organisations by index (acme 0, globex 1)
    expect(batch.affiliationSpans("ann")).toEqual([
      { organisation: 0, from: parseDay("2019-03-01"), to: parseDay("2021-06-30"), role: "Engineer" },
      { organisation: 1, from: parseDay("2021-07-01"), to: OPEN_END, role: undefined },
    ]);
    expect(batch.affiliationSpans("bo")).toEqual([{ organisation: 0, from: OPEN_START, to: OPEN_END, role: undefined }]);
  });

  it("reports every problem of a record, the first one first", () => {
    const refs = { person: (id: string) => (id === "ann" ? 0 : undefined), organisation: (id: string) => (id === "acme" ? 0 : undefined) };
    let thrown: unknown;
    try {
      checkAffiliation({ person: "nobody", organisation: "initech", from: "2024-01-02", to: "2024-01-01" }, 4, refs);
    } catch (e) {
      thrown = e;
    }
    const err = thrown as TiegraphError;
    expect(err.code).toBe("unknown-person");
    expect(err.problems.map((p) => [p.code, p.pointer])).toEqual([
      ["unknown-person", "/affiliations/4/person"],
      ["unknown-organisation", "/affiliations/4/organisation"],
      ["invalid-range", "/affiliations/4/to"],
    ]);
    expect(checkAffiliation({ person: "ann", organisation: "acme", to: "2024-01-01" }, 0, refs)).toEqual({ person: 0, span: { organisation: 0, from: OPEN_START, to: parseDay("2024-01-01"), role: undefined } });
  });
});

describe("a person's affiliations are kept in order of start", () => {
  it("sorts spans given out of order, in one batch and across batches, keeping equal starts in the order given", () => {
    const net = Network.from({
      ...base,
      affiliations: [
        { person: "ann", organisation: "acme", from: "2020-01-01", role: "lead" },
        { person: "ann", organisation: "globex", from: "2018-06-01" },
        { person: "ann", organisation: "acme", from: "2020-01-01", role: "advisor" },
        { person: "ann", organisation: "globex", from: "2019-03-01", to: "2019-12-31" },
      ],
    });
    net.apply({ affiliations: [{ person: "ann", organisation: "acme", from: "2017-01-01", to: "2017-12-31" }] });
    const spans = net.affiliationsOf("ann").map((a) => `${a.organisation} ${a.from} ${a.role ?? ""}`.trim());
    // 2017 (the later batch) < 2018 < 2019 < 2020 lead < 2020 advisor (equal starts: as given)
    expect(spans).toEqual(["acme 2017-01-01", "globex 2018-06-01", "globex 2019-03-01", "acme 2020-01-01 lead", "acme 2020-01-01 advisor"]);
  });
});

describe("affiliationRecords", () => {
  it("lists every affiliation person by person, as affiliationsOf does for each person in turn", () => {
    const net = Network.from({
      organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
      people: [{ id: "ann", name: "Ann" }, { id: "bo", name: "Bo" }, { id: "cy", name: "Cy" }],
      // given out of person order, and ann's out of date order; bo has none
      affiliations: [
        { person: "cy", organisation: "acme", role: "cto" },
        { person: "ann", organisation: "globex", from: "2021-01-01" },
        { person: "ann", organisation: "acme", from: "2018-01-01", to: "2020-12-31" },
      ],
    });
    expect(net.affiliationRecords()).toEqual([
      { person: "ann", organisation: "acme", from: "2018-01-01", to: "2020-12-31" },
      { person: "ann", organisation: "globex", from: "2021-01-01" },
      { person: "cy", organisation: "acme", role: "cto" },
    ]);
    const generated = generateNetwork({ seed: 3, people: 300, exchanges: 2000 });
    const records = generated.affiliationRecords();
    expect(records).toEqual(generated.people().flatMap((p) => generated.affiliationsOf(p.id)));
    expect(records.length).toBe(generated.affiliationCount);
    expect(records.length).toBeGreaterThan(300);
  });
});
