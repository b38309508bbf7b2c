// The status line and the Reciprocity tab's totals and marks, on hand-worked figures.
import { describe, expect, it } from "vitest";
import type { RelationshipBalance } from "@tiegraph/core";
import { statusText } from "../src/status/status-text.js";
import { ledgerTotals, owesMark } from "../src/panels/reciprocity-panel.js";

describe("statusText", () => {
  it("says how many people and ties are shown of how many, and the day", () => {
    expect(statusText({ shownPeople: 12, people: 240, shownTies: 30, ties: 1180, asOf: "2026-09-30" })).toBe("12 of 240 people, 30 of 1,180 ties shown, as of 2026-09-30");
  });
  it("uses the singular for one, and leaves the day out without exchanges", () => {
    expect(statusText({ shownPeople: 1, people: 1, shownTies: 0, ties: 0, asOf: "" })).toBe("1 of 1 person, 0 of 0 ties shown");
    expect(statusText({ shownPeople: 2, people: 2, shownTies: 1, ties: 1, asOf: "2025-04-10" })).toBe("2 of 2 people, 1 of 1 tie shown, as of 2025-04-10");
  });
});

describe("Reciprocity totals and marks", () => {
  const row = (given: number, received: number) => ({ given, received, balance: given - received }) as RelationshipBalance;
  it("adds up what you gave and received over every relationship", () => {
    // gave 1.5 + 0 + 0.25 = 1.75; received 0.5 + 2 + 0.25 = 2.75; balance 1.75 − 2.75 = −1
    expect(ledgerTotals([row(1.5, 0.5), row(0, 2), row(0.25, 0.25)])).toEqual({ given: 1.75, received: 2.75, balance: -1 });
    expect(ledgerTotals([])).toEqual({ given: 0, received: 0, balance: 0 });
  });
  it("marks each row: negative balance you owe, positive they owe, under half a hundredth balanced", () => {
    expect(owesMark(-0.5)).toBe("you owe");
    expect(owesMark(0.5)).toBe("they owe");
    expect(owesMark(0)).toBe("balanced");
    expect(owesMark(0.004)).toBe("balanced");
    expect(owesMark(-0.004)).toBe("balanced");
    expect(owesMark(0.005)).toBe("they owe");
  });
});
