/**
 * What a legend shows for one encoding, built from the same scale that
 * draws the picture so that the two cannot disagree. Rendered to DOM by
 * `legendElement`.
 */

/** The visual channel an encoding drives. */
export type EncodingChannel = "node-size" | "node-colour" | "edge-colour" | "edge-width" | "edge-arrows";

/** One swatch line of a legend. Exactly one of colour, size or width is set. */
export interface LegendEntry {
  /** Text shown beside the swatch (a category or a value with its meaning). */
  label: string;
  /** Fill colour of a categorical swatch. */
  colour?: string;
  /** Node diameter in pixels at the default zoom. */
  size?: number;
  /** Line width in pixels at the default zoom. */
  width?: number;
  /** Draws an arrow head on the width/line swatch. */
  arrow?: boolean;
}

/** A continuous colour ramp: sampled colours and labelled positions. */
export interface LegendGradient {
  /** Colours at evenly spaced positions from left to right. */
  colours: string[];
  /** Labels at positions in [0, 1] along the ramp. */
  ticks: { position: number; label: string }[];
}

/** The legend of one encoding. */
export interface LegendSpec {
  channel: EncodingChannel;
  /** The encoding's name, e.g. "Tie strength to you". */
  title: string;
  /** Units or how to read the values, e.g. "0–1, recency-weighted". */
  units: string;
  /** Swatches (categories, sizes, widths). */
  entries: LegendEntry[];
  /** A colour ramp for continuous colour encodings. */
  gradient?: LegendGradient;
}
