/**
 * The weekly plan as text: the head lines, then one block per meeting with
 * its proposed day and time, format, reasons and what to offer. Every
 * sentence comes from core's wording.
 */
import { formatPlanEntry, formatPlanHead, message, wordingNames, type Network, type PersonId, type WeeklyPlan } from "@tiegraph/core";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * A plan as text: the head lines, then one block per meeting with its
 * proposed time, the reasons and what to offer. `you` is whose plan it is
 * (default: the network's ego).
 *
 * @example
 * ```ts
 * process.stdout.write(renderPlan(weeklyPlan(network, { week: "2026-10-05" }), network));
 * ```
 */
export function renderPlan(plan: WeeklyPlan, network: Network, you: PersonId | undefined = network.ego): string {
  const names = wordingNames(network, { you });
  const out: string[] = formatPlanHead(plan).map((line) => `${line}\n`);
  if (plan.items.length === 0) out.push(`\n${message("plan.empty")}\n`);
  plan.items.forEach((item, i) => {
    const when = item.slot ? `${WEEKDAYS[new Date(`${item.slot.date}T12:00:00Z`).getUTCDay()]} ${item.slot.date} ${item.slot.start}–${item.slot.end}` : message("plan.no-slot");
    const entry = formatPlanEntry(item, names);
    out.push(`\n${i + 1}. ${when}  ${item.format} (${item.minutes} min) with ${names.person(item.person)}\n`);
    for (const r of entry.reasons) out.push(`   why: ${r}\n`);
    if (item.offer.length) out.push(`   offer: ${item.offer.join(", ")}\n`);
    else if (item.prompt) out.push(`   ask: ${entry.offer}\n`);
  });
  return out.join("");
}
