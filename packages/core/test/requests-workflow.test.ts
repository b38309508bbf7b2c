// The double opt-in introduction request: every legal step with the
// exchanges it records and the ledger after it, every illegal step as a typed
// error that changes nothing, and the open list with age and stall.
import { describe, expect, it } from "vitest";
import {
  Network,
  REQUEST_STEPS,
  advanceRequest,
  askAlongPath,
  createPathIndex,
  introductionPaths,
  applyRequestChange,
  askForIntroduction,
  introductionMessage,
  draftIntroductionMessage,
  formatOpenRequest,
  formatRequestLine,
  formatRequestStep,
  listRequests,
  wordingNames,
  openRequests,
  reciprocityLedger,
  type NetworkData,
  type RequestStep,
} from "@tiegraph/core";
import { errorOf } from "./error-of.js";

// me works at Acme with ann; bob is at Beta; cy at Gamma. Half-life 100 days.
const DATA: NetworkData = {
  ego: "me",
  settings: { halfLifeDays: 100 },
  organisations: [
    { id: "acme", name: "Acme" },
    { id: "beta", name: "Beta" },
    { id: "gamma", name: "Gamma" },
  ],
  people: [
    { id: "me", name: "Sam" },
    { id: "ann", name: "Ann Lee" },
    { id: "bob", name: "Bob Roy" },
    { id: "cy", name: "Cy Fox" },
  ],
  affiliations: [
    { person: "me", organisation: "acme" },
    { person: "ann", organisation: "acme" },
    { person: "bob", organisation: "beta" },
    { person: "cy", organisation: "gamma" },
  ],
  exchanges: [{ date: "2026-02-01", kind: "meeting", from: "me", to: "ann", format: "coffee" }],
};
const fresh = () => Network.from(structuredClone(DATA));
const annBalance = (net: Network, asOf: string) => reciprocityLedger(net, { asOf }).entries.find((e) => e.contact === "ann")!;

/** A network with request r1 (me → bob via ann) advanced through `steps`, each on its date. */
function walked(steps: [RequestStep, string][]): Network {
  const net = fresh();
  applyRequestChange(net, askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02", why: "advice on pricing", offer: "our churn study" }));
  for (const [step, date] of steps) applyRequestChange(net, advanceRequest(net, "r1", step, date));
  return net;
}

describe("askForIntroduction", () => {
  it("creates request r1 at 'asked', records no exchange, and stores it on apply", () => {
    const net = fresh();
    const change = askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02", why: "advice on pricing", offer: "our churn study" });
    expect(change).toEqual({ request: { id: "r1", from: "me", via: "ann", to: "bob", why: "advice on pricing", offer: "our churn study", steps: [{ step: "asked", date: "2026-03-02" }] }, exchanges: [] });
    expect(net.requests()).toEqual([]); // nothing stored before apply
    applyRequestChange(net, change);
    expect(net.findRequest("r1")).toEqual(change.request);
    expect(net.exchangeCount).toBe(1);
    // the next id is the first free r<n>
    expect(askForIntroduction(net, { to: "cy", via: "ann", date: "2026-03-03" }).request.id).toBe("r2");
  });

  it("rejects unknown people, a connector who is the target, two targets and bad dates with typed errors", () => {
    const net = fresh();
    expect(errorOf(() => askForIntroduction(net, { to: "zed", via: "ann", date: "2026-03-02" }))).toMatchObject({ code: "unknown-person", pointer: "/request/to" });
    expect(errorOf(() => askForIntroduction(net, { to: "bob", via: "zed", date: "2026-03-02" }))).toMatchObject({ code: "unknown-person", pointer: "/request/via" });
    expect(errorOf(() => askForIntroduction(net, { to: "ann", via: "ann", date: "2026-03-02" }))).toMatchObject({ code: "invalid-field", pointer: "/request/to" });
    expect(errorOf(() => askForIntroduction(net, { to: "bob", organisation: "beta", via: "ann", date: "2026-03-02" }))).toMatchObject({ code: "invalid-field" });
    expect(errorOf(() => askForIntroduction(net, { via: "ann", date: "2026-03-02" }))).toMatchObject({ code: "missing-field", pointer: "/request/to" });
    expect(errorOf(() => askForIntroduction(net, { organisation: "nope", via: "ann", date: "2026-03-02" }))).toMatchObject({ code: "unknown-organisation" });
    expect(errorOf(() => askForIntroduction(net, { to: "bob", via: "ann", date: "2026-02-30" }))).toMatchObject({ code: "invalid-date", pointer: "/request/steps/0/date" });
    applyRequestChange(net, askForIntroduction(net, { to: "bob", via: "ann", date: "2026-03-02" }));
    expect(errorOf(() => askForIntroduction(net, { id: "r1", to: "cy", via: "ann", date: "2026-03-02" }))).toMatchObject({ code: "duplicate-id" });
  });
});

describe("advanceRequest: the legal path, with exchanges and the ledger after each step", () => {
  it("asked → connector-agreed → target-agreed record nothing; the ledger with ann is the one coffee", () => {
    const net = walked([]);
    const agreed = advanceRequest(net, "r1", "connector-agreed", "2026-03-04");
    expect(agreed.exchanges).toEqual([]);
    expect(agreed.request.steps.map((s) => s.step)).toEqual(["asked", "connector-agreed"]);
    applyRequestChange(net, agreed);
    const target = advanceRequest(net, "r1", "target-agreed", "2026-03-06");
    expect(target.exchanges).toEqual([]);
    applyRequestChange(net, target);
    expect(net.exchangeCount).toBe(1);
    // a meeting gives nothing: balance 0
    expect(annBalance(net, "2026-03-06")).toMatchObject({ given: 0, received: 0, balance: 0 });
  });

  it("introduced records an introduction from ann to me naming bob: I now owe ann its 3 units", () => {
    const net = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-06"]]);
    const change = advanceRequest(net, "r1", "introduced", "2026-03-09");
    expect(change.exchanges).toEqual([{ id: "request:r1:introduced", date: "2026-03-09", kind: "introduction", from: "ann", to: "me", introduced: "bob" }]);
    applyRequestChange(net, change);
    expect(net.exchangeAt(net.exchangeIndex("request:r1:introduced"))).toMatchObject({ kind: "introduction", from: "ann", to: "me", introduced: "bob" });
    // on the day: received 3 · 2^0 = 3, given 0 → balance −3, ann is first in "you owe"
    expect(annBalance(net, "2026-03-09")).toMatchObject({ given: 0, received: 3, balance: -3 });
    expect(reciprocityLedger(net, { asOf: "2026-03-09" }).youOwe.map((e) => e.contact)).toEqual(["ann"]);
  });

  it("met records a meeting of me and bob (format and minutes as given); the debt to ann is unchanged", () => {
    const net = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-06"], ["introduced", "2026-03-09"]]);
    const change = advanceRequest(net, "r1", "met", "2026-03-12", { format: "coffee", minutes: 40 });
    expect(change.exchanges).toEqual([{ id: "request:r1:met", date: "2026-03-12", kind: "meeting", from: "me", to: "bob", format: "coffee", minutes: 40 }]);
    applyRequestChange(net, change);
    expect(net.exchangesBetween("me", "bob")).toHaveLength(1);
    // 3 days later the introduction has decayed: 3 · 2^(−3/100)
    expect(annBalance(net, "2026-03-12").balance).toBeCloseTo(-3 * 2 ** (-3 / 100), 12);
  });

  it("thanked records a gesture back to ann (1 unit), or a favour (3 units) that squares the debt", () => {
    const steps: [RequestStep, string][] = [["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-06"], ["introduced", "2026-03-09"], ["met", "2026-03-12"]];
    const net = walked(steps);
    const change = advanceRequest(net, "r1", "thanked", "2026-03-19", { format: "lunch" });
    expect(change.exchanges).toEqual([{ id: "request:r1:thanked", date: "2026-03-19", kind: "gesture", from: "me", to: "ann", format: "lunch" }]);
    applyRequestChange(net, change);
    // on 2026-03-19: given 1 · 2^0 = 1; received 3 · 2^(−10/100) (the introduction is 10 days old)
    const b = annBalance(net, "2026-03-19");
    expect(b.given).toBe(1);
    expect(b.received).toBeCloseTo(3 * 2 ** (-10 / 100), 12);
    expect(b.balance).toBeCloseTo(1 - 3 * 2 ** (-10 / 100), 12);
    expect(listRequests(net)[0]).toMatchObject({ id: "r1", step: "thanked", status: "done", next: [] });

    const other = walked(steps);
    applyRequestChange(other, advanceRequest(other, "r1", "thanked", "2026-03-12", { kind: "favour" }));
    expect(other.exchangeAt(other.exchangeIndex("request:r1:thanked"))).toMatchObject({ kind: "favour", from: "me", to: "ann" });
    // on 2026-03-12: given 3 · 2^0 = 3; received 3 · 2^(−3/100) (introduced 3 days before): nearly square, slightly in my favour
    expect(annBalance(other, "2026-03-12").balance).toBeCloseTo(3 - 3 * 2 ** (-3 / 100), 12);
  });

  it("a request into an organisation names the person introduced on 'introduced', and met/thanked use them", () => {
    const net = fresh();
    applyRequestChange(net, askForIntroduction(net, { organisation: "gamma", via: "ann", date: "2026-03-02" }));
    applyRequestChange(net, advanceRequest(net, "r1", "connector-agreed", "2026-03-03"));
    applyRequestChange(net, advanceRequest(net, "r1", "target-agreed", "2026-03-04"));
    expect(errorOf(() => advanceRequest(net, "r1", "introduced", "2026-03-05"))).toMatchObject({ code: "missing-field" });
    const change = advanceRequest(net, "r1", "introduced", "2026-03-05", { person: "cy" });
    expect(change.request.steps.at(-1)).toEqual({ step: "introduced", date: "2026-03-05", person: "cy" });
    expect(change.exchanges[0]).toMatchObject({ kind: "introduction", from: "ann", to: "me", introduced: "cy" });
    applyRequestChange(net, change);
    expect(advanceRequest(net, "r1", "met", "2026-03-06").exchanges[0]).toMatchObject({ kind: "meeting", from: "me", to: "cy" });
    expect(listRequests(net)[0]).toMatchObject({ organisation: "gamma", target: "cy", waitingOn: "you" });
  });

  it("declines close the request at either opt-in, recording nothing", () => {
    const net = walked([["connector-declined", "2026-03-04"]]);
    expect(listRequests(net)[0]).toMatchObject({ status: "declined", step: "connector-declined", next: [] });
    const net2 = walked([["connector-agreed", "2026-03-04"], ["target-declined", "2026-03-05"]]);
    expect(listRequests(net2)[0]).toMatchObject({ status: "declined", step: "target-declined" });
    expect(net2.exchangeCount).toBe(1);
  });
});

describe("advanceRequest: illegal steps are typed errors and change nothing", () => {
  const before = walked([["connector-agreed", "2026-03-04"]]);
  const snapshot = JSON.stringify(before.toData());
  it.each<[string, RequestStep, string, string]>([
    ["skipping to introduced", "introduced", "2026-03-05", "invalid-step"],
    ["skipping to met", "met", "2026-03-05", "invalid-step"],
    ["skipping to thanked", "thanked", "2026-03-05", "invalid-step"],
    ["going back to asked", "asked", "2026-03-05", "invalid-step"],
    ["repeating connector-agreed", "connector-agreed", "2026-03-05", "invalid-step"],
    ["declining after agreeing", "connector-declined", "2026-03-05", "invalid-step"],
    ["a date before the previous step", "target-agreed", "2026-03-03", "invalid-date"],
    ["a date that does not exist", "target-agreed", "2026-02-30", "invalid-date"],
  ])("%s", (_, step, date, code) => {
    const err = errorOf(() => advanceRequest(before, "r1", step, date));
    expect(err.code).toBe(code);
    expect(err.record).toBe('request "r1"');
    expect(JSON.stringify(before.toData())).toBe(snapshot);
  });
  it("an unknown step name or request id", () => {
    expect(errorOf(() => advanceRequest(before, "r1", "approved" as RequestStep, "2026-03-05")).code).toBe("invalid-step");
    expect(errorOf(() => advanceRequest(before, "r9", "met", "2026-03-05")).code).toBe("unknown-request");
  });
  it("every step after a decline or a thank-you: request-closed", () => {
    const declined = walked([["connector-declined", "2026-03-04"]]);
    const done = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-05"], ["introduced", "2026-03-06"], ["met", "2026-03-07"], ["thanked", "2026-03-08"]]);
    for (const step of REQUEST_STEPS) {
      expect(errorOf(() => advanceRequest(declined, "r1", step, "2026-04-01")).code).toBe("request-closed");
      expect(errorOf(() => advanceRequest(done, "r1", step, "2026-04-01")).code).toBe("request-closed");
    }
  });
  it("a change worked out from an older state is refused instead of losing a step", () => {
    const net = walked([]);
    const stale = advanceRequest(net, "r1", "connector-declined", "2026-03-04");
    applyRequestChange(net, advanceRequest(net, "r1", "connector-agreed", "2026-03-04"));
    expect(errorOf(() => applyRequestChange(net, stale))).toMatchObject({ code: "invalid-step" });
    expect(net.findRequest("r1")!.steps.map((s) => s.step)).toEqual(["asked", "connector-agreed"]);
  });
  it("a change whose exchange is invalid stores neither the step nor the exchange", () => {
    const net = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-05"], ["introduced", "2026-03-06"]]);
    const snap = JSON.stringify(net.toData());
    const change = advanceRequest(net, "r1", "met", "2026-03-07", { minutes: -5 });
    expect(errorOf(() => applyRequestChange(net, change))).toMatchObject({ code: "invalid-value" });
    expect(JSON.stringify(net.toData())).toBe(snap);
  });
});

describe("openRequests", () => {
  it("gives each open request's age, days since its last step and the stall flag (14 days)", () => {
    const net = walked([["connector-agreed", "2026-03-04"]]);
    applyRequestChange(net, askForIntroduction(net, { to: "cy", via: "ann", date: "2026-03-10" }));
    applyRequestChange(net, askForIntroduction(net, { to: "cy", via: "bob", date: "2026-03-01" }));
    applyRequestChange(net, advanceRequest(net, "r3", "connector-declined", "2026-03-02"));
    // on 2026-03-18: r1 asked 16 days ago (03-02 → 03-18), last step 14 days ago (03-04 → 03-18): stalled;
    // r2 asked 8 days ago, not stalled; r3 declined: not open
    const open = openRequests(net, { asOf: "2026-03-18" });
    expect(open.map((r) => [r.id, r.step, r.ageDays, r.daysSinceStep, r.stalled, r.waitingOn])).toEqual([
      ["r1", "connector-agreed", 16, 14, true, "target"],
      ["r2", "asked", 8, 8, false, "connector"],
    ]);
    // a day earlier r1 had waited 13 days: not yet stalled; with stallDays 7 both are
    expect(openRequests(net, { asOf: "2026-03-17" }).map((r) => [r.id, r.daysSinceStep, r.stalled])).toEqual([
      ["r1", 13, false],
      ["r2", 7, false],
    ]);
    expect(openRequests(net, { asOf: "2026-03-18", stallDays: 7 }).map((r) => r.stalled)).toEqual([true, true]);
    // as of 2026-03-03 r1 was still at "asked" and r2 not yet asked; r3 was already declined
    expect(openRequests(net, { asOf: "2026-03-03" }).map((r) => [r.id, r.step, r.ageDays])).toEqual([["r1", "asked", 1]]);
    expect(errorOf(() => openRequests(net, { asOf: "yesterday" })).code).toBe("invalid-date");
    expect(errorOf(() => openRequests(net, { asOf: "2026-03-18", stallDays: 0 })).code).toBe("invalid-option");
  });
});

describe("requests in words (core's formatter)", () => {
  it("words each recorded exchange, a list line and an open request", () => {
    const net = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-06"]]);
    const names = wordingNames(net, { you: undefined });
    const intro = advanceRequest(net, "r1", "introduced", "2026-03-09");
    expect(formatRequestStep("r1", "introduced", "2026-03-09", intro.exchanges, names)).toEqual(["r1: introduced on 2026-03-09", "recorded in the ledger: Ann Lee introduced Sam to Bob Roy (request:r1:introduced)"]);
    applyRequestChange(net, intro);
    const met = advanceRequest(net, "r1", "met", "2026-03-10");
    expect(formatRequestStep("r1", "met", "2026-03-10", met.exchanges, names)[1]).toBe("recorded in the ledger: Sam met Bob Roy (request:r1:met)");
    applyRequestChange(net, met);
    expect(formatRequestStep("r1", "thanked", "2026-03-11", advanceRequest(net, "r1", "thanked", "2026-03-11").exchanges, names)[1]).toBe("recorded in the ledger: a gesture from Sam to Ann Lee (request:r1:thanked)");
    expect(formatRequestLine(listRequests(net)[0]!, names)).toBe("r1  met 2026-03-10  to Bob Roy via Ann Lee  (open: your move)");
    // 2026-03-30: asked 28 days ago, met 20 days ago (≥ 14: stalled)
    expect(formatOpenRequest(openRequests(net, { asOf: "2026-03-30" })[0]!, names)).toBe("- r1: to Bob Roy via Ann Lee, asked 28 days ago; met 2026-03-10, next: thank the connector (stalled: no step for 20 days, time for a nudge)");
  });
});

describe("the message to the connector", () => {
  it("is data (names, organisation, why, offer) and the formatter's words name the target, why and offer", () => {
    const net = walked([]);
    const m = introductionMessage(net, "r1");
    expect(m).toEqual({
      request: "r1",
      from: { id: "me", name: "Sam" },
      connector: { id: "ann", name: "Ann Lee" },
      target: { kind: "person", id: "bob", name: "Bob Roy" },
      targetOrganisation: { id: "beta", name: "Beta" },
      why: "advice on pricing",
      offer: "our churn study",
    });
    const text = draftIntroductionMessage(m);
    expect(text.startsWith("Hi Ann Lee,\n")).toBe(true);
    expect(text).toContain("Could you introduce me to Bob Roy (Beta)? I am hoping for advice on pricing. In return I could offer our churn study.");
    expect(text.trimEnd().endsWith("Sam")).toBe(true);
  });
});

describe("requests as network edits", () => {
  it("applyRequestChange returns the undo: editing it takes the step and its exchange back", () => {
    const net = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-06"]]);
    const before = net.toData();
    const undo = applyRequestChange(net, advanceRequest(net, "r1", "introduced", "2026-03-09"));
    expect(net.exchangeCount).toBe(2);
    net.edit(undo);
    expect(net.toData()).toEqual(before);
    // and the request can move on again
    applyRequestChange(net, advanceRequest(net, "r1", "introduced", "2026-03-10"));
    expect(net.findRequest("r1")!.steps.at(-1)).toEqual({ step: "introduced", date: "2026-03-10" });
  });

  it("a person or organisation named by a request cannot be removed until the request is", () => {
    const net = walked([]);
    applyRequestChange(net, askForIntroduction(net, { organisation: "gamma", via: "ann", date: "2026-03-02" }));
    expect(errorOf(() => net.edit({ op: "remove-person", id: "bob" }))).toMatchObject({ code: "invalid-value", pointer: "/0/id" });
    expect(errorOf(() => net.edit({ op: "remove-organisation", id: "gamma" })).message).toContain('target of introduction request "r2"');
    const undo = net.edit([{ op: "remove-request", id: "r1" }, { op: "remove-person", id: "bob" }]);
    expect(net.requests().map((r) => r.id)).toEqual(["r2"]);
    net.edit(undo);
    expect(net.requests().map((r) => r.id)).toEqual(["r1", "r2"]); // back in its place
    expect(net.hasPerson("bob")).toBe(true);
  });

  it("merging people moves their requests to the person kept; the undo moves them back", () => {
    const net = Network.from({ ...structuredClone(DATA), people: [...DATA.people!, { id: "bob2", name: "Bob R." }] });
    applyRequestChange(net, askForIntroduction(net, { to: "bob2", via: "ann", date: "2026-03-02" }));
    const before = net.toData();
    const undo = net.edit({ op: "merge-people", keep: "bob", drop: "bob2" });
    expect(net.findRequest("r1")).toMatchObject({ to: "bob", via: "ann" });
    net.edit(undo);
    expect(net.toData()).toEqual(before);
    // merging the target into the connector would leave a request with no third person: refused, nothing changed
    expect(errorOf(() => net.edit({ op: "merge-people", keep: "ann", drop: "bob2" })).code).toBe("invalid-field");
    expect(net.toData()).toEqual(before);
  });

  it("put-request is checked by the same rules as loading", () => {
    const net = walked([]);
    const bad = { ...net.findRequest("r1")!, steps: [{ step: "asked" as const, date: "2026-03-02" }, { step: "met" as const, date: "2026-03-03" }] };
    expect(errorOf(() => net.edit({ op: "put-request", request: bad }))).toMatchObject({ code: "invalid-step", pointer: "/0/request/steps/1/step" });
  });
});

describe("ids of the recorded exchanges", () => {
  it("take the next free suffix when request:<id>:<step> is already used", () => {
    const net = walked([["connector-agreed", "2026-03-04"], ["target-agreed", "2026-03-06"]]);
    net.apply({ exchanges: [{ id: "request:r1:introduced", date: "2026-03-01", kind: "information", from: "ann", to: "me" }] });
    expect(advanceRequest(net, "r1", "introduced", "2026-03-09").exchanges[0]!.id).toBe("request:r1:introduced:2");
  });
});

describe("askAlongPath", () => {
  it("asks the path's first connector for the person the path reaches", () => {
    // me–ann–bob–cy: the best path to cy goes through ann, then bob
    const net = Network.from({
      ego: "me",
      people: ["me", "ann", "bob", "cy"].map((id) => ({ id, name: id })),
      exchanges: [
        { date: "2026-02-01", kind: "meeting", from: "me", to: "ann" },
        { date: "2026-02-01", kind: "meeting", from: "ann", to: "bob" },
        { date: "2026-02-01", kind: "meeting", from: "bob", to: "cy" },
      ],
    });
    const [best] = introductionPaths(createPathIndex(net, { asOf: "2026-03-01" }), { from: "me", to: { person: "cy" } }).paths;
    expect(best!.people).toEqual(["me", "ann", "bob", "cy"]);
    const change = askAlongPath(net, best!, { date: "2026-03-02", why: "advice" });
    expect(change.request).toEqual({ id: "r1", from: "me", via: "ann", to: "cy", why: "advice", steps: [{ step: "asked", date: "2026-03-02" }] });
    expect(errorOf(() => askAlongPath(net, { people: ["me", "ann"] }, { date: "2026-03-02" })).code).toBe("invalid-option");
  });
});
