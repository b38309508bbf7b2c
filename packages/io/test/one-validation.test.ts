import { afterEach, describe, expect, it, vi } from "vitest";
import { Network, TiegraphError } from "@tiegraph/core";
import { emptyImport, importExchangesCsv, importPeopleCsv, mergeInto } from "@tiegraph/io";

afterEach(() => vi.restoreAllMocks());

describe("importers use the model's validation", () => {
  it("catches an introduction whose introduced person is its giver, with file, line and column", async () => {
    const r = await importExchangesCsv("kind,from,to,date,introduced\nintroduction,a,b,2024-01-02,a\ninformation,a,b,2024-01-03,\n", { file: "ex.csv" });
    expect(r.exchanges).toEqual([{ date: "2024-01-03", from: "a", to: "b", kind: "information" }]);
    expect(r.origins.exchanges.map((o) => o.line)).toEqual([3]);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect([p.code, p.file, p.line, p.column, p.record, p.pointer]).toEqual(["invalid-field", "ex.csv", 2, 5, "exchange at line 2", "/exchanges/0/introduced"]);
    expect(p.message).toBe('tiegraph/io/exchanges-csv: ex.csv:2:5 exchange at line 2 /exchanges/0/introduced: an introduction joins two other people (got "a"), expected a person other than from and to');
  });

  it("throws that problem in strict mode", async () => {
    const err = await importExchangesCsv("kind,from,to,date,introduced\nintroduction,a,b,2024-01-02,a\n", { file: "ex.csv", strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TiegraphError);
    expect((err as TiegraphError).line).toBe(2);
  });

  it("drops a people row the model refuses together with the affiliation read from that row", async () => {
    const r = await importPeopleCsv("id,name,organisation,cadenceDays\nann,Ann,Acme,0\nbob,Bob,Acme,30\nbob,Robert,Globex,\n", { file: "people.csv" });
    expect(r.people.map((p) => p.name)).toEqual(["Bob"]);
    expect(r.affiliations).toEqual([{ person: "bob", organisation: "acme" }]);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["invalid-value", 2, 4],
      ["duplicate-id", 4, 1],
    ]);
  });
});

describe("lenient mergeInto is one pass", () => {
  /** `good` exchanges between known people, then `bad` naming someone nobody knows. */
  const csv = (good: number, bad: number): string => {
    const rows = ["date,from,to,kind"];
    for (let i = 0; i < good; i++) rows.push(`2024-01-${String((i % 28) + 1).padStart(2, "0")},ann,me,information`);
    for (let i = 0; i < bad; i++) rows.push(`2024-02-01,ghost${i},me,favour`);
    return rows.join("\n") + "\n";
  };
  const base = (): Network => Network.from({ people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }] });

  it.each([0, 1, 200, 10_002])("merges 2,000 good rows and %i bad ones with exactly one apply, listing every bad one", async (bad) => {
    const imp = await importExchangesCsv(csv(2000, bad), { file: "ex.csv" });
    expect(imp.problems).toEqual([]);
    const net = base();
    const apply = vi.spyOn(Network.prototype, "apply");
    const report = mergeInto(net, imp, { skipDuplicates: false });
    expect(apply).toHaveBeenCalledTimes(1);
    expect(report.exchangesAdded).toBe(2000);
    expect(net.exchangeCount).toBe(2000);
    expect(report.problems).toHaveLength(bad);
    if (bad > 0) {
      const last = report.problems.at(-1)!;
      expect([last.code, last.file, last.line, last.pointer]).toEqual(["unknown-person", "ex.csv", 2001 + bad, `/exchanges/${2000 + bad - 1}/from`]);
    }
  });

  it("leaves out a person the model refuses and, listed with their lines, the records that name them", () => {
    const imp = emptyImport("people-csv", "in.csv", false);
    imp.people.push({ id: "bo", name: "Bo", cadenceDays: -1 }, { id: "cy", name: "Cy" });
    imp.origins.people.push({ file: "in.csv", line: 2 }, { file: "in.csv", line: 3 });
    imp.exchanges.push({ date: "2024-03-01", kind: "favour", from: "bo", to: "me" }, { date: "2024-03-02", kind: "favour", from: "cy", to: "me" });
    imp.origins.exchanges.push({ file: "ex.csv", line: 8 }, { file: "ex.csv", line: 9 });
    const net = base();
    const report = mergeInto(net, imp);
    expect(report.added).toEqual(["cy"]);
    expect(report.exchangesAdded).toBe(1);
    expect(report.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["invalid-value", "in.csv", 2],
      ["unknown-person", "ex.csv", 8],
    ]);
    expect(net.hasPerson("bo")).toBe(false);
  });

  it("strict mode throws every problem at once and changes nothing", async () => {
    const imp = await importExchangesCsv(csv(3, 2), { file: "ex.csv" });
    const net = base();
    const err = (() => {
      try {
        mergeInto(net, imp, { strict: true });
      } catch (e) {
        return e as TiegraphError;
      }
      return undefined;
    })();
    expect(err?.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(net.exchangeCount).toBe(0);
  });
});
