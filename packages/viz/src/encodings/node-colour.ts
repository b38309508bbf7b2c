/**
 * Node colour: organisation (categorical), internal/external relative to ego
 * (categorical), or E-I index (diverging: all internal ↔ all external).
 */
import { scaleLinear, scaleOrdinal } from "d3-scale";
import { schemeTableau10 } from "d3-scale-chromatic";
import type { Scene } from "../scene/scene.js";
import type { ViewTheme } from "../theme/themes.js";
import { missing, unknown } from "./errors.js";
import type { LegendSpec } from "./legend-spec.js";

/** What node colour shows. */
export type NodeColourBy = "organisation" | "internal-external" | "ei-index" | "none";

/** All node colour encodings. */
export const NODE_COLOUR_BY: readonly NodeColourBy[] = ["organisation", "internal-external", "ei-index", "none"];

/** Options of {@link nodeColourEncoding}. */
export interface NodeColourOptions {
  /** Colours of the largest organisations, in order; the rest share "other organisations". */
  palette: readonly string[];
}

/**
 * Defaults: Tableau 10 without its grey (kept for "other organisations"),
 * so nine organisations get their own colour.
 */
export const DEFAULT_NODE_COLOUR_OPTIONS: Readonly<NodeColourOptions> = { palette: schemeTableau10.slice(0, 9) };

/** A node colour encoding: a colour per person and its legend. */
export interface NodeColourEncoding {
  by: NodeColourBy;
  /** Colour per person index. */
  colours: string[];
  /** Undefined for "none". */
  legend: LegendSpec | undefined;
}

/**
 * Colours each person.
 * - `organisation`: a person's first organisation on the reference day;
 *   organisations ranked by the number of people drawn in them (ties by
 *   name) take the palette in order through d3's `scaleOrdinal`; the rest
 *   are "other organisations", people without one are "no organisation".
 * - `internal-external`: you, people sharing an organisation with you on the
 *   reference day (internal), everyone else (external). Needs an ego.
 * - `ei-index`: Krackhardt & Stern's E-I index (1988, "Informal networks and
 *   organizational crises", Social Psychology Quarterly 51) per person,
 *   `(E − I)/(E + I)` over their external and internal ties, through
 *   `scaleLinear().domain([−1, 0, 1]).range([internal, mixed, external])`.
 *   Needs `analysis.eiIndex`; people without a value are "no ties".
 *
 * @example
 * ```ts
 * const enc = nodeColourEncoding(scene, "organisation", LIGHT_THEME);
 * enc.legend.entries.map((e) => e.label); // ["Acme (12)", "Globex (9)", ...]
 * ```
 */
export function nodeColourEncoding(scene: Scene, by: NodeColourBy, theme: ViewTheme, options: Partial<NodeColourOptions> = {}): NodeColourEncoding {
  const n = scene.personCount;
  const colours: string[] = new Array(n);
  if (by === "none") return { by, colours: colours.fill(theme.node), legend: undefined };
  if (by === "organisation") {
    const palette = options.palette ?? DEFAULT_NODE_COLOUR_OPTIONS.palette;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const org = scene.organisations[i]![0];
      if (org !== undefined) counts.set(org, (counts.get(org) ?? 0) + 1);
    }
    const name = (org: string) => scene.organisationNames.get(org) ?? org;
    const ranked = [...counts.keys()].sort((x, y) => counts.get(y)! - counts.get(x)! || name(x).localeCompare(name(y)) || (x < y ? -1 : 1));
    const top = ranked.slice(0, palette.length);
    const scale = scaleOrdinal<string, string>().domain(top).range(palette).unknown(theme.other);
    let others = 0;
    let none = 0;
    for (let i = 0; i < n; i++) {
      const org = scene.organisations[i]![0];
      if (org === undefined) {
        colours[i] = theme.none;
        none++;
      } else {
        colours[i] = scale(org);
        if (!top.includes(org)) others++;
      }
    }
    const entries = top.map((org) => ({ label: `${name(org)} (${counts.get(org)})`, colour: scale(org) }));
    if (others) entries.push({ label: `other organisations (${others})`, colour: theme.other });
    if (none) entries.push({ label: `no organisation (${none})`, colour: theme.none });
    return { by, colours, legend: { channel: "node-colour", title: "Colour: organisation", units: `where each person works${scene.asOf ? ` on ${scene.asOf}` : ""} (people drawn)`, entries } };
  }
  if (by === "internal-external") {
    if (scene.egoIndex < 0) throw missing(by, "a network with an ego");
    let internal = 0;
    for (let i = 0; i < n; i++) {
      colours[i] = i === scene.egoIndex ? theme.ego : scene.internal[i] ? theme.internal : theme.external;
      internal += scene.internal[i]!;
    }
    return {
      by,
      colours,
      legend: {
        channel: "node-colour",
        title: "Colour: internal or external to you",
        units: `organisations shared with you${scene.asOf ? ` on ${scene.asOf}` : ""}`,
        entries: [
          { label: "you", colour: theme.ego },
          { label: `internal: same organisation as you (${internal})`, colour: theme.internal },
          { label: `external (${n - 1 - internal})`, colour: theme.external },
        ],
      },
    };
  }
  if (by === "ei-index") {
    const ei = scene.eiIndex;
    if (!ei) throw missing(by, "analysis.eiIndex");
    const scale = scaleLinear<string>().domain([-1, 0, 1]).range([theme.internal, theme.mixed, theme.external]).clamp(true);
    let unknownCount = 0;
    for (let i = 0; i < n; i++) {
      const v = ei[i]!;
      if (Number.isNaN(v)) unknownCount++;
      colours[i] = Number.isNaN(v) ? theme.none : scale(v);
    }
    const samples = Array.from({ length: 11 }, (_, k) => scale(-1 + k / 5));
    return {
      by,
      colours,
      legend: {
        channel: "node-colour",
        title: "Colour: E-I index",
        units: "(external − internal ties) / all ties, from −1 to +1",
        entries: unknownCount ? [{ label: `no ties (${unknownCount})`, colour: theme.none }] : [],
        gradient: { colours: samples, ticks: [{ position: 0, label: "−1 all internal" }, { position: 0.5, label: "0 balanced" }, { position: 1, label: "+1 all external" }] },
      },
    };
  }
  throw unknown("node colour", by, NODE_COLOUR_BY);
}
