// textLines joins a line cut over many chunks once, not once per chunk: a 20 MB
// single-line DESCRIPTION in a calendar took 14 s to read when every chunk
// copied and searched the whole unfinished line again (quadratic; now 1 s).
// No time is asserted: these check that the lines read are the same however
// the text is cut.
import { describe, expect, it } from "vitest";
import { textLines } from "../src/input/text-source.js";
import { importCalendar } from "@tiegraph/io";

async function* pieces<T>(parts: T[]): AsyncGenerator<T> {
  for (const p of parts) yield p;
}

async function lines(parts: string[]): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for await (const l of textLines(pieces(parts))) out.push(l);
  return out;
}

describe("textLines", () => {
  it("numbers lines cut anywhere between chunks, empty lines and a last line without a break included", async () => {
    expect(await lines(["a", "b\n", "\n", "c\nd", "", "e\n", "f"])).toEqual([
      ["ab", 1],
      ["", 2],
      ["c", 3],
      ["de", 4],
      ["f", 5],
    ]);
    expect(await lines(["x\n"])).toEqual([["x", 1]]);
    expect(await lines([])).toEqual([]);
  });

  it("reads a 50,000-character line arriving one character per chunk as one line", async () => {
    const long = "A".repeat(50_000);
    const parts = ["BEGIN\n", ...long, "\nEND\n"];
    const got = await lines(parts);
    expect(got.map(([l, n]) => [l.length, n])).toEqual([
      [5, 1],
      [50_000, 2],
      [3, 3],
    ]);
    expect(got[1]![0]).toBe(long);
  });

  it("imports a calendar whose DESCRIPTION is one 200,000-character line streamed in 64-byte chunks", async () => {
    const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:big", "DTSTART:20250101T100000Z", "DTEND:20250101T110000Z", "ORGANIZER:mailto:me@example.com", "ATTENDEE;CN=Xu Yi:mailto:xu@example.com", `DESCRIPTION:${"d".repeat(200_000)}`, "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
    const chunks: Uint8Array[] = [];
    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; i += 64) chunks.push(bytes.subarray(i, i + 64));
    const r = await importCalendar(pieces(chunks), { file: "big.ics", ego: { id: "me", name: "Me", emails: ["me@example.com"] }, to: "2025-12-31" });
    expect(r.problems).toEqual([]);
    expect(r.people.map((p) => p.name)).toEqual(["Xu Yi"]);
    expect(r.exchanges.map((e) => [e.date, e.to, e.minutes])).toEqual([["2025-01-01", "xu-yi", 60]]);
  });
});
