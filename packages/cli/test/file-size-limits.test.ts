// Files too large to be network files are refused from their size and first
// bytes, before they are read: an encrypted file of MAX_TEXT_LENGTH bytes or
// more (its envelope is one JavaScript string, which cannot be that long), and
// any file over MAX_NETWORK_FILE_BYTES (2 GiB − 1, the most Node reads into one
// buffer). The files are sparse (truncate), so they cost no disk or time.
import { truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH } from "@tiegraph/core";
import { encryptText } from "@tiegraph/io";
import { runCli } from "../src/program.js";
import { MAX_NETWORK_FILE_BYTES } from "../src/files/network-files.js";
import { fakeTerminal } from "./fake-terminal.js";
import { tempDir } from "./run-cli.js";

const PASS = "correct horse battery staple";

async function run(args: string[]): Promise<{ status: number; stderr: string }> {
  const t = fakeTerminal([], { TIEGRAPH_PASSPHRASE: PASS });
  const status = await runCli(args, t.terminal);
  return { status, stderr: t.shown() };
}

/** A real encrypted network file's first bytes, then zeros up to `size` bytes (sparse). */
async function encryptedOfSize(file: string, size: number): Promise<void> {
  const sealed = await encryptText(JSON.stringify({ format: "tiegraph", version: 1, people: [] }), PASS, { iterations: 100_000 });
  writeFileSync(file, sealed);
  truncateSync(file, size);
}

describe("network files too large to read", () => {
  it("the limits are what the comments say", () => {
    // 2^29 − 24: V8's longest string on 64-bit; 2^31 − 1: fs.readFile's largest file
    expect(MAX_TEXT_LENGTH).toBe(536_870_888);
    expect(MAX_NETWORK_FILE_BYTES).toBe(2_147_483_647);
  });

  it("refuses an encrypted file of MAX_TEXT_LENGTH bytes, naming the file and its size", async () => {
    const file = join(tempDir(), "big.enc.json");
    await encryptedOfSize(file, MAX_TEXT_LENGTH);
    const r = await run(["report", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("big.enc.json");
    expect(r.stderr).toContain(`is ${MAX_TEXT_LENGTH} bytes: no encrypted network file is that large`);
    expect(r.stderr).toContain(`an encrypted file of at most ${MAX_TEXT_LENGTH - 1} bytes`);
  });

  it("refuses it before reading it: a 3 GiB encrypted file (which fs.readFile could not read) gets the same refusal", async () => {
    const file = join(tempDir(), "huge.enc.json");
    const size = 3 * 2 ** 30;
    await encryptedOfSize(file, size);
    const r = await run(["intro", file, "--from", "a", "--to", "b"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`is ${size} bytes: no encrypted network file is that large`);
    expect(r.stderr).not.toContain("cannot read the file");
  });

  it("refuses a plain file over 2 GiB − 1 with its own message, before reading it", async () => {
    const file = join(tempDir(), "huge.json");
    writeFileSync(file, '{"format":"tiegraph-network","version":1,"people":[');
    truncateSync(file, MAX_NETWORK_FILE_BYTES + 1);
    const r = await run(["report", file, "--json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("huge.json");
    expect(r.stderr).toContain(`is ${MAX_NETWORK_FILE_BYTES + 1} bytes: larger than any network file tiegraph reads`);
    expect(r.stderr).not.toContain("cannot read the file");
  });

  it("a small encrypted file still opens (the checks refuse only by size)", async () => {
    const file = join(tempDir(), "small.enc.json");
    writeFileSync(file, await encryptText(JSON.stringify({ format: "tiegraph", version: 1, people: [{ id: "a", name: "Ann" }] }), PASS, { iterations: 100_000 }));
    const r = await run(["report", file, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
