// The kind of a file comes from its content, not its name: each fixture the page opens, and the headers that tell CSVs apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileKind } from "../src/worker/file-kind.js";
import { EXPLORER_ROOT } from "./browser.js";

const data = (...p: string[]) => readFileSync(join(EXPLORER_ROOT, "..", "data", ...p), "utf8");

describe("fileKind", () => {
  it("names every fixture by its content", () => {
    expect(fileKind(data("fixtures-cli", "Connections.csv"))).toBe("linkedin");
    expect(fileKind(data("fixtures-cli", "people.csv"))).toBe("people-csv");
    expect(fileKind(data("fixtures-cli", "exchanges.csv"))).toBe("exchanges-csv");
    expect(fileKind(data("fixtures-cli", "exchanges-bad-date.csv"))).toBe("exchanges-csv");
    expect(fileKind(data("fixtures-cli", "affiliations.csv"))).toBe("affiliations-csv");
    expect(fileKind(data("fixtures-cli", "contacts.vcf"))).toBe("vcard");
    expect(fileKind(data("fixtures-cli", "calendar.ics"))).toBe("calendar");
    expect(fileKind(data("fixtures-cli", "intro-small.json"))).toBe("network");
    expect(fileKind(data("fixtures-cli", "bad-json.json"))).toBe("network");
    expect(fileKind(data("fixtures-page", "encrypted.json"))).toBe("encrypted-network");
    expect(fileKind(data("fixtures-page", "big-meeting.ics"))).toBe("calendar");
    expect(fileKind(data("sample-network.json"))).toBe("network");
  });

  it("reads LinkedIn's header after its free-text preamble, quoted or not, with a byte order mark", () => {
    expect(fileKind('\uFEFFNotes:\n"Some text, with a comma"\n\n"First Name","Last Name","URL"\nAnn,Lee,\n')).toBe("linkedin");
  });

  it("tells tiegraph's CSVs apart by their columns, in any order and case", () => {
    expect(fileKind("Name,ID,organisation\np1,Ann,Acme\n")).toBe("people-csv");
    expect(fileKind("kind,to,from,DATE\nfavour,me,ann,2024-01-01\n")).toBe("exchanges-csv");
    expect(fileKind("organisation,person,from\nacme,ann,2020-01-01\n")).toBe("affiliations-csv");
  });

  it("knows vCard 3 and 4, GEXF and GraphML, and an encrypted file whose format comes first", () => {
    expect(fileKind("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n")).toBe("vcard");
    expect(fileKind("begin:vcard\nversion:4.0\n")).toBe("vcard");
    expect(fileKind('<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">')).toBe("gexf");
    expect(fileKind('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">')).toBe("graphml");
    expect(fileKind('{"format":"tiegraph-encrypted","version":1}')).toBe("encrypted-network");
  });

  it("a format value deep inside a plain network does not make it look encrypted", () => {
    const plain = `{"format":"tiegraph","version":1,"people":[${'{"id":"p","name":"x"},'.repeat(20)}{"id":"q","name":"tiegraph-encrypted","format":"tiegraph-encrypted"}]}`;
    expect(fileKind(plain)).toBe("network");
  });

  it("refuses what it does not know", () => {
    expect(fileKind("")).toBeUndefined();
    expect(fileKind("just some text\nwith lines\n")).toBeUndefined();
    expect(fileKind("a,b,c\n1,2,3\n")).toBeUndefined();
    expect(fileKind("<html><body>hi</body></html>")).toBeUndefined();
  });
});
