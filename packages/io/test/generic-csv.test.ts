import { describe, expect, it } from "vitest";
import type { TiegraphError } from "@tiegraph/core";
import { Network } from "@tiegraph/core";
import { importAffiliationsCsv, importExchangesCsv, importPeopleCsv, mergeInto } from "@tiegraph/io";
import { fixture, fixtureText } from "./fixtures.js";

describe("generic CSV importers", () => {
  it("reads people with extra columns as typed attributes", async () => {
    const r = await importPeopleCsv(fixture("people.csv"), { file: "people.csv" });
    expect(r.problems).toEqual([]);
    expect(r.people[1]).toEqual({
      id: "ann",
      name: "Ann Lee",
      emails: ["ann.lee@acme.example", "ann@home.example"],
      tags: ["mentor", "research"],
      attributes: { office: "London", practice: "Research", years: 9, partner: true },
    });
    expect(r.people[4]).toEqual({ id: "zoe", name: "Zoë O'Neill", tags: ["investor"] });
    expect(r.affiliations).toEqual([
      { person: "me", organisation: "acme-inc", role: "Principal" },
      { person: "ann", organisation: "acme-inc", role: "Head of Research" },
      { person: "bruno", organisation: "globex", role: "Director, Partnerships" },
      { person: "chidi", organisation: "initech-ltd", role: "Engineer" },
    ]);
  });

  it("reads exchanges with a multi-line quoted note, ISO timestamps and yes/no flags", async () => {
    const r = await importExchangesCsv(fixture("exchanges.csv"), { file: "exchanges.csv" });
    expect(r.problems).toEqual([]);
    expect(r.exchanges).toEqual([
      { date: "2024-01-09", from: "ann", to: "me", kind: "information", note: "Shared the Q1 market map" },
      { date: "2024-01-23", from: "me", to: "ann", kind: "meeting", minutes: 45 },
      { date: "2024-02-02", from: "me", to: "bruno", kind: "favour", note: "Reviewed his pitch deck,\r\nline by line" }, // the file's CRLF inside the quoted note is kept
      { date: "2024-02-14", from: "bruno", to: "me", kind: "gesture", value: 1, note: "Bought lunch" },
      { date: "2024-03-01", from: "chidi", to: "me", kind: "information", value: 2, confidential: true, note: "Told me about the reorg before it was announced" },
      { date: "2024-03-05", from: "me", to: "chidi", kind: "meeting", minutes: 30 },
      { date: "2024-04-11", from: "ann", to: "bruno", kind: "introduction" },
    ]);
    // the row after the two-line note starts on line 6 (header 1, rows 2, 3, 4–5)
    expect(r.origins.exchanges.map((o) => o.line)).toEqual([2, 3, 4, 6, 7, 8, 9]);
  });

  it("lists each bad exchange row with line, column and what was expected", async () => {
    const r = await importExchangesCsv(fixtureText("exchanges-with-problems.csv"), { file: "ex.csv" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-01-09", "2024-03-11"]);
    expect(r.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 4, "invalid-date"],
      [4, 1, "invalid-kind"],
      [5, 3, "self-exchange"],
      [6, 6, "invalid-value"],
      [7, 5, "invalid-value"],
      [8, 7, "invalid-value"],
      [10, 8, "parse-error"], // the quote opening the note cell is never closed
    ]);
    expect(r.problems[0]!.message).toBe('tiegraph/io/exchanges-csv: ex.csv:3:4 exchange at line 3: invalid date (got "2024-02-30"), expected an ISO 8601 date YYYY-MM-DD');
    // the unknown person is found on merge, with its line
    const net = Network.from({ people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }] });
    const report = mergeInto(net, r);
    expect(report.exchangesAdded).toBe(1);
    expect(report.problems.at(-1)!.code).toBe("unknown-person");
    expect(report.problems.at(-1)!.line).toBe(9);
    expect(report.problems.at(-1)!.file).toBe("ex.csv");
  });

  it("needs the required columns in the header", async () => {
    const err = (await importExchangesCsv("date,from,kind\n2024-01-01,a,favour\n").catch((e: unknown) => e)) as TiegraphError;
    expect(err.code).toBe("missing-field");
    expect(err.problem).toBe("the header lacks the column to");
    await expect(importPeopleCsv("")).rejects.toThrow(/no header line/);
  });

  it("reads affiliations by organisation name or id, with dated ranges", async () => {
    const r = await importAffiliationsCsv(fixture("affiliations.csv"), { file: "affiliations.csv" });
    expect(r.affiliations).toEqual([
      { person: "me", organisation: "globex", from: "2015-09-01", to: "2019-06-30", role: "Consultant" },
      { person: "me", organisation: "acme-inc", from: "2019-07-01", role: "Principal" },
      { person: "ann", organisation: "globex", from: "2016-01-04", to: "2020-12-31", role: "Researcher" },
      { person: "bruno", organisation: "globex", from: "2018-03-01", role: "Director, Partnerships" },
    ]);
    const bad = await importAffiliationsCsv("person,organisation,from,to\nann,Acme,2020-01-01,2019-01-01\n");
    expect(bad.problems.map((p) => [p.code, p.line, p.column])).toEqual([["invalid-range", 2, 4]]);
  });

  it("builds one network from the three files, all at once", async () => {
    const net = new Network();
    const report = mergeInto(net, [
      await importPeopleCsv(fixture("people.csv")),
      await importAffiliationsCsv(fixture("affiliations.csv")),
      await importExchangesCsv(fixture("exchanges.csv")),
    ]);
    expect(report.problems).toEqual([]);
    expect([net.personCount, net.organisationCount, net.exchangeCount]).toEqual([5, 3, 7]);
    // the open affiliations of the people file (me at Acme, Bruno at Globex) cover the dated open ones of the affiliations file
    expect(report.duplicates.affiliations).toBe(2);
    expect(net.organisationsOn("ann", "2018-05-01")).toEqual(["acme-inc", "globex"]);
    expect(net.exchangeAt(4).confidential).toBe(true);
  });

  it("changes nothing when a strict merge fails", async () => {
    const net = Network.from({ people: [{ id: "me", name: "Me" }] });
    const before = JSON.stringify(net.toData());
    const revision = net.revision;
    const ex = await importExchangesCsv("date,from,to,kind\n2024-01-01,me,ghost,favour\n", { file: "e.csv" });
    expect(() => mergeInto(net, ex, { strict: true })).toThrow(/e\.csv:2.*unknown person "ghost"/);
    expect(JSON.stringify(net.toData())).toBe(before);
    expect(net.revision).toBe(revision);
  });
});
