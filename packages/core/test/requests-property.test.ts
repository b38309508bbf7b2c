// Any sequence of attempted steps: each is accepted exactly when the
// workflow table allows it and its date is not before the last step's; a
// refused step changes nothing; what is stored always reads back from the
// file; and the ledger holds exactly one exchange per recording step taken.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NEXT_STEPS, Network, REQUEST_STEPS, TiegraphError, advanceRequest, applyRequestChange, askForIntroduction, formatDay, parseDay, parseNetworkFile, serializeNetwork } from "@tiegraph/core";

describe("request workflow, random step sequences", () => {
  it("accepts a step iff NEXT_STEPS allows it and the date is not earlier; refused steps change nothing", () => {
    let reachedThanked = 0;
    // half the attempts pick among the steps allowed next (so runs reach "thanked"), half among all steps
    const attempt = fc.record({ legalPick: fc.boolean(), pick: fc.nat(), offset: fc.integer({ min: -3, max: 10 }) });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 14 }), (attempts) => {
        const net = Network.from({ ego: "me", people: ["me", "ann", "bob"].map((id) => ({ id, name: id })) });
        applyRequestChange(net, askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02" }));
        let last = { step: "asked" as (typeof REQUEST_STEPS)[number], day: parseDay("2026-03-02")! };
        let recorded = 0;
        let reachedEnd = false;
        for (const { legalPick, pick, offset } of attempts) {
          const choices = legalPick && NEXT_STEPS[last.step].length ? NEXT_STEPS[last.step] : REQUEST_STEPS;
          const step = choices[pick % choices.length]!;
          const day = last.day + offset;
          const legal = NEXT_STEPS[last.step].includes(step) && offset >= 0;
          const before = serializeNetwork(net);
          let error: unknown;
          try {
            applyRequestChange(net, advanceRequest(net, "r1", step, formatDay(day)));
          } catch (e) {
            error = e;
          }
          if (legal) {
            expect(error).toBeUndefined();
            last = { step, day };
            if (step === "introduced" || step === "met" || step === "thanked") recorded++;
            if (step === "thanked") reachedEnd = true;
          } else {
            expect(error).toBeInstanceOf(TiegraphError);
            expect(["invalid-step", "request-closed", "invalid-date"]).toContain((error as TiegraphError).code);
            expect(serializeNetwork(net)).toBe(before);
          }
        }
        expect(net.findRequest("r1")!.steps.at(-1)!.step).toBe(last.step);
        if (reachedEnd) reachedThanked++;
        expect(net.exchangeCount).toBe(recorded);
        expect(parseNetworkFile(serializeNetwork(net)).toData()).toEqual(net.toData());
      }),
      { numRuns: 300, seed: 14 },
    );
    // the generator does walk whole requests through
    expect(reachedThanked).toBeGreaterThan(0);
  });
});
