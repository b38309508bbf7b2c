// `tiegraph log` and `tiegraph person`, run in-process through runCli: what they write
// to the network file, that a bad command line or bad data changes nothing, and that an
// encrypted file stays encrypted with its passphrase.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNetworkFile, serializeNetwork, Network, type NetworkData } from "@tiegraph/core";
import { decryptText, encryptText, isEncryptedNetworkFile } from "@tiegraph/io";
import { localToday } from "../src/today.js";
import { cli, tempDir } from "./run-cli.js";

/** Runs `tiegraph ...args` in this process (run-cli's in-process `cli`). */
const run = (args: string[], env: Record<string, string> = {}) => cli(args, { env });

const small = (): NetworkData => ({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }],
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann Lee" },
    { id: "bob", name: "Bob Ray" },
  ],
  affiliations: [{ person: "ann", organisation: "acme", from: "2020-01-01" }],
  exchanges: [{ date: "2026-10-01", kind: "information", from: "me", to: "ann" }],
});

function networkFile(data: NetworkData = small()): string {
  const file = join(tempDir(), "net.json");
  writeFileSync(file, serializeNetwork(Network.from(data)));
  return file;
}
const exchangesIn = (file: string) => parseNetworkFile(readFileSync(file, "utf8")).toData().exchanges!;

describe("tiegraph log", () => {
  it("appends a favour received from a contact and saves the file", async () => {
    const file = networkFile();
    const r = await run(["log", file, "--with", "ann", "--kind", "favour", "--direction", "received", "--date", "2026-11-02", "--note", "intro to a lawyer"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("logged #2: 2026-11-02 favour from Ann Lee\n");
    expect(exchangesIn(file)).toEqual([
      { date: "2026-10-01", kind: "information", from: "me", to: "ann" },
      { date: "2026-11-02", kind: "favour", from: "ann", to: "me", note: "intro to a lawyer" },
    ]);
  });

  it("logs a group meeting as one meeting per person, today by default", async () => {
    const file = networkFile();
    const r = await run(["log", file, "--with", "ann,bob", "--kind", "meeting", "--minutes", "60", "--format", "lunch", "--confidential"]);
    expect(r.status).toBe(0);
    const today = localToday();
    expect(exchangesIn(file).slice(1)).toEqual([
      { date: today, kind: "meeting", from: "me", to: "ann", minutes: 60, format: "lunch", confidential: true },
      { date: today, kind: "meeting", from: "me", to: "bob", minutes: 60, format: "lunch", confidential: true },
    ]);
  });

  it("records an introduction you made", async () => {
    const file = networkFile();
    expect((await run(["log", file, "--with", "ann", "--kind", "introduction", "--direction", "gave", "--introduced", "bob", "--date", "2026-11-03"])).status).toBe(0);
    expect(exchangesIn(file).at(-1)).toEqual({ date: "2026-11-03", kind: "introduction", from: "me", to: "ann", introduced: "bob" });
  });

  it("changes nothing on a bad command line (exit 2) or an exchange the model refuses (exit 1)", async () => {
    const file = networkFile();
    const before = readFileSync(file, "utf8");
    const cases: [string[], number, RegExp][] = [
      [["--with", "ann", "--kind", "favour", "--direction", "both"], 2, /a favour goes one way/],
      [["--with", "ann", "--kind", "favour"], 2, /say whether you gave or received/],
      [["--with", "zed", "--kind", "meeting"], 2, /--with: no person with id "zed"/],
      [["--with", "ann", "--kind", "meeting", "--date", "2026-02-30"], 2, /expected a calendar date/],
      [["--with", "ann", "--kind", "party"], 2, /expected one of information/],
      [["--with", "ann", "--kind", "introduction", "--direction", "gave", "--introduced", "ann"], 1, /an introduction joins two other people/],
      [["--with", "me", "--kind", "meeting"], 1, /self-exchange|with themself/],
    ];
    for (const [args, status, message] of cases) {
      const r = await run(["log", file, ...args]);
      expect([args.join(" "), r.status]).toEqual([args.join(" "), status]);
      expect(r.stderr).toMatch(message);
      expect(readFileSync(file, "utf8")).toBe(before);
    }
  });

  it("keeps an encrypted file encrypted with the same passphrase", async () => {
    const file = networkFile();
    const env = { TIEGRAPH_PASSPHRASE: "correct horse battery staple" };
    writeFileSync(file, await encryptText(readFileSync(file, "utf8"), env.TIEGRAPH_PASSPHRASE, { iterations: 100_000 }));
    const r = await run(["log", file, "--with", "bob", "--kind", "gesture", "--direction", "gave", "--date", "2026-11-04", "--format", "coffee"], env);
    expect(r.status).toBe(0);
    const saved = readFileSync(file, "utf8");
    expect(isEncryptedNetworkFile(saved)).toBe(true);
    expect(saved).not.toContain("Bob Ray");
    const plain = await decryptText(saved, env.TIEGRAPH_PASSPHRASE);
    expect(parseNetworkFile(plain).toData().exchanges!.at(-1)).toEqual({ date: "2026-11-04", kind: "gesture", from: "me", to: "bob", format: "coffee" });
  });
});

describe("tiegraph person", () => {
  it("adds a person with addresses, tags, what they are after and what you can offer", async () => {
    const file = networkFile();
    const r = await run(["person", file, "--add", "cy", "--name", "Cy Young", "--email", "cy@example.org", "--tag", "investor", "--interest", "a CTO", "--offer", "intro to Ann"]);
    expect(r.status).toBe(0);
    const net = parseNetworkFile(readFileSync(file, "utf8"));
    expect(net.person("cy")).toEqual({ id: "cy", name: "Cy Young", emails: ["cy@example.org"], tags: ["investor"], interests: ["a CTO"], offers: ["intro to Ann"] });
  });

  it("edits lists by adding and dropping items, and records a job change", async () => {
    const file = networkFile();
    await run(["person", file, "--edit", "ann", "--interest", "hiring", "--interest", "pricing"]);
    const r = await run(["person", file, "--edit", "ann", "--drop-interest", "hiring", "--org", "Globex Corp", "--from", "2026-09-01", "--role", "CTO"]);
    expect(r.status).toBe(0);
    const net = parseNetworkFile(readFileSync(file, "utf8"));
    expect(net.person("ann").interests).toEqual(["pricing"]);
    expect(net.organisation("globex-corp").name).toBe("Globex Corp");
    // the open-ended affiliation at Acme ends the day before she joined Globex
    expect(net.affiliationsOf("ann")).toEqual([
      { person: "ann", organisation: "acme", from: "2020-01-01", to: "2026-08-31" },
      { person: "ann", organisation: "globex-corp", from: "2026-09-01", role: "CTO" },
    ]);
  });

  it("changes nothing when the person exists already, is unknown, or a value is refused", async () => {
    const file = networkFile();
    const before = readFileSync(file, "utf8");
    expect((await run(["person", file, "--add", "ann", "--name", "Ann"])).status).toBe(2);
    expect((await run(["person", file, "--edit", "zed", "--name", "Z"])).status).toBe(2);
    expect((await run(["person", file, "--add", "dee"])).status).toBe(2);
    const refused = await run(["person", file, "--edit", "ann", "--cadence", "0"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/invalid cadence/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("tiegraph intro --as-of", () => {
  it("dates the answer to the day given (last: the last exchange) instead of today", async () => {
    const data = small();
    data.exchanges!.push({ date: "2026-11-01", kind: "favour", from: "ann", to: "bob" });
    const file = networkFile(data);
    type Answer = { asOf: string; paths: { people: string[]; hops: { daysSince: number }[] }[] };
    const now = JSON.parse((await run(["intro", file, "--to", "bob", "--json", "--as-of", "last"])).stdout) as Answer;
    expect(now.asOf).toBe("2026-11-01");
    // me and ann last met on 2026-10-01: 31 days before the last exchange, 14 before 2026-10-15
    expect(now.paths[0]!.hops[0]!.daysSince).toBe(31);
    // on 2026-10-15 ann and bob had not met yet (their only exchange is on 2026-11-01): no way to bob
    const before = JSON.parse((await run(["intro", file, "--to", "bob", "--json", "--as-of", "2026-10-15"])).stdout) as Answer;
    expect(before.asOf).toBe("2026-10-15");
    expect(before.paths).toEqual([]);
    const toAnn = JSON.parse((await run(["intro", file, "--to", "ann", "--json", "--as-of", "2026-10-15"])).stdout) as { direct: { daysSince: number }[] };
    expect(toAnn.direct[0]!.daysSince).toBe(14);
    expect((await run(["intro", file, "--to", "bob", "--as-of", "2026-13-01"])).status).toBe(2);
  });
});
