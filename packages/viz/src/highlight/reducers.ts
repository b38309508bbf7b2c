/**
 * sigma reducers that draw the view's state over the encoded graph: hidden
 * people and ties (filters), the selection (rings, larger labels), and the
 * current emphasis (others faded; path people and hops in the highlight
 * colour). Ego is never hidden or faded, so you can always find yourself.
 */
import type { Attributes } from "graphology-types";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { LabelOptions } from "../labels/draw-label.js";
import type { ViewTheme } from "../theme/themes.js";
import type { Emphasis } from "./emphasis.js";

/** The state the reducers read; the view mutates it and refreshes sigma. */
export interface HighlightState {
  theme: ViewTheme;
  labels: LabelOptions;
  /** Ego's node key, or undefined. */
  ego: string | undefined;
  emphasis: Emphasis | undefined;
  selection: ReadonlySet<string>;
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  /** Emphasised people beyond this count get no forced label (a hub's neighbourhood would drown the picture). */
  maxForcedLabels: number;
}

/** Ring width in pixels of ego and selected people. */
export const RING_SIZE = 3;
/** Gap in pixels between a ring and the node's fill. */
export const RING_GAP = 1.5;

/**
 * The node and edge reducers of a view.
 *
 * @example
 * ```ts
 * const { nodeReducer, edgeReducer } = createReducers(() => state);
 * renderer.setSettings({ nodeReducer, edgeReducer });
 * ```
 */
export function createReducers(state: () => HighlightState): {
  nodeReducer: (node: string, data: Attributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: Attributes) => Partial<EdgeDisplayData>;
} {
  const nodeReducer = (node: string, data: Attributes): Partial<NodeDisplayData> => {
    const s = state();
    const out: Attributes = { ...data };
    const isEgo = node === s.ego;
    if (!isEgo && s.hiddenNodes.has(node)) {
      out.hidden = true;
      return out;
    }
    const emphasis = s.emphasis;
    if (s.selection.has(node)) {
      out.ringColor = s.theme.selectionRing;
      out.ringSize = RING_SIZE;
      out.ringGap = RING_GAP;
      out.labelSize = s.labels.selectedSize;
      out.labelWeight = "bold";
      out.forceLabel = true;
      out.zIndex = 2;
    }
    if (emphasis) {
      if (emphasis.nodes.has(node)) {
        out.zIndex = 2;
        if (emphasis.nodes.size <= s.maxForcedLabels) out.forceLabel = true;
        if (out.labelSize < s.labels.strongSize) out.labelSize = s.labels.strongSize;
        if (emphasis.kind === "path") out.color = s.theme.highlight;
      } else if (!isEgo) {
        out.color = data.fadedColor;
        out.ringColor = data.fadedColor;
        out.label = null;
        out.forceLabel = false;
        out.zIndex = 0;
      }
    }
    if (isEgo) {
      out.forceLabel = true;
      out.zIndex = 3;
    }
    return out;
  };
  const edgeReducer = (edge: string, data: Attributes): Partial<EdgeDisplayData> => {
    const s = state();
    const out: Attributes = { ...data };
    if (s.hiddenEdges.has(edge)) {
      out.hidden = true;
      return out;
    }
    const emphasis = s.emphasis;
    if (emphasis) {
      if (emphasis.edges.has(edge)) {
        out.zIndex = 1;
        if (emphasis.kind === "path") {
          out.color = s.theme.highlight;
          out.size = Math.max(3, data.size);
        }
      } else {
        out.color = s.theme.fadedEdge;
        out.zIndex = 0;
      }
    }
    return out;
  };
  return { nodeReducer, edgeReducer };
}
