// The few checks that need a real `tiegraph` process (the built command when
// it is up to date, else node + tsx on bin.ts: run-cli.ts's tiegraphProcessArgs);
// every other CLI test runs the program in-process through `cli` (run-cli.ts).
// Here: bin.ts turns runCli's code into the process's exit status, reads a
// real (non-terminal) standard input, stops quietly when the reader of its
// output goes away, and a killed save leaves no half-written file.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { encodeNetworkColumns, generateNetwork, serializeNetwork } from "@tiegraph/core";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT, SAMPLE, TODAY, cli, tempDir, tiegraphProcess, tiegraphProcessArgs } from "./run-cli.js";


/** Writes a generated network of 5,000 people and 60,000 exchanges (seed `seed`) to `file`, with its columnar copy beside it. */
function writeNetworkWithCopy(file: string, seed: number): void {
  const network = generateNetwork({ seed, people: 5000, exchanges: 60000 });
  const text = serializeNetwork(network);
  writeFileSync(file, text);
  writeFileSync(`${file}.columns`, encodeNetworkColumns(network, createHash("sha256").update(text).digest("hex")));
}

describe("the tiegraph process", () => {
  it("exits with runCli's code: 0 ok, 1 bad input, 2 usage", () => {
    const ok = tiegraphProcess(["--version"]);
    expect(ok.status).toBe(0);
    const { version } = JSON.parse(readFileSync(join(ROOT, "packages", "cli", "package.json"), "utf8")) as { version: string };
    expect(ok.stdout.trim()).toBe(version);
    const bad = tiegraphProcess(["report", join(FIXTURES, "bad-json.json")]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("bad-json.json:9:75: not valid JSON");
    const usage = tiegraphProcess(["bogus"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("unknown command 'bogus'");
  });

  it("with a pipe on standard input and no TIEGRAPH_PASSPHRASE, encrypt refuses (exit 2) instead of waiting for a prompt", () => {
    const file = join(tempDir(), "net.json");
    copyFileSync(join(FIXTURES, "intro-small.json"), file);
    const r = tiegraphProcess(["encrypt", file], { input: "typed into a pipe\n" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("needs a passphrase: set TIEGRAPH_PASSPHRASE or run tiegraph in a terminal");
    expect(readFileSync(file, "utf8")).toBe(readFileSync(join(FIXTURES, "intro-small.json"), "utf8"));
  });

  it("stops quietly (exit 0, nothing on stderr) when the reader closes the pipe early, like `| head -1`", async () => {
    const child = spawn(process.execPath, [...tiegraphProcessArgs(), "export", SAMPLE, "--format", "csv", "--table", "exchanges"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    let firstChunk = "";
    child.stdout.once("data", (chunk: Buffer) => {
      firstChunk = chunk.toString("utf8");
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(firstChunk.length).toBeGreaterThan(0);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("killed while saving a large network, it leaves no half-written file: the save goes through a temporary file", async () => {
    const dir = tempDir();
    const out = join(dir, "big.json");
    const child = spawn(process.execPath, [...tiegraphProcessArgs(), "generate", "--people", "3000", "--exchanges", "60000", "--seed", "1", "-o", out], { cwd: ROOT, stdio: "ignore" });
    const exited = new Promise((done) => child.on("close", done));
    // kill it as soon as the first file shows up in the folder, i.e. while it is saving
    let first: string | undefined;
    while (first === undefined && child.exitCode === null) {
      first = readdirSync(dir)[0];
      if (first === undefined) await new Promise((done) => setTimeout(done, 5));
    }
    child.kill("SIGKILL");
    await exited;
    expect(first).toMatch(/^\.big\.json\.[0-9a-f]+\.tmp$/);
    if (existsSync(out)) expect(() => JSON.parse(readFileSync(out, "utf8")) as unknown).not.toThrow();
  });

  it("reading a columnar copy, builds the tie index on a worker thread meanwhile, takes it, and prints what it prints without the copy", async () => {
    const dir = tempDir();
    const file = join(dir, "net.json");
    copyFileSync(SAMPLE, file);
    const env = { TIEGRAPH_TODAY: TODAY, TIEGRAPH_COLUMNS: "always", TIEGRAPH_INDEX_AHEAD: "trace" };
    const runs: [string[], string][] = [
      // today's figures (the relationships), the last exchange's (the directed ties), an export's (the directed ties, confidential left out)
      [["intro", file, "--from", "p1", "--to", "p42", "--json"], "intro: the relationships tie index built ahead was taken"],
      [["report", file, "--json", "--as-of", "last"], "report: the directed tie index built ahead was taken\ntiegraph: report: constraint and effective size were computed ahead"],
      [["export", file, "--format", "csv"], "export: the directed tie index built ahead was taken"],
    ];
    // the first read writes the copy (nothing is built ahead: there was no copy to read)
    const first = tiegraphProcess(runs[0]![0], { env });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe("");
    expect(existsSync(`${file}.columns`)).toBe(true);
    for (const [args, trace] of runs) {
      const want = await cli(args, { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_COLUMNS: "off" } });
      expect(want.status).toBe(0);
      const got = tiegraphProcess(args, { env });
      expect(got.stderr).toBe(`tiegraph: ${trace}\n`);
      expect(got.status).toBe(0);
      expect(got.stdout).toBe(want.stdout);
      expect(got.stdout.length).toBeGreaterThan(1000);
    }
  });

  it("reading a columnar copy for report, samples betweenness on the worker thread's index too, takes it, and prints what it prints without the copy", async () => {
    const dir = tempDir();
    const file = join(dir, "net.json");
    // large enough for betweenness to be sampled: 2 · people · ties above 2·10⁸
    writeNetworkWithCopy(file, 11);
    const args = ["report", file, "--json"];
    const want = await cli(args, { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_COLUMNS: "off" } });
    expect(want.status).toBe(0);
    expect((JSON.parse(want.stdout) as { betweennessSampled: boolean }).betweennessSampled).toBe(true);
    const got = tiegraphProcess(args, { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_INDEX_AHEAD: "trace" } });
    expect(got.stderr).toBe("tiegraph: report: the directed tie index built ahead was taken\ntiegraph: report: constraint and effective size were computed ahead\ntiegraph: report: the betweenness sample taken ahead was taken\n");
    // the worker's constraint and effective size are the figures printed without it (above), and real ones
    const report = JSON.parse(got.stdout) as { constraint: Record<string, number | null>; effectiveSize: Record<string, number | null> };
    expect(Object.values(report.constraint).filter((v) => v !== null && v > 0).length).toBeGreaterThan(1000);
    expect(Object.values(report.effectiveSize).filter((v) => v !== null && v > 1).length).toBeGreaterThan(1000);
    expect(got.status).toBe(0);
    expect(got.stdout).toBe(want.stdout);
  });

  it("exporting the ties CSV to a file through a columnar copy, writes its second half on the worker thread and the same bytes as without the copy", async () => {
    const dir = tempDir();
    const file = join(dir, "net.json");
    // enough ties for the worker to write half (20,000 or more) and that half to take several chunks of a mebibyte
    writeNetworkWithCopy(file, 12);
    const want = await cli(["export", file, "--format", "csv", "-o", join(dir, "want.csv")], { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_COLUMNS: "off" } });
    expect(want.status).toBe(0);
    const got = tiegraphProcess(["export", file, "--format", "csv", "-o", join(dir, "got.csv")], { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_INDEX_AHEAD: "trace" } });
    const from = Number(/rows from (\d+) on were written on the worker thread/.exec(got.stderr)?.[1]);
    expect(got.stderr).toBe(`tiegraph: export: the directed tie index built ahead was taken\ntiegraph: export: the ties CSV's rows from ${from} on were written on the worker thread\n`);
    expect(got.status).toBe(0);
    const wanted = readFileSync(join(dir, "want.csv"), "utf8");
    // the worker wrote the rows from the middle on (a header line, then a line per tie, each ending in CRLF)
    const rows = wanted.split("\r\n").length - 2;
    expect(from).toBe(rows >> 1);
    expect(rows).toBeGreaterThanOrEqual(20_000);
    // and those rows are more than one chunk of a mebibyte: the worker's chunks are joined in order
    const lines = wanted.split("\r\n");
    expect(Buffer.byteLength(lines.slice(1 + from).join("\r\n"))).toBeGreaterThan(1 << 20);
    expect(readFileSync(join(dir, "got.csv"), "utf8")).toBe(wanted);
    // to standard output the ties are written here alone (nothing kept waiting on the worker)
    const out = tiegraphProcess(["export", file, "--format", "csv"], { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_INDEX_AHEAD: "trace" } });
    expect(out.stderr).toBe("tiegraph: export: the directed tie index built ahead was taken\n");
    expect(out.stdout).toBe(wanted);
  });

  it("exporting the ties graph's graphology JSON to a file through a columnar copy, writes its last edges on the worker thread and the same bytes as without the copy, compact and indented", async () => {
    const dir = tempDir();
    const file = join(dir, "net.json");
    // enough ties for the worker to write some (20,000 or more), in several chunks of a mebibyte
    writeNetworkWithCopy(file, 12);
    for (const pretty of [[], ["--pretty"]]) {
      const want = await cli(["export", file, "--format", "json", ...pretty, "-o", join(dir, "want.json")], { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_COLUMNS: "off" } });
      expect(want.status).toBe(0);
      const got = tiegraphProcess(["export", file, "--format", "json", ...pretty, "-o", join(dir, "got.json")], { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_INDEX_AHEAD: "trace" } });
      const from = Number(/edges from (\d+) on were written on the worker thread/.exec(got.stderr)?.[1]);
      expect(got.stderr).toBe(`tiegraph: export: the directed tie index built ahead was taken\ntiegraph: export: the JSON's edges from ${from} on were written on the worker thread\n`);
      expect(got.status).toBe(0);
      const wanted = readFileSync(join(dir, "want.json"), "utf8");
      const edges = (JSON.parse(wanted) as { edges: { key: string }[] }).edges;
      // the worker wrote the edges from 55 % of them on (t<from> is the first of its edges)
      expect(from).toBe(Math.floor((edges.length * 11) / 20));
      expect(edges.length).toBeGreaterThanOrEqual(20_000);
      expect(edges[from]!.key).toBe(`t${from}`);
      // its edges are more than one chunk of a mebibyte: the worker's chunks are joined in order
      expect(Buffer.byteLength(wanted) - Buffer.byteLength(wanted.slice(0, wanted.indexOf(`"t${from}"`)))).toBeGreaterThan(1 << 20);
      expect(readFileSync(join(dir, "got.json"), "utf8")).toBe(wanted);
    }
    // the relationships graph is written here alone (the worker keeps no tail for it)
    const rel = tiegraphProcess(["export", file, "--format", "json", "--graph", "relationships", "-o", join(dir, "rel.json")], { env: { TIEGRAPH_TODAY: TODAY, TIEGRAPH_INDEX_AHEAD: "trace" } });
    expect(rel.stderr).toBe("tiegraph: export: the relationships tie index built ahead was taken\n");
  });

  it("import reads its exchanges CSVs on a worker thread, and writes and prints what reading them here does, problems and --strict included", async () => {
    const dir = tempDir();
    // 3,000 rows: good ones, a bad date, an unknown kind, people nobody imported, a self-exchange
    const rows = ["date,from,to,kind,value,note"];
    for (let i = 0; i < 3000; i++) {
      const day = `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`;
      if (i % 500 === 7) rows.push(`2024-02-30,ann,bob,favour,,bad date`);
      else if (i % 700 === 3) rows.push(`${day},ann,bob,party,,`);
      else if (i % 900 === 5) rows.push(`${day},ann,ghost${i},favour,,`);
      else if (i % 1100 === 9) rows.push(`${day},cara,cara,favour,,`);
      else rows.push(`${day},${["ann", "bob", "cara", "dan", "me"][i % 5]},${["bob", "cara", "dan", "me", "ann"][i % 5]},${["favour", "information", "meeting"][i % 3]},,n${i}`);
    }
    const exchanges = join(dir, "ex.csv");
    writeFileSync(exchanges, rows.join("\n") + "\n");
    const sources = ["--people", join(FIXTURES, "people.csv"), "--exchanges", exchanges, "--exchanges", join(FIXTURES, "exchanges.csv"), "--linkedin", join(FIXTURES, "Connections.csv")];
    for (const extra of [[], ["--verbose"]]) {
      const here = join(dir, `here${extra.length}.json`);
      const there = join(dir, `there${extra.length}.json`);
      const want = await cli(["import", ...sources, ...extra, "-o", here]);
      expect(want.status).toBe(0);
      const got = tiegraphProcess(["import", ...sources, ...extra, "-o", there], { env: { TIEGRAPH_IMPORT_AHEAD: "trace" } });
      expect(got.stderr).toBe(`tiegraph: import: ${exchanges} was read on a worker thread\ntiegraph: import: ${join(FIXTURES, "exchanges.csv")} was read on a worker thread\n`);
      expect(got.status).toBe(0);
      expect(got.stdout.replaceAll(there, here)).toBe(want.stdout);
      expect(want.stdout).toContain("skipped records: ");
      expect(readFileSync(there, "utf8")).toBe(readFileSync(here, "utf8"));
    }
    // --strict: the worker stops at the bad row, the file is read here, and the error is the one reading it here gives
    const want = await cli(["import", ...sources, "--strict", "-o", join(dir, "strict-here.json")]);
    const got = tiegraphProcess(["import", ...sources, "--strict", "-o", join(dir, "strict-there.json")], { env: { TIEGRAPH_IMPORT_AHEAD: "trace" } });
    expect(want.status).toBe(1);
    expect(got.status).toBe(1);
    expect(got.stderr).toBe(`tiegraph: import: ${exchanges} was read on a worker thread: it could not be, so it is read here\n${want.stderr}`);
    expect(existsSync(join(dir, "strict-there.json"))).toBe(false);
  });

  it("import of one exchanges CSV writes its exchanges' text on the worker thread, and saves the same file with it; rows the merge refuses leave it unused", async () => {
    const dir = tempDir();
    // 3,000 good rows (notes quoted with a comma, tags, minutes, formats, an introduction), then a row naming someone nobody imported
    const rows = ["date,from,to,kind,value,minutes,format,introduced,tags,note"];
    const people = ["ann", "bob", "cara", "dan", "me"];
    for (let i = 0; i < 3000; i++) {
      const [from, to] = [people[i % 5]!, people[(i + 1 + (i % 3)) % 5]!];
      const intro = i % 97 === 0 ? people.find((p) => p !== from && p !== to)! : "";
      rows.push(`2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")},${from},${to},${intro ? "introduction" : ["favour", "information", "meeting"][i % 3]},${i % 7 === 0 ? i : ""},${i % 3 === 2 ? 30 : ""},${i % 3 === 2 ? "coffee" : ""},${intro},${i % 4 === 0 ? "cloud;hiring" : ""},${i % 11 === 0 ? `"met at the fair, then lunch ${i}"` : ""}`);
    }
    const good = join(dir, "ex.csv");
    writeFileSync(good, rows.join("\n") + "\n");
    const refused = join(dir, "ex-ghost.csv");
    writeFileSync(refused, [...rows, "2024-05-01,ann,ghost,favour,,,,,,"].join("\n") + "\n");
    for (const [exchanges, used] of [
      [good, "used"],
      [refused, "not used: the network's exchanges are not the rows it was written from"],
    ] as const) {
      const sources = ["--people", join(FIXTURES, "people.csv"), "--exchanges", exchanges];
      const here = join(dir, "here.json");
      const there = join(dir, "out", "there.json");
      mkdirSync(join(dir, "out"), { recursive: true });
      // in this process every file is read on the main thread, and the exchanges written from the network
      const want = await cli(["import", ...sources, "-o", here]);
      expect(want.status).toBe(0);
      const got = tiegraphProcess(["import", ...sources, "-o", there], { env: { TIEGRAPH_IMPORT_AHEAD: "trace", TIEGRAPH_COLUMNS: "always" } });
      expect(got.stderr).toBe(`tiegraph: import: ${exchanges} was read on a worker thread\ntiegraph: import: the exchanges' text written on the worker thread was ${used}\n`);
      expect(got.status).toBe(0);
      expect(got.stdout.replaceAll(there, here)).toBe(want.stdout);
      expect(readFileSync(there, "utf8")).toBe(readFileSync(here, "utf8"));
      expect((JSON.parse(readFileSync(there, "utf8")) as { exchanges: unknown[] }).exchanges.length).toBe(3000);
      // the file the text was written to is gone: only the network and its columnar copy are left
      expect(readdirSync(join(dir, "out")).sort()).toEqual(["there.json", "there.json.columns"]);
      rmSync(join(dir, "out"), { recursive: true });
    }
  });

  it("import of 10,000 people makes the file's text of everything but the exchanges while the worker reads them, and saves the same file with it", async () => {
    const dir = tempDir();
    const people = ["id,name,organisation,email,tags"];
    for (let i = 1; i <= 10000; i++) people.push(`p${i},Person ${i} Ñandú,Org ${i % 37},p${i}@example.org,${i % 5 === 0 ? "mentor" : ""}`);
    const exchanges = ["date,from,to,kind,tags"];
    for (let i = 0; i < 4000; i++) exchanges.push(`2025-0${1 + (i % 9)}-1${i % 10},p${1 + ((i * 7) % 10000)},p${1 + ((i * 13 + 1) % 10000)},${["favour", "information", "meeting"][i % 3]},${i % 4 === 0 ? "cloud" : ""}`);
    writeFileSync(join(dir, "people.csv"), people.join("\n") + "\n");
    writeFileSync(join(dir, "ex.csv"), exchanges.join("\n") + "\n");
    const sources = ["--people", join(dir, "people.csv"), "--exchanges", join(dir, "ex.csv")];
    const here = join(dir, "here.json");
    const there = join(dir, "out", "there.json");
    mkdirSync(join(dir, "out"), { recursive: true });
    // in this process the files are read on the main thread: nothing is made ahead
    // (import saves a new file: the process's environment says whether to make its copy)
    process.env.TIEGRAPH_COLUMNS = "always";
    const want = await cli(["import", ...sources, "-o", here]).finally(() => delete process.env.TIEGRAPH_COLUMNS);
    expect(want.status).toBe(0);
    // made whatever the worker's progress (by default, only while it has read less than 90% of the exchanges:
    // a worker this quick is done before the people are merged)
    const got = tiegraphProcess(["import", ...sources, "-o", there], { env: { TIEGRAPH_IMPORT_AHEAD: "trace", TIEGRAPH_COLUMNS: "always", TIEGRAPH_SAVE_AHEAD: "always" } });
    expect(got.status).toBe(0);
    expect(got.stderr).toContain("tiegraph: import: the text made while the exchanges were read was used for organisations, people, affiliations in the file, and for the people in the columnar copy\n");
    expect(got.stdout.replaceAll(there, here)).toBe(want.stdout);
    // the file and its columnar copy, byte for byte those made without anything ahead
    expect(readFileSync(there).equals(readFileSync(here))).toBe(true);
    expect(readFileSync(`${there}.columns`).equals(readFileSync(`${here}.columns`))).toBe(true);
    expect((JSON.parse(readFileSync(there, "utf8")) as { people: unknown[] }).people.length).toBe(10000);
    // never made: the same bytes, and no word of it
    const off = join(dir, "out", "off.json");
    const none = tiegraphProcess(["import", ...sources, "-o", off], { env: { TIEGRAPH_IMPORT_AHEAD: "trace", TIEGRAPH_COLUMNS: "always", TIEGRAPH_SAVE_AHEAD: "off" } });
    expect(none.status).toBe(0);
    expect(none.stderr).not.toContain("made while the exchanges were read");
    expect(none.stderr).not.toContain("was not made ahead");
    expect(readFileSync(off).equals(readFileSync(here))).toBe(true);
    expect(readFileSync(`${off}.columns`).equals(readFileSync(`${here}.columns`))).toBe(true);
  });
});
