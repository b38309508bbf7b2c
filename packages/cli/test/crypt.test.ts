// `tiegraph encrypt` / `decrypt`: the passphrase comes from TIEGRAPH_PASSPHRASE
// or a prompt, never an argument; a round trip gives back the same bytes;
// other commands open encrypted files.
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/program.js";
import { fakeTerminal } from "./fake-terminal.js";
import { FIXTURES, SAMPLE, tempDir, cli } from "./run-cli.js";

const PASS = { TIEGRAPH_PASSPHRASE: "correct horse battery staple" };

function copyOf(source: string): string {
  const file = join(tempDir(), "net.json");
  copyFileSync(source, file);
  return file;
}

describe("tiegraph encrypt and decrypt", () => {
  it("encrypts in place, leaving no plain copy, and decrypts back to the same bytes", async () => {
    const file = copyOf(SAMPLE);
    const enc = await cli(["encrypt", file], { env: PASS });
    expect(enc.status).toBe(0);
    expect(enc.stdout).toBe(`encrypted ${file} in place\n`);
    const sealed = readFileSync(file, "utf8");
    expect(JSON.parse(sealed).format).toBe("tiegraph-encrypted");
    expect(sealed).not.toContain("Sami Murphy");
    expect(existsSync(`${file}.bak`)).toBe(false);
    const dec = await cli(["decrypt", file], { env: PASS });
    expect(dec.status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(SAMPLE, "utf8"));
  });

  it("-o writes elsewhere; decrypt -o - prints the plain file", async () => {
    const file = copyOf(join(FIXTURES, "intro-small.json"));
    const out = `${file}.enc`;
    expect((await cli(["encrypt", file, "-o", out], { env: PASS })).stdout).toBe(`encrypted ${file} into ${out}\n`);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(join(FIXTURES, "intro-small.json"), "utf8"));
    const r = await cli(["decrypt", out, "-o", "-"], { env: PASS });
    expect(r.stdout).toBe(readFileSync(file, "utf8"));
  });

  it("report, intro, plan and export open an encrypted file with the passphrase", async () => {
    const file = copyOf(join(FIXTURES, "intro-small.json"));
    await cli(["encrypt", file], { env: PASS });
    const plain = (await cli(["intro", join(FIXTURES, "intro-small.json"), "--to", "t"])).stdout;
    const r = await cli(["intro", file, "--to", "t"], { env: PASS });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(plain);
    for (const args of [["report", file], ["plan", file, "--week", "2024-05-06"], ["export", file, "--format", "gexf"]]) expect((await cli(args, { env: PASS })).status).toBe(0);
  });

  it("a wrong passphrase is bad input (exit 1) and changes nothing", async () => {
    const file = copyOf(join(FIXTURES, "intro-small.json"));
    await cli(["encrypt", file], { env: PASS });
    const sealed = readFileSync(file, "utf8");
    const r = await cli(["decrypt", file], { env: { TIEGRAPH_PASSPHRASE: "wrong" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`tiegraph/io/encryption: ${file}: wrong passphrase, or the file was changed after it was encrypted\n`);
    expect(readFileSync(file, "utf8")).toBe(sealed);
  });

  it("without the variable and without a terminal it is a usage error; there is no passphrase option", async () => {
    const file = copyOf(join(FIXTURES, "intro-small.json"));
    const r = await cli(["encrypt", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`tiegraph encrypt: ${file} needs a passphrase: set TIEGRAPH_PASSPHRASE or run tiegraph in a terminal to type it`);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(join(FIXTURES, "intro-small.json"), "utf8"));
    const opt = await cli(["encrypt", file, "--passphrase", "x"]);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toContain("unknown option '--passphrase'");
  });

  it("refuses to encrypt twice, to decrypt a plain file, and to seal a file that is not a network", async () => {
    const file = copyOf(join(FIXTURES, "intro-small.json"));
    await cli(["encrypt", file], { env: PASS });
    expect((await cli(["encrypt", file], { env: PASS })).stderr).toContain(`${file} is already encrypted`);
    const plain = copyOf(SAMPLE);
    const r = await cli(["decrypt", plain], { env: PASS });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${plain} is not an encrypted network file`);
    const bad = await cli(["encrypt", join(FIXTURES, "bad-json.json")], { env: PASS });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("bad-json.json:9:75: not valid JSON");
  });
});

describe("the passphrase prompt, end to end", () => {
  it("decrypt asks on the terminal (nothing echoed) when the variable is not set", async () => {
    const file = copyOf(join(FIXTURES, "intro-small.json"));
    await cli(["encrypt", file], { env: PASS });
    const t = fakeTerminal([`${PASS.TIEGRAPH_PASSPHRASE}\r`]);
    expect(await runCli(["decrypt", file, "-o", "-"], t.terminal)).toBe(0);
    expect(t.output()).toBe(readFileSync(join(FIXTURES, "intro-small.json"), "utf8"));
    expect(t.shown()).toBe(`Passphrase for ${file}: \n`);
  });
});
