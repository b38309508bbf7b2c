// What you could offer someone: their interests matched against the topics
// of your exchanges, never their own information back, never what you heard
// in confidence unless asked, and the prompt to ask when nothing matches.
import { describe, expect, it } from "vitest";
import { ASK_PROMPT, Network, formatOfferPrompt, TiegraphError, normaliseTopic, offerFor } from "@tiegraph/core";

const net = Network.from({
  ego: "me",
  people: [
    { id: "me", name: "Me" },
    { id: "ann", name: "Ann", interests: ["Cloud costs", "hiring", "pricing"] },
    { id: "bob", name: "Bob", interests: ["hiring"] },
    { id: "cy", name: "Cy" },
    { id: "dee", name: "Dee", interests: ["M&A"] },
  ],
  exchanges: [
    // I passed cloud-costs news to cy, and heard about hiring from bob
    { date: "2024-03-01", kind: "information", from: "me", to: "cy", tags: ["cloud_costs"] },
    { date: "2024-04-01", kind: "information", from: "bob", to: "me", tags: ["hiring"] },
    // pricing I only heard in confidence
    { date: "2024-05-01", kind: "information", from: "cy", to: "me", tags: ["pricing"], confidential: true },
    // M&A news arrives after the day asked about below
    { date: "2024-07-01", kind: "information", from: "cy", to: "me", tags: ["M&A"] },
    // a third party's exchange is not my information
    { date: "2024-04-02", kind: "information", from: "cy", to: "dee", tags: ["m&a"] },
  ],
});

describe("offerFor", () => {
  it("matches interests to topics I hold, in the person's order and spelling", () => {
    // "Cloud costs" = "cloud_costs" after normalising; hiring came from bob; pricing only in confidence
    expect(offerFor(net, "ann")).toEqual({ offer: ["Cloud costs", "hiring"] });
    expect(offerFor(net, "ann", { includeConfidential: true })).toEqual({ offer: ["Cloud costs", "hiring", "pricing"] });
  });

  it("never offers people their own information back", () => {
    expect(offerFor(net, "bob")).toEqual({ offer: [], prompt: { code: "no-match", interests: ["hiring"] } });
    expect(formatOfferPrompt(offerFor(net, "bob").prompt!)).toBe("They are after hiring; you hold nothing on it yet: ask who could help, or what else they need.");
  });

  it("prompts to ask when nothing is recorded", () => {
    expect(offerFor(net, "cy")).toEqual({ offer: [], prompt: ASK_PROMPT });
    expect(formatOfferPrompt(ASK_PROMPT)).toBe("Ask what they are after: nothing is recorded about what they need.");
  });

  it("counts only information held by the day", () => {
    expect(offerFor(net, "dee")).toEqual({ offer: ["M&A"] });
    expect(offerFor(net, "dee", { asOf: "2024-06-30" }).offer).toEqual([]);
    // from cy's side: cy passed m&a to dee and holds cloud costs (from me) and M&A
    expect(offerFor(net, "ann", { ego: "cy" })).toEqual({ offer: ["Cloud costs"] });
  });

  it("normalises topics: case, spaces, underscores and hyphens", () => {
    expect(normaliseTopic("  Data_Engineering ")).toBe("data-engineering");
    expect(normaliseTopic("data - engineering")).toBe("data-engineering");
    expect(normaliseTopic("Cloud costs")).toBe(normaliseTopic("cloud-costs"));
  });

  it("rejects bad input with a code", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(TiegraphError);
        return (e as TiegraphError).code;
      }
      throw new Error("expected a TiegraphError");
    };
    expect(code(() => offerFor(net, "zed"))).toBe("unknown-person");
    expect(code(() => offerFor(net, "ann", { asOf: "2024-02-30" }))).toBe("invalid-date");
    expect(code(() => offerFor(Network.from({ people: [{ id: "a", name: "A" }] }), "a"))).toBe("invalid-option");
  });
});
