// Issue 16.1: `TIEGRAPH_PASSPHRASE=… tiegraph import --people new.csv --into
// enc.json -o enc.json` wrote enc.json as plain JSON. Every command that
// writes a network read from an encrypted file writes it encrypted with the
// same passphrase unless --plain is given, and says which.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseNetworkFile, type Network } from "@tiegraph/core";
import { decryptText, encryptText } from "@tiegraph/io";
import { runCli } from "../src/program.js";
import { fakeTerminal } from "./fake-terminal.js";
import { FIXTURES, tempDir } from "./run-cli.js";

const PASS = "correct horse battery staple";
const ENV = { TIEGRAPH_PASSPHRASE: PASS };
// the smallest key-derivation cost a file may ask for keeps the suite quick; re-sealing keeps it
const ITERATIONS = 100_000;
const SOURCE = join(FIXTURES, "intro-small.json");

/** Runs tiegraph in-process and returns its exit code and what it printed. */
async function run(args: string[], env: Record<string, string> = ENV): Promise<{ status: number; stdout: string; stderr: string }> {
  const t = fakeTerminal([], env);
  const status = await runCli(args, t.terminal);
  return { status, stdout: t.output(), stderr: t.shown() };
}

/** The envelope's format, and the network inside (decrypted when sealed). */
async function opened(text: string): Promise<{ format: string; iterations?: number; network: Network }> {
  const doc = JSON.parse(text) as { format: string; kdf?: { iterations: number } };
  if (doc.format !== "tiegraph-encrypted") return { format: doc.format, network: parseNetworkFile(text) };
  return { format: doc.format, iterations: doc.kdf!.iterations, network: parseNetworkFile(await decryptText(text, PASS)) };
}

let sealedSource: string;
beforeAll(async () => {
  // one confidential exchange, so the test also sees it survive inside the envelope
  const doc = JSON.parse(readFileSync(SOURCE, "utf8")) as { exchanges: { confidential?: boolean; note?: string }[] };
  doc.exchanges[0]!.confidential = true;
  doc.exchanges[0]!.note = "said in confidence";
  sealedSource = await encryptText(JSON.stringify(doc), PASS, { iterations: ITERATIONS });
});

function workspace(): { dir: string; enc: string; people: string } {
  const dir = tempDir();
  const enc = join(dir, "enc.json");
  writeFileSync(enc, sealedSource);
  const people = join(dir, "new.csv");
  writeFileSync(people, "id,name\nnew1,Nova Person\n");
  return { dir, enc, people };
}

interface Row {
  name: string;
  /** The arguments, given the workspace; the network output is `out`. */
  args: (w: ReturnType<typeof workspace>) => { args: string[]; out: string | "stdout" };
  /** What the written network must contain besides the source's records. */
  check: (n: Network) => void;
  /** The command takes --plain (log and person edit a file in place and do not). */
  plain: boolean;
}

// every command that writes a network read from a file
const ROWS: Row[] = [
  {
    name: "import --into enc.json -o enc.json (in place)",
    args: (w) => ({ args: ["import", "--people", w.people, "--into", w.enc, "-o", w.enc], out: w.enc }),
    check: (n) => {
      expect(n.person("new1").name).toBe("Nova Person");
      expect(n.exchangeAt(0).note).toBe("said in confidence"); // a private file keeps everything
    },
    plain: true,
  },
  {
    name: "import --into enc.json -o other.json",
    args: (w) => ({ args: ["import", "--people", w.people, "--into", w.enc, "-o", join(w.dir, "other.json")], out: join(w.dir, "other.json") }),
    check: (n) => expect(n.hasPerson("new1")).toBe(true),
    plain: true,
  },
  {
    name: "export --format tiegraph -o copy.json",
    args: (w) => ({ args: ["export", w.enc, "--format", "tiegraph", "-o", join(w.dir, "copy.json")], out: join(w.dir, "copy.json") }),
    check: (n) => expect(n.exchangeAt(0).confidential).not.toBe(true), // the shared copy is redacted, and sealed
    plain: true,
  },
  {
    name: "export --format tiegraph to standard output",
    args: (w) => ({ args: ["export", w.enc, "--format", "tiegraph"], out: "stdout" }),
    check: (n) => expect(n.personCount).toBeGreaterThan(0),
    plain: true,
  },
  {
    name: "ask (in place)",
    args: (w) => ({ args: ["ask", w.enc, "--to", "t", "--via", "a", "--why", "advice", "--date", "2026-03-02"], out: w.enc }),
    check: (n) => expect(n.findRequest("r1")).toMatchObject({ to: "t", via: "a" }),
    plain: true,
  },
  {
    name: "log (in place)",
    args: (w) => ({ args: ["log", w.enc, "--with", "a", "--kind", "gesture", "--direction", "gave", "--date", "2026-11-04"], out: w.enc }),
    check: (n) => expect(n.toData().exchanges!.at(-1)).toMatchObject({ date: "2026-11-04", kind: "gesture", from: "me", to: "a" }),
    plain: false,
  },
  {
    name: "person --add (in place)",
    args: (w) => ({ args: ["person", w.enc, "--add", "cy2", "--name", "Nova Person"], out: w.enc }),
    check: (n) => expect(n.person("cy2").name).toBe("Nova Person"),
    plain: false,
  },
];

describe("a network read encrypted is written encrypted (16.1)", () => {
  for (const row of ROWS) {
    it(`${row.name}: sealed with the same passphrase and cost, and says so`, async () => {
      const w = workspace();
      const { args, out } = row.args(w);
      const r = await run(args);
      expect(r.stderr).toContain("written encrypted with the passphrase of");
      expect(r.status).toBe(0);
      const written = await opened(out === "stdout" ? r.stdout : readFileSync(out, "utf8"));
      expect(written.format).toBe("tiegraph-encrypted");
      expect(written.iterations).toBe(ITERATIONS);
      row.check(written.network);
      if (out !== "stdout") expect(readFileSync(out, "utf8")).not.toContain("Nova Person");
    });

    if (row.plain) {
      it(`${row.name} --plain: plain JSON, with a warning`, async () => {
        const w = workspace();
        const { args, out } = row.args(w);
        const r = await run([...args, "--plain"]);
        expect(r.status).toBe(0);
        expect(r.stderr).toMatch(/warning: .* is written DECRYPTED \(--plain\)/);
        const written = await opened(out === "stdout" ? r.stdout : readFileSync(out, "utf8"));
        expect(written.format).toBe("tiegraph");
        row.check(written.network);
      });
    }
  }

  it("the backup of an in-place update is the previous encrypted file", async () => {
    const w = workspace();
    expect((await run(["import", "--people", w.people, "--into", w.enc, "-o", w.enc])).status).toBe(0);
    expect(readFileSync(`${w.enc}.bak`, "utf8")).toBe(sealedSource);
  });

  it("a network from plain files does not replace an encrypted file unless --plain", async () => {
    const w = workspace();
    const r = await run(["import", "--people", w.people, "-o", w.enc]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${w.enc}: is an encrypted network file`);
    expect(r.stderr).toContain("--plain to replace it");
    expect(readFileSync(w.enc, "utf8")).toBe(sealedSource); // untouched
    expect(existsSync(`${w.enc}.bak`)).toBe(false);
    const plain = await run(["import", "--people", w.people, "-o", w.enc, "--plain"]);
    expect(plain.status).toBe(0);
    expect((await opened(readFileSync(w.enc, "utf8"))).format).toBe("tiegraph");
    expect(readFileSync(`${w.enc}.bak`, "utf8")).toBe(sealedSource);
  });

  it("plain inputs are written plain, with no notice", async () => {
    const w = workspace();
    const plainIn = join(w.dir, "plain.json");
    copyFileSync(SOURCE, plainIn);
    const r = await run(["import", "--people", w.people, "--into", plainIn, "-o", plainIn], {});
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain("encrypted");
    expect((await opened(readFileSync(plainIn, "utf8"))).format).toBe("tiegraph");
  });
});
