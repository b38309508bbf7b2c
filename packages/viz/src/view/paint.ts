/**
 * Turns a scene, positions and encodings into the graphology graph sigma
 * draws, and repaints it when encodings or the theme change. Node and edge
 * attributes hold display values only (label, position, size, colours), so
 * the drawn graph carries nothing the scene does not.
 */
import Graph from "graphology";
import type { EdgeArrowEncoding } from "../encodings/edge-arrows.js";
import type { EdgeColourEncoding } from "../encodings/edge-colour.js";
import type { EdgeWidthEncoding } from "../encodings/edge-width.js";
import type { NodeColourEncoding } from "../encodings/node-colour.js";
import type { NodeSizeEncoding } from "../encodings/node-size.js";
import { RING_GAP, RING_SIZE } from "../highlight/reducers.js";
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

/** Node type of every person (one program, so highlights never change programs). */
export const PERSON_NODE_TYPE = "person";

/**
 * A directed graph with a node per person (key = person id) and an edge per
 * tie (key `t<k>`), oriented from the net giver when the balance is known
 * (so arrows, when on, point giver → receiver), else from the end nearer to ego.
 */
export function sceneGraph(scene: Scene, positions: Positions): Graph {
  const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
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
export const PAINTED_NODE_ATTRIBUTES = ["size", "color", "fadedColor", "ringColor", "ringSize", "ringGap", "ringGapColor", "labelSize", "labelWeight"];

/**
 * Writes sizes, colours, faded colours, ego's ring and label sizes (larger
 * for strong ties to ego) onto the nodes, in one graphology batch update.
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
      attr.size = enc.nodeSize.sizes[i]!;
      attr.color = colour;
      attr.fadedColor = fade(colour);
      const isEgo = i === scene.egoIndex;
      attr.ringColor = isEgo ? theme.egoRing : colour;
      attr.ringSize = isEgo ? RING_SIZE : 0;
      attr.ringGap = isEgo ? RING_GAP : 0;
      attr.ringGapColor = theme.background;
      attr.labelSize = isEgo ? labels.selectedSize : scene.strengthToEgo[i]! >= labels.strongTie ? labels.strongSize : labels.size;
      attr.labelWeight = isEgo ? "bold" : "normal";
      return attr;
    },
    { attributes: PAINTED_NODE_ATTRIBUTES },
  );
}

/** Writes tie widths, colours and arrow types onto the edges. */
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
