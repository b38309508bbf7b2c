import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { importVCard } from "@tiegraph/io";
import { fixture, fixtureText } from "./fixtures.js";

describe("importVCard", () => {
  it("reads vCard 3.0 and 4.0 cards: folded lines, escaped commas, several EMAILs, ORG and TITLE", async () => {
    const r = await importVCard(fixture("contacts.vcf"), { file: "contacts.vcf" });
    expect(r.problems).toEqual([]);
    expect(r.records).toBe(4);
    const [ann, bruno, chidi, yuki] = r.people;
    expect(ann).toEqual({
      id: "dr-ann-lee",
      name: "Dr. Ann Lee",
      emails: ["ann.lee@acme.example", "ann@home.example"],
      url: "https://www.linkedin.com/in/ann-lee-4b1a2c",
      tags: ["mentor", "research"],
      // the NOTE was folded over two lines and had an escaped comma and semicolon
      notes: "Met at the Lisbon summit, owes me an intro to the CFO. Interested in hiring a data lead; prefers mornings.",
    });
    expect(bruno!.emails).toEqual(["bruno.costa@example.org", "b.costa@globex.example", "bruno.c@example.net"]);
    // of two URLs the LinkedIn one is kept; the folded CATEGORIES line is joined
    expect(chidi!.url).toBe("https://www.linkedin.com/in/chidi-okafor-99");
    expect(chidi!.tags).toEqual(["engineering", "python", "recruiting-pipeline-2024-with-a-rather-long-name", "alumni"]);
    // a card with N but no FN is named from N (given family)
    expect(yuki!.name).toBe("Yuki Nakamura");
    expect(r.organisations).toEqual([
      { id: "acme-inc", name: "Acme, Inc." },
      { id: "globex", name: "Globex" },
      { id: "initech-ltd", name: "Initech, Ltd." },
      { id: "umbrella-health", name: "Umbrella Health" },
    ]);
    expect(r.affiliations).toEqual([
      { person: "dr-ann-lee", organisation: "acme-inc", role: "Head of Research, EMEA" },
      { person: "bruno-costa", organisation: "globex", role: "Director, Partnerships" },
      { person: "chidi-okafor", organisation: "initech-ltd", role: "Software Engineer" },
      { person: "yuki-nakamura", organisation: "umbrella-health" },
    ]);
    // the line of each BEGIN:VCARD
    expect(r.origins.people.map((o) => o.line)).toEqual([1, 18, 29, 42]);
  });

  it("leaves notes out when asked", async () => {
    const r = await importVCard(fixture("contacts.vcf"), { notes: false });
    expect(r.people.some((p) => p.notes !== undefined)).toBe(false);
  });

  it("skips unreadable and nameless cards, and an unclosed one, with their lines", async () => {
    const r = await importVCard(fixtureText("contacts-with-problems.vcf"), { file: "bad.vcf" });
    expect(r.people.map((p) => p.id)).toEqual(["dr-ann-lee", "chidi-okafor"]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ["parse-error", 18],
      ["missing-field", 22],
      ["parse-error", 39],
    ]);
    expect(r.problems[1]!.message).toBe("tiegraph/io/vcard: bad.vcf:22 vCard at line 22: card without a name, expected an FN or N line");
    await expect(importVCard(fixtureText("contacts-with-problems.vcf"), { strict: true })).rejects.toThrow(TiegraphError);
  });
});

describe("importVCard on quoted-printable values", () => {
  it("decodes ENCODING=QUOTED-PRINTABLE notes, names and organisations in their charset", async () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;=C3=89lodie;;;",
      "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Soci=C3=A9t=C3=A9 G=C3=A9n=C3=A9rale;Risk",
      "EMAIL;type=INTERNET;type=pref:elodie@example.fr",
      "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Likes caf=C3=A9=0D=0Aand tea =F0=9F=8D=B5",
      "X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:3.0",
      "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9 Dupr=E9",
      "NOTE:plain =41 stays",
      "END:VCARD",
      "",
    ].join("\r\n");
    const r = await importVCard(text, { file: "apple.vcf" });
    expect(r.problems).toEqual([]);
    expect(r.people.map((p) => [p.name, p.notes])).toEqual([
      ["Élodie Müller", "Likes café\nand tea 🍵"],
      ["René Dupré", "plain =41 stays"],
    ]);
    expect(r.organisations.map((o) => o.name)).toEqual(["Société Générale"]);
  });
});

describe("importVCard on a file of another kind", () => {
  it("throws invalid-format naming the file when there is no BEGIN:VCARD at all (a CSV or a calendar given as an address book)", async () => {
    const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAnn,Lee,,,Acme,,02 Dec 2025\r\n";
    const err = await importVCard(csv, { file: "Connections.csv" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TiegraphError);
    expect((err as TiegraphError).code).toBe("invalid-format");
    expect((err as TiegraphError).message).toContain("Connections.csv:1");
    expect((err as TiegraphError).message).toContain("BEGIN:VCARD");
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20250101T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    await expect(importVCard(ics, { file: "cal.ics" })).rejects.toMatchObject({ code: "invalid-format" });
    // a real address book with one broken card still reads
    const r = await importVCard("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\n", { file: "a.vcf" });
    expect(r.problems.map((p) => p.code)).toEqual(["parse-error"]);
  });
});
