// `report --json` written in chunks (view/report-json.ts) is byte for byte the document
// JSON.stringify(data, null, 2) makes of the report with its tie list gathered: on the sample
// network, on a generated network with more ties than one chunk holds, on one without ties,
// and on people whose ids and names need escaping.
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Network, generateNetwork, parseNetworkFile } from "@tiegraph/core";
import { buildReport, tieRows, type ReportRequest } from "../src/commands/report.js";
import { reportJsonChunks, reportJsonParts, TieListAhead, type ReportJsonPart } from "../src/view/report-json.js";
import { safeTerminal, terminalText, writeRawBytes, type TextSink } from "../src/terminal.js";
import { SAMPLE } from "./run-cli.js";

const request = (asOf: string, brokerage: ReportRequest["brokerage"] = "sampled"): ReportRequest => ({ file: "net.json", includesConfidential: false, groupBy: "organisation", person: undefined, period: "quarter", asOf, brokerage });

/** The whole-document JSON (ties gathered) and the chunked one (ties from the index). */
function both(network: Network, asOf: string, brokerage?: ReportRequest["brokerage"]): { whole: string; chunks: string[] } {
  const whole = JSON.stringify(buildReport(network, request(asOf, brokerage)).data, null, 2);
  const { data } = buildReport(network, { ...request(asOf, brokerage), listTies: false });
  return { whole, chunks: [...reportJsonChunks(data, tieRows(network, asOf))] };
}

describe("report --json in chunks", () => {
  it("equals the whole document on the sample network", () => {
    const network = parseNetworkFile(readFileSync(SAMPLE, "utf8")).withoutConfidential();
    const { whole, chunks } = both(network, "2026-11-30");
    expect(chunks.join("")).toBe(whole);
    expect(JSON.parse(chunks.join("")).ties.length).toBeGreaterThan(0);
  });

  it("equals it when the ties take several chunks (512 ties each)", () => {
    const network = generateNetwork({ seed: 11, people: 3000, exchanges: 30000, ego: true });
    // betweenness off: the tie list is what this checks
    const { whole, chunks } = both(network, "2026-11-30", "off");
    const ties = (JSON.parse(whole) as { ties: unknown[] }).ties.length;
    expect(ties).toBeGreaterThan(2 * 512);
    expect(chunks.join("")).toBe(whole);
    // no chunk holds the whole tie list
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole.length / 2);
  });

  it("equals it without any tie, and with ids and names that need escaping", () => {
    const lonely = Network.from({ people: [{ id: "a", name: "A" }] });
    const one = both(lonely, "2026-11-30");
    expect(one.chunks.join("")).toBe(one.whole);
    expect(JSON.parse(one.whole).ties).toEqual([]);
    const odd = Network.from({
      people: [
        { id: 'q"uote', name: "Line\nbreak \u202e" },
        { id: "__proto__", name: "<b>bold</b>" },
        { id: "back\\slash", name: "Zoë" },
      ],
      exchanges: [
        { date: "2026-01-01", kind: "favour", from: 'q"uote', to: "__proto__" },
        { date: "2026-01-02", kind: "information", from: "back\\slash", to: 'q"uote' },
      ],
    });
    const r = both(odd, "2026-11-30");
    expect(r.chunks.join("")).toBe(r.whole);
    expect((JSON.parse(r.whole) as { ties: { a: string }[] }).ties.map((t) => t.a).sort()).toEqual(['q"uote', 'q"uote'].sort());
  });

  it("for a terminal, writes the tie list escaped once per id, saying the same JSON once shown", () => {
    const evil = "Term\x1b]0;PWNED\x07";
    const bidi = "Cy Cole\u202egpj.exe";
    const odd = Network.from({
      people: [
        { id: evil, name: "e" },
        { id: bidi, name: "b" },
        { id: "c1\u009b", name: "c" },
        { id: "plain", name: "p" },
      ],
      exchanges: [
        { date: "2026-01-01", kind: "favour", from: evil, to: bidi },
        { date: "2026-01-02", kind: "information", from: "c1\u009b", to: evil },
        { date: "2026-01-03", kind: "meeting", from: "plain", to: bidi },
      ],
    });
    const { data } = buildReport(odd, { ...request("2026-11-30"), listTies: false });
    const parts = [...reportJsonParts(data, tieRows(odd, "2026-11-30"), true)];
    const whole = JSON.stringify(buildReport(odd, request("2026-11-30")).data, null, 2);
    // the parts marked shown go out raw: nothing in them may need escaping
    const shown = parts.filter((p) => p.shown);
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) expect(terminalText(p.text)).toBe(p.text);
    expect(shown.map((p) => p.text).join("")).toContain("Term\\u001b]0;PWNED\\u0007");
    expect(shown.map((p) => p.text).join("")).toContain("Cy Cole\\u202egpj.exe");
    // shown as the terminal shows the rest, the whole is the escaped document, and parses to the same ties
    const onScreen = parts.map((p) => (p.shown ? p.text : terminalText(p.text))).join("");
    expect(onScreen).toBe(terminalText(whole));
    expect(JSON.parse(onScreen)).toEqual(JSON.parse(whole));
    // without the terminal, the parts are the chunks
    expect([...reportJsonParts(data, tieRows(odd, "2026-11-30"), false)].map((p) => p.text).join("")).toBe(whole);
  });

  it("with the tie list rendered ahead (all of it, part of it, none of it), says the same bytes: the held chunks first, then the rest", () => {
    const network = generateNetwork({ seed: 11, people: 3000, exchanges: 30000, ego: true });
    const { data } = buildReport(network, { ...request("2026-11-30", "off"), listTies: false });
    const rows = tieRows(network, "2026-11-30");
    const plain = [...reportJsonParts(data, rows, true)];
    const text = (parts: ReportJsonPart[]) => parts.map((p) => (p.bytes !== undefined ? new TextDecoder().decode(p.bytes) : p.text)).join("");
    // a chunk after every 512 ties, then the last with the list's end
    const chunks = Math.floor(rows.count / 512) + 1;
    expect(chunks).toBeGreaterThan(3);
    for (const steps of [0, 1, 3, chunks + 5]) {
      const ahead = new TieListAhead(rows, true);
      let taken = 0;
      while (taken < steps && ahead.step()) taken++;
      expect(taken).toBe(Math.min(steps, chunks));
      const parts = [...reportJsonParts(data, rows, true, ahead)];
      expect(parts.filter((p) => p.bytes !== undefined)).toHaveLength(taken);
      expect(parts.filter((p) => p.bytes !== undefined).every((p) => p.shown && p.text === "")).toBe(true);
      expect(text(parts)).toBe(text(plain));
    }
    // a list rendered for another report is refused
    expect(() => [...reportJsonParts(data, tieRows(network, "2026-11-30"), true, new TieListAhead(rows, true))]).toThrow(/not this report's/);
  });

  it("writes bytes raw to a stream, and as text to any other sink", () => {
    const bytes = new TextEncoder().encode("Zoë \x1b[2K");
    // a sink that is not a stream gets the text, raw (not escaped: writeRaw's contract)
    const seen: string[] = [];
    const sink: TextSink = { write: (t: string) => seen.push(t) };
    writeRawBytes(safeTerminal({ stdout: sink, stderr: sink, env: {} } as never).stdout, bytes);
    expect(seen).toEqual(["Zoë \x1b[2K"]);
    // a stream gets the bytes themselves
    const got: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        got.push(chunk);
        done();
      },
    });
    writeRawBytes(safeTerminal({ stdout: stream, stderr: stream, env: {} } as never).stdout, bytes);
    expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
  });
});
