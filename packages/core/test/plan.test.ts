// The weekly plan on hand-worked networks: which lists people come from, the
// order the lists take turns in, formats and the budget to the minute,
// offers, slots, job-search mode, confidentiality and option errors.
import { describe, expect, it } from "vitest";
import { ASK_PROMPT, Network, TiegraphError, formatPlanEntry, weeklyPlan, wordingNames, type NetworkData, type PlanItem, type WeeklyPlanOptions } from "@tiegraph/core";

/**
 * Ego "me" and everyone at Acme (all ties internal, so the external share is
 * 0 and no one is external). The week of Wednesday 2024-06-12 starts Monday
 * 2024-06-10, the day the clock is read.
 *
 * - olu gave me a favour on 05-27 (14 days): I owe 3 · 2^(−14/180) = 2.85; two lunches before.
 *   Strength at 05-27: 3 + 2^(−26/180) + 2^(−56/180) = 4.71 → 0.69: wider, due 08-26, on time.
 * - ned: a call weighted 6 on 04-20 → 0.78, active (30 days): due 05-20, overdue 21; urgency 51/30 = 1.70.
 *   His one tip (2022-01-01, tagged hiring) is worth 2^(−891/180) = 0.03 now: below the 0.5 I must owe.
 * - kim: a coffee weighted 14 on 05-20 → 0.97, close (14 days): due 06-03, overdue 7; urgency 21/14 = 1.50.
 * - dee: strong in March 2022 (peak 0.77), a connection on 2023-03-01, silent 467 days: dormant.
 * - cal: a connection on 2023-05-01 → acquaintance, due 2024-04-30: overdue 41 (weak tie); urgency 406/365 = 1.11.
 * - eve: never met, her cadence is 20 days: due today; urgency 1.
 * - bea: I did her a favour on 03-15 and she sent data-engineering news → 0.63, wider: due 06-14; urgency 87/91 = 0.96.
 * - fay: I sent her pricing news on 06-01: on time. A confidential tip on funding with her on 06-02.
 */
const handNetwork = (): NetworkData => ({
  ego: "me",
  organisations: [{ id: "acme", name: "Acme" }],
  people: [
    { id: "me", name: "Me" },
    { id: "olu", name: "Olu", interests: ["pricing"] },
    { id: "ned", name: "Ned", interests: ["Hiring"] },
    { id: "kim", name: "Kim", interests: ["funding", "Data Engineering"] },
    { id: "dee", name: "Dee" },
    { id: "cal", name: "Cal" },
    { id: "eve", name: "Eve", cadenceDays: 20, interests: [], notes: "private: moving to Lisbon" },
    { id: "bea", name: "Bea" },
    { id: "fay", name: "Fay" },
  ],
  affiliations: ["me", "olu", "ned", "kim", "dee", "cal", "eve", "bea", "fay"].map((person) => ({ person, organisation: "acme" })),
  exchanges: [
    { date: "2024-04-01", kind: "meeting", from: "me", to: "olu", format: "lunch", minutes: 75 },
    { date: "2024-05-01", kind: "meeting", from: "olu", to: "me", format: "lunch", minutes: 75 },
    { date: "2024-05-27", kind: "favour", from: "olu", to: "me" },
    { date: "2022-01-01", kind: "information", from: "ned", to: "me", tags: ["hiring"] },
    { date: "2024-04-20", kind: "meeting", from: "me", to: "ned", format: "call", minutes: 30, value: 6 },
    { date: "2024-05-20", kind: "meeting", from: "kim", to: "me", format: "coffee", minutes: 45, value: 14 },
    { date: "2022-03-01", kind: "favour", from: "dee", to: "me" },
    { date: "2022-03-11", kind: "favour", from: "me", to: "dee" },
    { date: "2023-03-01", kind: "connection", from: "dee", to: "me" },
    { date: "2023-05-01", kind: "connection", from: "cal", to: "me" },
    { date: "2024-03-15", kind: "favour", from: "me", to: "bea" },
    { date: "2024-03-15", kind: "information", from: "bea", to: "me", tags: ["data-engineering"] },
    { date: "2024-06-01", kind: "information", from: "me", to: "fay", tags: ["pricing"] },
    { date: "2024-06-02", kind: "information", from: "fay", to: "me", tags: ["funding"], confidential: true, note: "Series B closes in July" },
  ],
});

const week = "2024-06-12";
const summary = (plan: ReturnType<typeof weeklyPlan>) => plan.items.map((i) => `${i.person}:${i.format}:${i.minutes}:${i.reasons.map((r) => r.code).join("+")}`);
// the reasons in words, from core's one formatter
const said = (net: Network, item: PlanItem) => formatPlanEntry(item, wordingNames(net)).reasons;

describe("weeklyPlan on a hand-worked network", () => {
  const net = Network.from(handNetwork());

  it("fills two hours from the lists in turn: owe, reconnect, external, target, due", () => {
    const plan = weeklyPlan(net, { week });
    expect(plan.week).toBe("2024-06-10");
    expect(plan.budgetMinutes).toBe(120);
    // olu (owe) prefers lunch, 75 of 120; ned (most overdue for his cadence) a call, 30 of the 45 left; 15 left < 30: stop
    expect(summary(plan)).toEqual(["olu:lunch:75:owe", "ned:call:30:overdue"]);
    expect(plan.usedMinutes).toBe(105);
    expect(plan.external).toEqual({ share: 0, target: 0.5, status: "below" });
  });

  it("explains each choice in words", () => {
    const [olu, ned] = weeklyPlan(net, { week }).items;
    expect(olu!.reasons).toHaveLength(1);
    expect(olu!.reasons[0]).toMatchObject({ code: "owe", given: 0, souring: false });
    expect(olu!.reasons[0]!.code === "owe" && olu!.reasons[0]!.received).toBeCloseTo(2.8, 1);
    expect(ned!.reasons).toEqual([{ code: "overdue", overdueDays: 21, cadence: { days: 30, source: "tier", tier: "active" }, lastTouch: "2024-04-20" }]);
    expect(said(net, olu!)).toEqual(["You owe them: they gave you 2.8 and you gave 0.0 (recency-weighted; a tip is 1, a favour 3): repay before you ask."]);
    expect(said(net, ned!)).toEqual(["Overdue by 21 days (active tie: every 30 days; last touch 2024-04-20)."]);
  });

  it("carries the same turns on in job-search mode, with double the budget", () => {
    const plan = weeklyPlan(net, { week, jobSearch: true });
    expect(plan.budgetMinutes).toBe(240);
    // after ned the turn is the due list's: cal (urgency 1.11, coffee by default), then kim (reconnect, 1.50 < 1.70),
    // then eve (due, 1.00): 75 + 30 + 45 + 45 + 45 = 240, to the minute
    expect(summary(plan)).toEqual(["olu:lunch:75:owe", "ned:call:30:overdue", "cal:coffee:45:due", "kim:coffee:45:overdue", "eve:coffee:45:due"]);
    expect(plan.usedMinutes).toBe(240);
    // no format had to shrink, so it is the same as a four-hour week
    expect(weeklyPlan(net, { week, hours: 4 }).items).toEqual(plan.items);
  });

  it("runs down every list when the budget allows, dormant after overdue, and never plans anyone twice", () => {
    const plan = weeklyPlan(net, { week, hours: 10 });
    // turns: olu | ned, cal | kim, eve | dee, bea; then every list is empty
    expect(summary(plan)).toEqual(["olu:lunch:75:owe", "ned:call:30:overdue", "cal:coffee:45:due", "kim:coffee:45:overdue", "eve:coffee:45:due", "dee:coffee:45:dormant", "bea:coffee:45:due"]);
    expect(plan.usedMinutes).toBe(330);
    expect(said(net, plan.items.find((i) => i.person === "dee")!)).toEqual([
      "Dormant tie worth reconnecting: once strong (peak strength 0.77), silent for 467 days since 2023-03-01. Reconnected dormant ties bring fresh knowledge (Levin, Walter & Murnighan 2011).",
    ]);
    expect(said(net, plan.items.find((i) => i.person === "cal")!)).toEqual(["Overdue by 41 days (acquaintance tie: every 365 days; last touch 2023-05-01)."]);
    expect(said(net, plan.items.find((i) => i.person === "eve")!)).toEqual(["Not met yet: you want to see them every 20 days."]);
    expect(said(net, plan.items.find((i) => i.person === "bea")!)).toEqual(["Due 2024-06-14 (wider tie: every 91 days; last touch 2024-03-15)."]);
  });

  it("shrinks the format to what fits, and stops when nothing does", () => {
    // one hour: olu's lunch (75) does not fit; the longest shorter format that does is coffee (45); 15 left
    const hour = weeklyPlan(net, { week, hours: 1 });
    expect(summary(hour)).toEqual(["olu:coffee:45:owe"]);
    expect(hour.usedMinutes).toBe(45);
    // custom durations merge over the defaults: calls take 20, and a 60-minute walk joins
    // olu lunch 75 (45 left), ned call 20 (25 left), cal: coffee 45 does not fit, a call does (5 left)
    const custom = weeklyPlan(net, { week, durations: { call: 20, walk: 60 } });
    expect(summary(custom)).toEqual(["olu:lunch:75:owe", "ned:call:20:overdue", "cal:call:20:due"]);
    expect(custom.usedMinutes).toBe(115);
    // fractional hours round down to whole minutes: 1.75 h = 105 min, 29 min = nothing
    expect(weeklyPlan(net, { week, hours: 1.75 }).budgetMinutes).toBe(105);
    expect(weeklyPlan(net, { week, hours: 29 / 60 }).items).toEqual([]);
    expect(weeklyPlan(net, { week, hours: 0, jobSearch: true })).toMatchObject({ budgetMinutes: 0, usedMinutes: 0, items: [] });
  });

  it("merges the reasons of every list a person is on", () => {
    // owing even 0.03 puts ned on the owe list too, after olu (who is owed more)
    const plan = weeklyPlan(net, { week, minOwed: 0 });
    const ned = plan.items.find((i) => i.person === "ned")!;
    expect(ned.reasons.map((r) => r.code)).toEqual(["owe", "overdue"]);
    expect(said(net, ned)[0]).toBe("You owe them: they gave you 0.0 and you gave 0.0 (recency-weighted; a tip is 1, a favour 3): repay before you ask.");
    expect(summary(plan).slice(0, 2)).toEqual(["olu:lunch:75:owe", "ned:call:30:owe+overdue"]);
  });

  it("says what you could offer, or prompts you to ask", () => {
    const items = new Map(weeklyPlan(net, { week, hours: 10 }).items.map((i) => [i.person, i]));
    // olu wants pricing: I sent pricing news to fay
    expect(items.get("olu")).toMatchObject({ offer: ["pricing"] });
    expect(items.get("olu")!.prompt).toBeUndefined();
    // ned wants hiring: the only hiring news I have came from ned himself
    expect(items.get("ned")).toMatchObject({ offer: [], prompt: { code: "no-match", interests: ["Hiring"] } });
    expect(formatPlanEntry(items.get("ned")!, wordingNames(net)).offer).toBe("They are after Hiring; you hold nothing on it yet: ask who could help, or what else they need.");
    expect(formatPlanEntry(items.get("olu")!, wordingNames(net)).offer).toBe("Offer: pricing");
    // kim wants funding (only heard in confidence) and data engineering (from bea): only the latter
    expect(items.get("kim")).toMatchObject({ offer: ["Data Engineering"] });
    // nothing recorded: ask
    expect(items.get("cal")).toMatchObject({ offer: [], prompt: ASK_PROMPT });
    expect(items.get("eve")).toMatchObject({ offer: [], prompt: ASK_PROMPT });
  });

  it("keeps confidential exchanges and notes out unless asked", () => {
    const plain = JSON.stringify(weeklyPlan(net, { week, hours: 10 }));
    expect(plain).not.toMatch(/Series B|Lisbon|funding/);
    const open = new Map(weeklyPlan(net, { week, hours: 10, includeConfidential: true }).items.map((i) => [i.person, i]));
    expect(open.get("kim")!.offer).toEqual(["funding", "Data Engineering"]);
    expect(JSON.stringify([...open.values()])).not.toMatch(/Series B|Lisbon/);
  });

  it("proposes slots over the working week, each format at its time", () => {
    const plan = weeklyPlan(net, { week, jobSearch: true });
    expect(plan.items.map((i) => i.slot)).toEqual([
      { date: "2024-06-10", start: "12:30", end: "13:45" },
      { date: "2024-06-11", start: "16:00", end: "16:30" },
      { date: "2024-06-12", start: "08:30", end: "09:15" },
      { date: "2024-06-13", start: "08:30", end: "09:15" },
      { date: "2024-06-14", start: "08:30", end: "09:15" },
    ]);
    // all on Wednesday: coffees stack after the first with 15 minutes between, around the lunch and the call
    const wednesday = weeklyPlan(net, { week, jobSearch: true, schedule: { days: [3] } });
    expect(wednesday.items.map((i) => `${i.person} ${i.slot!.start}-${i.slot!.end}`)).toEqual(["olu 12:30-13:45", "ned 16:00-16:30", "cal 08:30-09:15", "kim 09:30-10:15", "eve 10:30-11:15"]);
    // a two-hour Monday (08:00 to 10:00): no room at lunch time, so the lunch takes the earliest free start, the call
    // the next one after a 15-minute gap; the coffees find no room and get no slot
    const short = weeklyPlan(net, { week, jobSearch: true, schedule: { days: [1], dayEnd: "10:00" } });
    expect(short.items.map((i) => i.slot && `${i.slot.start}-${i.slot.end}`)).toEqual(["08:00-09:15", "09:30-10:00", undefined, undefined, undefined]);
  });

  it("is the same plan for every day of the week, and a new one the next week", () => {
    const monday = weeklyPlan(net, { week: "2024-06-10" });
    for (const d of ["2024-06-11", "2024-06-14", "2024-06-16"]) expect(weeklyPlan(net, { week: d })).toEqual(monday);
    // Sunday 2024-06-09 belongs to the week before, read on 2024-06-03: kim is due that day, not overdue
    const before = weeklyPlan(net, { week: "2024-06-09", hours: 10 });
    expect(before.week).toBe("2024-06-03");
    expect(before.items.find((i) => i.person === "kim")!.reasons.map((r) => r.code)).toEqual(["due"]);
  });
});

describe("weeklyPlan's external list", () => {
  // me, ann and bob at Acme; xan and yul at Globex. Ties (ordered pairs with an exchange):
  // me→ann, ann→me, me→bob internal; me→xan, yul→me external: share 2/5 = 40%, below 50% by more than 5 points
  const net = Network.from({
    ego: "me",
    organisations: [{ id: "acme", name: "Acme" }, { id: "globex", name: "Globex" }],
    people: ["me", "ann", "bob", "xan", "yul"].map((id) => ({ id, name: id.toUpperCase() })),
    affiliations: [
      ...["me", "ann", "bob"].map((person) => ({ person, organisation: "acme" })),
      ...["xan", "yul"].map((person) => ({ person, organisation: "globex" })),
    ],
    exchanges: [
      { date: "2024-05-01", kind: "meeting", from: "me", to: "ann", format: "coffee" },
      { date: "2024-05-02", kind: "meeting", from: "ann", to: "me", format: "coffee" },
      { date: "2024-05-03", kind: "meeting", from: "me", to: "bob", format: "coffee" },
      { date: "2024-02-01", kind: "meeting", from: "me", to: "xan", format: "call" },
      { date: "2024-04-01", kind: "meeting", from: "yul", to: "me", format: "lunch" },
    ],
  });

  it("adds external contacts, longest unseen for their cadence first, when the share is below target", () => {
    const plan = weeklyPlan(net, { week: "2024-06-10", hours: 3 });
    expect(plan.external).toEqual({ share: 0.4, target: 0.5, status: "below" });
    // xan last seen 130 days ago, yul 70 (both yearly): xan first; nobody else is due
    expect(summary(plan)).toEqual(["xan:call:30:external", "yul:lunch:75:external"]);
    expect(plan.items[0]!.reasons).toEqual([{ code: "external", share: 0.4, target: 0.5 }]);
    expect(said(net, plan.items[0]!)).toEqual(["External contact: 40% of your ties are outside your organisation, below your 50% target."]);
  });

  it("leaves them out when the share is on target", () => {
    expect(weeklyPlan(net, { week: "2024-06-10", externalTarget: 0.4 }).items).toEqual([]);
    expect(weeklyPlan(net, { week: "2024-06-10", externalTarget: 0.42 }).external.status).toBe("on-target");
  });
});

describe("weeklyPlan's target list", () => {
  // Every exchange is on Monday 2024-06-10, the day the clock is read, so strengths are undecayed: 1 − e^(−S/4).
  // me–ann: a lunch weighted 8 → 0.8647; ann–bob: the same; me–cy: one call → 0.2212. Bob and Cy work at Initech.
  // Paths to Initech, most reliable first: me → ann → bob (0.8647² = 0.7477), then me → cy (0.2212).
  const net = Network.from({
    ego: "me",
    organisations: [{ id: "acme", name: "Acme" }, { id: "initech", name: "Initech" }],
    people: [{ id: "me", name: "Me" }, { id: "ann", name: "Ann" }, { id: "bob", name: "Bob" }, { id: "cy", name: "Cy" }],
    affiliations: [
      { person: "me", organisation: "acme" },
      { person: "ann", organisation: "acme" },
      { person: "bob", organisation: "initech" },
      { person: "cy", organisation: "initech" },
    ],
    exchanges: [
      { date: "2024-06-10", kind: "meeting", from: "me", to: "ann", format: "lunch", value: 8 },
      { date: "2024-06-10", kind: "meeting", from: "ann", to: "bob", format: "coffee", value: 8 },
      { date: "2024-06-10", kind: "meeting", from: "cy", to: "me", format: "call" },
    ],
  });

  it("adds the first person of each introduction path, best path first", () => {
    const plan = weeklyPlan(net, { week: "2024-06-12", targetOrganisation: "initech" });
    // ties me→ann (internal) and cy→me (external): share 1/2, on target; everyone else is on time
    expect(plan.external.status).toBe("on-target");
    expect(summary(plan)).toEqual(["ann:lunch:75:target", "cy:call:30:target"]);
    const s = 1 - Math.exp(-8 / 4);
    expect(plan.items[0]!.reasons).toHaveLength(1);
    expect(plan.items[0]!.reasons[0]).toMatchObject({ code: "target", organisation: "initech", via: ["ann", "bob"] });
    const target = plan.items[0]!.reasons[0] as { chance: number; strength: number };
    expect(target.chance).toBeCloseTo(s * s, 12);
    expect(target.strength).toBeCloseTo(s, 12);
    expect(plan.items.map((i) => said(net, i))).toEqual([
      ["Leads toward Initech: can introduce you to Bob (you → Ann → Bob; the chain holds with chance 0.748)."],
      ["Works at Initech, the organisation you want to reach (tie strength 0.22)."],
    ]);
    expect(weeklyPlan(net, { week: "2024-06-12" }).items).toEqual([]);
  });
});

describe("weeklyPlan option errors", () => {
  const net = Network.from(handNetwork());
  const failure = (options: WeeklyPlanOptions): [string, string | undefined] => {
    try {
      weeklyPlan(net, options);
    } catch (e) {
      expect(e).toBeInstanceOf(TiegraphError);
      return [(e as TiegraphError).code, (e as TiegraphError).record];
    }
    throw new Error("expected a TiegraphError");
  };
  it("names the option and what was expected", () => {
    expect(failure({ week: "2024-13-01" })).toEqual(["invalid-date", "week"]);
    expect(failure({} as WeeklyPlanOptions)).toEqual(["invalid-date", "week"]);
    expect(failure({ week, hours: -1 })).toEqual(["invalid-option", "hours"]);
    expect(failure({ week, hours: Number.POSITIVE_INFINITY })).toEqual(["invalid-option", "hours"]);
    expect(failure({ week, durations: { coffee: 0 } })).toEqual(["invalid-option", "durations.coffee"]);
    expect(failure({ week, durations: { walk: 12.5 } })).toEqual(["invalid-option", "durations.walk"]);
    expect(failure({ week, targetOrganisation: "initech" })).toEqual(["unknown-organisation", "targetOrganisation"]);
    expect(failure({ week, externalTarget: 1.5 })).toEqual(["invalid-option", "externalTarget"]);
    expect(failure({ week, minOwed: -1 })).toEqual(["invalid-option", "minOwed"]);
    expect(failure({ week, jobSearch: "yes" as unknown as boolean })).toEqual(["invalid-option", "jobSearch"]);
    expect(failure({ week, schedule: { days: [0] } })).toEqual(["invalid-option", "schedule.days"]);
    expect(failure({ week, schedule: { dayStart: "9am" } })).toEqual(["invalid-option", "schedule.dayStart"]);
    expect(failure({ week, schedule: { dayStart: "18:00", dayEnd: "09:00" } })).toEqual(["invalid-option", "schedule"]);
    expect(failure({ week, ego: "nobody" })[0]).toBe("unknown-person");
    expect(failure({ week, tiers: { close: { cadenceDays: 60 } } })[0]).toBe("invalid-option");
  });
});
