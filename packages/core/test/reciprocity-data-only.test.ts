// Core answers in data: the reciprocity results (balances, ledgers, souring reasons) hold codes,
// numbers, ids and dates only, never a sentence; the words come from the wording module.
import { describe, expect, it } from "vitest";
import { generateNetwork, pairBalances, reciprocityLedger, relationshipBalance, type Network } from "@tiegraph/core";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z]+(?:-[a-z]+)*$/;

/** Every string anywhere in a value, with where it was found. */
function strings(value: unknown, at = "", out: [string, string][] = []): [string, string][] {
  if (typeof value === "string") out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}/${i}`, out));
  else if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) for (const [k, v] of Object.entries(value)) strings(v, `${at}/${k}`, out);
  return out;
}

/** The strings that are neither a person id of the network, a date, nor a kebab-case code. */
function words(network: Network, value: unknown): [string, string][] {
  return strings(value).filter(([, s]) => !(network.hasPerson(s) || DATE.test(s) || CODE.test(s)));
}

describe("reciprocity results", () => {
  // a seeded network with souring relationships of every rule; confidential exchanges revealed so every reason can appear
  const network = generateNetwork({ seed: 2026, people: 300, exchanges: 6000 });
  const options = { revealConfidential: true } as const; // as of the last exchange

  it("hold no sentences: the ledger and every souring reason are codes, numbers, ids and dates", () => {
    const ledger = reciprocityLedger(network, options);
    // the check must see souring reasons of every code, or it proves nothing about them
    const codes = new Set(ledger.souring.flatMap((e) => e.souring!.reasons.map((r) => r.code)));
    expect([...codes].sort()).toEqual(["imbalance", "streak", "unreturned-favour"]);
    expect(words(network, ledger)).toEqual([]);
  });

  it("hold no sentences from either side of a relationship, nor in the network-wide balances", () => {
    const ledger = reciprocityLedger(network, options);
    const soured = ledger.souring.slice(0, 20);
    expect(soured.length).toBeGreaterThan(0);
    for (const e of soured) expect(words(network, relationshipBalance(network, e.contact, e.person, options))).toEqual([]);
    expect(words(network, pairBalances(network, options))).toEqual([]);
  });

  it("would catch a sentence", () => {
    // the checker itself: a worded reason is reported, a code is not
    expect(words(network, { reasons: ["the last 4 giving exchanges all went from you to them", "streak"] })).toEqual([["/reasons/0", "the last 4 giving exchanges all went from you to them"]]);
  });
});
