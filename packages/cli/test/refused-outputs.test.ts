// Issue 16.8: `export net.json --format csv -o net.json` and `plan net.json
// --ics net.json` overwrote the network file with no backup. An output that is
// not a network save may not replace a network file (the input, another name
// for it, or any other one), known by its content: a usage error, nothing written.
import { copyFileSync, existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encryptText } from "@tiegraph/io";
import { runCli } from "../src/program.js";
import { fakeTerminal } from "./fake-terminal.js";
import { FIXTURES, tempDir } from "./run-cli.js";

const SOURCE = join(FIXTURES, "intro-small.json");
const PASS = "correct horse battery staple";

async function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const t = fakeTerminal([], env);
  const status = await runCli(args, t.terminal);
  return { status, stdout: t.output(), stderr: t.shown() };
}

function networkCopy(): { dir: string; net: string; original: string } {
  const dir = tempDir();
  const net = join(dir, "net.json");
  copyFileSync(SOURCE, net);
  return { dir, net, original: readFileSync(SOURCE, "utf8") };
}

describe("outputs that would replace a network file are refused (16.8)", () => {
  const cases: [string, (net: string) => string[]][] = [
    ["export --format csv -o the input", (net) => ["export", net, "--format", "csv", "-o", net]],
    ["export --format gexf -o the input", (net) => ["export", net, "--format", "gexf", "-o", net]],
    ["export --format tiegraph -o the input (a redacted copy would drop the confidential records)", (net) => ["export", net, "--format", "tiegraph", "-o", net]],
    ["plan --ics the input", (net) => ["plan", net, "--week", "2024-05-06", "--ics", net]],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const { net, original } = networkCopy();
      const r = await run(args(net));
      expect(r.status).toBe(2); // usage error
      expect(r.stderr).toContain(`refusing to write over ${net}: it is a network file`);
      expect(readFileSync(net, "utf8")).toBe(original);
      expect(existsSync(`${net}.bak`)).toBe(false);
    });
  }

  it("another name for the input (hard link, symbolic link) is caught by content", async () => {
    const { dir, net, original } = networkCopy();
    const hard = join(dir, "hard.json");
    const soft = join(dir, "soft.json");
    linkSync(net, hard);
    symlinkSync(net, soft);
    for (const out of [hard, soft]) {
      const r = await run(["export", net, "--format", "graphml", "-o", out]);
      expect(r.status).toBe(2);
      expect(readFileSync(net, "utf8")).toBe(original);
    }
  });

  it("any other network file, plain or encrypted, is refused too", async () => {
    const { dir, net } = networkCopy();
    const other = join(dir, "other.json");
    copyFileSync(SOURCE, other);
    const sealed = join(dir, "sealed.json");
    const envelope = await encryptText(readFileSync(SOURCE, "utf8"), PASS, { iterations: 100_000 });
    writeFileSync(sealed, envelope);
    expect((await run(["export", net, "--format", "csv", "-o", other])).status).toBe(2);
    expect((await run(["plan", net, "--week", "2024-05-06", "--ics", sealed])).status).toBe(2);
    expect(readFileSync(other, "utf8")).toBe(readFileSync(SOURCE, "utf8"));
    expect(readFileSync(sealed, "utf8")).toBe(envelope);
  });

  it("a path holding something else is written as before", async () => {
    const { dir, net } = networkCopy();
    const csv = join(dir, "ties.csv");
    writeFileSync(csv, "old export\n");
    const r = await run(["export", net, "--format", "csv", "-o", csv]);
    expect(r.status).toBe(0);
    expect(readFileSync(csv, "utf8").split("\r\n")[0]).toBe("source,sourceName,target,targetName,strength,value,count,givingCount,firstDate,lastDate");
    const ics = join(dir, "week.ics");
    writeFileSync(ics, "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
    expect((await run(["plan", net, "--week", "2024-05-06", "--ics", ics])).status).toBe(0);
    expect(readFileSync(ics, "utf8")).toContain("BEGIN:VCALENDAR");
  });

  it("network saves may replace network files: import, encrypt, decrypt", async () => {
    const { dir, net } = networkCopy();
    const people = join(dir, "people.csv");
    writeFileSync(people, "id,name\nnew1,Nova Person\n");
    expect((await run(["import", "--people", people, "--into", net, "-o", net])).status).toBe(0);
    expect(readFileSync(net, "utf8")).toContain("Nova Person");
    const other = join(dir, "other.json");
    copyFileSync(SOURCE, other);
    expect((await run(["encrypt", net, "-o", other], { TIEGRAPH_PASSPHRASE: PASS })).status).toBe(0);
    expect(JSON.parse(readFileSync(other, "utf8")).format).toBe("tiegraph-encrypted");
    expect((await run(["decrypt", other], { TIEGRAPH_PASSPHRASE: PASS })).status).toBe(0);
    expect(readFileSync(other, "utf8")).toBe(readFileSync(net, "utf8"));
  });
});

describe("import never writes over a file it reads (16.8)", () => {
  it("-o one of the source files is a usage error, by any name", async () => {
    const dir = tempDir();
    const people = join(dir, "people.csv");
    const csv = "id,name\nnew1,Nova Person\n";
    writeFileSync(people, csv);
    const alias = join(dir, "alias.csv");
    linkSync(people, alias);
    for (const out of [people, alias]) {
      const r = await run(["import", "--people", people, "-o", out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`refusing to write over ${out}: it is the input ${people}`);
      expect(readFileSync(people, "utf8")).toBe(csv);
    }
  });
});
