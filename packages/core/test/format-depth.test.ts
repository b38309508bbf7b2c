// Issue 16.9: 10,000 unclosed "[" in a network file overflowed the stack instead of giving a typed error.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TiegraphError, parseNetworkFile } from "@tiegraph/core";
import { firstSyntaxError } from "../src/format/locate.js";

function errorOf(f: () => unknown): TiegraphError {
  try {
    f();
  } catch (e) {
    if (e instanceof TiegraphError) return e;
    throw e;
  }
  throw new Error("expected a TiegraphError");
}

describe("deeply nested network files (issue 16.9)", () => {
  it("10,000 unclosed [ : a parse-error at the end of the text, line and column named", () => {
    const e = errorOf(() => parseNetworkFile("[".repeat(10_000), { file: "deep.json" }));
    expect([e.code, e.file, e.line, e.column]).toEqual(["parse-error", "deep.json", 1, 10_001]);
  });

  it("100,000 unclosed [ after a valid start, over several lines", () => {
    const text = '{\n  "format": "tiegraph",\n  "version": 1,\n  "people": ' + "[".repeat(100_000);
    const e = errorOf(() => parseNetworkFile(text, { file: "deep.json" }));
    expect([e.code, e.line, e.column]).toEqual(["parse-error", 4, 13 + 100_000]);
  });

  it("valid but 10,000 deep: the usual typed errors, with the value shown short", () => {
    const arrays = errorOf(() => parseNetworkFile("[".repeat(10_000) + "]".repeat(10_000)));
    expect([arrays.code, arrays.got]).toEqual(["invalid-format", "[…]"]);
    const attribute = `{"format":"tiegraph","version":1,"people":[{"id":"a","name":"A","attributes":{"k":${"[".repeat(10_000)}${"]".repeat(10_000)}}}]}`;
    const e = errorOf(() => parseNetworkFile(attribute, { file: "deep.json" }));
    expect([e.code, e.line, e.pointer]).toEqual(["invalid-field", 1, "/people/0/attributes/k"]);
  });

  it("property: firstSyntaxError is -1 exactly when JSON.parse accepts the text, and points inside it otherwise", () => {
    const nearJson = fc.oneof(
      fc.json(),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", "[", "]", "{", "}", ",", ":", '"', "\\", " ", "x", "-", "0", "1e", "nul")).map(([j, at, ins]) => {
        const k = at % (j.length + 1);
        return j.slice(0, k) + ins + j.slice(k);
      }),
      fc.tuple(fc.json(), fc.nat()).map(([j, at]) => j.slice(0, at % (j.length + 1))),
    );
    fc.assert(
      fc.property(nearJson, (text) => {
        let ok = true;
        try {
          JSON.parse(text);
        } catch {
          ok = false;
        }
        const at = firstSyntaxError(text);
        if (ok) expect(at).toBe(-1);
        else {
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
