// `tiegraph import`: several sources at once, people merged across them, a
// report of what was imported, merged and skipped (with file and line), strict
// mode, merging into an existing file, and a progress bar on a terminal.
import { createReadStream, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Network, parseNetworkFile, serializeNetwork, type Person } from "@tiegraph/core";
import { exportGexf, importAffiliationsCsv, importCalendar, importExchangesCsv, importGexf, importLinkedInConnections, importPeopleCsv, importVCard, mergeInto } from "@tiegraph/io";
import { READ_WHOLE_UP_TO, exchangesCsvSource } from "../src/files/import-ahead.js";
import { runCli } from "../src/program.js";
import type { Terminal } from "../src/terminal.js";
import { FIXTURES, cli, tempDir, type CliRun } from "./run-cli.js";

const f = (name: string) => join(FIXTURES, name);
const ALL = ["--people", f("people.csv"), "--affiliations", f("affiliations.csv"), "--exchanges", f("exchanges.csv"), "--linkedin", f("Connections.csv"), "--vcard", f("contacts.vcf"), "--ics", f("calendar.ics")];
const EGO = ["--ego", "me", "--ego-email", "me@example.org", "--ics-to", "2024-12-31"];

describe("tiegraph import", () => {
  const out = join(tempDir(), "net.json");
  let r!: CliRun;
  let net!: Network;
  beforeAll(async () => {
    r = await cli(["import", ...ALL, ...EGO, "-o", out]);
    net = parseNetworkFile(readFileSync(out, "utf8"));
  });

  it("writes one network from all six sources, with ego", async () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    // people.csv: me, ann, bob, cara, dan; LinkedIn adds Eve (Frank's row is bad); the vCard adds Gina
    expect(net.people().map((p) => p.id).sort()).toEqual(["ann", "bob", "cara", "dan", "eve-novak", "gina-park", "me"]);
    expect(net.ego).toBe("me");
    // 10 CSV exchanges + 2 LinkedIn connections (Ann, Eve) + 2 calendar meetings (Cara, Gina)
    expect(net.exchangeCount).toBe(14);
    expect(r.stdout).toContain(`wrote ${out}: 7 people (7 new), 5 organisations, 14 exchanges (14 new), ego me\n`);
  });

  it("merges the people the sources share, and says by what", async () => {
    expect(net.person("ann").url).toBe("https://www.linkedin.com/in/ann-lee-12ab");
    expect(net.person("gina-park").emails).toEqual(["gina@hooli.example"]);
    expect(r.stdout).toContain(`${f("Connections.csv")}:5: Ann Lee is ann (same email)\n`);
    expect(r.stdout).toContain(`${f("contacts.vcf")}:1: Bob Stone is bob (same email)\n`);
    expect(r.stdout).toContain("merged: 7 people added, 4 merged with people already known, 0 ambiguous (added apart)\n");
  });

  it("keeps attribute columns as person attributes, and confidential exchanges as confidential", async () => {
    expect(net.person("bob").attributes).toEqual({ office: "London" });
    const cols = net.exchangeColumns();
    let confidential = 0;
    for (let e = 0; e < cols.count; e++) confidential += cols.confidential[e]!;
    expect(confidential).toBe(1);
  });

  it("reports each file read and each record skipped with its file and line", async () => {
    expect(r.stdout).toContain(`read ${f("people.csv")} (people CSV): 6 records: 5 people, 3 organisations, 5 affiliations, 0 exchanges\n`);
    expect(r.stdout).toContain(`read ${f("Connections.csv")} (LinkedIn connections): 6 records: 2 people, 2 organisations, 2 affiliations, 2 exchanges; 1 problem (records skipped)\n`);
    expect(r.stdout).toContain(`skipped records: 1 problem\n  tiegraph/io/linkedin: ${f("Connections.csv")}:7:7 connection at line 7: invalid Connected On date (got "31 Feb 2024")`);
  });

  it("--into merges into an existing file: importing the same files again adds nothing", async () => {
    const again = join(tempDir(), "again.json");
    const r2 = await cli(["import", ...ALL, ...EGO, "--into", out, "-o", again]);
    expect(r2.status).toBe(0);
    expect(parseNetworkFile(readFileSync(again, "utf8")).exchangeCount).toBe(14);
    expect(r2.stdout).toContain("merged: 0 people added");
    expect(r2.stdout).toContain(`wrote ${again}: 7 people (0 new), 5 organisations, 14 exchanges (0 new), ego me\n`);
  });
});

describe("an exchanges CSV's bytes", () => {
  it("are read whole up to 256 MiB, and a larger file is read as a Blob a block at a time", async () => {
    const dir = tempDir();
    const small = join(dir, "ex.csv");
    writeFileSync(small, "date,from,to,kind\n2024-03-01,ann,bo,favour\n");
    const bytes = await exchangesCsvSource(small);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes as Uint8Array).equals(readFileSync(small))).toBe(true);
    // a sparse file one byte past the bound: not read, only opened
    const large = join(dir, "large.csv");
    writeFileSync(large, "");
    truncateSync(large, READ_WHOLE_UP_TO + 1);
    const file = await exchangesCsvSource(large);
    expect(file).toBeInstanceOf(Blob);
    expect((file as Blob).size).toBe(256 * 1024 * 1024 + 1);
  });
});

describe("import merges in two steps", () => {
  // the people, graph files and affiliations are merged while the exchanges CSVs are still being read on a
  // worker thread; the exchanges and the sources after them in a second step, into the network the first made
  it("all six sources: the same network and report as one merge of every import", async () => {
    const out = join(tempDir(), "net.json");
    const r = await cli(["import", ...ALL, ...EGO, "-o", out]);
    expect(r.status).toBe(0);
    const ego: Person = { id: "me", name: "Me", emails: ["me@example.org"] };
    const options = (file: string) => ({ file });
    const imports = [
      await importPeopleCsv(createReadStream(f("people.csv")), options(f("people.csv"))),
      await importAffiliationsCsv(createReadStream(f("affiliations.csv")), options(f("affiliations.csv"))),
      await importExchangesCsv(createReadStream(f("exchanges.csv")), options(f("exchanges.csv"))),
      await importLinkedInConnections(createReadStream(f("Connections.csv")), { ...options(f("Connections.csv")), ego }),
      await importVCard(createReadStream(f("contacts.vcf")), options(f("contacts.vcf"))),
      await importCalendar(createReadStream(f("calendar.ics")), { ...options(f("calendar.ics")), ego, to: "2024-12-31" }),
    ];
    const whole = new Network();
    const report = mergeInto(whole, imports);
    if (whole.ego !== "me") whole.setEgo("me");
    expect(serializeNetwork(parseNetworkFile(readFileSync(out, "utf8")))).toBe(serializeNetwork(whole));
    // the report's figures and lists: 7 added (5 by the first step, Eve and Gina by the second), 4 merged across the steps
    expect(report.added).toHaveLength(7);
    expect(r.stdout).toContain(`merged: ${report.added.length} people added, ${report.merged.length} merged with people already known, 0 ambiguous (added apart)\n`);
    for (const m of report.merged) expect(r.stdout).toContain(`: ${m.name} is ${m.into} (same ${m.by})\n`);
    expect(r.stdout).toContain(`${report.organisationsAdded.length} organisations, ${report.affiliationsAdded} affiliations and ${report.exchangesAdded} exchanges added`);
    expect(r.stdout).toContain(`skipped records: ${report.problemCount} problem\n`);
  });

  it("a first step with exchanges (a graph file's ties) is not merged apart: an equal exchange in the CSV is kept, as one merge keeps it", async () => {
    const dir = tempDir();
    const gexf = join(dir, "net.gexf");
    writeFileSync(gexf, exportGexf(parseNetworkFile(readFileSync(f("intro-small.json"), "utf8"))));
    const graph = await importGexf(createReadStream(gexf), { file: gexf });
    const tie = graph.exchanges[0]!;
    expect(graph.exchanges.length).toBeGreaterThan(1);
    writeFileSync(join(dir, "ex.csv"), `date,from,to,kind\n${tie.date},${tie.from},${tie.to},${tie.kind}\n`);
    const out = join(dir, "out.json");
    const r = await cli(["import", "--gexf", gexf, "--exchanges", join(dir, "ex.csv"), "-o", out]);
    expect(r.status).toBe(0);
    const whole = new Network();
    mergeInto(whole, [graph, await importExchangesCsv(createReadStream(join(dir, "ex.csv")), { file: join(dir, "ex.csv") })]);
    const written = parseNetworkFile(readFileSync(out, "utf8"));
    // the graph file's ties and the CSV's one row, its equal among them
    expect(written.exchangeCount).toBe(graph.exchanges.length + 1);
    expect(serializeNetwork(written)).toBe(serializeNetwork(whole));
  });

  it("problems: the first step's, then the second's, at most 20 listed in all, every one counted", async () => {
    const dir = tempDir();
    // first step: 3 affiliations of people nobody imported (the model refuses them when the step is merged)
    writeFileSync(join(dir, "aff.csv"), "person,organisation,from,to,role\nann,Acme,2019-01-01,,\nzed1,Acme,2019-01-01,,\nzed2,Acme,,,\nzed3,Acme,,,\n");
    // second step: a bad date (the reader skips it), then two exchanges naming someone nobody imported
    writeFileSync(join(dir, "ex.csv"), "date,from,to,kind\n2024-01-10,ann,me,favour\n2024-02-30,ann,me,favour\n2024-01-11,ann,zoe,favour\n2024-01-12,yan,me,favour\n");
    const sources = ["--people", f("people.csv"), "--affiliations", join(dir, "aff.csv"), "--exchanges", join(dir, "ex.csv")];
    const r = await cli(["import", ...sources, "-o", join(dir, "net.json")]);
    expect(r.status).toBe(0);
    // 3 + 1 + 2 = 6
    expect(r.stdout).toContain("\nskipped records: 6 problems\n");
    const listed = r.stdout.split("\n").filter((l) => l.startsWith("  tiegraph/"));
    // (ann's Acme affiliation is covered by people.csv's: a duplicate, not a problem; people.csv has 5 affiliations before)
    expect(listed.map((l) => l.replace(`${dir}/`, "").split(": ").slice(0, 2).join(": "))).toEqual([
      "  tiegraph/io/merge: aff.csv:3 affiliation #5 /affiliations/5/person",
      "  tiegraph/io/merge: aff.csv:4 affiliation #6 /affiliations/6/person",
      "  tiegraph/io/merge: aff.csv:5 affiliation #7 /affiliations/7/person",
      "  tiegraph/io/exchanges-csv: ex.csv:3:1 exchange at line 3",
      "  tiegraph/io/merge: ex.csv:4 exchange #1 /exchanges/1/to",
      "  tiegraph/io/merge: ex.csv:5 exchange #2 /exchanges/2/from",
    ]);
    expect(parseNetworkFile(readFileSync(join(dir, "net.json"), "utf8")).exchangeCount).toBe(1);
    // 25 refused affiliations fill the list of 20: the second step's problems are counted, not listed
    const many = ["person,organisation,from,to,role", ...Array.from({ length: 25 }, (_, i) => `zed${i},Acme,,,`)];
    writeFileSync(join(dir, "aff.csv"), many.join("\n") + "\n");
    const r2 = await cli(["import", ...sources, "-o", join(dir, "net2.json")]);
    expect(r2.status).toBe(0);
    expect(r2.stdout).toContain("\nskipped records: 28 problems\n");
    const listed2 = r2.stdout.split("\n").filter((l) => l.startsWith("  tiegraph/"));
    expect(listed2).toHaveLength(20);
    expect(listed2.every((l) => l.includes("aff.csv:"))).toBe(true);
    expect(r2.stdout).toContain("  … and 8 more (--verbose lists them all)\n");
    // --verbose: all 28, in the same order
    const r3 = await cli(["import", ...sources, "--verbose", "-o", join(dir, "net3.json")]);
    const listed3 = r3.stdout.split("\n").filter((l) => l.startsWith("  tiegraph/"));
    expect(listed3).toHaveLength(28);
    expect(listed3.slice(0, 20)).toEqual(listed2);
    expect(listed3.slice(25).map((l) => l.includes("ex.csv:"))).toEqual([true, true, true]);
  });
});

describe("import problems", () => {
  it("a bad row is skipped and listed with its line; --strict stops there (exit 1) and writes nothing", async () => {
    const out = join(tempDir(), "net.json");
    const lenient = await cli(["import", "--people", f("people.csv"), "--exchanges", f("exchanges-bad-date.csv"), "-o", out]);
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toContain(`${f("exchanges-bad-date.csv")}:3:1 exchange at line 3: invalid date`);
    expect(parseNetworkFile(readFileSync(out, "utf8")).exchangeCount).toBe(2);
    const strictOut = join(tempDir(), "strict.json");
    const strict = await cli(["import", "--people", f("people.csv"), "--exchanges", f("exchanges-bad-date.csv"), "-o", strictOut, "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(new RegExp(`^tiegraph/io/exchanges-csv: ${f("exchanges-bad-date.csv").replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:3:1 exchange at line 3: invalid date`));
    expect(() => readFileSync(strictOut)).toThrow();
  });

  it("an exchange naming someone nobody imported is skipped with its line", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ex.csv"), "date,from,to,kind,value\n2024-01-10,ann,me,favour,\n2024-01-11,ann,zoe,favour,\n");
    const r = await cli(["import", "--people", f("people.csv"), "--exchanges", join(dir, "ex.csv"), "-o", join(dir, "net.json")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`ex\\.csv:3\\b.*zoe`));
  });

  it("30,000 exchanges naming people nobody imported: 60,000 problems counted (two a row), 20 listed, and what to do", async () => {
    const dir = tempDir();
    const rows = ["date,from,to,kind"];
    for (let i = 0; i < 30_000; i++) rows.push(`2024-02-${String(1 + (i % 28)).padStart(2, "0")},a${i},b${i},favour`);
    writeFileSync(join(dir, "ex.csv"), rows.join("\n") + "\n");
    const out = join(dir, "net.json");
    const r = await cli(["import", "--exchanges", join(dir, "ex.csv"), "-o", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`read ${join(dir, "ex.csv")} (exchanges CSV): 30001 records: 0 people, 0 organisations, 0 affiliations, 30000 exchanges\n`);
    expect(r.stdout).toContain("\nskipped records: 60000 problems\n");
    const listed = r.stdout.split("\n").filter((l) => l.startsWith("  tiegraph/io/merge: "));
    expect(listed.length).toBe(20);
    // in file order: row 2 (a0, b0), row 3 (a1, b1), …, row 11 (a9, b9)
    expect(listed[0]).toBe(`  tiegraph/io/merge: ${join(dir, "ex.csv")}:2 exchange #0 /exchanges/0/from: unknown person "a0", expected the id of a person in the network or this batch`);
    expect(listed[19]).toContain(`:11 exchange #9 /exchanges/9/to: unknown person "b9"`);
    expect(r.stdout).toContain("  … and 59980 more (--verbose lists them all)\n  (a record naming a person who is in neither the network nor the files read is skipped: give the people too, with --people or --into)\n");
    expect(r.stdout).toContain(`wrote ${out}: 0 people (0 new), 0 organisations, 0 exchanges (0 new)\n`);
  });

  it("--verbose lists every problem", async () => {
    const dir = tempDir();
    const rows = ["date,from,to,kind"];
    for (let i = 0; i < 15; i++) rows.push(`2024-02-0${1 + (i % 9)},a${i},b${i},favour`);
    writeFileSync(join(dir, "ex.csv"), rows.join("\n") + "\n");
    const r = await cli(["import", "--exchanges", join(dir, "ex.csv"), "-o", join(dir, "net.json"), "--verbose"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("\nskipped records: 30 problems\n");
    expect(r.stdout.split("\n").filter((l) => l.startsWith("  tiegraph/io/merge: ")).length).toBe(30);
    expect(r.stdout).not.toContain("more (--verbose lists them all)");
  });

  it("a calendar imported --into a network whose ego has an address tells ego apart by it, where it could not be inferred", async () => {
    const dir = tempDir();
    const into = join(dir, "net.json");
    writeFileSync(into, serializeNetwork(Network.from({ people: [{ id: "ann", name: "Ann", emails: ["ann@example.com"] }], ego: "ann" })));
    // one meeting Ann organised: her address is in one event of one, which is no majority to infer it from
    const ics = join(dir, "cal.ics");
    writeFileSync(ics, ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:d", "DTSTART:20250409T100000Z", "DTEND:20250409T110000Z", "ORGANIZER;CN=Ann:mailto:ann@example.com", "ATTENDEE;CN=Eve;PARTSTAT=ACCEPTED:mailto:eve@contoso.com", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n"));
    const out = join(dir, "out.json");
    const run = await cli(["import", "--ics", ics, "--ics-to", "2025-12-31", "--into", into, "-o", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("ego's address");
    const got = parseNetworkFile(readFileSync(out, "utf8"));
    expect(got.people().map((p) => p.id).sort()).toEqual(["ann", "eve"]);
    expect(Array.from({ length: got.exchangeCount }, (_, i) => got.exchangeAt(i)).map((e) => [e.date, e.from, e.to, e.minutes])).toEqual([["2025-04-09", "ann", "eve", 60]]);
    // an ego without an address: inferred from the events as before, and said so
    const bare = join(dir, "bare.json");
    writeFileSync(bare, serializeNetwork(Network.from({ people: [{ id: "ann", name: "Ann" }], ego: "ann" })));
    const guessed = await cli(["import", "--ics", ics, "--ics-to", "2025-12-31", "--into", bare, "-o", join(dir, "guessed.json")]);
    expect(guessed.status).toBe(0);
    expect(guessed.stdout).toContain("could not tell ego's address among the attendees; every attendee was counted");
  });

  it("a missing file is bad input naming it; no source at all is a usage error", async () => {
    const missing = await cli(["import", "--people", "nowhere.csv", "-o", join(tempDir(), "x.json")]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("tiegraph/cli: nowhere.csv: cannot read the file: no such file or folder, expected a readable file\n");
    const none = await cli(["import", "-o", join(tempDir(), "x.json")]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("nothing to import");
  });
});

describe("import progress", () => {
  it("draws a progress bar on standard error when it is a terminal and the file is large", async () => {
    const dir = tempDir();
    // over a megabyte (the bar's threshold) of distinct exchanges: one a day from 1950 on
    const rows = ["date,from,to,kind,value"];
    for (let i = 0, size = 0; size < 1.2 * (1 << 20); i++) {
      rows.push(`${new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10)},ann,me,information,`);
      size += rows.at(-1)!.length + 1;
    }
    writeFileSync(join(dir, "big.csv"), rows.join("\n") + "\n");
    let err = "";
    let out = "";
    const terminal = { stdout: { write: (s: string) => void (out += s) }, stderr: { isTTY: true, columns: 80, write: (s: string) => void (err += s) }, stdin: process.stdin, env: {} } as Terminal;
    const code = await runCli(["import", "--people", f("people.csv"), "--exchanges", join(dir, "big.csv"), "-o", join(dir, "net.json")], terminal);
    expect(code).toBe(0);
    expect(err).toContain(`\rimporting ${join(dir, "big.csv")} [`);
    expect(err).toContain("100%");
    expect(err.endsWith("\r\x1b[2K")).toBe(true);
    expect(out).toContain(`${rows.length - 1} exchanges (${rows.length - 1} new)`);
  });
});
