import { describe, expect, it, vi } from "vitest";
import { open } from "node:fs/promises";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TiegraphError} from "@tiegraph/core";
import { generateNetwork, serializeNetwork, serializeNetworkBytes } from "@tiegraph/core";
import { loadNetworkFile, saveNetworkFileAtomic } from "@tiegraph/io/node";
import { packageBuilt } from "../../../test/built.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");

describe("saveNetworkFileAtomic", () => {
  it("saves, keeps the previous version as .bak, and loads plain or encrypted files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "network.json");
    const v1 = generateNetwork({ seed: 1, people: 20, exchanges: 100 });
    const v2 = generateNetwork({ seed: 2, people: 20, exchanges: 100 });
    await saveNetworkFileAtomic(path, v1);
    expect(existsSync(`${path}.bak`)).toBe(false);
    await saveNetworkFileAtomic(path, v2);
    expect((await loadNetworkFile(path)).toData()).toEqual(v2.toData());
    expect((await loadNetworkFile(`${path}.bak`)).toData()).toEqual(v1.toData());
    await saveNetworkFileAtomic(path, v1, { passphrase: "pw", encryption: { iterations: 100_000 } });
    expect(readFileSync(path, "utf8")).toContain("tiegraph-encrypted");
    expect((await loadNetworkFile(path, { passphrase: "pw" })).toData()).toEqual(v1.toData());
    const noPass = await loadNetworkFile(path).catch((e: unknown) => e);
    expect((noPass as TiegraphError).code).toBe("decrypt-failed");
    // no temporary file is left behind
    expect(readdirSync(dir).sort()).toEqual(["network.json", "network.json.bak"]);
  });

  it("lets a caller hear every byte written, in order (a network streamed in pieces, text, encrypted text)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "network.json");
    // 30,000 exchanges (about 5 MB) are written in several pieces of a few megabytes, each encoded once
    const net = generateNetwork({ seed: 3, people: 300, exchanges: 30_000 });
    for (const content of [net, "plain text é 🙂\n", undefined]) {
      const heard: Uint8Array[] = [];
      if (content === undefined) await saveNetworkFileAtomic(path, net, { passphrase: "pw", encryption: { iterations: 100_000 }, onWrite: (b) => heard.push(Uint8Array.from(b)) });
      else await saveNetworkFileAtomic(path, content, { onWrite: (b) => heard.push(Uint8Array.from(b)) });
      expect(Buffer.concat(heard).equals(readFileSync(path))).toBe(true);
      if (content === net) expect(heard.length).toBeGreaterThan(1);
    }
  });

  it("writes byte chunks as they are, mixed with text chunks (a high surrogate left before bytes is written as U+FFFD, as alone)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "mixed.txt");
    const enc = new TextEncoder();
    const chunks: (string | Uint8Array)[] = [];
    for (let i = 0; i < 2000; i++) chunks.push(i % 3 === 0 ? enc.encode(`bytes ${i} é\n`.repeat(1 + (i % 40))) : `text ${i} 🙂\n`.repeat(1 + (i % 40)));
    chunks.splice(1000, 0, new Uint8Array(5 << 20).fill(120)); // 5 MiB of "x": larger than a write on its own
    chunks.splice(10, 0, "\uD83D"); // a lone high surrogate just before a byte chunk
    chunks.splice(11, 0, enc.encode("after"));
    const heard: Uint8Array[] = [];
    await saveNetworkFileAtomic(path, chunks, { backup: false, onWrite: (b) => heard.push(Uint8Array.from(b)) });
    const expected = Buffer.concat(chunks.map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c))));
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(Buffer.concat(heard).equals(expected)).toBe(true);
    // the lone surrogate became EF BF BD right before "after"
    expect(expected.includes(Buffer.from([0xef, 0xbf, 0xbd, 0x61, 0x66, 0x74, 0x65, 0x72]))).toBe(true);
  });

  it("writes text chunks as the bytes of the joined text (pairs of surrogates cut between chunks, chunks larger than a write)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "text.txt");
    const emoji = "🙂"; // two UTF-16 units, four UTF-8 bytes
    const chunks: string[] = [];
    for (let i = 0; i < 3000; i++) chunks.push(`row ${i} é ${emoji}`.repeat(1 + (i % 50)));
    // cut the pair of each chunk ending in an emoji between this chunk and the next
    for (let i = 0; i + 1 < chunks.length; i += 7) if (chunks[i]!.endsWith(emoji)) [chunks[i], chunks[i + 1]] = [chunks[i]!.slice(0, -1), emoji.slice(-1) + chunks[i + 1]!];
    chunks.splice(1500, 0, "x".repeat(3 << 20)); // larger than a write on its own (3 MiB × at most 3 bytes)
    chunks.push("\uD800"); // a lone surrogate at the very end is written as U+FFFD, as in the joined text
    const heard: Uint8Array[] = [];
    await saveNetworkFileAtomic(path, chunks, { backup: false, onWrite: (b) => heard.push(Uint8Array.from(b)) });
    const expected = Buffer.from(chunks.join(""), "utf8");
    expect(readFileSync(path).equals(expected)).toBe(true);
    expect(Buffer.concat(heard).equals(expected)).toBe(true);
    expect(heard.length).toBeGreaterThan(2);
  });

  it("runs whileSyncing once every byte is heard, before the file takes its name, and waits for it; it is told the temporary file, whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "network.json");
    writeFileSync(path, "old");
    // about 5 MB: more than one write, so the last bytes come after others
    const net = generateNetwork({ seed: 5, people: 300, exchanges: 30_000 });
    const heard: Uint8Array[] = [];
    const events: string[] = [];
    let seen = { bytes: 0, file: "", temporaries: 0, written: Buffer.alloc(0), writtenPath: "" };
    await saveNetworkFileAtomic(path, serializeNetworkBytes(net), {
      onWrite: (b) => {
        heard.push(Uint8Array.from(b));
        events.push("write");
      },
      whileSyncing: async (written) => {
        events.push("sync");
        seen = { bytes: Buffer.concat(heard).length, file: readFileSync(path, "utf8"), temporaries: readdirSync(dir).filter((f) => f.endsWith(".tmp")).length, written: readFileSync(written.path), writtenPath: written.path };
        // asynchronous work is waited for
        await new Promise((r) => setTimeout(r, 20));
        events.push("synced");
      },
    });
    events.push("saved");
    const saved = readFileSync(path);
    expect(events.slice(-3)).toEqual(["sync", "synced", "saved"]);
    expect(events.filter((e) => e === "write").length).toBeGreaterThan(1);
    // every byte had been heard, the old file was still in place and the new one still temporary
    expect(seen.bytes).toBe(saved.length);
    expect(seen.file).toBe("old");
    expect(seen.temporaries).toBe(1);
    // the temporary file it was told of, in the same folder, held every byte the file now holds
    expect(dirname(seen.writtenPath)).toBe(dir);
    expect(basename(seen.writtenPath)).toMatch(/^\.network\.json\.[0-9a-f]{12}\.tmp$/);
    expect(seen.written.equals(saved)).toBe(true);
    expect(saved.equals(Buffer.from(serializeNetwork(net), "utf8"))).toBe(true);
    expect(readFileSync(`${path}.bak`, "utf8")).toBe("old");
  });

  it("fails the save when whileSyncing throws, as a failed write does: io-error, the old file kept, no temporary one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "network.json");
    writeFileSync(path, "old");
    const boom = new Error("encoding failed");
    const err = await saveNetworkFileAtomic(path, ["new ", "text"], { whileSyncing: () => Promise.reject(boom) }).catch((e: unknown) => e);
    expect((err as TiegraphError).code).toBe("io-error");
    expect((err as TiegraphError).message).toContain("encoding failed");
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["network.json"]);
  });

  it("writes the chunks of an async iterable in order, waiting for each; one that fails fails the save and keeps the old file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "ties.csv");
    writeFileSync(path, "old");
    const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    // a part written elsewhere comes after a wait, the text and bytes around it as they are made
    async function* parts(fail: boolean): AsyncGenerator<string | Uint8Array> {
      yield "a,b\r\n";
      await later(20);
      yield new TextEncoder().encode("1,2\r\n");
      if (fail) throw new Error("the other thread failed");
      await later(5);
      yield "3,4\r\n";
    }
    const err = await saveNetworkFileAtomic(path, parts(true), { backup: false }).catch((e: unknown) => e);
    expect((err as TiegraphError).code).toBe("io-error");
    expect((err as TiegraphError).message).toContain("the other thread failed");
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["ties.csv"]);
    await saveNetworkFileAtomic(path, parts(false), { backup: false });
    expect(readFileSync(path, "utf8")).toBe("a,b\r\n1,2\r\n3,4\r\n");
  });

  it("flushes a large file as it is written, then once more at the end; a failed flush fails the save and keeps the old file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "large.bin");
    writeFileSync(path, "old");
    // 40 MiB in 8 MiB chunks: past the 32 MiB after which a flush starts while the rest is written
    const big = new Uint8Array(8 << 20);
    function* chunks(): Generator<Uint8Array> {
      for (let c = 0; c < 5; c++) yield big.fill(0x61 + c);
    }
    const probe = await open(join(dir, "probe"), "w");
    const proto = Object.getPrototypeOf(probe) as { datasync(): Promise<void>; sync(): Promise<void> };
    await probe.close();
    const datasync = vi.spyOn(proto, "datasync");
    const sync = vi.spyOn(proto, "sync");
    try {
      await saveNetworkFileAtomic(path, chunks());
      expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(1);
      // the flush that makes the file durable still comes after them: the file's, then its folder's
      expect(sync).toHaveBeenCalledTimes(2);
      expect(Math.max(...datasync.mock.invocationCallOrder)).toBeLessThan(sync.mock.invocationCallOrder[0]!);
      const saved = readFileSync(path);
      expect(saved.length).toBe(40 << 20);
      for (let c = 0; c < 5; c++) expect(saved[c * (8 << 20)]).toBe(0x61 + c);
      expect(readFileSync(`${path}.bak`, "utf8")).toBe("old");
      // an early flush that fails: the save fails as a failed write does, nothing replaced, no temporary file left
      writeFileSync(path, "old");
      datasync.mockImplementation(() => Promise.reject(Object.assign(new Error("EIO: i/o error, fdatasync"), { code: "EIO" })));
      const err = await saveNetworkFileAtomic(path, chunks(), { backup: false }).catch((e: unknown) => e);
      expect((err as TiegraphError).code).toBe("io-error");
      expect((err as TiegraphError).message).toContain("EIO");
      expect(readFileSync(path, "utf8")).toBe("old");
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      // a small file starts no early flush
      datasync.mockClear();
      await saveNetworkFileAtomic(path, ["small"], { backup: false });
      expect(datasync).not.toHaveBeenCalled();
      expect(readFileSync(path, "utf8")).toBe("small");
    } finally {
      datasync.mockRestore();
      sync.mockRestore();
    }
  });

  it("writes a large chunk the caller reuses as it was when yielded (writes overlap only with bytes of its own)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "reused.bin");
    // one 5 MiB buffer (larger than a write) refilled for each chunk, with small text between
    const big = new Uint8Array(5 << 20);
    function* chunks(): Generator<string | Uint8Array> {
      for (const c of [0x61, 0x62, 0x63]) {
        yield `before ${String.fromCharCode(c)}\n`;
        big.fill(c);
        yield big;
      }
    }
    await saveNetworkFileAtomic(path, chunks(), { backup: false });
    const expected = Buffer.concat([0x61, 0x62, 0x63].flatMap((c) => [Buffer.from(`before ${String.fromCharCode(c)}\n`), Buffer.alloc(5 << 20, c)]));
    expect(readFileSync(path).equals(expected)).toBe(true);
  });

  it("reports a folder it cannot write to as io-error, leaving the old file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-save-"));
    const path = join(dir, "network.json");
    writeFileSync(path, "old");
    const err = await saveNetworkFileAtomic(join(dir, "missing", "x.json"), "new").catch((e: unknown) => e);
    expect((err as TiegraphError).code).toBe("io-error");
    expect(readFileSync(path, "utf8")).toBe("old");
  });

  it("a process killed in the middle of saving leaves the old or the new file whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-crash-"));
    const path = join(dir, "network.json");
    const size = 4_000_000;
    const versions = ["A", "B"].map((c) => `{"version":"${c}","body":"${c.repeat(size)}"}\n`);
    // the built package when it is up to date (it starts in a tenth of tsx's time), else the sources through tsx
    const childFlags = packageBuilt("io") ? [] : ["--conditions=source", "--import", "tsx"];
    let killedMidSave = 0;
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, [...childFlags, join(here, "atomic-save-child.mjs"), path, String(size)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
      // wait for a first complete save, then kill at a random moment of a later one
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 60));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      if (readdirSync(dir).some((f) => f.endsWith(".tmp"))) killedMidSave++;
      expect(versions).toContain(readFileSync(path, "utf8"));
      if (existsSync(`${path}.bak`)) expect(versions).toContain(readFileSync(`${path}.bak`, "utf8"));
    }
    // at least one kill landed while a temporary file was being written
    expect(killedMidSave).toBeGreaterThan(0);
  });
});
