/**
 * Turns a scene, positions and encodings into the graphology graph sigma
 * draws, and repaints it when encodings or the theme change. Node and edge
 * attributes hold display values only (label, position, size, colours), so
 * the drawn graph carries nothing the scene does not.
 */
import Graph from "graphology";
import { prototypeSafe } from "@tiegraph/core";
import type { EdgeArrowEncoding } from "../encodings/edge-arrows.js";
import type { EdgeColourEncoding } from "../encodings/edge-colour.js";
import type { EdgeWidthEncoding } from "../encodings/edge-width.js";
import type { NodeColourEncoding } from "../encodings/node-colour.js";
import type { NodeSizeEncoding } from "../encodings/node-size.js";
import { RING_GAP, RING_SIZE, RINGED_NODE_TYPE } from "../highlight/reducers.js";
import type { LabelOptions } from "../labels/draw-label.js";
import type { Positions } from "../layout/positions.js";
import type { Scene } from "../scene/scene.js";
import { mixColours } from "../theme/colour.js";
import type { ViewTheme } from "../theme/themes.js";

/** The encodings a view has applied. */
export interface AppliedEncodings {
  nodeSize: NodeSizeEncoding;
  nodeColour: NodeColourEncoding;
  edgeColour: EdgeColourEncoding;
  edgeWidth: EdgeWidthEncoding;
  edgeArrows: EdgeArrowEncoding;
}

/**
 * Node types: most people are plain discs (sigma's cheapest node program);
 * ego and selected people are ringed discs (@sigma/node-border). Hover never
 * changes a type, so hover can re-reduce items without re-indexing them.
 */
export const PERSON_NODE_TYPE = "person";
export { RINGED_NODE_TYPE };

/**
 * A directed graph with a node per person (key = person id) and an edge per
 * tie (key `t<k>`), oriented from the net giver when the balance is known
 * (so arrows, when on, point giver → receiver), else from the end nearer to ego.
 *
 * @example sceneGraph(scene, egoRingsLayout(scene)).order === scene.personCount
 */
export function sceneGraph(scene: Scene, positions: Positions): Graph {
  // person ids such as "constructor" are valid node keys (issue 16.6)
  const graph = prototypeSafe(new Graph({ type: "directed", multi: false, allowSelfLoops: false }));
  for (let i = 0; i < scene.personCount; i++) {
    graph.addNode(scene.ids[i]!, { index: i, label: scene.names[i]!, x: positions.x[i]!, y: positions.y[i]!, type: PERSON_NODE_TYPE });
  }
  for (let k = 0; k < scene.tieCount; k++) {
    const reversed = scene.balance[k]! < 0;
    const s = scene.ids[reversed ? scene.b[k]! : scene.a[k]!]!;
    const t = scene.ids[reversed ? scene.a[k]! : scene.b[k]!]!;
    graph.addDirectedEdgeWithKey(`t${k}`, s, t, { tie: k, strength: scene.strength[k]!, type: "line" });
  }
  return graph;
}

/** Node attributes written by {@link paintNodes}. */
export const PAINTED_NODE_ATTRIBUTES = ["type", "size", "color", "fadedColor", "ringColor", "ringSize", "ringGap", "ringGapColor", "labelSize", "labelWeight"];

/**
 * Writes sizes, colours, faded colours, ego's ring and label sizes (larger
 * for strong ties to ego) onto the nodes, in one graphology batch update.
 *
 * @example paintNodes(graph, scene, encodings, LIGHT_THEME, DEFAULT_LABEL_OPTIONS)
 */
export function paintNodes(graph: Graph, scene: Scene, enc: AppliedEncodings, theme: ViewTheme, labels: LabelOptions): void {
  const faded = new Map<string, string>();
  const fade = (c: string) => {
    let f = faded.get(c);
    if (f === undefined) faded.set(c, (f = mixColours(c, theme.background, theme.fade)));
    return f;
  };
  graph.updateEachNodeAttributes(
    (_key, attr) => {
      const i = attr.index as number;
      const colour = enc.nodeColour.colours[i]!;
      const isEgo = i === scene.egoIndex;
      // ego's ring goes around its encoded disc, not into it
      attr.size = enc.nodeSize.sizes[i]! + (isEgo ? RING_SIZE + RING_GAP : 0);
      attr.color = colour;
      attr.fadedColor = fade(colour);
      attr.type = isEgo ? RINGED_NODE_TYPE : PERSON_NODE_TYPE;
      // sigma copies every attribute of every node on each hover: plain
      // discs carry no ring or label-style attributes (the defaults apply)
      if (isEgo) {
        attr.ringColor = theme.egoRing;
        attr.ringSize = RING_SIZE;
        attr.ringGap = RING_GAP;
        attr.ringGapColor = theme.background;
        attr.labelSize = labels.selectedSize;
        attr.labelWeight = "bold";
      } else {
        delete attr.ringColor;
        delete attr.ringSize;
        delete attr.ringGap;
        delete attr.ringGapColor;
        delete attr.labelWeight;
        if (scene.strengthToEgo[i]! >= labels.strongTie) attr.labelSize = labels.strongSize;
        else delete attr.labelSize;
      }
      return attr;
    },
    { attributes: PAINTED_NODE_ATTRIBUTES },
  );
}

/** Writes tie widths, colours and arrow types onto the edges.
 *
 * @example paintEdges(graph, encodings)
 */
export function paintEdges(graph: Graph, enc: AppliedEncodings): void {
  graph.updateEachEdgeAttributes(
    (_key, attr) => {
      const k = attr.tie as number;
      attr.size = enc.edgeWidth.widths[k]!;
      attr.color = enc.edgeColour.colours[k]!;
      attr.type = enc.edgeArrows.direction[k] !== 0 ? "arrow" : "line";
      return attr;
    },
    { attributes: ["size", "color", "type"] },
  );
}
