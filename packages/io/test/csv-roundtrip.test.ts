// Issue 16.10: CSV export guards formulas (also after TAB or CR), never writes NUL, and export → import gives back the same text.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Network } from "@tiegraph/core";
import { exportExchangesCsv, exportPeopleCsv, guardFormula, importExchangesCsv, importPeopleCsv, unguardFormula, withoutControlCharacters } from "@tiegraph/io";
import { csvCell } from "../src/exporters/csv-text.js";

const FORMULA = /^[\t\r\n ]*[=+\-@]/;

describe("CSV formula guard and round trip (issue 16.10)", () => {
  it("guards formulas after TAB, CR, LF and spaces, and text that merely looks like a number", () => {
    expect(csvCell("\t=cmd|' /C calc'!A0")).toBe("'\t=cmd|' /C calc'!A0");
    // a CR makes the cell quoted as well
    expect(csvCell("\r+1")).toBe("\"'\r+1\"");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("Ann")).toBe("Ann");
    expect(csvCell("'x")).toBe("'x");
    expect(csvCell("''")).toBe("'''");
  });

  it("never writes NUL", () => {
    expect(csvCell("a\u0000b")).toBe("ab");
    const net = Network.from({ people: [{ id: "p", name: "P", notes: "x\u0000=y" }] });
    expect(exportPeopleCsv(net, { includeNotes: true })).not.toContain("\u0000");
  });

  it("property: the guard is undone exactly, and nothing guarded is formula-like", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (t) => {
        expect(unguardFormula(guardFormula(t))).toBe(t);
        expect(FORMULA.test(guardFormula(t))).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("the issue's cells come back as they were: leading spaces, CRLF inside a cell, a text -1, a tab formula", async () => {
    const texts = ["  leading spaces", "trailing  ", "two\r\nlines", "-1", "\t=1+1", "'=already", "\r@x", "a, \"quoted\" b"];
    const net = Network.from({ people: texts.map((t, i) => ({ id: `p${i}`, name: `P${i}`, notes: t, attributes: { label: t, n: -1 } })) });
    const back = await importPeopleCsv(exportPeopleCsv(net, { includeNotes: true }));
    expect(back.problems).toEqual([]);
    expect(back.people.map((p) => p.notes)).toEqual(texts);
    expect(back.people.map((p) => p.attributes)).toEqual(texts.map((t) => ({ label: t, n: -1 })));
  });

  it("property: people and exchanges exported then imported keep every text field", async () => {
    // Text that reads as a number or true/false is typed on import by design (attributes), so it is left out here.
    const text = fc.string({ unit: "binary", minLength: 1, maxLength: 16 }).filter((t) => !t.includes("\u0000") && !/^(true|false)$/.test(t) && String(Number(t)) !== t);
    // names lose control characters on import (issue 16.5), so none are generated here
    const name = text.filter((t) => t.trim() !== "" && withoutControlCharacters(t).removed === 0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ name, notes: text, label: text, note: text, format: text.filter((t) => t.length <= 40) }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const net = Network.from({
          people: [{ id: "me", name: "Me" }, ...rows.map((r, i) => ({ id: `p${i}`, name: r.name, notes: r.notes, attributes: { label: r.label } }))],
          exchanges: rows.map((r, i) => ({ date: "2024-01-01", kind: "favour" as const, from: "me", to: `p${i}`, note: r.note, format: r.format })),
        });
        const people = await importPeopleCsv(exportPeopleCsv(net, { includeNotes: true }));
        expect(people.problems).toEqual([]);
        expect(people.people.slice(1).map((p) => [p.name, p.notes, p.attributes?.label])).toEqual(rows.map((r) => [r.name, r.notes, r.label]));
        const exchanges = await importExchangesCsv(exportExchangesCsv(net, { includeNotes: true }));
        expect(exchanges.problems).toEqual([]);
        expect(exchanges.exchanges.map((e) => [e.note, e.format])).toEqual(rows.map((r) => [r.note, r.format]));
      }),
      { numRuns: 200 },
    );
  });
});
