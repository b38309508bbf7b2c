/**
 * Node size: tie strength to ego, degree or betweenness, through a
 * square-root scale so that a node's area (what the eye compares) grows
 * linearly with the value.
 */
import { scaleSqrt, type ScalePower } from "d3-scale";
import type { Scene } from "../scene/scene.js";
import { missing, unknown } from "./errors.js";
import type { LegendSpec } from "./legend-spec.js";

/** What node size shows. */
export type NodeSizeBy = "strength-to-ego" | "degree" | "betweenness" | "none";

/** All node size encodings. */
export const NODE_SIZE_BY: readonly NodeSizeBy[] = ["strength-to-ego", "degree", "betweenness", "none"];

/** Options of {@link nodeSizeEncoding}. */
export interface NodeSizeOptions {
  /** Smallest and largest node radius in pixels at the default zoom. */
  range: readonly [number, number];
}

/** Defaults: radii from 3 to 14 pixels. */
export const DEFAULT_NODE_SIZE_OPTIONS: Readonly<NodeSizeOptions> = { range: [3, 14] };

/** A node size encoding: a size per person, its scale and its legend. */
export interface NodeSizeEncoding {
  by: NodeSizeBy;
  /** Radius per person index. */
  sizes: Float32Array;
  /** value → radius (identity-free: `scale(v)` is what was drawn). */
  scale: ScalePower<number, number>;
  /** Undefined for "none". */
  legend: LegendSpec | undefined;
}

/**
 * Sizes each person by the chosen value: `r = r_min + (r_max − r_min)·√(v / v_max)`
 * (d3's `scaleSqrt().domain([0, v_max]).range([r_min, r_max])`, clamped).
 * Strength to ego uses the fixed domain [0, 1] so pictures of different
 * networks compare; ego itself gets the largest size. Missing values
 * (no betweenness computed for someone) draw at the smallest size.
 * Throws `invalid-option` when the scene lacks the input (no ego, no betweenness).
 *
 * @example
 * ```ts
 * const enc = nodeSizeEncoding(scene, "degree");
 * enc.sizes[i] === enc.scale(scene.degree[i]);
 * ```
 */
export function nodeSizeEncoding(scene: Scene, by: NodeSizeBy, options: Partial<NodeSizeOptions> = {}): NodeSizeEncoding {
  const [lo, hi] = options.range ?? DEFAULT_NODE_SIZE_OPTIONS.range;
  const n = scene.personCount;
  const sizes = new Float32Array(n);
  const scale = scaleSqrt().range([lo, hi]).clamp(true);
  if (by === "none") {
    scale.domain([0, 1]).range([(lo + hi) / 3, (lo + hi) / 3]);
    sizes.fill(scale(1));
    return { by, sizes, scale, legend: undefined };
  }
  let values: ArrayLike<number>;
  let legend: LegendSpec;
  if (by === "strength-to-ego") {
    if (scene.egoIndex < 0) throw missing(by, "a network with an ego");
    values = scene.strengthToEgo;
    scale.domain([0, 1]);
    legend = {
      channel: "node-size",
      title: "Size: tie strength to you",
      units: "0–1: how much and how recently you exchanged; the largest node is you",
      entries: [
        { label: "no direct tie (0)", size: scale(0) },
        { label: "weak (0.1)", size: scale(0.1) },
        { label: "medium (0.4)", size: scale(0.4) },
        { label: "strong (0.9)", size: scale(0.9) },
      ],
    };
  } else if (by === "degree") {
    values = scene.degree;
    let max = 1;
    for (let i = 0; i < n; i++) if (scene.degree[i]! > max) max = scene.degree[i]!;
    scale.domain([0, max]);
    const mid = Math.max(1, Math.round(max / 4));
    const entries = [1, mid, max].filter((v, k, all) => all.indexOf(v) === k).map((v) => ({ label: `${v} ${v === 1 ? "tie" : "ties"}`, size: scale(v) }));
    legend = { channel: "node-size", title: "Size: number of ties", units: "ties drawn (degree)", entries };
  } else if (by === "betweenness") {
    const b = scene.betweenness;
    if (!b) throw missing(by, "analysis.betweenness");
    values = b;
    let max = 0;
    for (let i = 0; i < n; i++) if (b[i]! > max) max = b[i]!;
    scale.domain([0, max > 0 ? max : 1]);
    const fmt = scale.tickFormat(4);
    const entries = (max > 0 ? [0, max / 4, max] : [0]).map((v) => ({ label: fmt(v), size: scale(v) }));
    legend = { channel: "node-size", title: "Size: betweenness", units: "share of shortest paths between others that pass through the person", entries };
  } else {
    throw unknown("node size", by, NODE_SIZE_BY);
  }
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sizes[i] = scale(Number.isNaN(v) ? 0 : v);
  }
  if (by === "strength-to-ego") sizes[scene.egoIndex] = hi;
  return { by, sizes, scale, legend };
}
