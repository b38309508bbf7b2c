import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Readable } from "node:stream";
import { importCalendar, importExchangesCsv, importLinkedInConnections, importVCard, textChunks, type ReadProgress } from "@tiegraph/io";
import { fixture } from "./fixtures.js";

/** Cuts bytes at the given offsets, as a network or disk stream might. */
async function* pieces(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (c <= at || c >= bytes.length) continue;
    yield bytes.slice(at, c);
    at = c;
  }
  yield bytes.slice(at);
}

describe("streamed input", () => {
  it("gives the same import however the bytes are cut (CRLF pairs and UTF-8 characters split included)", async () => {
    const files = [
      ["Connections.csv", importLinkedInConnections],
      ["exchanges.csv", importExchangesCsv],
      ["contacts.vcf", importVCard],
      ["calendar.ics", (s: Parameters<typeof importCalendar>[0]) => importCalendar(s, { to: "2024-12-31" })],
    ] as const;
    for (const [name, reader] of files) {
      const bytes = fixture(name);
      const whole = await reader(bytes);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 40 }), async (cuts) => {
          const streamed = await reader(pieces(bytes, cuts));
          expect(streamed.people).toEqual(whole.people);
          expect(streamed.exchanges).toEqual(whole.exchanges);
          expect(streamed.origins).toEqual(whole.origins);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("normalises line breaks split across chunks", async () => {
    const out: string[] = [];
    for await (const c of textChunks(pieces(new TextEncoder().encode("\uFEFFa\r\nb\rc\r\n"), [2, 3, 5]))) out.push(c);
    expect(out.join("")).toBe("a\nb\nc\n");
  });

  it("streams 100,000 LinkedIn rows from a Node stream, reporting progress", async () => {
    const rows = 100_000;
    const lines = ["Notes:", '"Exported by LinkedIn"', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
    // row i connects on day (i mod 28) + 1: the last (99,999 = 28 × 3571 + 11) on 12 March
    for (let i = 0; i < rows; i++) lines.push(`Ann${i},Lee,https://www.linkedin.com/in/ann-lee-${i},,"Acme ${i % 500}, Inc.",Engineer,${(i % 28) + 1} Mar 2024`);
    const bytes = new TextEncoder().encode(lines.join("\r\n") + "\r\n");
    const progress: ReadProgress[] = [];
    const r = await importLinkedInConnections(Readable.from(pieces(bytes, Array.from({ length: 200 }, (_, k) => k * 65_536 + 13))), { onProgress: (p) => progress.push(p) });
    expect(r.people).toHaveLength(rows);
    expect(r.organisations).toHaveLength(500);
    expect(r.exchanges[rows - 1]).toEqual({ date: "2024-03-12", kind: "connection", from: "me", to: `ann-lee-${rows - 1}` });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)!.read).toBe(bytes.length);
    expect(progress.at(-1)!.records).toBe(rows + 3); // the preamble's two rows and the header are records too
    for (let k = 1; k < progress.length; k++) expect(progress[k]!.read).toBeGreaterThanOrEqual(progress[k - 1]!.read);
  });

  it("reads Blobs (browser Files) and reports their size", async () => {
    const progress: ReadProgress[] = [];
    const r = await importExchangesCsv(new Blob([fixture("exchanges.csv") as Uint8Array<ArrayBuffer>]), { onProgress: (p) => progress.push(p) });
    expect(r.exchanges).toHaveLength(7);
    expect(progress.at(-1)!.total).toBe(fixture("exchanges.csv").length);
  });
});
