// Issue 16.5 (import side): a name holding terminal escapes retitled and cleared the terminal. Importers take
// C0/C1 controls, DEL and NUL out of names, organisations and roles, and say so; bidi overrides stay.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { importAffiliationsCsv, importCalendar, importLinkedInConnections, importPeopleCsv, importVCard, withoutControlCharacters } from "@tiegraph/io";

const EVIL = "Term\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED";
// ESC ] 0 ; PWNED BEL ESC [ 2 J ESC [ 3 1 m: three ESC and one BEL removed
const CLEAN = "Term]0;PWNED[2J[31mRED";
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe("control characters in imported names (issue 16.5)", () => {
  it("people CSV: the issue's name, an organisation with NUL and C1, a role with a tab", async () => {
    const r = await importPeopleCsv(`id,name,organisation,role\np1,${EVIL},Acme\x00\x9b Ltd,Head\tof sales\n`, { file: "people.csv" });
    expect(r.people[0]!.name).toBe(CLEAN);
    expect(r.organisations[0]!.name).toBe("Acme Ltd");
    expect(r.affiliations[0]!.role).toBe("Head of sales");
    expect(r.warnings.map((w) => [w.code, w.file, w.line, w.field, w.count])).toEqual([
      ["control-characters-removed", "people.csv", 2, "name", 4],
      ["control-characters-removed", "people.csv", 2, "organisation", 2],
      ["control-characters-removed", "people.csv", 2, "role", 1],
    ]);
    // each warning names its record (made only when a warning needs it)
    expect(r.warnings.map((w) => w.record)).toEqual(['person "p1"', 'person "p1"', 'person "p1"']);
  });

  it("people CSV: problems name the row by its id, or by its line when it has none", async () => {
    const r = await importPeopleCsv("id,name,cadenceDays\np1,Ann,x\n,Bob,\np3,,\n", { file: "people.csv" });
    expect(r.people).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.line, p.record])).toEqual([
      ["invalid-value", 2, 'person "p1"'],
      ["missing-field", 3, "row at line 3"],
      ["missing-field", 4, 'person "p3"'],
    ]);
  });

  it("a name of control characters only is a missing name", async () => {
    const r = await importPeopleCsv("id,name\np1,\x1b\x07\n");
    expect(r.people).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.line, p.problem])).toEqual([["missing-field", 2, "the name holds only control characters"]]);
  });

  it("LinkedIn, vCard and calendar names and organisations come out clean, with the line of each", async () => {
    const li = await importLinkedInConnections(`First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${EVIL},Lee,https://www.linkedin.com/in/x,,Glob\x1bex,,12 Mar 2024\n`);
    expect([li.people[0]!.name, li.organisations[0]!.name]).toEqual([`${CLEAN} Lee`, "Globex"]);
    expect(li.warnings.map((w) => [w.line, w.field])).toEqual([
      [2, "name"],
      [2, "organisation"],
    ]);
    const vcf = await importVCard(`BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${EVIL}\r\nORG:In\x1b[2Jitech\r\nEND:VCARD\r\n`);
    expect([vcf.people[0]!.name, vcf.organisations[0]!.name]).toEqual([CLEAN, "In[2Jitech"]);
    expect(vcf.warnings.map((w) => [w.line, w.field, w.count])).toEqual([
      [1, "name", 4],
      [1, "organisation", 1],
    ]);
    const ics = `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101T090000Z\r\nORGANIZER:mailto:me@example.com\r\nATTENDEE;CN="Ann\x1b[2J Lee":mailto:ann@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const cal = await importCalendar(ics, { ego: { id: "me", name: "Me", emails: ["me@example.com"] }, from: "2024-01-01", to: "2024-12-31" });
    expect(cal.people.map((p) => p.name)).toEqual(["Ann[2J Lee"]);
    expect(cal.warnings.map((w) => [w.code, w.line, w.field])).toEqual([["control-characters-removed", 2, "name"]]);
    const aff = await importAffiliationsCsv("person,organisation,organisationName,role\np1,acme,Ac\x85me,\x07CEO\n");
    expect([aff.organisations[0]!.name, aff.affiliations[0]!.role]).toEqual(["Acme", "CEO"]);
  });

  it("keeps bidirectional overrides and other text as it is", async () => {
    const r = await importPeopleCsv("id,name\np1,Ann \u202Eeel\u202C Zoë 李\n");
    expect(r.people[0]!.name).toBe("Ann \u202Eeel\u202C Zoë 李");
    expect(r.warnings).toEqual([]);
  });

  it("property: no control character survives, every other character does, in order", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const { text, removed } = withoutControlCharacters(s);
        expect(CONTROL.test(text)).toBe(false);
        const kept = [...s].filter((c) => !CONTROL.test(c) || c === "\t" || c === "\n" || c === "\r").map((c) => (CONTROL.test(c) ? " " : c));
        expect(removed).toBe([...s].filter((c) => CONTROL.test(c)).length);
        if (removed === 0) expect(text).toBe(s);
        else expect(text).toBe(kept.join("").replace(/ {2,}/g, " ").trim());
      }),
    );
  });
});
