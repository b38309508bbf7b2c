/**
 * sigma reducers that draw the view's state over the encoded graph: hidden
 * people and ties (filters), the selection (rings, larger labels), and the
 * current emphasis (other people faded; on hover other ties hidden, for a
 * path or selection faded; path people and hops in the highlight colour).
 * Ego is never hidden or faded, so you can always find yourself.
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

/** Node type of ringed people (ego, the selection): see the view's programs. */
export const RINGED_NODE_TYPE = "person-ringed";

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
  // sigma hands reducers a fresh shallow copy of the attributes, so they may
  // write to it: no second copy per item (hover touches every item)
  const nodeReducer = (node: string, data: Attributes): Partial<NodeDisplayData> => {
    const s = state();
    const isEgo = node === s.ego;
    if (!isEgo && s.hiddenNodes.size && s.hiddenNodes.has(node)) {
      data.hidden = true;
      return data;
    }
    const emphasis = s.emphasis;
    if (s.selection.size && s.selection.has(node)) {
      // the ring goes around the encoded disc, not into it
      if (data.type !== RINGED_NODE_TYPE) data.size += RING_SIZE + RING_GAP;
      data.type = RINGED_NODE_TYPE;
      data.ringColor = s.theme.selectionRing;
      data.ringSize = RING_SIZE;
      data.ringGap = RING_GAP;
      data.ringGapColor = s.theme.background;
      data.labelSize = s.labels.selectedSize;
      data.labelWeight = "bold";
      data.forceLabel = true;
      data.zIndex = 2;
    }
    if (emphasis) {
      if (emphasis.nodes.has(node)) {
        data.zIndex = 2;
        if (emphasis.nodes.size <= s.maxForcedLabels) data.forceLabel = true;
        if (!(data.labelSize >= s.labels.strongSize)) data.labelSize = s.labels.strongSize;
        if (emphasis.kind === "path" && (emphasis.pathNodes ?? emphasis.nodes).has(node)) data.color = s.theme.highlight;
      } else if (!isEgo) {
        data.color = data.fadedColor;
        if (data.type === RINGED_NODE_TYPE) data.ringColor = data.fadedColor;
        data.label = null;
        data.forceLabel = false;
        data.zIndex = 0;
      }
    }
    if (isEgo) {
      data.forceLabel = true;
      data.zIndex = 3;
    }
    return data;
  };
  const edgeReducer = (edge: string, data: Attributes): Partial<EdgeDisplayData> => {
    const s = state();
    if (s.hiddenEdges.size && s.hiddenEdges.has(edge)) {
      data.hidden = true;
      return data;
    }
    const emphasis = s.emphasis;
    if (emphasis) {
      if (emphasis.edges.has(edge)) {
        data.zIndex = 1;
        if (emphasis.kind === "path" && (emphasis.pathEdges ?? emphasis.edges).has(edge)) {
          data.color = s.theme.highlight;
          data.size = Math.max(3, data.size);
        }
      } else if (emphasis.kind === "neighbourhood") {
        // hover: other ties go, as in sigma's reducers example; drawing none is
        // also what keeps hover fast on large networks
        data.hidden = true;
      } else {
        data.color = s.theme.fadedEdge;
        data.zIndex = 0;
      }
    }
    return data;
  };
  return { nodeReducer, edgeReducer };
}
