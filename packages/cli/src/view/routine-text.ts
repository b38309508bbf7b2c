/**
 * Keeping the routine as text: the weekly average against the budget, this
 * week's minutes used and left, and the share of the time spent outside
 * your organisation against its target.
 */
import type { Routine } from "@tiegraph/core";

const hm = (m: number) => `${Math.floor(m / 60)}h${String(Math.round(m % 60)).padStart(2, "0")}`;
const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Three lines under the plan.
 *
 * @example renderRoutine(networkingRoutine(network, { asOf: "2026-03-18" }))
 */
export function renderRoutine(r: Routine): string {
  const completed = r.weeks.length - 1;
  const out = [`\nRoutine over the last ${r.weeks.length} weeks (budget ${hm(r.budgetMinutes)} a week):\n`];
  if (r.averageMinutes !== null) out.push(`- ${hm(r.averageMinutes)} a week on average; ${r.weeksOnBudget} of ${completed} weeks on budget\n`);
  out.push(`- this week so far: ${hm(r.thisWeek.usedMinutes)} used, ${hm(r.thisWeek.remainingMinutes)} left\n`);
  const e = r.external;
  out.push(e.share === null ? "- time outside your organisation: no networking time recorded yet\n" : `- ${percent(e.share)} of the time outside your organisation (target ${percent(e.target)}${e.status === "below" ? ": too much of it stays inside" : ""})\n`);
  return out.join("");
}
