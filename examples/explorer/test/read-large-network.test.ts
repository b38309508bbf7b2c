// The page opens a plain network file from its bytes, as the CLI does: its
// exchanges straight into columns when it is written as tiegraph writes it,
// otherwise (or when told not to) the general way, which for a file too large
// for one JavaScript text (from 256 MiB on) is a slice of exchanges at a
// time; an encrypted one too large to decrypt as one text is refused before
// it is read. The thresholds are made small here so the sample network takes
// the large-file path.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNetworkFile, serializeNetwork } from "@tiegraph/core";
import { encryptNetworkFile } from "@tiegraph/io";
import { readNetwork } from "../src/worker/read-network.js";
import { EXPLORER_ROOT } from "./browser.js";

const sampleText = readFileSync(join(EXPLORER_ROOT, "..", "data", "sample-network.json"), "utf8");
const sample = parseNetworkFile(sampleText);

describe("readNetwork on large network files", () => {
  it("reads a plain file from its bytes, directly or a slice at a time, and gives the network the text gives, with progress up to its size", async () => {
    for (const direct of [true, false]) {
      // made of parts, so its stream comes in several chunks as a file on disk does
      const parts = Array.from({ length: Math.ceil(sampleText.length / 65_536) }, (_, i) => sampleText.slice(i * 65_536, (i + 1) * 65_536));
      const file = new File(parts, "big.json");
      const fractions: number[] = [];
      const read = await readNetwork({ kind: "files", files: [file] }, (stage, fraction) => stage === "reading" && fractions.push(fraction!), { slicedFrom: 1, direct });
      expect(serializeNetwork(read.network)).toBe(serializeNetwork(sample));
      expect(read.network.exchangeCount).toBe(sample.exchangeCount);
      // the bar only moves forward, and stays below 1 until parsing starts (the file comes in several chunks)
      expect(fractions.length).toBeGreaterThan(0);
      expect(fractions.every((f, i) => f > 0 && f < 1 && (i === 0 || f >= fractions[i - 1]!))).toBe(true);
    }
  });

  it("names the file, line and record of a bad exchange on the sliced path, as on the text path", async () => {
    // the 3rd exchange gets an impossible date; its line is where its "date" key is written
    const data = JSON.parse(sampleText) as { exchanges: { date: string }[] };
    data.exchanges[2]!.date = "2025-02-30";
    const text = JSON.stringify(data, null, 2);
    const line = text.slice(0, text.indexOf('"2025-02-30"')).split("\n").length;
    const sliced = readNetwork({ kind: "files", files: [new File([text], "bad.json")] }, () => {}, { slicedFrom: 1 });
    await expect(sliced).rejects.toMatchObject({ code: "invalid-date", file: "bad.json", line });
    const whole = readNetwork({ kind: "files", files: [new File([text], "bad.json")] }, () => {});
    await expect(whole).rejects.toMatchObject({ code: "invalid-date", file: "bad.json", line });
  });

  it("refuses an encrypted file too large to decrypt as one text, before reading it, naming its size", async () => {
    const encrypted = await encryptNetworkFile(sample, "correct horse", { iterations: 100_000 });
    const file = new File([encrypted], "locked.json");
    const read = readNetwork({ kind: "files", files: [file], passphrase: "correct horse" }, () => {}, { encryptedUpTo: file.size - 1 });
    await expect(read).rejects.toMatchObject({ code: "limit-exceeded", file: "locked.json", message: expect.stringContaining(`is ${file.size} bytes`) });
    // at its size it opens
    const opened = await readNetwork({ kind: "files", files: [file], passphrase: "correct horse" }, () => {}, { encryptedUpTo: file.size });
    expect(serializeNetwork(opened.network)).toBe(serializeNetwork(sample));
  });
});
