/**
 * Options of a network view, with their defaults in one exported object in
 * the style of sigma's factories: pass only what you change.
 */
import type { Settings } from "sigma/settings";
import type { PersonId } from "@tiegraph/core";
import type { EdgeArrowOptions, EdgeArrowsBy } from "../encodings/edge-arrows.js";
import type { EdgeColourBy } from "../encodings/edge-colour.js";
import type { EdgeWidthBy, EdgeWidthOptions } from "../encodings/edge-width.js";
import type { NodeColourBy, NodeColourOptions } from "../encodings/node-colour.js";
import type { NodeSizeBy, NodeSizeOptions } from "../encodings/node-size.js";
import { DEFAULT_LABEL_OPTIONS, type LabelOptions } from "../labels/draw-label.js";
import type { EgoRingsOptions } from "../layout/ego-rings.js";
import type { ForceAtlas2Options } from "../layout/forceatlas2.js";
import type { SunflowerOptions } from "../layout/sunflower.js";
import type { ViewTheme } from "../theme/themes.js";

/** Which measure each visual channel shows. */
export interface ViewEncoding {
  nodeSize: NodeSizeBy;
  nodeColour: NodeColourBy;
  edgeColour: EdgeColourBy;
  edgeWidth: EdgeWidthBy;
  edgeArrows: EdgeArrowsBy;
}

/**
 * Default encodings. When a default's input is missing it falls back rather
 * than failing: strength to ego → degree (no ego), reciprocity colour and
 * arrows → none (no `analysis.pairImbalance`). An encoding the caller names
 * explicitly never falls back: a missing input is an `invalid-option` error.
 */
export const DEFAULT_VIEW_ENCODING: Readonly<ViewEncoding> = {
  nodeSize: "strength-to-ego",
  nodeColour: "organisation",
  edgeColour: "reciprocity",
  edgeWidth: "strength",
  edgeArrows: "imbalance",
};

/** Where people start: the ego-centred rings, the sunflower, or positions you give. */
export type InitialLayout = "auto" | "ego-rings" | "sunflower" | "preset";

/** Options of {@link mountNetworkView}. */
export interface NetworkViewOptions {
  /** Encodings (partial: the rest from {@link DEFAULT_VIEW_ENCODING}). */
  encoding: Partial<ViewEncoding>;
  /** "light", "dark" or a theme object (a partial one is laid over the light theme). */
  theme: "light" | "dark" | Partial<ViewTheme>;
  /** Starting layout; "auto" is ego-rings with an ego, else sunflower. */
  layout: InitialLayout;
  /** Positions for the "preset" layout (people without one start on the sunflower). */
  positions?: ReadonlyMap<PersonId, { x: number; y: number }>;
  egoRings: Partial<EgoRingsOptions>;
  sunflower: Partial<SunflowerOptions>;
  forceAtlas2: Partial<ForceAtlas2Options>;
  nodeSize: Partial<NodeSizeOptions>;
  nodeColour: Partial<NodeColourOptions>;
  edgeWidth: Partial<EdgeWidthOptions>;
  edgeArrows: Partial<EdgeArrowOptions>;
  labels: Partial<LabelOptions>;
  /**
   * Draw what rests on confidential exchanges (ties whose every exchange is
   * confidential; confidential weight in tie strength). Off unless you ask.
   */
  includeConfidential: boolean;
  /** Highlight a person's neighbourhood while the pointer is over them. */
  hoverHighlight: boolean;
  /** Show a tooltip (name, organisations, tie strength, encoded values) on hover. */
  tooltip: boolean;
  /** Put the legend over the top-right corner of the view ("overlay") or leave placing `view.legend` to you ("detached"). */
  legend: "overlay" | "detached";
  /** Whether the overlay legend starts unfolded. */
  legendOpen: boolean;
  /** Duration of camera moves (focus, path fitting) in ms; 0 jumps. */
  cameraDuration: number;
  /** Emphasised people beyond this count get no forced label. */
  maxForcedLabels: number;
  /** Extra sigma settings, applied last (reducers and programs are the view's own). */
  sigmaSettings: Partial<Settings>;
}

/** Defaults of {@link mountNetworkView}. */
export const DEFAULT_NETWORK_VIEW_OPTIONS: Readonly<Omit<NetworkViewOptions, "positions">> = {
  encoding: DEFAULT_VIEW_ENCODING,
  theme: "light",
  layout: "auto",
  egoRings: {},
  sunflower: {},
  forceAtlas2: {},
  nodeSize: {},
  nodeColour: {},
  edgeWidth: {},
  edgeArrows: {},
  labels: DEFAULT_LABEL_OPTIONS,
  includeConfidential: false,
  hoverHighlight: true,
  tooltip: true,
  legend: "overlay",
  legendOpen: true,
  cameraDuration: 400,
  maxForcedLabels: 40,
  sigmaSettings: {},
};
