// Souring rules on hand-worked relationships: each rule alone, thresholds, direction, confidential favours.
import { describe, expect, it } from "vitest";
import { Network, relationshipBalance, type Exchange } from "@tiegraph/core";

/** me and ann, 100-day half-life; every check is as of 2024-07-19, so the 180-day window opens on 2024-01-21. */
function net(exchanges: Exchange[]): Network {
  return Network.from({ settings: { halfLifeDays: 100 }, people: [{ id: "me", name: "me" }, { id: "ann", name: "ann" }], exchanges });
}
const AS_OF = { asOf: "2024-07-19" };
const info = (date: string, from: string, to: string): Exchange => ({ date, kind: "information", from, to });

describe("the streak rule", () => {
  // ann did a favour (3) on 05-01; then I gave four pieces of information (1 each):
  // window imbalance (4 − 3) / 7 = 0.14 stays under 0.6, the favour was returned on 06-01
  const n = net([{ date: "2024-05-01", kind: "favour", from: "ann", to: "me" }, ...["06-01", "06-08", "06-15", "06-22"].map((d) => info(`2024-${d}`, "me", "ann"))]);

  it("fires when the last 4 giving exchanges went one way: they owe", () => {
    expect(relationshipBalance(n, "me", "ann", AS_OF).souring).toEqual({
      direction: "they-owe",
      rules: ["streak"],
      reasons: [{ code: "streak", exchanges: 4, direction: "given" }],
    });
    expect(relationshipBalance(n, "ann", "me", AS_OF).souring).toEqual({
      direction: "you-owe",
      rules: ["streak"],
      reasons: [{ code: "streak", exchanges: 4, direction: "received" }],
    });
  });
  it("waits for the configured length", () => {
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, souring: { streakLength: 5 } }).souring).toBeUndefined();
  });
});

describe("the imbalance rule", () => {
  // ann did three favours (3 each) on 03-01, 04-01, 05-01; I gave one piece of information on 06-01.
  // Window: 4 giving exchanges, given 1, received 9: (1 − 9) / (1 + 9) = −0.8, beyond −0.6
  const n = net([...["03-01", "04-01", "05-01"].map((d): Exchange => ({ date: `2024-${d}`, kind: "favour", from: "ann", to: "me" })), info("2024-06-01", "me", "ann")]);

  it("fires beyond ±0.6 over the last 180 days with 3+ giving exchanges: you owe", () => {
    expect(relationshipBalance(n, "me", "ann", AS_OF).souring).toEqual({
      direction: "you-owe",
      rules: ["imbalance"],
      reasons: [{ code: "imbalance", windowDays: 180, given: 1, received: 9, imbalance: (1 - 9) / (1 + 9), threshold: 0.6 }],
    });
  });
  it("needs enough exchanges in the window, and looks only inside it", () => {
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, souring: { minWindowExchanges: 5 } }).souring).toBeUndefined();
    // a 100-day window opens on 2024-04-10: it holds the 05-01 favour and the 06-01 information only (2 < 3)
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, souring: { windowDays: 100 } }).souring).toBeUndefined();
    // with a threshold of 0.9, −0.8 is not enough
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, souring: { imbalanceThreshold: 0.9 } }).souring).toBeUndefined();
  });
  it("is off when the rule list leaves it out", () => {
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, souring: { rules: ["streak", "unreturned-favour"] } }).souring).toBeUndefined();
  });
});

describe("the unreturned-favour rule", () => {
  it("fires 90 days after a favour with nothing given back: you owe", () => {
    const n = net([info("2024-01-10", "me", "ann"), { date: "2024-04-20", kind: "favour", from: "ann", to: "me" }]);
    expect(relationshipBalance(n, "me", "ann", AS_OF).souring).toEqual({
      direction: "you-owe",
      rules: ["unreturned-favour"],
      // 2024-04-20 to 2024-07-19: 11 + 31 + 30 + 18 = 90 days
      reasons: [{ code: "unreturned-favour", kind: "favour", direction: "received", date: "2024-04-20", days: 90 }],
    });
  });
  it("does not fire at 89 days", () => {
    const n = net([{ date: "2024-04-21", kind: "favour", from: "ann", to: "me" }]);
    expect(relationshipBalance(n, "me", "ann", AS_OF).souring).toBeUndefined();
  });
  it("cites the first unreturned one, and covers introductions made by you: they owe", () => {
    const n = net([
      { date: "2024-02-01", kind: "introduction", from: "me", to: "ann" },
      { date: "2024-03-01", kind: "favour", from: "me", to: "ann" },
    ]);
    const s = relationshipBalance(n, "me", "ann", AS_OF).souring!;
    expect(s.direction).toBe("they-owe");
    // 2024-02-01 to 2024-07-19: 29 (leap February) + 31 + 30 + 31 + 30 + 18 = 169 days
    expect(s.reasons).toContainEqual({ code: "unreturned-favour", kind: "introduction", direction: "given", date: "2024-02-01", days: 169 });
  });
  it("is cleared by anything given back, even a coffee", () => {
    const n = net([{ date: "2024-01-02", kind: "favour", from: "ann", to: "me" }, { date: "2024-01-05", kind: "gesture", from: "me", to: "ann", format: "coffee" }]);
    expect(relationshipBalance(n, "me", "ann", AS_OF).souring).toBeUndefined();
  });
  it("never cites a confidential favour unless asked to reveal it", () => {
    const n = net([{ date: "2024-04-20", kind: "favour", from: "ann", to: "me", confidential: true, note: "kept quiet" }]);
    const hidden = relationshipBalance(n, "me", "ann", AS_OF);
    expect(hidden.souring).toBeUndefined();
    expect(hidden.received).toBeCloseTo(3 * 2 ** (-90 / 100), 12); // still counted in the balance
    const shown = relationshipBalance(n, "me", "ann", { ...AS_OF, revealConfidential: true });
    expect(shown.souring!.reasons).toEqual([{ code: "unreturned-favour", kind: "favour", direction: "received", date: "2024-04-20", days: 90 }]);
    expect(JSON.stringify(shown)).not.toContain("kept quiet");
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, excludeConfidential: true })).toMatchObject({ received: 0, exchanges: 0 });
  });
});

describe("conflicting rules", () => {
  // ann did three favours worth 6 on 02-01, 02-15, 03-01 (169, 155, 140 days before 07-19);
  // I gave four pieces of information on 07-01, 07-05, 07-10, 07-15 (18, 14, 9, 4 days before).
  // Window imbalance (4 − 18) / 22 = −0.64 says "you owe"; the streak of 4 says "they owe".
  const n = net([
    ...["02-01", "02-15", "03-01"].map((d): Exchange => ({ date: `2024-${d}`, kind: "favour", from: "ann", to: "me", value: 6 })),
    ...["07-01", "07-05", "07-10", "07-15"].map((d) => info(`2024-${d}`, "me", "ann")),
  ]);
  it("go to the sign of the decayed balance on a tie, keeping only the agreeing reasons", () => {
    const b = relationshipBalance(n, "me", "ann", AS_OF);
    const given = 2 ** -0.18 + 2 ** -0.14 + 2 ** -0.09 + 2 ** -0.04; // ≈ 3.70
    const received = 6 * (2 ** -1.69 + 2 ** -1.55 + 2 ** -1.4); // ≈ 6.17
    expect(b.given).toBeCloseTo(given, 12);
    expect(b.received).toBeCloseTo(received, 12);
    expect(b.souring).toMatchObject({ direction: "you-owe", rules: ["imbalance"] });
  });
  it("go to the majority otherwise", () => {
    // without the imbalance rule only the streak remains
    expect(relationshipBalance(n, "me", "ann", { ...AS_OF, souring: { rules: ["streak"] } }).souring).toMatchObject({ direction: "they-owe", rules: ["streak"] });
  });
});
