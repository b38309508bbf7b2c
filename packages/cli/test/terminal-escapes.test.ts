// Issue 16.5 (terminal side): a person named `Term\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED`
// retitled and cleared the terminal through `report` and `intro`. Every write
// a command makes is shown with control characters and bidirectional
// overrides escaped, whoever wrote the view.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/program.js";
import { safeTerminal, terminalText, writeRaw } from "../src/terminal.js";
import { progressBar } from "../src/view/progress.js";
import { textTable } from "../src/view/table.js";
import { fakeTerminal } from "./fake-terminal.js";
import { FIXTURES, tempDir } from "./run-cli.js";

const EVIL = "Term\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED";
const SHOWN = "Term\\u001b]0;PWNED\\u0007\\u001b[2J\\u001b[31mRED";
// U+202E turns "Cy Cole\u202Egpj.exe" into "Cy Coleexe.jpg" on screen
const BIDI = "Cy Cole\u202egpj.exe";
// any raw control or bidi character left in what reached the terminal (CRLF aside)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

function evilNetwork(): string {
  const doc = JSON.parse(readFileSync(join(FIXTURES, "intro-small.json"), "utf8")) as { people: { id: string; name: string }[]; organisations: { name: string }[] };
  doc.people.find((p) => p.id === "t")!.name = EVIL;
  doc.people.find((p) => p.id === "c")!.name = BIDI;
  doc.organisations[0]!.name = "Acme\u009b2J\u2066Corp"; // a C1 CSI and a left-to-right isolate
  // the file name carries a C1 CSI and a right-to-left override too (it is printed in messages and JSON)
  const file = join(tempDir(), "evil\u009b\u202e.json");
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const t = fakeTerminal([]);
  const status = await runCli(args, t.terminal);
  return { status, stdout: t.output(), stderr: t.shown() };
}

describe("terminalText", () => {
  it("escapes C0 (but tab and line feed), a lone carriage return, DEL, C1 and bidi controls as \\uXXXX", () => {
    expect(terminalText(EVIL)).toBe(SHOWN);
    expect(terminalText("a\u0000b\u007fc\u0085d\u009be")).toBe("a\\u0000b\\u007fc\\u0085d\\u009be");
    expect(terminalText("x\u202ay\u202ez\u2066w\u2069")).toBe("x\\u202ay\\u202ez\\u2066w\\u2069");
    expect(terminalText("over\rwrite")).toBe("over\\u000dwrite");
    expect(terminalText("line\r\nnext\tcol\n")).toBe("line\r\nnext\tcol\n");
    expect(terminalText("Zoë 王小明 O'Neill")).toBe("Zoë 王小明 O'Neill");
  });

  it("is idempotent, and keeps JSON valid and equal in meaning", () => {
    expect(terminalText(terminalText(EVIL))).toBe(SHOWN);
    const json = JSON.stringify({ name: `${EVIL}\u009b${BIDI}` });
    expect(JSON.parse(terminalText(json))).toEqual({ name: `${EVIL}\u009b${BIDI}` });
  });

  it("tables measure the escaped cells, so columns still line up", () => {
    const out = textTable([{ title: "person" }, { title: "n", right: true }], [[EVIL, "1"], ["Ann", "22"]]);
    const lines = out.split("\n");
    // shown: 4 + 6 + 8 + 6 + 6 + 3 + 6 + 7 = 46 columns; the number column is 2 wide, two spaces after
    expect(SHOWN.length).toBe(46);
    expect(lines[2]).toBe(`${SHOWN}   1`);
    expect(lines[3]).toBe(`Ann${" ".repeat(43)}  22`);
  });
});

describe("commands never print a raw control character", () => {
  const cases: [string, (file: string) => string[]][] = [
    ["report", (f) => ["report", f]],
    ["report --json", (f) => ["report", f, "--json"]],
    ["intro", (f) => ["intro", f, "--to", "t"]],
    ["intro --json", (f) => ["intro", f, "--to", "t", "--json"]],
    ["plan", (f) => ["plan", f, "--week", "2024-05-06"]],
    ["export --format csv to standard output", (f) => ["export", f, "--format", "csv", "--table", "people"]],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const file = evilNetwork();
      const r = await run(args(file));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      if (name === "report --json") {
        // JSON stays valid and gives the file name back exactly
        expect((JSON.parse(r.stdout) as { file: string }).file).toBe(file);
      }
      if (name === "intro --json") expect((JSON.parse(r.stdout) as { to: { person: string } }).to.person).toBe("t");
    });
  }

  it("report and intro show the name visibly escaped", async () => {
    const file = evilNetwork();
    expect((await run(["intro", file, "--to", "t"])).stdout).toContain(SHOWN);
    const report = (await run(["report", file])).stdout;
    expect(report).toContain("Cy Cole\\u202egpj.exe");
  });

  it("errors naming a value from the command line or a file are escaped too", async () => {
    const file = evilNetwork();
    const r = await run(["intro", file, "--to", "\x1b[2Jnobody"]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain("\\u001b[2Jnobody");
    const bad = join(tempDir(), "\x1b[31mbad.json");
    writeFileSync(bad, "{ nope");
    const e = await run(["report", bad]);
    expect(e.status).toBe(1);
    expect(e.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("tiegraph's own sequences", () => {
  it("the progress bar still redraws and erases its line, with its label escaped", () => {
    const t = fakeTerminal([]);
    const err = safeTerminal(t.terminal).stderr;
    expect(err.isTTY).toBe(true);
    const bar = progressBar(err, "importing \x1b[2Jx.csv", 100, 0);
    bar.update(100);
    bar.done();
    expect(t.shown()).toContain("\rimporting \\u001b[2Jx.csv [");
    expect(t.shown().endsWith("\r\x1b[2K")).toBe(true);
  });

  it("writeRaw on an unwrapped sink writes as is", () => {
    const t = fakeTerminal([]);
    writeRaw(t.terminal.stderr, "\x1b[2K");
    expect(t.shown()).toBe("\x1b[2K");
  });
});
