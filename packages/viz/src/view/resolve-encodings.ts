/**
 * Resolving a view's encodings on a scene: every channel computed at once,
 * a default whose input is missing falling back, an explicit one throwing.
 */
import type { LegendSpec } from "../encodings/legend-spec.js";
import { edgeArrowEncoding } from "../encodings/edge-arrows.js";
import { edgeColourEncoding } from "../encodings/edge-colour.js";
import { edgeWidthEncoding } from "../encodings/edge-width.js";
import { nodeColourEncoding } from "../encodings/node-colour.js";
import { nodeSizeEncoding } from "../encodings/node-size.js";
import { TiegraphError } from "@tiegraph/core";
import type { Scene } from "../scene/scene.js";
import type { ViewTheme } from "../theme/themes.js";
import type { NetworkViewOptions, ViewEncoding } from "./options.js";
import type { AppliedEncodings } from "./paint.js";

/** The options the encodings read. */
export type EncodingOptions = Pick<NetworkViewOptions, "nodeSize" | "nodeColour" | "edgeWidth" | "edgeArrows">;

/**
 * Computes every encoding; a default whose input is missing falls back, an explicit one throws.
 *
 * @example resolveEncodings(scene, DEFAULT_VIEW_ENCODING, new Set(), LIGHT_THEME, DEFAULT_NETWORK_VIEW_OPTIONS).nodeSize.by // "strength-to-ego", or "degree" without ego
 */
export function resolveEncodings(scene: Scene, requested: ViewEncoding, explicit: ReadonlySet<keyof ViewEncoding>, theme: ViewTheme, opts: EncodingOptions): AppliedEncodings {
  const fallback = <T>(channel: keyof ViewEncoding, make: () => T, otherwise: () => T): T => {
    try {
      return make();
    } catch (e) {
      if (explicit.has(channel) || !(e instanceof TiegraphError) || e.code !== "invalid-option") throw e;
      return otherwise();
    }
  };
  return {
    nodeSize: fallback("nodeSize", () => nodeSizeEncoding(scene, requested.nodeSize, opts.nodeSize), () => nodeSizeEncoding(scene, "degree", opts.nodeSize)),
    nodeColour: fallback("nodeColour", () => nodeColourEncoding(scene, requested.nodeColour, theme, opts.nodeColour), () => nodeColourEncoding(scene, "organisation", theme, opts.nodeColour)),
    edgeColour: fallback("edgeColour", () => edgeColourEncoding(scene, requested.edgeColour, theme), () => edgeColourEncoding(scene, "none", theme)),
    edgeWidth: fallback("edgeWidth", () => edgeWidthEncoding(scene, requested.edgeWidth, opts.edgeWidth), () => edgeWidthEncoding(scene, "none", opts.edgeWidth)),
    edgeArrows: fallback("edgeArrows", () => edgeArrowEncoding(scene, requested.edgeArrows, opts.edgeArrows), () => edgeArrowEncoding(scene, "none", opts.edgeArrows)),
  };
}

/** The legends of the encodings in force, colour first. */
export function legendsOf(enc: AppliedEncodings): LegendSpec[] {
  return [enc.nodeColour.legend, enc.nodeSize.legend, enc.edgeColour.legend, enc.edgeWidth.legend, enc.edgeArrows.legend].filter((l): l is LegendSpec => l !== undefined);
}
