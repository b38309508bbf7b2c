import { describe, expect, it } from "vitest";
import { Network, TiegraphError } from "@tiegraph/core";
import { importLinkedInConnections, mergeInto } from "@tiegraph/io";
import { linkedInDate } from "../src/importers/linkedin-connections.js";
import { fixture, fixtureText } from "./fixtures.js";

describe("importLinkedInConnections", () => {
  it("reads the export with its BOM, Notes preamble, CRLF and quoted commas", async () => {
    const r = await importLinkedInConnections(fixture("Connections.csv"), { file: "Connections.csv" });
    expect(r.problems).toEqual([]);
    expect(r.ego).toEqual({ id: "me", name: "Me" });
    expect(r.people.map((p) => [p.id, p.name])).toEqual([
      ["ann-lee-4b1a2c", "Ann Lee"],
      ["brunocosta", "Bruno Costa"],
      ["chidi-okafor-99", "Chidi Okafor"],
      ["zoe-o-neill", "Zoë O'Neill"],
      ["dana-smith-1", "Dana Smith"],
      ["dana-smith-2", "Dana Smith"],
      ["wei-li-8a", "李 伟"],
    ]);
    expect(r.people[1]!.emails).toEqual(["bruno.costa@example.org"]);
    expect(r.people[0]!.emails).toBeUndefined();
    // "Acme, Inc." and "Acme Inc" are one organisation; the quoted "" inside a name survives.
    expect(r.organisations.map((o) => o.name)).toEqual(["Acme, Inc.", "Globex", "Initech, Ltd.", "Umbrella Health", 'Hooli "X" Labs']);
    expect(r.affiliations).toContainEqual({ person: "brunocosta", organisation: "globex", role: "Director, Partnerships" });
    expect(r.affiliations).toContainEqual({ person: "dana-smith-2", organisation: "acme-inc", role: "Analyst" });
    expect(r.affiliations.some((a) => a.person === "dana-smith-1")).toBe(false); // no company
    expect(r.exchanges.map((e) => [e.to, e.date])).toEqual([
      ["ann-lee-4b1a2c", "2024-03-12"],
      ["brunocosta", "2023-01-03"],
      ["chidi-okafor-99", "2022-02-28"],
      ["zoe-o-neill", "2021-07-01"],
      ["dana-smith-1", "2020-11-15"],
      ["dana-smith-2", "2020-11-16"],
      ["wei-li-8a", "2024-02-29"],
    ]);
    expect(r.exchanges.every((e) => e.kind === "connection" && e.from === "me")).toBe(true);
    // rows are numbered as in the file: Notes (1), paragraph (2), blank (3), header (4), first row (5)
    expect(r.origins.people[0]).toEqual({ file: "Connections.csv", line: 5 });
  });

  it("skips bad rows and names file, line and column of each", async () => {
    const r = await importLinkedInConnections(fixtureText("Connections-with-problems.csv"), { file: "Connections-with-problems.csv" });
    expect(r.people.map((p) => p.id)).toEqual(["ann-lee-4b1a2c", "hana-ito"]);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["invalid-date", 6, 7],
      ["missing-field", 7, 1],
      ["invalid-date", 8, 7],
      ["parse-error", 10, 5], // the quote opens the Company cell and is never closed
    ]);
    expect(r.problems.every((p) => p.file === "Connections-with-problems.csv")).toBe(true);
    expect(r.problems[0]!.message).toContain("Connections-with-problems.csv:6:7");
    expect(r.problems[0]!.got).toBe('"31 Apr 2023"');
  });

  it("stops at the first problem in strict mode", async () => {
    const err = await importLinkedInConnections(fixtureText("Connections-with-problems.csv"), { file: "c.csv", strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TiegraphError);
    expect((err as TiegraphError).line).toBe(6);
    expect((err as TiegraphError).code).toBe("invalid-date");
  });

  it("rejects a file without the header", async () => {
    const err = await importLinkedInConnections("Name,Company\nAnn,Acme\n").catch((e: unknown) => e);
    expect((err as TiegraphError).code).toBe("invalid-format");
  });

  it("merges into a network: ego is created, then reused; a second import adds nothing", async () => {
    const net = new Network();
    const r = await importLinkedInConnections(fixture("Connections.csv"));
    const report = mergeInto(net, r);
    expect(report.ego).toBe("me");
    expect(net.personCount).toBe(8);
    expect(net.exchangeCount).toBe(7);
    expect(net.organisationCount).toBe(5);
    expect(net.organisationsOn("brunocosta", "2025-01-01")).toEqual(["globex"]);
    const again = mergeInto(net, r);
    expect(again.added).toEqual([]);
    // people with an address are recognised by it first, the others by their profile URL
    expect(again.merged.map((m) => m.by)).toEqual(["url", "email", "url", "url", "url", "email", "url"]);
    expect(again.duplicates).toEqual({ affiliations: 6, exchanges: 7 });
    expect(net.exchangeCount).toBe(7);
  });

  it("reads LinkedIn's date spellings", () => {
    expect(linkedInDate("12 Mar 2024")).toBe("2024-03-12");
    expect(linkedInDate("1 September 2021")).toBe("2021-09-01");
    expect(linkedInDate("2024-03-12")).toBe("2024-03-12");
    expect(linkedInDate("29 Feb 2023")).toBeUndefined();
    expect(linkedInDate("12 Foo 2024")).toBeUndefined();
  });
});

describe("importLinkedInConnections on repeated rows", () => {
  it("reads a connection listed twice (same profile URL) as one person, and importing it again adds nobody", async () => {
    const text = [
      "\uFEFFNotes:",
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      "",
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
      "Ann,Lee,https://www.linkedin.com/in/ann-lee-4b1a2c,,Acme Inc ,Engineer,02 Dec 2025",
      "Bo,Chen,https://www.linkedin.com/in/bo-chen,,Globex,CTO,15 Nov 2024",
      "Ann,Lee,https://www.linkedin.com/in/Ann-Lee-4b1a2c/,,Acme Inc ,Engineer,02 Dec 2025",
      "",
    ].join("\r\n");
    const r = await importLinkedInConnections(text, { file: "Connections.csv" });
    expect(r.problems).toEqual([]);
    expect(r.people.map((p) => p.id)).toEqual(["ann-lee-4b1a2c", "bo-chen"]);
    expect(r.affiliations).toEqual([
      { person: "ann-lee-4b1a2c", organisation: "acme-inc", role: "Engineer" },
      { person: "bo-chen", organisation: "globex", role: "CTO" },
    ]);
    expect(r.exchanges.map((e) => [e.to, e.date])).toEqual([
      ["ann-lee-4b1a2c", "2025-12-02"],
      ["bo-chen", "2024-11-15"],
    ]);
    const network = new Network();
    mergeInto(network, r);
    const again = mergeInto(network, await importLinkedInConnections(text, { file: "Connections.csv" }));
    expect(network.personCount).toBe(3); // me, Ann, Bo
    expect(again.ambiguous).toEqual([]);
  });
});
