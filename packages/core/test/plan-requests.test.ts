// Open introduction requests in the weekly plan: each puts the person to see
// about it on the plan with a request-waiting reason carrying its age and stall.
import { describe, expect, it } from "vitest";
import { Network, advanceRequest, applyRequestChange, askForIntroduction, formatPlanReason, weeklyPlan, wordingNames, type PlanItem, type RequestWaitingReason } from "@tiegraph/core";

/** The request-waiting reasons of a plan item. */
const waiting = (i: PlanItem): RequestWaitingReason[] => i.reasons.filter((r): r is RequestWaitingReason => r.code === "request-waiting");

function network(): Network {
  const net = Network.from({
    ego: "me",
    people: ["me", "ann", "bob", "cy", "dan"].map((id) => ({ id, name: id.toUpperCase() })),
    // recent coffees with everyone: no one is due, so only the requests can put people on the plan
    exchanges: ["ann", "bob", "cy", "dan"].map((to) => ({ date: "2026-03-13", kind: "meeting" as const, from: "me", to, format: "coffee" })),
  });
  applyRequestChange(net, askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02" })); // r1: waits on ann since 03-02
  applyRequestChange(net, askForIntroduction(net, { to: "cy", via: "dan", date: "2026-03-10" })); // r2: introduced 03-12, meet cy
  for (const [step, date] of [["connector-agreed", "2026-03-11"], ["target-agreed", "2026-03-11"], ["introduced", "2026-03-12"]] as const) applyRequestChange(net, advanceRequest(net, "r2", step, date));
  return net;
}

describe("weeklyPlan with open introduction requests", () => {
  it("plans the connector of a stalled request and the target of an introduced one, with age and stall", () => {
    const net = network();
    // asOf Wednesday 2026-03-18: r1 asked 16 days ago, no step for 16 days ≥ 14: stalled;
    // r2 asked 8 days ago, introduced 6 days ago: not stalled, the next move is mine (meet cy)
    const plan = weeklyPlan(net, { week: "2026-03-18" });
    const byPerson = new Map(plan.items.map((i) => [i.person, i]));
    // dan comes first for another reason: his introduction (3 units) is a favour I owe him
    expect(plan.items.map((i) => [i.person, i.reasons.map((r) => r.code)])).toEqual([
      ["dan", ["owe"]],
      ["ann", ["request-waiting"]],
      ["cy", ["request-waiting"]],
    ]);
    expect(waiting(byPerson.get("ann")!)).toEqual([{ code: "request-waiting", requestId: "r1", ageDays: 16, stalled: true, step: "asked", waitingOn: "connector" }]);
    expect(waiting(byPerson.get("cy")!)).toEqual([{ code: "request-waiting", requestId: "r2", ageDays: 8, stalled: false, step: "introduced", waitingOn: "you" }]);
    // two coffees of 45 minutes, then 120 − 90 = 30 minutes left: a 30-minute call
    expect(plan.items.map((i) => [i.format, i.minutes])).toEqual([["coffee", 45], ["coffee", 45], ["call", 30]]);
    expect(plan.usedMinutes).toBe(120);
    // in words, through the one formatter
    expect(formatPlanReason(waiting(byPerson.get("ann")!)[0]!, wordingNames(net))).toBe("An introduction request waiting: r1, asked 16 days ago, at asked, stalled: time for a nudge (the connector answers).");
    expect(formatPlanReason(waiting(byPerson.get("cy")!)[0]!, wordingNames(net))).toBe("An introduction request waiting: r2, asked 8 days ago, at introduced; next: meet them.");
  });

  it("reads requests on the day given: a week earlier neither had stalled and r2 was not yet introduced", () => {
    // 2026-03-11: r1 is 9 days old; r2 was asked the day before... and agreed on 03-11 (steps on the day count)
    const plan = weeklyPlan(network(), { week: "2026-03-11" });
    const reqs = plan.items.flatMap((i) => waiting(i).map((r) => [i.person, r.requestId, r.ageDays, r.stalled, r.step]));
    expect(reqs).toEqual([
      ["ann", "r1", 9, false, "asked"],
      ["dan", "r2", 1, false, "target-agreed"],
    ]);
  });

  it("leaves closed requests out and honours stallDays", () => {
    const net = network();
    applyRequestChange(net, advanceRequest(net, "r1", "connector-declined", "2026-03-16"));
    const plan = weeklyPlan(net, { week: "2026-03-18", stallDays: 5 });
    // only r2 is open; introduced 6 days before 03-18 ≥ 5: stalled
    expect(plan.items.flatMap(waiting)).toEqual([{ code: "request-waiting", requestId: "r2", ageDays: 8, stalled: true, step: "introduced", waitingOn: "you" }]);
  });
});
