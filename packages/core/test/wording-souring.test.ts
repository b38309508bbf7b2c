// Souring reasons in words: every reason code (and each kind and direction) worded by core's one
// formatter, figures rounded and counted by hand, and the words of a real relationship's reasons.
import { describe, expect, it } from "vitest";
import { MESSAGES, Network, formatSouringReason, formatSouringReasons, relationshipBalance, type Exchange, type SouringReason } from "@tiegraph/core";

describe("formatSouringReason", () => {
  it("words the imbalance rule with favour units to two decimals and a signed imbalance", () => {
    // given 1, received 9: (1 − 9) / (1 + 9) = −0.8
    expect(formatSouringReason({ code: "imbalance", windowDays: 180, given: 1, received: 9, imbalance: -0.8, threshold: 0.6 })).toBe(
      "over the last 180 days you gave 1 and received 9 (imbalance -0.8, limit ±0.6)",
    );
    // given 8, received 0: (8 − 0) / 8 = +1, shown with its plus sign
    expect(formatSouringReason({ code: "imbalance", windowDays: 180, given: 8, received: 0, imbalance: 1, threshold: 0.6 })).toBe(
      "over the last 180 days you gave 8 and received 0 (imbalance +1, limit ±0.6)",
    );
    // given 2.345 rounds to 2.35 (×100 = 234.5 → 235), received 0.5; (2.345 − 0.5) / 2.845 = 0.64850… → +0.65; a 1-day window
    const imbalance = (2.345 - 0.5) / (2.345 + 0.5);
    expect(formatSouringReason({ code: "imbalance", windowDays: 1, given: 2.345, received: 0.5, imbalance, threshold: 0.5 })).toBe(
      "over the last 1 day you gave 2.35 and received 0.5 (imbalance +0.65, limit ±0.5)",
    );
  });

  it("words the streak rule both ways", () => {
    expect(formatSouringReason({ code: "streak", exchanges: 4, direction: "given" })).toBe("the last 4 giving exchanges all went from you to them");
    expect(formatSouringReason({ code: "streak", exchanges: 7, direction: "received" })).toBe("the last 7 giving exchanges all went from them to you");
  });

  it("words an unreturned favour or introduction, either way, with the days counted", () => {
    const cases: [SouringReason, string][] = [
      [{ code: "unreturned-favour", kind: "favour", direction: "given", date: "2024-03-01", days: 140 }, "a favour you did for them on 2024-03-01 is unreturned after 140 days"],
      [{ code: "unreturned-favour", kind: "favour", direction: "received", date: "2024-04-20", days: 90 }, "a favour they did for you on 2024-04-20 is unreturned after 90 days"],
      [{ code: "unreturned-favour", kind: "introduction", direction: "given", date: "2024-02-01", days: 169 }, "an introduction you made for them on 2024-02-01 is unreturned after 169 days"],
      [{ code: "unreturned-favour", kind: "introduction", direction: "received", date: "2024-07-18", days: 1 }, "an introduction they made for you on 2024-07-18 is unreturned after 1 day"],
    ];
    for (const [reason, text] of cases) expect(formatSouringReason(reason)).toBe(text);
  });

  it("keeps every sentence in the message table", () => {
    const codes = Object.keys(MESSAGES).filter((k) => k.startsWith("souring."));
    expect(codes.sort()).toEqual([
      "souring.favour.given",
      "souring.favour.received",
      "souring.imbalance",
      "souring.introduction.given",
      "souring.introduction.received",
      "souring.streak.given",
      "souring.streak.received",
    ]);
  });
});

describe("formatSouringReasons", () => {
  it("joins the clauses with semicolons, in the order given", () => {
    const reasons: SouringReason[] = [
      { code: "imbalance", windowDays: 180, given: 4, received: 0, imbalance: 1, threshold: 0.6 },
      { code: "streak", exchanges: 4, direction: "given" },
    ];
    expect(formatSouringReasons(reasons)).toBe("over the last 180 days you gave 4 and received 0 (imbalance +1, limit ±0.6); the last 4 giving exchanges all went from you to them");
    expect(formatSouringReasons([])).toBe("");
  });

  it("words a relationship's reasons as core computes them", () => {
    // me gave ann four pieces of information (1 each) on 07-01, 07-05, 07-10, 07-15 and got nothing back:
    // the window holds 4 giving exchanges, imbalance (4 − 0) / 4 = +1; the streak is 4; as of 2024-07-19
    const info = (date: string): Exchange => ({ date, kind: "information", from: "me", to: "ann" });
    const n = Network.from({ people: [{ id: "me", name: "me" }, { id: "ann", name: "ann" }], exchanges: ["2024-07-01", "2024-07-05", "2024-07-10", "2024-07-15"].map(info) });
    const souring = relationshipBalance(n, "me", "ann", { asOf: "2024-07-19" }).souring!;
    expect(souring.direction).toBe("they-owe");
    expect(formatSouringReasons(souring.reasons)).toBe("over the last 180 days you gave 4 and received 0 (imbalance +1, limit ±0.6); the last 4 giving exchanges all went from you to them");
    // from ann's side the same figures read the other way round
    const theirs = relationshipBalance(n, "ann", "me", { asOf: "2024-07-19" }).souring!;
    expect(theirs.reasons.map(formatSouringReason)).toEqual(["over the last 180 days you gave 0 and received 4 (imbalance -1, limit ±0.6)", "the last 4 giving exchanges all went from them to you"]);
  });
});
