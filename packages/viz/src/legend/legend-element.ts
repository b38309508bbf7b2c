/**
 * Legends as plain DOM: one section per active encoding with its name, its
 * units and swatches drawn from the same scale as the picture. Every text is
 * set with `textContent`, so an organisation called `<b>` reads as `<b>`.
 * Styles are inline so a legend needs no stylesheet.
 */
import type { LegendEntry, LegendSpec } from "../encodings/legend-spec.js";
import type { ViewTheme } from "../theme/themes.js";

/** Marks that are not encodings but still need a key. */
export interface LegendMarks {
  /** Whether ego is drawn (then its ring is explained). */
  ego: boolean;
  /** Whether people are selected (ring colour explained). */
  selection: boolean;
  /** Whether an introduction path is highlighted. */
  path: boolean;
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * Builds a legend element for the given encodings.
 *
 * @example
 * ```ts
 * const el = legendElement([nodeColourEncoding(scene, "organisation", LIGHT_THEME).legend!], LIGHT_THEME);
 * document.body.append(el);
 * ```
 */
export function legendElement(specs: readonly LegendSpec[], theme: ViewTheme, marks: LegendMarks = { ego: false, selection: false, path: false }, doc: Document = document): HTMLElement {
  const root = doc.createElement("div");
  root.className = "tiegraph-legend";
  renderLegend(root, specs, theme, marks);
  return root;
}

/**
 * Replaces a legend element's content (used when encodings, theme or
 * highlights change, so callers keep the element they placed).
 *
 * @example renderLegend(view.legend, specs, DARK_THEME, { ego: true, selection: false, path: false });
 */
export function renderLegend(root: HTMLElement, specs: readonly LegendSpec[], theme: ViewTheme, marks: LegendMarks): void {
  const doc = root.ownerDocument;
  root.replaceChildren();
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Legend");
  root.dataset.theme = theme.name;
  Object.assign(root.style, { font: `11px ${theme.font}`, color: theme.text, background: theme.background, lineHeight: "1.3" });
  for (const spec of specs) root.append(section(doc, spec, theme));
  const keys: LegendEntry[] = [];
  if (marks.ego) keys.push({ label: "you (ringed)", colour: theme.egoRing });
  if (marks.selection) keys.push({ label: "selected (ringed)", colour: theme.selectionRing });
  if (marks.path) keys.push({ label: "introduction path", colour: theme.highlight });
  if (keys.length) root.append(section(doc, { channel: "node-colour", title: "Marks", units: "", entries: keys }, theme, "marks"));
}

function section(doc: Document, spec: LegendSpec, theme: ViewTheme, channel: string = spec.channel): HTMLElement {
  const s = doc.createElement("section");
  s.dataset.channel = channel;
  s.style.margin = "0 0 6px 0";
  const h = doc.createElement("h4");
  h.textContent = spec.title;
  Object.assign(h.style, { margin: "0 0 1px 0", fontSize: "11px", fontWeight: "600" });
  s.append(h);
  if (spec.units) {
    const u = doc.createElement("p");
    u.className = "units";
    u.textContent = spec.units;
    Object.assign(u.style, { margin: "0 0 3px 0", color: theme.mutedText, fontSize: "10px" });
    s.append(u);
  }
  if (spec.gradient) {
    const ramp = doc.createElement("div");
    ramp.className = "ramp";
    Object.assign(ramp.style, { height: "10px", borderRadius: "2px", background: `linear-gradient(to right, ${spec.gradient.colours.join(", ")})` });
    const ticks = doc.createElement("div");
    ticks.className = "ticks";
    Object.assign(ticks.style, { position: "relative", height: "13px", fontSize: "10px", marginBottom: "2px" });
    for (const t of spec.gradient.ticks) {
      const tick = doc.createElement("span");
      tick.textContent = t.label;
      const align = t.position <= 0 ? { left: "0" } : t.position >= 1 ? { right: "0" } : { left: `${t.position * 100}%`, transform: "translateX(-50%)" };
      Object.assign(tick.style, { position: "absolute", whiteSpace: "nowrap", ...align });
      ticks.append(tick);
    }
    s.append(ramp, ticks);
  }
  if (spec.entries.length) {
    const list = doc.createElement("ul");
    Object.assign(list.style, { listStyle: "none", margin: "0", padding: "0" });
    for (const e of spec.entries) list.append(entry(doc, e, theme));
    s.append(list);
  }
  return s;
}

function entry(doc: Document, e: LegendEntry, theme: ViewTheme): HTMLElement {
  const li = doc.createElement("li");
  Object.assign(li.style, { display: "flex", alignItems: "center", gap: "5px", margin: "0" });
  const box = doc.createElement("span");
  box.className = "swatch";
  Object.assign(box.style, { display: "inline-flex", alignItems: "center", justifyContent: "center", width: "30px", minHeight: "12px", flex: "none" });
  if (e.colour !== undefined) {
    const dot = doc.createElement("span");
    Object.assign(dot.style, { display: "inline-block", width: "11px", height: "11px", borderRadius: "50%", background: e.colour });
    box.append(dot);
  } else if (e.size !== undefined) {
    const d = Math.max(2, 2 * e.size);
    const dot = doc.createElement("span");
    Object.assign(dot.style, { display: "inline-block", width: `${d}px`, height: `${d}px`, borderRadius: "50%", background: theme.node });
    box.append(dot);
  } else if (e.width !== undefined) {
    const svg = doc.createElementNS(SVG, "svg");
    svg.setAttribute("width", "30");
    svg.setAttribute("height", "12");
    const line = doc.createElementNS(SVG, "line");
    for (const [k, v] of Object.entries({ x1: "1", y1: "6", x2: e.arrow ? "22" : "29", y2: "6", stroke: theme.edge, "stroke-width": String(e.width) })) line.setAttribute(k, v);
    svg.append(line);
    if (e.arrow) {
      const head = doc.createElementNS(SVG, "path");
      head.setAttribute("d", "M21 1 L29 6 L21 11 Z");
      head.setAttribute("fill", theme.edge);
      svg.append(head);
    }
    box.append(svg);
  }
  const label = doc.createElement("span");
  label.className = "label";
  label.textContent = e.label;
  li.append(box, label);
  return li;
}
