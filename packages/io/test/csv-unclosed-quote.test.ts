// Issue 16.7: one stray quote swallowed every later row and the import still "succeeded".
import { describe, expect, it } from "vitest";
import { TiegraphError } from "@tiegraph/core";
import { MAX_QUOTED_CELL, importExchangesCsv, importLinkedInConnections, importPeopleCsv } from "@tiegraph/io";

async function errorOf(p: Promise<unknown>): Promise<TiegraphError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TiegraphError) return e;
    throw e;
  }
  throw new Error("expected a TiegraphError");
}

describe("an unclosed quote (issue 16.7)", () => {
  it("the issue's file: line 2 is p0,\"unclosed name — an error at line 2, column 2, naming the 3 rows swallowed", async () => {
    const csv = 'id,name\np0,"unclosed name\np1,Ann\np2,Bo\np3,Cy\n';
    for (const strict of [false, true]) {
      const e = await errorOf(importPeopleCsv(csv, { file: "people.csv", strict }));
      expect([e.code, e.file, e.line, e.column]).toEqual(["parse-error", "people.csv", 2, 2]);
      expect(e.problem).toBe("unclosed quote: the quoted cell opened here runs to the end of the file, swallowing 3 rows");
    }
  });

  it("counts the rows in a long file, streamed in chunks, and reports earlier bad rows first in strict mode", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `p${i},Person ${i}`);
    rows.splice(100, 0, 'bad,"never closed');
    rows.splice(50, 0, ",no id");
    const text = `id,name\n${rows.join("\n")}\n`;
    const chunks = (async function* () {
      for (let i = 0; i < text.length; i += 997) yield new TextEncoder().encode(text.slice(i, i + 997));
    })();
    const e = await errorOf(importPeopleCsv(chunks, { file: "big.csv" }));
    // header line 1, rows from line 2; ",no id" is row 51 (line 52), the quote row 102 (line 103), 4,900 rows after it
    expect([e.line, e.column, e.problem]).toEqual([103, 2, "unclosed quote: the quoted cell opened here runs to the end of the file, swallowing 4900 rows"]);
    const strict = await errorOf(importPeopleCsv(text, { strict: true }));
    expect([strict.code, strict.line]).toEqual(["missing-field", 52]);
  });

  it("a quote inside an unquoted cell is text, and a doubled quote inside a quoted cell does not close it", async () => {
    const r = await importPeopleCsv('id,name,notes\np1,Ann,"a 5"" screen, then\nlunch"\np2,Bo 5" tall,x\n');
    expect(r.problems).toEqual([]);
    expect(r.people.map((p) => [p.id, p.name, p.notes])).toEqual([
      ["p1", "Ann", 'a 5" screen, then\nlunch'],
      ["p2", 'Bo 5" tall', "x"],
    ]);
  });

  it("a quote left open on the last line spoils that row only: listed, the others kept", async () => {
    const r = await importExchangesCsv('date,from,to,kind,note\n2024-01-01,a,b,favour,ok\n2024-01-02,a,b,favour,"open\n', { file: "ex.csv" });
    expect(r.exchanges.map((e) => e.date)).toEqual(["2024-01-01"]);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([["parse-error", 3]]);
  });

  it("a quoted cell longer than the limit is taken for an unclosed quote, naming the limit", async () => {
    const text = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,"${"x\n".repeat(MAX_QUOTED_CELL / 2 + 10)}`;
    const e = await errorOf(importLinkedInConnections(text, { file: "Connections.csv" }));
    expect([e.code, e.line, e.column]).toEqual(["parse-error", 2, 2]);
    expect(e.problem).toMatch(new RegExp(`^unclosed quote: the quoted cell opened here runs past ${MAX_QUOTED_CELL} characters \\(line \\d+ so far\\), swallowing \\d+ rows$`));
  });
});
