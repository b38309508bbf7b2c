// A calendar opened on the page with a network file: ego is told apart among the attendees by the
// network's ego's addresses, not inferred (readNetwork as the worker runs it, on File objects).
import { describe, expect, it } from "vitest";
import { Network, serializeNetwork } from "@tiegraph/core";
import { readNetwork } from "../src/worker/read-network.js";

// one meeting Ann organised for Eve: Ann's address is in one event of one, no majority to infer it from
const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:d", "DTSTART:20250409T100000Z", "DTEND:20250409T110000Z", "ORGANIZER;CN=Ann:mailto:ann@example.com", "ATTENDEE;CN=Eve;PARTSTAT=ACCEPTED:mailto:eve@contoso.com", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
const base = (emails?: string[]): File => new File([serializeNetwork(Network.from({ people: [{ id: "ann", name: "Ann", ...(emails ? { emails } : {}) }], ego: "ann" }))], "net.json");

describe("readNetwork with a calendar", () => {
  it("opened with a network file whose ego has an address, takes ego's address from it", async () => {
    const read = await readNetwork({ kind: "files", files: [base(["ann@example.com"]), new File([ics], "cal.ics")] }, () => {});
    expect(read.network.ego).toBe("ann");
    expect(read.network.people().map((p) => p.id).sort()).toEqual(["ann", "eve"]);
    const e = read.network.exchangeAt(0);
    expect([read.network.exchangeCount, e.date, e.from, e.to, e.minutes]).toEqual([1, "2025-04-09", "ann", "eve", 60]);
    expect(read.imported.some((line) => line.includes("ego's address"))).toBe(false);
  });

  it("opened with a network file whose ego has no address, infers it as before and says how to give it", async () => {
    const read = await readNetwork({ kind: "files", files: [base(), new File([ics], "cal.ics")] }, () => {});
    expect(read.imported).toContain(
      "could not tell ego's address among the attendees; every attendee was counted (give ego's addresses: the CLI's --ego-email, the library's ego.emails; or import it into a network whose ego has them: the CLI's --into, the page's network file opened with it)",
    );
  });
});
