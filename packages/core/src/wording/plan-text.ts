/**
 * The weekly plan in words: why each person is on it, what to bring, and the
 * plan's head lines. The CLI, the calendar export and the explorer call these.
 */
import type { OfferPrompt, PlanCadence, PlanItem, PlanReason, WeeklyPlan } from "../cadence/weekly-plan.js";
import { message } from "./messages.js";
import type { PathReason } from "../paths/types.js";
import { formatChance, formatPathReason, type WordingNames } from "./path-text.js";
import { formatRequestWaiting } from "./request-message.js";

const percent = (x: number): string => `${Math.round(x * 100)}%`;

function cadenceText(c: PlanCadence): string {
  if (c.source === "person") return message("cadence.person", { days: c.days });
  if (c.source === "tag") return message("cadence.tag", { tag: c.tag ?? "", days: c.days });
  return message("cadence.tier", { tier: c.tier, days: c.days });
}

/**
 * One reason someone is on the plan, as a sentence. Names (a target
 * organisation, the people on a path) come from `names`.
 *
 * @example
 * ```ts
 * formatPlanReason({ code: "overdue", overdueDays: 1, cadence: { days: 30, source: "tier", tier: "active" }, lastTouch: "2024-04-20" }, names);
 * // "Overdue by 1 day (active tie: every 30 days; last touch 2024-04-20)."
 * ```
 */
export function formatPlanReason(reason: PlanReason, names: WordingNames): string {
  switch (reason.code) {
    case "owe":
      return message(reason.souring ? "plan.owe.souring" : "plan.owe", { received: reason.received.toFixed(1), given: reason.given.toFixed(1) });
    case "overdue":
      return message("plan.overdue", { days: reason.overdueDays, cadence: cadenceText(reason.cadence), last: reason.lastTouch ?? message("plan.last.never") });
    case "dormant":
      return message("plan.dormant", { peak: reason.peakStrength.toFixed(2), days: reason.daysSinceTouch, last: reason.lastTouch });
    case "external":
      return message("plan.external", { share: percent(reason.share), target: percent(reason.target) });
    case "target": {
      const organisation = names.organisation(reason.organisation);
      if (reason.via.length === 1) return message("plan.target.member", { organisation, strength: reason.strength.toFixed(2) });
      const chain = reason.via.map((id) => names.person(id));
      return message("plan.target.via", { organisation, reach: chain.at(-1)!, chain: chain.join(" → "), chance: formatChance(reason.chance) });
    }
    case "request-waiting":
      return formatRequestWaiting(reason);
    case "due": {
      const cadence = cadenceText(reason.cadence);
      if (reason.lastTouch === undefined) return message("plan.due.never", { cadence });
      if (reason.overdueDays > 0) return message("plan.due.overdue", { days: reason.overdueDays, cadence, last: reason.lastTouch });
      return message("plan.due", { date: reason.dueDate, cadence, last: reason.lastTouch });
    }
  }
}

/**
 * What to do when there is nothing to offer, as a sentence.
 *
 * @example
 * ```ts
 * formatOfferPrompt({ code: "ask-needs" }); // "Ask what they are after: nothing is recorded about what they need."
 * ```
 */
export function formatOfferPrompt(prompt: OfferPrompt): string {
  return prompt.code === "ask-needs" ? message("offer.ask-needs") : message("offer.no-match", { interests: prompt.interests.join(", ") });
}

/** A plan item in words. */
export interface PlanEntryText {
  /** "Coffee with Ann". */
  title: string;
  /** One sentence per reason. */
  reasons: string[];
  /** "Offer: pricing, hiring", or the prompt when there is nothing to offer. */
  offer: string;
}

/**
 * A plan item in words: its title, its reasons and what to bring.
 *
 * @example
 * ```ts
 * const entry = formatPlanEntry(plan.items[0], names);
 * entry.title; // "Coffee with Ann"
 * ```
 */
export function formatPlanEntry(item: PlanItem, names: WordingNames): PlanEntryText {
  const format = item.format.length ? item.format[0]!.toUpperCase() + item.format.slice(1) : item.format;
  return {
    title: message("plan.title", { format, name: names.person(item.person) }),
    reasons: item.reasons.map((r) => formatPlanReason(r, names)),
    offer: item.offer.length ? message("offer.list", { topics: item.offer.join(", ") }) : item.prompt ? formatOfferPrompt(item.prompt) : "",
  };
}

const hours = (m: number): string => `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}`;

/**
 * The plan's two head lines: the week, meeting count and time used of the
 * budget, and the external share against its target.
 *
 * @example
 * ```ts
 * formatPlanHead(plan); // ["Week of 2026-10-05: 3 meetings, 1h45 of 2h00.", "External share of your ties: 40% (target 50%)."]
 * ```
 */
export function formatPlanHead(plan: WeeklyPlan): string[] {
  const search = plan.jobSearch ? message("plan.head.search") : "";
  return [
    message("plan.head", { week: plan.week, search, count: plan.items.length, used: hours(plan.usedMinutes), budget: hours(plan.budgetMinutes) }),
    message("plan.external-share", { share: plan.external.share === null ? message("plan.external-share.none") : percent(plan.external.share), target: percent(plan.external.target) }),
  ];
}

const PLAN_CODES = new Set<string>(["owe", "overdue", "dormant", "external", "target", "due"]);

/**
 * Any reason core answers with, a path's or a plan item's, in words: the
 * one entry point the contract names (`formatPathReason` and
 * `formatPlanReason` are the two halves).
 *
 * @example
 * ```ts
 * formatReason({ code: "external", share: 0.4, target: 0.5 }, names);
 * // "External contact: 40% of your ties are outside your organisation, below your 50% target."
 * ```
 */
export function formatReason(reason: PathReason | PlanReason, names: WordingNames): string {
  return PLAN_CODES.has(reason.code) ? formatPlanReason(reason as PlanReason, names) : formatPathReason(reason as PathReason, names);
}
