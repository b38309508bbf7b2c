/**
 * The weekly plan as text: the budget line, then one block per meeting with
 * its proposed day and time, format, reasons and what to offer.
 */
import type { WeeklyPlan } from "@tiegraph/core";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * A plan as text: the budget line, then one block per meeting with its
 * proposed time, the reasons and what to offer.
 *
 * @example
 * ```ts
 * process.stdout.write(renderPlan(weeklyPlan(network, { week: "2026-10-05" })));
 * ```
 */
export function renderPlan(plan: WeeklyPlan): string {
  const out: string[] = [];
  const hours = (m: number) => `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}`;
  out.push(`Week of ${plan.week}${plan.jobSearch ? " (job search: double budget)" : ""}: ${plan.items.length} meeting${plan.items.length === 1 ? "" : "s"}, ${hours(plan.usedMinutes)} of ${hours(plan.budgetMinutes)}.\n`);
  const share = plan.external.share === null ? "no ties yet" : `${Math.round(plan.external.share * 100)}%`;
  out.push(`External share of your ties: ${share} (target ${Math.round(plan.external.target * 100)}%).\n`);
  if (plan.items.length === 0) out.push("\nNobody is due this week.\n");
  plan.items.forEach((item, i) => {
    const when = item.slot ? `${WEEKDAYS[new Date(`${item.slot.date}T12:00:00Z`).getUTCDay()]} ${item.slot.date} ${item.slot.start}–${item.slot.end}` : "no free slot";
    out.push(`\n${i + 1}. ${when}  ${item.format} (${item.minutes} min) with ${item.name}\n`);
    for (const r of item.reasons) out.push(`   why: ${r}\n`);
    if (item.offer.length) out.push(`   offer: ${item.offer.join(", ")}\n`);
    if (item.prompt) out.push(`   ask: ${item.prompt}\n`);
  });
  return out.join("");
}
