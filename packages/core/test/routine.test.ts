// Keeping the routine: networking minutes per week against the budget, this
// week's minutes used and left, and the share spent outside your own
// organisation, on a hand-worked ledger with the arithmetic written out.
import { describe, expect, it } from "vitest";
import { Network, externalShare, networkingRoutine, type Exchange } from "@tiegraph/core";
import { errorOf } from "./error-of.js";

// me and ann at Acme; bob at Beta; cy at no organisation; dan at Beta until
// Sunday 2026-03-08, at Acme from Monday 2026-03-09.
// Weeks (Monday to Sunday): W1 from 2026-03-02, W2 from 03-09, W3 from 03-16 (this week; asOf Wednesday 03-18).
const m = (date: string, from: string, to: string, extra: Partial<Exchange> = {}): Exchange => ({ date, kind: "meeting", from, to, ...extra });
const network = Network.from({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }, { id: "beta", name: "Beta" }],
  people: ["me", "ann", "bob", "cy", "dan"].map((id) => ({ id, name: id })),
  affiliations: [
    { person: "me", organisation: "acme" },
    { person: "ann", organisation: "acme" },
    { person: "bob", organisation: "beta" },
    { person: "dan", organisation: "beta", to: "2026-03-08" },
    { person: "dan", organisation: "acme", from: "2026-03-09" },
  ],
  exchanges: [
    m("2026-02-20", "me", "bob"), //                                    before a 3-week window; in a 26-week one: 45
    m("2026-03-03", "me", "ann", { format: "coffee" }), //              W1 internal 45 (coffee's usual length)
    m("2026-03-04", "me", "bob", { format: "lunch" }), //               W1 external 75 (lunch)
    { date: "2026-03-05", kind: "information", from: "ann", to: "me" }, // W1 0 (a tip takes no meeting time)
    m("2026-03-06", "ann", "bob"), //                                   not mine
    m("2026-03-08", "dan", "me", { format: "call" }), //                W1 external 30 (call; dan still at Beta)
    m("2026-03-10", "bob", "me", { format: "call", minutes: 20 }), //   W2 external 20 (recorded minutes win)
    { date: "2026-03-11", kind: "favour", from: "me", to: "cy", minutes: 15 }, // W2 external 15 (cy has no organisation)
    m("2026-03-12", "me", "ann"), //                                    W2 internal 45 (a meeting's default)
    m("2026-03-13", "me", "dan", { format: "coffee" }), //              W2 internal 45 (dan now at Acme)
    m("2026-03-16", "me", "bob", { format: "dinner" }), //              W3 external 45 (unknown format: the meeting default)
    m("2026-03-17", "me", "ann", { minutes: 60, confidential: true }), // W3 internal 60, only with includeConfidential
    m("2026-03-19", "me", "bob", { minutes: 30 }), //                   after asOf: not counted
  ],
});

describe("networkingRoutine", () => {
  const r = networkingRoutine(network, { asOf: "2026-03-18", weeks: 3 });

  it("sums each week's minutes by the rule: recorded, else the format's usual length, else the kind's default", () => {
    // W1 = 45 + 75 + 0 + 30 = 150 (external 75 + 30 = 105)
    // W2 = 20 + 15 + 45 + 45 = 125 (external 20 + 15 = 35)
    // W3 = 45 (external 45); the confidential hour and the meeting after asOf are left out
    expect(r.weeks).toEqual([
      { week: "2026-03-02", minutes: 150, externalMinutes: 105, onBudget: true },
      { week: "2026-03-09", minutes: 125, externalMinutes: 35, onBudget: true },
      { week: "2026-03-16", minutes: 45, externalMinutes: 45, onBudget: false },
    ]);
  });

  it("gives this week's minutes used and left of the 2-hour budget, and the completed weeks' mean", () => {
    expect(r.budgetMinutes).toBe(120);
    // 120 − 45 = 75 left
    expect(r.thisWeek).toEqual({ week: "2026-03-16", usedMinutes: 45, remainingMinutes: 75 });
    // completed weeks W1, W2: (150 + 125) / 2 = 137.5, both ≥ 120
    expect(r.averageMinutes).toBe(137.5);
    expect(r.weeksOnBudget).toBe(2);
  });

  it("doubles the budget in a job search: 240 minutes, 195 left, no completed week on budget", () => {
    const j = networkingRoutine(network, { asOf: "2026-03-18", weeks: 3, jobSearch: true });
    expect(j.budgetMinutes).toBe(240);
    expect(j.thisWeek.remainingMinutes).toBe(240 - 45);
    expect(j.weeksOnBudget).toBe(0);
    // never below zero: a budget of half an hour is used up by W3's 45 minutes
    expect(networkingRoutine(network, { asOf: "2026-03-18", weeks: 3, hours: 0.5 }).thisWeek.remainingMinutes).toBe(0);
  });

  it("judges the external share of the time against the target", () => {
    // external 105 + 35 + 45 = 185 of 150 + 125 + 45 = 320 minutes: 185 / 320 = 0.578125,
    // 0.078125 above the 0.5 target, beyond the 0.05 tolerance: above
    expect(r.external).toEqual({ minutes: 185, internalMinutes: 135, share: 185 / 320, target: 0.5, gap: 185 / 320 - 0.5, status: "above" });
    // with the confidential internal hour: 185 / 380 = 0.4868, within 0.05 of 0.5: on target
    const all = networkingRoutine(network, { asOf: "2026-03-18", weeks: 3, includeConfidential: true });
    expect(all.weeks[2]).toEqual({ week: "2026-03-16", minutes: 105, externalMinutes: 45, onBudget: false });
    expect(all.external.share).toBe(185 / 380);
    expect(all.external.status).toBe("on-target");
    // a 0.8 target: 0.578 is below it
    expect(networkingRoutine(network, { asOf: "2026-03-18", weeks: 3, externalTarget: 0.8 }).external.status).toBe("below");
  });

  it("covers 26 weeks by default, the oldest first, ending with this week", () => {
    const six = networkingRoutine(network, { asOf: "2026-03-18" });
    expect(six.weeks).toHaveLength(26);
    // 25 weeks before Monday 2026-03-16 is 175 days earlier: Monday 2025-09-22
    expect(six.weeks[0]!.week).toBe("2025-09-22");
    // the meeting of Friday 2026-02-20 is in the week of Monday 02-16, four weeks before this one: index 21
    expect(six.weeks[21]).toEqual({ week: "2026-02-16", minutes: 45, externalMinutes: 45, onBudget: false });
    expect(six.weeks.slice(23).map((w) => w.minutes)).toEqual([150, 125, 45]);
    // mean over the 25 completed weeks: (45 + 150 + 125) / 25 = 12.8
    expect(six.averageMinutes).toBeCloseTo(320 / 25, 12);
  });

  it("reads the kinds' and formats' minutes from the options", () => {
    // a tip now counts 10 minutes (W1 gains 10) and a coffee 30 (W1 and W2 lose 15 each)
    const t = networkingRoutine(network, { asOf: "2026-03-18", weeks: 3, kindMinutes: { information: 10 }, durations: { coffee: 30 } });
    expect(t.weeks.map((w) => w.minutes)).toEqual([150 + 10 - 15, 125 - 15, 45]);
  });

  it("agrees with externalShare by minutes when every exchange has its minutes and falls in the window", () => {
    const net = Network.from({
      ego: "me",
      organisations: [{ id: "acme", name: "Acme" }],
      people: ["me", "ann", "bob"].map((id) => ({ id, name: id })),
      affiliations: [{ person: "me", organisation: "acme" }, { person: "ann", organisation: "acme" }],
      exchanges: [m("2026-03-16", "me", "ann", { minutes: 50 }), m("2026-03-17", "me", "bob", { minutes: 30 }), { date: "2026-03-17", kind: "favour", from: "bob", to: "me", minutes: 40 }],
    });
    // external (30 + 40) / (50 + 30 + 40) = 70 / 120
    const routine = networkingRoutine(net, { asOf: "2026-03-18", weeks: 1 });
    expect(routine.external.share).toBe(70 / 120);
    expect(routine.external.share).toBe(externalShare(net, { by: "minutes" }).share);
  });

  it("rejects bad options with typed errors", () => {
    expect(errorOf(() => networkingRoutine(network, { asOf: "2026-13-01" })).code).toBe("invalid-date");
    expect(errorOf(() => networkingRoutine(network, { asOf: "2026-03-18", weeks: 0 })).code).toBe("invalid-option");
    expect(errorOf(() => networkingRoutine(network, { asOf: "2026-03-18", hours: -1 })).code).toBe("invalid-option");
    expect(errorOf(() => networkingRoutine(network, { asOf: "2026-03-18", durations: { coffee: -5 } })).record).toBe("options.durations.coffee");
    expect(errorOf(() => networkingRoutine(network, { asOf: "2026-03-18", ego: "zed" })).code).toBe("unknown-person");
  });
});

describe("networkingRoutine grouped by a person attribute", () => {
  it("counts time with people of another office as external, as externalShare does", () => {
    const net = Network.from({
      ego: "me",
      people: [
        { id: "me", name: "me", attributes: { office: "Paris" } },
        { id: "ann", name: "ann", attributes: { office: "Paris" } },
        { id: "bob", name: "bob", attributes: { office: "Lyon" } },
      ],
      exchanges: [m("2026-03-16", "me", "ann", { minutes: 30 }), m("2026-03-17", "bob", "me", { minutes: 90 })],
    });
    // by office: bob's 90 of 30 + 90 = 120 minutes are external: 0.75; by organisation (nobody has one) all 120 are
    const r = networkingRoutine(net, { asOf: "2026-03-18", weeks: 1, groupBy: "office" });
    expect(r.external).toMatchObject({ minutes: 90, internalMinutes: 30, share: 0.75, status: "above" });
    expect(r.external.share).toBe(externalShare(net, { by: "minutes", groupBy: "office" }).share);
    expect(networkingRoutine(net, { asOf: "2026-03-18", weeks: 1 }).external.share).toBe(1);
    expect(errorOf(() => networkingRoutine(net, { asOf: "2026-03-18", groupBy: "floor" })).code).toBe("invalid-option");
  });
});
