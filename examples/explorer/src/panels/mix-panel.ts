/**
 * The "Inside/outside" tab: your E-I index now and per quarter (a small
 * chart), your external share against the target you set, and the
 * organisations your contacts are at. People on the graph are coloured
 * internal or external while this tab is open.
 */
import type { EITrendPoint } from "@tiegraph/core";
import { h, replaceChildren, svg } from "../dom/element.js";
import type { EgoMix } from "../worker/analysis.js";
import type { NetworkSession } from "../network-session.js";
import { num, signed } from "./format.js";

/** Most organisations listed. */
const SHOWN = 15;

/** Words for an E-I index. */
export function eiWords(ei: number | null): string {
  if (ei === null) return "no ties yet";
  if (ei === -1) return "all inside your organisation";
  if (ei === 1) return "all outside your organisation";
  if (ei <= -0.6) return "almost all inside your organisation";
  if (ei < -0.2) return "mostly inside your organisation";
  if (ei <= 0.2) return "balanced between inside and outside";
  if (ei < 0.6) return "mostly outside your organisation";
  return "almost all outside your organisation";
}

/** The Inside/outside tab. */
export class MixPanel {
  readonly element = h("div", { attrs: { "data-panel": "mix" } });

  constructor(private readonly filterOrganisation: (id: string) => void) {}

  /** Shows ego's mix. */
  update(session: NetworkSession | undefined): void {
    if (session?.overviewProblem) {
      replaceChildren(this.element, h("p", { class: "problem", attrs: { role: "status" }, text: `The mix could not be computed: ${session.overviewProblem}` }));
      return;
    }
    if (session && !session.overview) {
      replaceChildren(this.element, h("p", { class: "muted", attrs: { "aria-busy": "true" }, text: "Analysing…" }));
      return;
    }
    const mix = session?.overview?.mix;
    if (!session || !mix) {
      replaceChildren(this.element, h("p", { class: "muted", text: session ? "This network does not say which one is you, so there is no mix to show. Choose yourself above." : "Open a network first." }));
      return;
    }
    const s = mix.share;
    const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);
    const gapText = s.gap === null ? "no ties yet" : s.status === "on-target" ? "on target" : `${Math.abs(Math.round(s.gap * 100))} points ${s.status === "below" ? "below" : "above"} target`;
    replaceChildren(
      this.element,
      h("h3", { text: "Your E-I index" }),
      h("p", {}, h("strong", { attrs: { "data-figure": "ei" }, text: mix.eiIndex === null ? "–" : signed(mix.eiIndex) }), ` — ${eiWords(mix.eiIndex)}.`),
      h("p", { class: "muted small", text: "Krackhardt & Stern's E-I index (E − I) / (E + I) over your ties: −1 all internal, +1 all external. Confidential exchanges are left out." }),
      h("h3", { text: "Per quarter" }),
      trendChart(mix.trend),
      h("h3", { text: "External share" }),
      h(
        "div",
        { class: "meter", attrs: { role: "meter", "aria-label": "External share", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": s.share === null ? 0 : Math.round(s.share * 100), "aria-valuetext": `${pct(s.share)} external, target ${pct(s.target)}` } },
        h("div", { class: "fill", attrs: { style: `width: ${(s.share ?? 0) * 100}%` } }),
        h("div", { class: "target", attrs: { style: `left: calc(${s.target * 100}% - 1px)`, title: `target ${pct(s.target)}` } }),
      ),
      h("p", { attrs: { "data-figure": "share" }, text: `${pct(s.share)} of your ties are external; your target is ${pct(s.target)} (${gapText}).` }),
      ...reached(mix, this.filterOrganisation),
    );
  }
}

function reached(mix: EgoMix, filter: (id: string) => void): HTMLElement[] {
  const list = mix.reached.slice(0, SHOWN);
  return [
    h("h3", { text: `Organisations reached (${mix.reached.length})` }),
    h(
      "ul",
      { class: "people", attrs: { "data-list": "organisations-reached" } },
      ...list.map((o) =>
        h(
          "li",
          {},
          h(
            "button",
            { class: "person", attrs: { type: "button", "aria-label": `Show only ${o.name} on the graph` }, on: { click: () => filter(o.id) } },
            h("span", { text: `${o.name}${o.own ? " (yours)" : ""}` }),
            h("span", { class: "muted", text: `${o.contacts} ${o.contacts === 1 ? "contact" : "contacts"}` }),
          ),
        ),
      ),
    ),
    mix.unaffiliated ? h("p", { class: "muted small", text: `${mix.unaffiliated} contacts have no organisation on the reference day.` }) : h("span"),
  ];
}

/**
 * A line chart of the E-I index per period on a fixed −1…+1 axis, as SVG
 * built element by element. Periods without ties break the line.
 */
export function trendChart(points: readonly EITrendPoint[]): SVGSVGElement {
  const W = 300;
  const H = 120;
  const pad = { left: 26, right: 6, top: 8, bottom: 18 };
  const x = (i: number) => pad.left + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (W - pad.left - pad.right));
  const y = (v: number) => pad.top + ((1 - v) / 2) * (H - pad.top - pad.bottom);
  const described = points.filter((p) => p.index !== null);
  const label = described.length ? `E-I index per quarter, from ${points[0]!.period} (${num(points[0]!.index)}) to ${points[points.length - 1]!.period} (${num(points[points.length - 1]!.index)})` : "No ties in any quarter";
  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label });
  for (const v of [1, 0, -1]) {
    chart.append(svg("line", { class: "zero", x1: pad.left, x2: W - pad.right, y1: y(v), y2: y(v), "stroke-dasharray": v === 0 ? "" : "2 3" }));
    chart.append(svg("text", { x: pad.left - 4, y: y(v) + 3, "text-anchor": "end" }, v > 0 ? "+1" : String(v)));
  }
  let d = "";
  let pen = false;
  points.forEach((p, i) => {
    if (p.index === null) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(p.index).toFixed(1)} `;
    pen = true;
    const dot = svg("circle", { class: "dot", cx: x(i), cy: y(p.index), r: 2.5 });
    dot.append(svg("title", {}, `${p.period}: ${signed(p.index)} (${p.internal} internal, ${p.external} external)`));
    chart.append(dot);
  });
  if (d) chart.insertBefore(svg("path", { class: "line", d: d.trim() }), chart.firstChild);
  if (points.length) {
    chart.append(svg("text", { x: pad.left, y: H - 4, "text-anchor": "start" }, points[0]!.period));
    chart.append(svg("text", { x: W - pad.right, y: H - 4, "text-anchor": "end" }, points[points.length - 1]!.period));
  }
  return chart;
}
