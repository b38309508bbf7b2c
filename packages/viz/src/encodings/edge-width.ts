/**
 * Edge width: tie strength on a linear scale.
 */
import { scaleLinear, type ScaleLinear } from "d3-scale";
import type { Scene } from "../scene/scene.js";
import { unknown } from "./errors.js";
import type { LegendSpec } from "./legend-spec.js";

/** What edge width shows. */
export type EdgeWidthBy = "strength" | "none";

/** All edge width encodings. */
export const EDGE_WIDTH_BY: readonly EdgeWidthBy[] = ["strength", "none"];

/** Options of {@link edgeWidthEncoding}. */
export interface EdgeWidthOptions {
  /** Thinnest and thickest tie in pixels at the default zoom. */
  range: readonly [number, number];
}

/** Defaults: ties from 0.5 to 4 pixels wide. */
export const DEFAULT_EDGE_WIDTH_OPTIONS: Readonly<EdgeWidthOptions> = { range: [0.5, 4] };

/** An edge width encoding: a width per tie, its scale and its legend. */
export interface EdgeWidthEncoding {
  by: EdgeWidthBy;
  widths: Float32Array;
  scale: ScaleLinear<number, number>;
  legend: LegendSpec | undefined;
}

/**
 * Widths ties by strength `s ∈ (0, 1]` (recency-decayed, saturating; see
 * core's `strengthFromSum`) through `scaleLinear().domain([0, 1]).range(range)`.
 * "none" draws every tie at the thinnest width.
 *
 * @example edgeWidthEncoding(scene, "strength").scale(1) // 4
 */
export function edgeWidthEncoding(scene: Scene, by: EdgeWidthBy, options: Partial<EdgeWidthOptions> = {}): EdgeWidthEncoding {
  const [lo, hi] = options.range ?? DEFAULT_EDGE_WIDTH_OPTIONS.range;
  const scale = scaleLinear().domain([0, 1]).range([lo, hi]).clamp(true);
  const widths = new Float32Array(scene.tieCount);
  if (by === "none") {
    scale.range([lo, lo]);
    widths.fill(lo);
    return { by, widths, scale, legend: undefined };
  }
  if (by !== "strength") throw unknown("edge width", by, EDGE_WIDTH_BY);
  for (let k = 0; k < scene.tieCount; k++) widths[k] = scale(scene.strength[k]!);
  return {
    by,
    widths,
    scale,
    legend: {
      channel: "edge-width",
      title: "Tie width: strength",
      units: "0–1: how much and how recently the two exchanged",
      entries: [
        { label: "weak (0.1)", width: scale(0.1) },
        { label: "medium (0.4)", width: scale(0.4) },
        { label: "strong (0.9)", width: scale(0.9) },
      ],
    },
  };
}
