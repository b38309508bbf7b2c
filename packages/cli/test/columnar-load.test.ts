// The columnar copy beside a network file (files/network-files.ts): every command prints exactly
// what it prints when the JSON is parsed, on the sample network and the research datasets; the
// copy is made from plain files only, ignored once the file changes, and never left beside an
// encrypted file. In-process (runCli) with a terminal whose environment says when to use the copy.
import { copyFileSync, existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { columnsSource, columnsStamp, decodeNetworkColumns, loadEmailEuCore, serializeNetwork } from "@tiegraph/core";
import { runCli } from "../src/program.js";
import type { Terminal } from "../src/terminal.js";
import { DATASETS, krackhardtAdvice, lazegaAdvice } from "./research-networks.js";
import { SAMPLE, TODAY, tempDir } from "./run-cli.js";

/** Runs tiegraph in-process; returns the exit code and what it printed. "Today" is fixed
 * (TIEGRAPH_TODAY) so two runs compared across midnight still print the same date. */
async function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const terminal: Terminal = {
    stdout: { write: (s: string) => void (out += s), isTTY: false },
    stderr: { write: (s: string) => void (err += s), isTTY: false },
    stdin: process.stdin,
    env: { TIEGRAPH_TODAY: TODAY, ...env, NO_COLOR: "1" },
  } as Terminal;
  const code = await runCli(args, terminal);
  return { code, out, err };
}

/** The commands whose output must not depend on how the file was read. */
function commands(file: string, person: string, other: string, dir: string): string[][] {
  return [
    ["report", file, "--json"],
    ["report", file],
    ["report", file, "--json", "--include-confidential"],
    ["intro", file, "--from", person, "--to", other, "--json"],
    ["intro", file, "--from", person, "--to", other],
    ["plan", file, "--ego", person, "--week", "2026-10-05", "--json"],
    ["export", file, "--format", "gexf", "-o", join(dir, "out.gexf")],
    ["export", file, "--format", "graphml", "-o", join(dir, "out.graphml")],
    ["export", file, "--format", "json", "-o", join(dir, "out.json")],
    // people's notes, which the graph exports read from the records that hold them
    ["export", file, "--format", "gexf", "--include-notes", "-o", join(dir, "notes.gexf")],
    ["export", file, "--format", "json", "--include-notes", "-o", join(dir, "notes.json")],
    ["export", file, "--format", "csv", "--table", "ties", "-o", join(dir, "ties.csv")],
    ["export", file, "--format", "tiegraph", "-o", join(dir, "copy.json")],
  ];
}

/** Every command's output (and written file) with the JSON parsed, then twice through the copy. */
async function outputs(file: string, person: string, other: string, env: Record<string, string>): Promise<string[]> {
  const dir = tempDir();
  const seen: string[] = [];
  for (const args of commands(file, person, other, dir)) {
    const r = await run(args, env);
    expect(r.code, `${args.join(" ")}: ${r.err}`).toBe(0);
    const written = args.includes("-o") ? readFileSync(args[args.indexOf("-o") + 1]!, "utf8") : "";
    seen.push(r.out.replaceAll(dir, "<dir>") + written);
  }
  return seen;
}

const email = () => {
  const read = (f: string) => readFileSync(join(DATASETS, "email_eu_core", f), "utf8");
  const file = join(tempDir(), "email.json");
  writeFileSync(file, serializeNetwork(loadEmailEuCore({ edges: read("email-Eu-core.txt"), departments: read("email-Eu-core-department-labels.txt") }).network));
  return file;
};

const networks: [string, () => string, string, string][] = [
  ["the sample network", () => {
    const file = join(tempDir(), "sample.json");
    copyFileSync(SAMPLE, file);
    return file;
  }, "me", "p42"],
  ["Lazega's law firm", () => lazegaAdvice().file, "L1", "L40"],
  ["Krackhardt's managers", () => krackhardtAdvice().file, "K1", "K20"],
  ["email-Eu-core", email, "E0", "E500"],
];

describe("reading through the columnar copy", () => {
  for (const [name, make, person, other] of networks) {
    it(`changes no command's output on ${name}`, async () => {
      const file = make();
      const parsed = await outputs(file, person, other, { TIEGRAPH_COLUMNS: "off" });
      expect(existsSync(`${file}.columns`)).toBe(false);
      // the first run writes the copy, the ones after it read it
      const viaCopy = await outputs(file, person, other, { TIEGRAPH_COLUMNS: "always" });
      expect(existsSync(`${file}.columns`)).toBe(true);
      expect(viaCopy).toEqual(parsed);
    }, 400_000);
  }

  it("ignores a copy made from other bytes: a changed file is read as it is now", async () => {
    const file = join(tempDir(), "net.json");
    copyFileSync(SAMPLE, file);
    const env = { TIEGRAPH_COLUMNS: "always" };
    const before = await run(["report", file, "--json"], env);
    expect(existsSync(`${file}.columns`)).toBe(true);
    // another network in the same file: the copy names the old file's hash
    const doc = JSON.parse(readFileSync(file, "utf8")) as { exchanges: unknown[] };
    doc.exchanges = doc.exchanges.slice(0, 100);
    writeFileSync(file, JSON.stringify(doc));
    const after = await run(["report", file, "--json"], env);
    expect((JSON.parse(after.out) as { exchanges: number }).exchanges).toBeLessThanOrEqual(100);
    expect(after.out).not.toBe(before.out);
    expect(after.out).toBe((await run(["report", file, "--json"], { TIEGRAPH_COLUMNS: "off" })).out);
  });

  it("ignores a copy cut short (in its header, its records or its columns): the file is read as it is", async () => {
    const file = join(tempDir(), "net.json");
    copyFileSync(SAMPLE, file);
    const env = { TIEGRAPH_COLUMNS: "always" };
    const want = (await run(["report", file, "--json"], { TIEGRAPH_COLUMNS: "off" })).out;
    expect((await run(["report", file, "--json"], env)).out).toBe(want);
    const whole = readFileSync(`${file}.columns`);
    const headerEnd = 12 + whole.readUInt32LE(8);
    // the header itself, the records (read first, then parsed while the rest is read), the columns
    for (const length of [10, headerEnd - 1, headerEnd + 100, whole.length - 8]) {
      writeFileSync(`${file}.columns`, whole.subarray(0, length));
      const r = await run(["report", file, "--json"], env);
      expect(r.code, `${length}: ${r.err}`).toBe(0);
      expect(r.out).toBe(want);
    }
  });

  it("is written by a command that saves a network, from the bytes it saved, so the next command reads it", async () => {
    const dir = tempDir();
    const file = join(dir, "gen.json");
    const env = { TIEGRAPH_COLUMNS: "always" };
    expect((await run(["generate", "--people", "60", "--exchanges", "500", "--seed", "4", "-o", file], env)).code).toBe(0);
    const sha = () => createHash("sha256").update(readFileSync(file)).digest("hex");
    const copy = () => decodeNetworkColumns(readFileSync(`${file}.columns`), sha());
    expect(copy()).toBeDefined();
    expect(serializeNetwork(copy()!)).toBe(readFileSync(file, "utf8"));
    // log changes the file: the copy beside it is of the new bytes, one exchange more
    const logged = await run(["log", file, "--with", "p2", "--kind", "favour", "--direction", "received", "--date", "2026-11-02", "--ego", "p1"], env);
    expect(logged.code, logged.err).toBe(0);
    expect(copy()!.exchangeCount).toBe(501);
    expect(serializeNetwork(copy()!)).toBe(readFileSync(file, "utf8"));
    const args = ["report", file, "--json", "--as-of", "2026-11-02"];
    expect((await run(args, env)).out).toBe((await run(args, { TIEGRAPH_COLUMNS: "off" })).out);
    // without the copy asked for, a small file gets none and an old one goes
    expect((await run(["log", file, "--with", "p3", "--kind", "favour", "--direction", "received", "--date", "2026-11-02", "--ego", "p1"], {})).code).toBe(0);
    expect(existsSync(`${file}.columns`)).toBe(false);
  });

  it("is named by the hash of the saved file when another thread computes it (a file of 16 MiB or more)", async () => {
    const dir = tempDir();
    const file = join(dir, "big.json");
    // no TIEGRAPH_COLUMNS: a file this large gets its copy by default, hashed on a thread as it is flushed
    const done = await run(["generate", "--people", "4000", "--exchanges", "130000", "--seed", "9", "-o", file], {});
    expect(done.code, done.err).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThanOrEqual(16 << 20);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const columns = readFileSync(`${file}.columns`);
    expect(columnsSource(columns)).toBe(sha);
    const copy = decodeNetworkColumns(columns, sha);
    expect(copy?.exchangeCount).toBe(130000);
    expect(serializeNetwork(copy!)).toBe(bytes.toString("utf8"));
  });

  it("is written by import from the bytes it saved (encoded while the file is flushed), and only when asked for", async () => {
    const dir = tempDir();
    const people = join(dir, "people.csv");
    const exchanges = join(dir, "exchanges.csv");
    writeFileSync(people, "id,name,organisation\nann,Ann,Acme\nbob,Bob,Beta\ncy,Cy,Acme\n");
    writeFileSync(exchanges, "date,from,to,kind,tags\n2026-01-02,ann,bob,favour,x\n2026-01-03,bob,cy,meeting,\n2026-01-04,cy,ann,information,x;y\n");
    const file = join(dir, "net.json");
    const args = ["import", "--people", people, "--exchanges", exchanges, "-o", file];
    // import starts from no file: the process's environment says whether to make the copy
    process.env.TIEGRAPH_COLUMNS = "always";
    const done = await run(args, {}).finally(() => delete process.env.TIEGRAPH_COLUMNS);
    expect(done.code, done.err).toBe(0);
    const sha = createHash("sha256").update(readFileSync(file)).digest("hex");
    const copy = decodeNetworkColumns(readFileSync(`${file}.columns`), sha);
    expect(copy?.exchangeCount).toBe(3);
    expect(copy?.personCount).toBe(3);
    expect(serializeNetwork(copy!)).toBe(readFileSync(file, "utf8"));
    // a small file without the copy asked for: none, and the old one goes
    expect((await run(args, {})).code).toBe(0);
    expect(existsSync(`${file}.columns`)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it("makes no copy of an encrypted file and deletes one left from before it was encrypted", async () => {
    const file = join(tempDir(), "net.json");
    copyFileSync(SAMPLE, file);
    const env = { TIEGRAPH_COLUMNS: "always", TIEGRAPH_PASSPHRASE: "correct horse battery staple" };
    await run(["report", file], env);
    const stale = readFileSync(`${file}.columns`);
    const enc = await run(["encrypt", file], env);
    expect(enc.code, enc.err).toBe(0);
    expect(existsSync(`${file}.columns`)).toBe(false);
    // a plain copy put back beside the encrypted file (say, from a backup) goes at the next read
    writeFileSync(`${file}.columns`, stale);
    const r = await run(["report", file, "--json"], env);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(`${file}.columns`)).toBe(false);
  });
});

describe("the columnar copy's stamp", () => {
  const TAKEN_BY_STAMP = "tiegraph: report: the columnar copy was taken by its stamp (the file has not changed since its hash last matched)\n";
  const TAKEN_BY_HASH = "tiegraph: report: the columnar copy was taken by the file's hash\n";
  const STAMPED = "tiegraph: report: the columnar copy was stamped: the next command takes it without hashing the file\n";
  const stampOf = (file: string) => columnsStamp(readFileSync(`${file}.columns`));
  /** A copy of the sample network, left unchanged for a moment, so that with no settling time asked for it counts as settled. */
  const settledSample = async (): Promise<string> => {
    const file = join(tempDir(), "net.json");
    copyFileSync(SAMPLE, file);
    await new Promise((resolve) => setTimeout(resolve, 30));
    return file;
  };
  const args = (file: string) => ["report", file, "--json"];

  it("is set once the file's hash matched on a file left unchanged long enough; the copy is then taken without hashing, and any change to the file is seen", async () => {
    const file = await settledSample();
    const env = { TIEGRAPH_COLUMNS: "always", TIEGRAPH_COLUMNS_SETTLED_MS: "0", TIEGRAPH_COLUMNS_TRACE: "1" };
    const want = (await run(args(file), { TIEGRAPH_COLUMNS: "off" })).out;
    // the first read parses the file and writes the copy, stamped: the device, inode, size and times of the file as it was read
    const first = await run(args(file), env);
    expect([first.code, first.err, first.out]).toEqual([0, "", want]);
    const st = statSync(file, { bigint: true });
    const stamp = stampOf(file)!.split(".");
    expect(stamp.slice(0, 6)).toEqual(["t1", ...[st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].map((x) => x.toString(36))]);
    expect(parseInt(stamp[6]!, 36)).toBeGreaterThan(Number(st.ctimeNs / 1_000_000n));
    const later = await run(args(file), env);
    expect([later.code, later.err, later.out]).toEqual([0, TAKEN_BY_STAMP, want]);
    // the same size, its modification time set back: the change time still moves, so the stamp no longer holds
    const text = readFileSync(file, "utf8");
    // the first exchange made with another person (p129 for p128)
    const changed = text.replace('"to": "p128"', '"to": "p129"');
    expect(changed.length).toBe(text.length);
    expect(changed).not.toBe(text);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, changed);
    utimesSync(file, atime, mtime);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const seen = await run(args(file), env);
    // the hash no longer matches: the file is parsed (no word of the copy) and the copy written again
    expect([seen.code, seen.err]).toEqual([0, ""]);
    expect(seen.out).toBe((await run(args(file), { TIEGRAPH_COLUMNS: "off" })).out);
    expect(seen.out).not.toBe(want);
    // that copy was stamped at once (no settling time asked for); a reader that asks for the default 3 s takes it by the hash
    const { TIEGRAPH_COLUMNS_SETTLED_MS: _none, ...patient } = env;
    expect((await run(args(file), patient)).err).toBe(TAKEN_BY_HASH);
    expect((await run(args(file), env)).err).toBe(TAKEN_BY_STAMP);
  });

  it("is not set on a file changed within the settling time, so the copy is taken by the file's hash", async () => {
    const file = await settledSample();
    // by default a file must have gone unchanged for 3 s
    const env = { TIEGRAPH_COLUMNS: "always", TIEGRAPH_COLUMNS_TRACE: "1" };
    const want = (await run(args(file), { TIEGRAPH_COLUMNS: "off" })).out;
    expect((await run(args(file), env)).err).toBe("");
    expect(stampOf(file)).toBe("");
    const again = await run(args(file), env);
    expect([again.code, again.err, again.out]).toEqual([0, TAKEN_BY_HASH, want]);
    expect(stampOf(file)).toBe("");
    // once settled, the read that checks the hash stamps the copy in place, and the next takes it by the stamp
    const settled = { ...env, TIEGRAPH_COLUMNS_SETTLED_MS: "0" };
    expect((await run(args(file), settled)).err).toBe(TAKEN_BY_HASH + STAMPED);
    expect(stampOf(file)).toMatch(/^t1\./);
    expect((await run(args(file), settled)).err).toBe(TAKEN_BY_STAMP);
  });

  it("holds for that file only: the file and its copy moved together are taken by the hash, then stamped again", async () => {
    const file = await settledSample();
    const env = { TIEGRAPH_COLUMNS: "always", TIEGRAPH_COLUMNS_SETTLED_MS: "0", TIEGRAPH_COLUMNS_TRACE: "1" };
    const want = (await run(args(file), env)).out;
    expect((await run(args(file), env)).err).toBe(TAKEN_BY_STAMP);
    // copied, the file is another inode with a new change time (its copy's stamp names the first)
    const other = join(tempDir(), "other.json");
    copyFileSync(file, other);
    copyFileSync(`${file}.columns`, `${other}.columns`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const moved = await run(args(other), env);
    expect([moved.code, moved.err, moved.out]).toEqual([0, TAKEN_BY_HASH + STAMPED, want.replaceAll(file, other)]);
    // renamed, it keeps its inode but its change time moves
    const renamed = join(tempDir(), "renamed.json");
    renameSync(other, renamed);
    renameSync(`${other}.columns`, `${renamed}.columns`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await run(args(renamed), env)).err).toBe(TAKEN_BY_HASH + STAMPED);
    // a stamp damaged (or forged to another file) is not taken either
    const copy = readFileSync(`${renamed}.columns`);
    copy.write("t1.0.0.0.0.0.zzzzzzzz".padEnd(96, " "), 22, "latin1");
    writeFileSync(`${renamed}.columns`, copy);
    expect((await run(args(renamed), env)).err).toBe(TAKEN_BY_HASH + STAMPED);
  });
});
