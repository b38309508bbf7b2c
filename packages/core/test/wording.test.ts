// Core's one formatter: display names that tell same-named people apart, plural-safe messages,
// every reason code worded, and the Introduce texts agreeing with one another (issue 12) on the sample.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  MESSAGES,
  Network,
  TiegraphError,
  createPathIndex,
  displayNames,
  formatChance,
  formatIntroduction,
  formatPathReason,
  formatPlanReason,
  formatReason,
  introductionPaths,
  message,
  parseNetworkFile,
  wordingNames,
  type PathReason,
  type PlanReason,
} from "@tiegraph/core";

const SAMPLE = join(import.meta.dirname, "..", "..", "..", "examples", "data", "sample-network.json");

describe("displayNames", () => {
  const net = Network.from({
    organisations: [{ id: "acme", name: "Acme" }, { id: "zeta", name: "Zeta" }],
    people: [
      { id: "a1", name: "Dmitri Kim" }, // at Acme, then Zeta: latest Zeta
      { id: "a2", name: "Dmitri Kim" }, // at Acme now
      { id: "b1", name: "Kemi Kim", emails: ["kemi@one.org"] }, // both at Acme: told apart by email
      { id: "b2", name: "Kemi Kim", emails: ["kemi@two.org"] },
      { id: "c1", name: "Sami Sato" }, // no organisation, no email: ids
      { id: "c2", name: "Sami Sato" },
      { id: "d1", name: "Uma Farouk" },
    ],
    affiliations: [
      { person: "a1", organisation: "acme", from: "2020-01-01", to: "2023-12-31" },
      { person: "a1", organisation: "zeta", from: "2024-01-01" },
      { person: "a2", organisation: "acme", from: "2021-01-01" },
      { person: "b1", organisation: "acme" },
      { person: "b2", organisation: "acme" },
    ],
  });
  const name = displayNames(net);

  it("adds the latest organisation, then the email, then the id, only to people who share a name", () => {
    expect(["a1", "a2", "b1", "b2", "c1", "c2", "d1"].map((id) => name(id))).toEqual([
      "Dmitri Kim (Zeta)",
      "Dmitri Kim (Acme)",
      "Kemi Kim (kemi@one.org)",
      "Kemi Kim (kemi@two.org)",
      "Sami Sato (c1)",
      "Sami Sato (c2)",
      "Uma Farouk",
    ]);
    // by index too, and an unknown id reads as itself
    expect(name(0)).toBe("Dmitri Kim (Zeta)");
    expect(name("nobody")).toBe("nobody");
  });

  it("tells the sample's two Dmitri Kims apart, and every same-named pair in it", () => {
    const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));
    const show = displayNames(sample);
    expect(show("p38")).toBe("Dmitri Kim (Aurora Legal)");
    expect(show("p115")).toBe("Dmitri Kim (Bright Media)");
    const labels = sample.people().map((_p, i) => show(i));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("messages", () => {
  it("count nouns in the right number: never '1 days'", () => {
    expect(message("hop.when", { date: "2026-09-29", days: 1 })).toBe("last contact 2026-09-29 (1 day ago)");
    expect(message("hop.when", { date: "2026-09-28", days: 2 })).toBe("last contact 2026-09-28 (2 days ago)");
    expect(message("limit.hops", { hops: 1 })).toBe(" within 1 hop");
    expect(message("limit.hops", { hops: 3 })).toBe(" within 3 hops");
  });

  it("refuses a missing value with a typed error instead of printing a placeholder", () => {
    expect(() => message("hop.when", { date: "2026-09-29" })).toThrow(TiegraphError);
  });

  it("every template's counted nouns are known", () => {
    for (const [code, text] of Object.entries(MESSAGES)) {
      for (const m of text.matchAll(/\{[^}#]+#([^}]+)\}/g)) expect([code, m[1]]).toEqual([code, expect.stringMatching(/^(day|hop|path|meeting|tie strength|more)$/)]);
    }
  });

  it("formats chances with three decimals, tiny ones with two significant digits", () => {
    expect([formatChance(0.4562), formatChance(0.0123), formatChance(0.00456)]).toEqual(["0.456", "0.012", "0.0046"]);
  });
});

describe("every reason code has words", () => {
  const names = { person: (id: string) => id.toUpperCase(), organisation: (id: string) => `Org ${id}`, you: "me" };
  it("path reasons", () => {
    const reasons: [PathReason, string][] = [
      [{ code: "most-reliable", rank: 1, chance: 0.5, maxHops: null }, "Ranked #1: the most reliable chain"],
      [{ code: "strongest-weakest", rank: 1, weakest: 0.6, maxHops: 1 }, "Ranked #1: its weakest tie (0.60) is the strongest weakest tie of any path within 1 hop"],
      [{ code: "first-after-asking", rank: 1, mode: "widest", score: 0.6 }, "Ranked #1 with the first hop weighed by whom you would ask (0.60)"],
      [{ code: "below", rank: 3, above: 2, mode: "widest", score: 0.3, aboveScore: 0.5 }, "Ranked #3: weakest tie 0.30, below #2's 0.50"],
      [{ code: "same-weakest", rank: 2, above: 1, weakest: 0.5, chance: 0.2, aboveChance: 0.25 }, "Ranked #2: same weakest tie as #1 (0.50), lower chance 0.200 against 0.250"],
      [{ code: "reordered", rank: 1, over: 2, mode: "widest", value: 0.4, overValue: 0.5, from: "ann", person: "bob", standing: "balanced", overPerson: "cy", overStanding: "souring" }, "#2 has a stronger weakest tie (0.50 against 0.40), but the tie with CY is souring; ANN and BOB are in balance"],
      [{ code: "ask", rank: 2, from: "me", person: "bob", standing: "owing", factor: 0.7 }, "the first hop counts ×0.70 because you owe BOB"],
      [{ code: "ask", rank: 2, from: "ann", person: "bob", standing: "owed", factor: 1 }, "BOB owes ANN, a good person to ask"],
    ];
    for (const [reason, words] of reasons) expect(formatPathReason(reason, names)).toBe(words);
  });

  it("plan reasons", () => {
    const cadence = { days: 1, source: "person" as const, tier: "close" as const };
    const reasons: [PlanReason, string][] = [
      [{ code: "owe", given: 0.04, received: 3, souring: true }, "You owe them: they gave you 3.0 and you gave 0.0 (recency-weighted; a tip is 1, a favour 3), and the relationship is souring: repay before you ask."],
      [{ code: "overdue", overdueDays: 1, cadence, lastTouch: "2026-01-01" }, "Overdue by 1 day (you want to see them every 1 day; last touch 2026-01-01)."],
      [{ code: "overdue", overdueDays: 9, cadence: { days: 30, source: "tag", tag: "mentor", tier: "wider" } }, "Overdue by 9 days (tagged mentor: every 30 days; last touch never)."],
      [{ code: "due", dueDate: "2026-01-02", overdueDays: 0, cadence, lastTouch: "2026-01-01" }, "Due 2026-01-02 (you want to see them every 1 day; last touch 2026-01-01)."],
      [{ code: "target", organisation: "acme", via: ["ann"], chance: 0.5, strength: 0.5 }, "Works at Org acme, the organisation you want to reach (tie strength 0.50)."],
      [{ code: "target", organisation: "acme", via: ["ann", "bob"], chance: 0.25, strength: 0.5 }, "Leads toward Org acme: can introduce you to BOB (you → ANN → BOB; the chain holds with chance 0.250)."],
    ];
    for (const [reason, words] of reasons) expect(formatPlanReason(reason, names)).toBe(words);
    // the one entry point words either kind
    for (const [reason, words] of reasons) expect(formatReason(reason, names)).toBe(words);
    expect(formatReason({ code: "below", rank: 2, above: 1, mode: "reliable", score: 0.42, aboveScore: 0.45 }, names)).toBe("Ranked #2: chance 0.420, below #1's 0.450");
  });
});

describe("the Introduce texts agree with one another (issue 12), on the sample", () => {
  const sample = parseNetworkFile(readFileSync(SAMPLE, "utf8"));
  const index = createPathIndex(sample);
  const names = wordingNames(sample);

  it("a reordered ranking says why, and #1 is not called the most reliable chain", () => {
    // to Victor Rossi (p9): through Dmitri Kim of Aurora Legal 0.233, directly through Paula Dubois 0.274,
    // whom you owe (×0.7 → 0.192): #1 is first only because of the weighing
    const a = introductionPaths(index, { to: { person: "p9" }, k: 3, reciprocityAware: true });
    const text = formatIntroduction(a, names);
    expect(a.paths[0]!.product).toBeLessThan(a.paths[1]!.product);
    expect(a.paths[1]!.score).toBeCloseTo(a.paths[1]!.product * 0.7, 12);
    expect(text.paths[0]!.at(-1)).toBe(
      `Ranked #1 with the first hop weighed by whom you would ask (${formatChance(a.paths[0]!.score)}); #2 is more reliable (chance ${formatChance(a.paths[1]!.product)} against ${formatChance(a.paths[0]!.product)}), but you owe Paula Dubois; Dmitri Kim (Aurora Legal) owes you.`,
    );
    expect(text.paths.flat().join("\n")).not.toContain("the most reliable chain");
  });

  it("the summary quotes #1's own figure, the numbering is never doubled, and no '1 days'", () => {
    for (const target of ["p9", "p34", "p20", "p115"]) {
      for (const reciprocityAware of [false, true]) {
        const a = introductionPaths(index, { to: { person: target }, k: 3, reciprocityAware });
        const text = formatIntroduction(a, names);
        const chance = formatChance(a.paths[0]!.product);
        expect(text.summary).toContain(`the best, #1, holds with chance ${chance}.`);
        expect(text.paths[0]![0]).toContain(`the chain holds with chance ${chance} `);
        text.paths.forEach((lines, i) => expect(lines[0]!.startsWith(`#${i + 1} You → `)).toBe(true));
        expect(text.paths.flat().join("\n")).not.toMatch(/\b1 days\b|\b1 hops\b/);
      }
    }
  });
});
