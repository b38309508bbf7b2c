/**
 * Edge colour: reciprocity balance on a diverging scale, read from the side
 * of the tie nearer to you: "you give more" ↔ balanced ↔ "you receive more".
 */
import { scaleLinear } from "d3-scale";
import type { Scene } from "../scene/scene.js";
import type { ViewTheme } from "../theme/themes.js";
import { missing, unknown } from "./errors.js";
import type { LegendSpec } from "./legend-spec.js";

/** What edge colour shows: reciprocity on every tie, on your own ties only, or nothing. */
export type EdgeColourBy = "reciprocity" | "your-reciprocity" | "none";

/** All edge colour encodings. */
export const EDGE_COLOUR_BY: readonly EdgeColourBy[] = ["reciprocity", "your-reciprocity", "none"];

/** An edge colour encoding: a colour per tie and its legend. */
export interface EdgeColourEncoding {
  by: EdgeColourBy;
  /** Colour per tie. */
  colours: string[];
  legend: LegendSpec | undefined;
}

/**
 * Colours ties by reciprocity balance `b = (given − received)/(given + received)`
 * from the viewpoint end of the tie (you on your own ties, otherwise the
 * person nearer to you), through
 * `scaleLinear().domain([1, 0, −1]).range([givesMore, edge, receivesMore])`:
 * the balanced middle is the theme's neutral tie colour, so balanced ties
 * stay quiet and one-sided ones stand out. Ties with no giving either way
 * (only meetings) take the neutral colour. Needs `analysis.pairImbalance`.
 * Gouldner (1960, "The Norm of Reciprocity", American Sociological Review 25)
 * is why imbalance matters: unreturned giving sours a relationship.
 * `"your-reciprocity"` colours only ego's own ties that way (the others take
 * the neutral colour); it needs an ego.
 *
 * @example
 * ```ts
 * edgeColourEncoding(scene, "reciprocity", LIGHT_THEME).colours[k]; // "#e66101" when scene.balance[k] = 1
 * ```
 */
export function edgeColourEncoding(scene: Scene, by: EdgeColourBy, theme: ViewTheme): EdgeColourEncoding {
  const t = scene.tieCount;
  const colours: string[] = new Array(t);
  if (by === "none") return { by, colours: colours.fill(theme.edge), legend: undefined };
  if (by !== "reciprocity" && by !== "your-reciprocity") throw unknown("edge colour", by, EDGE_COLOUR_BY);
  if (!scene.hasBalance) throw missing(by, "analysis.pairImbalance");
  const ego = scene.egoIndex;
  if (by === "your-reciprocity" && ego < 0) throw missing(by, "a network with an ego");
  const counted = (k: number) => by === "reciprocity" || scene.a[k] === ego || scene.b[k] === ego;
  const scale = scaleLinear<string>().domain([1, 0, -1]).range([theme.givesMore, theme.edge, theme.receivesMore]).clamp(true);
  let noGiving = 0;
  for (let k = 0; k < t; k++) {
    if (!counted(k)) {
      colours[k] = theme.edge;
      continue;
    }
    const v = scene.balance[k]!;
    if (Number.isNaN(v)) noGiving++;
    colours[k] = Number.isNaN(v) ? theme.edge : scale(v);
  }
  return {
    by,
    colours,
    legend: {
      channel: "edge-colour",
      title: by === "reciprocity" ? "Tie colour: reciprocity" : "Tie colour: reciprocity of your ties",
      units: by === "reciprocity" ? "(given − received) / (given + received), seen from you or the person nearer to you" : "(given − received) / (given + received) on your own ties; other ties grey",
      entries: noGiving ? [{ label: `no giving either way (${noGiving})`, colour: theme.edge }] : [],
      gradient: {
        colours: Array.from({ length: 11 }, (_, k) => scale(1 - k / 5)),
        ticks: [{ position: 0, label: "you give more" }, { position: 0.5, label: "balanced" }, { position: 1, label: "you receive more" }],
      },
    },
  };
}
