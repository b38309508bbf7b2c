/**
 * Edge arrows: drawn where direction matters, i.e. where one side of a tie
 * gives clearly more than the other, pointing from giver to receiver.
 */
import type { Scene } from "../scene/scene.js";
import { missing, unknown } from "./errors.js";
import type { LegendSpec } from "./legend-spec.js";

/** When ties get an arrow. */
export type EdgeArrowsBy = "imbalance" | "none";

/** All edge arrow encodings. */
export const EDGE_ARROWS_BY: readonly EdgeArrowsBy[] = ["imbalance", "none"];

/** Options of {@link edgeArrowEncoding}. */
export interface EdgeArrowOptions {
  /**
   * Smallest |balance| that gets an arrow. 1/3 means the giver gives at
   * least twice what they receive: (2 − 1)/(2 + 1).
   */
  threshold: number;
}

/** Defaults: an arrow when one side gives at least twice as much. */
export const DEFAULT_EDGE_ARROW_OPTIONS: Readonly<EdgeArrowOptions> = { threshold: 1 / 3 };

/** Direction of each tie's arrow: 0 none, 1 from `a` to `b`, −1 from `b` to `a`. */
export interface EdgeArrowEncoding {
  by: EdgeArrowsBy;
  direction: Int8Array;
  legend: LegendSpec | undefined;
}

/**
 * Gives a tie an arrow from the net giver to the net receiver when
 * `|b| ≥ threshold`, with `b` the reciprocity balance. Needs
 * `analysis.pairImbalance`.
 *
 * @example edgeArrowEncoding(scene, "imbalance").direction[k] // 1: a gives clearly more
 */
export function edgeArrowEncoding(scene: Scene, by: EdgeArrowsBy, options: Partial<EdgeArrowOptions> = {}): EdgeArrowEncoding {
  const threshold = options.threshold ?? DEFAULT_EDGE_ARROW_OPTIONS.threshold;
  const direction = new Int8Array(scene.tieCount);
  if (by === "none") return { by, direction, legend: undefined };
  if (by !== "imbalance") throw unknown("edge arrows", by, EDGE_ARROWS_BY);
  if (!scene.hasBalance) throw missing(by, "analysis.pairImbalance");
  for (let k = 0; k < scene.tieCount; k++) {
    const v = scene.balance[k]!;
    if (v >= threshold) direction[k] = 1;
    else if (v <= -threshold) direction[k] = -1;
  }
  const times = threshold >= 1 ? "all" : `${((1 + threshold) / (1 - threshold)).toFixed(threshold === 1 / 3 ? 0 : 1)}×`;
  return {
    by,
    direction,
    legend: {
      channel: "edge-arrows",
      title: "Arrows: who gives",
      units: `from the giver to the receiver, where one side gives at least ${times} what it receives`,
      entries: [{ label: "giver → receiver", width: 2, arrow: true }],
    },
  };
}
