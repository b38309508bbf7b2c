/**
 * "Export week as .ics": the week's plan as shown (skipped and moved-on
 * entries left out, entries moved in kept) through core's planToIcs, as a
 * download. Nothing leaves the browser: the file is a blob URL.
 */
import { planToIcs, type PlanItem, type WeeklyPlan, type WordingNames } from "@tiegraph/core";
import { h } from "../dom/element.js";

/**
 * The calendar text of the plan with only `items` (core's planToIcs; events for the items with a proposed slot).
 *
 * @example weekIcs(plan, plan.items, names) === planToIcs(plan, { names }) // true when nothing was skipped
 */
export function weekIcs(plan: WeeklyPlan, items: readonly PlanItem[], names: WordingNames): string {
  return planToIcs({ ...plan, items: [...items], usedMinutes: items.reduce((s, i) => s + i.minutes, 0) }, { names });
}

/**
 * Downloads text as a file (a blob URL: nothing leaves the browser).
 *
 * @example downloadText(ics, "tiegraph-week-2026-10-05.ics", "text/calendar")
 */
export function downloadText(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
