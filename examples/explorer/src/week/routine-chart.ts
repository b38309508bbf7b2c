/**
 * "Keeping the routine": networking hours per week over the routine's weeks
 * (26 by default: six months) as bars against the weekly budget, drawn as
 * SVG element by element, with a text alternative (a summary as the chart's
 * accessible name and the figures as a table).
 */
import type { Routine } from "@tiegraph/core";
import { h, svg } from "../dom/element.js";

/**
 * Minutes as hours for the page, to a tenth of an hour.
 *
 * @example hoursText(90) // "1.5 h"
 */
export function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} h`;
}

/**
 * The chart's accessible name: the span, the budget, the average and this week.
 *
 * @example routineSummary(networkingRoutine(network, { asOf: "2026-10-07" })) // "Networking hours per week, 26 weeks from the week of 2026-04-13, against a budget of 2 h: …"
 */
export function routineSummary(r: Routine): string {
  const first = r.weeks[0]!;
  const average = r.averageMinutes === null ? "no completed week yet" : `on average ${hoursText(r.averageMinutes)} a week`;
  return `Networking hours per week, ${r.weeks.length} weeks from the week of ${first.week}, against a budget of ${hoursText(r.budgetMinutes)}: ${average}, ${r.weeksOnBudget} of ${r.weeks.length - 1} completed weeks on budget; this week ${hoursText(r.thisWeek.usedMinutes)} so far.`;
}

/**
 * The bar chart: one bar per week (this week last, marked), the budget as a
 * dashed line. Each bar carries its week and minutes (`data-week`,
 * `data-minutes`) and a tooltip.
 *
 * @example panel.append(routineChart(networkingRoutine(network, { asOf: "2026-10-07" })))
 */
export function routineChart(r: Routine): HTMLElement {
  const W = 300;
  const H = 110;
  const pad = { left: 28, right: 4, top: 8, bottom: 16 };
  const top = Math.max(r.budgetMinutes, ...r.weeks.map((w) => w.minutes), 60);
  const y = (m: number) => pad.top + (1 - m / top) * (H - pad.top - pad.bottom);
  const step = (W - pad.left - pad.right) / r.weeks.length;
  const chart = svg("svg", { class: "chart routine-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": routineSummary(r) });
  r.weeks.forEach((w, i) => {
    const last = i === r.weeks.length - 1;
    const bar = svg("rect", {
      class: `bar${w.onBudget ? " on-budget" : ""}${last ? " this-week" : ""}`,
      x: (pad.left + i * step + 1).toFixed(1),
      y: y(w.minutes).toFixed(1),
      width: Math.max(1, step - 2).toFixed(1),
      height: (y(0) - y(w.minutes)).toFixed(1),
      "data-week": w.week,
      "data-minutes": w.minutes,
    });
    bar.append(svg("title", {}, `Week of ${w.week}: ${hoursText(w.minutes)} (${Math.round(w.minutes)} min, ${Math.round(w.externalMinutes)} outside your organisation)`));
    chart.append(bar);
  });
  chart.append(svg("line", { class: "budget", x1: pad.left, x2: W - pad.right, y1: y(r.budgetMinutes), y2: y(r.budgetMinutes), "stroke-dasharray": "4 3" }));
  chart.append(svg("text", { x: pad.left - 3, y: y(r.budgetMinutes) + 3, "text-anchor": "end" }, hoursText(r.budgetMinutes)));
  chart.append(svg("text", { x: pad.left - 3, y: y(0) + 3, "text-anchor": "end" }, "0"));
  chart.append(svg("text", { x: pad.left, y: H - 3, "text-anchor": "start" }, r.weeks[0]!.week));
  chart.append(svg("text", { x: W - pad.right, y: H - 3, "text-anchor": "end" }, "this week"));
  const table = h(
    "table",
    { class: "small routine-table" },
    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" }, text: "Week of" }), h("th", { attrs: { scope: "col" }, text: "Minutes" }), h("th", { attrs: { scope: "col" }, text: "Outside your organisation" }))),
    h("tbody", {}, ...r.weeks.map((w) => h("tr", {}, h("th", { attrs: { scope: "row" }, text: w.week }), h("td", { text: String(Math.round(w.minutes)) }), h("td", { text: String(Math.round(w.externalMinutes)) })))),
  );
  return h("figure", { class: "routine" }, chart, h("details", {}, h("summary", { text: "The figures as a table" }), table));
}
