// The This week tab's pure parts: Skip and Not this week, and a request
// change as ledger edits (which must change the network exactly as core's
// applyRequestChange does).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { advanceRequest, applyRequestChange, askForIntroduction, parseNetworkFile, weeklyPlan } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { requestChangeEdits } from "../src/week/request-edits.js";
import { WeekChoices } from "../src/week/week-choices.js";
import { EXPLORER_ROOT } from "./browser.js";

const sampleText = readFileSync(join(EXPLORER_ROOT, "..", "data", "sample-network.json"), "utf8");

describe("WeekChoices", () => {
  const plan = weeklyPlan(parseNetworkFile(sampleText), { week: "2026-10-07" });
  const [a, b] = plan.items;

  it("Skip drops an entry from its week only; Put back restores it", () => {
    const c = new WeekChoices();
    c.skip("2026-10-05", a!.person);
    expect(c.isSkipped("2026-10-05", a!.person)).toBe(true);
    expect(c.isSkipped("2026-10-05", b!.person)).toBe(false);
    expect(c.isSkipped("2026-10-12", a!.person)).toBe(false);
    expect(c.movedInto("2026-10-12")).toEqual([]);
    c.restore("2026-10-05", a!.person, "2026-10-12");
    expect(c.isSkipped("2026-10-05", a!.person)).toBe(false);
  });

  it("Not this week leaves this week and shows in the next, until put back", () => {
    const c = new WeekChoices();
    c.postpone("2026-10-05", "2026-10-12", b!);
    expect(c.isSkipped("2026-10-05", b!.person)).toBe(true);
    expect(c.movedInto("2026-10-12")).toEqual([{ from: "2026-10-05", item: b }]);
    expect(c.movedInto("2026-10-19")).toEqual([]);
    // skipped in the week it moved into: no longer shown there either
    c.skip("2026-10-12", b!.person);
    expect(c.movedInto("2026-10-12")).toEqual([]);
    const d = new WeekChoices();
    d.postpone("2026-10-05", "2026-10-12", b!);
    d.restore("2026-10-05", b!.person, "2026-10-12");
    expect(d.isSkipped("2026-10-05", b!.person)).toBe(false);
    expect(d.movedInto("2026-10-12")).toEqual([]);
  });
});

describe("requestChangeEdits", () => {
  it("changes the network exactly as applyRequestChange does, step by step up to thanked", () => {
    const viaCore = parseNetworkFile(sampleText);
    const viaEdits = parseNetworkFile(sampleText);
    const [ann, bob] = [viaCore.personAt(1).id, viaCore.personAt(2).id];
    const asked = askForIntroduction(viaCore, { to: bob, via: ann, date: "2026-09-30", why: "pricing" });
    expect(requestChangeEdits(asked)).toEqual([{ op: "put-request", request: asked.request }]);
    applyRequestChange(viaCore, asked);
    viaEdits.edit(requestChangeEdits(asked));
    for (const step of ["connector-agreed", "target-agreed", "introduced", "met", "thanked"] as const) {
      const change = advanceRequest(viaCore, asked.request.id, step, "2026-10-01");
      // introduced, met and thanked record one exchange each; the answers none
      expect(requestChangeEdits(change).length).toBe(step.endsWith("agreed") ? 1 : 2);
      applyRequestChange(viaCore, change);
      viaEdits.edit(requestChangeEdits(change));
      expect(viaEdits.toData()).toEqual(viaCore.toData());
    }
    expect(viaEdits.exchangeCount).toBe(parseNetworkFile(sampleText).exchangeCount + 3);
  });
});
