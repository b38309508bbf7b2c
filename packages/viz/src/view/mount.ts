/**
 * mountNetworkView: one call that draws a network in a container with sigma
 * and returns a handle to update, re-encode, highlight, focus, lay out,
 * export and destroy the view. The view holds no application state beyond
 * what it draws, and never computes a measure: it draws the scene built
 * from the network and the caller's precomputed analysis.
 */
import type Graph from "graphology";
import Sigma from "sigma";
import { createEdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { SigmaNodeEventPayload } from "sigma/types";
import { createNodeBorderProgram } from "@sigma/node-border";
import { Network, TiegraphError, type PersonId } from "@tiegraph/core";
import type { ViewAnalysis } from "../analysis/view-analysis.js";
import { edgeArrowEncoding } from "../encodings/edge-arrows.js";
import { edgeColourEncoding } from "../encodings/edge-colour.js";
import { edgeWidthEncoding } from "../encodings/edge-width.js";
import type { LegendSpec } from "../encodings/legend-spec.js";
import { nodeColourEncoding } from "../encodings/node-colour.js";
import { nodeSizeEncoding } from "../encodings/node-size.js";
import { exportPNG, type PngOptions } from "../export/png.js";
import { combinedEmphasis, neighbourhoodEmphasis, pathEmphasis, selectionEmphasis, type Emphasis, type PathEmphasis } from "../highlight/emphasis.js";
import { createReducers, type HighlightState } from "../highlight/reducers.js";
import { createLabelDrawers, DEFAULT_LABEL_OPTIONS } from "../labels/draw-label.js";
import { renderLegend } from "../legend/legend-element.js";
import { legendCountsOfShown } from "../legend/shown-counts.js";
import { egoRingsLayout, type EgoRingsOptions } from "../layout/ego-rings.js";
import { forceAtlas2Layout, type LayoutRunner } from "../layout/forceatlas2.js";
import type { Positions } from "../layout/positions.js";
import { sunflowerLayout, type SunflowerOptions } from "../layout/sunflower.js";
import { sceneFromGraph } from "../scene/from-graph.js";
import { sceneFromNetwork } from "../scene/from-network.js";
import type { Scene } from "../scene/scene.js";
import { resolveTheme, type ViewTheme } from "../theme/themes.js";
import { createTooltip, type Tooltip } from "../tooltip/tooltip.js";
import { cameraStateForNodes, moveCamera } from "./camera.js";
import { DEFAULT_NETWORK_VIEW_OPTIONS, DEFAULT_VIEW_ENCODING, type NetworkViewOptions, type ViewEncoding } from "./options.js";
import { paintEdges, paintNodes, PERSON_NODE_TYPE, RINGED_NODE_TYPE, sceneGraph, type AppliedEncodings } from "./paint.js";

const SCOPE = "tiegraph/viz";

/** What a view draws: a network, or a relationship graph, with precomputed analysis. */
export type NetworkViewSource =
  | Network
  | { network: Network; analysis?: ViewAnalysis }
  | { graph: Graph; analysis?: ViewAnalysis; organisationNames?: ReadonlyMap<string, string>; asOf?: string };

/** A person as filters see them (drawn facts only). */
export interface ViewPerson {
  id: PersonId;
  name: string;
  /** Organisation ids on the reference day. */
  organisations: readonly string[];
  isEgo: boolean;
  /** Shares an organisation with ego. */
  internal: boolean;
  strengthToEgo: number;
  degree: number;
  /** Hops from ego over drawn ties, −1 when unreachable. */
  hopsFromEgo: number;
}

/** A drawn tie as filters see it; `source` is the end nearer to ego. */
export interface ViewTie {
  source: PersonId;
  target: PersonId;
  strength: number;
  /** Reciprocity balance from `source`'s side (NaN when unknown). */
  balance: number;
}

/** What to hide: people and ties failing a predicate, and/or a set of people. Ego is never hidden. */
export interface ViewFilter {
  node?: (person: ViewPerson) => boolean;
  edge?: (tie: ViewTie) => boolean;
  hidden?: Iterable<PersonId>;
}

/** Events of a view and their payloads. */
export interface NetworkViewEvents {
  clickNode: (id: PersonId) => void;
  doubleClickNode: (id: PersonId) => void;
  /** A person under the pointer, or null when the pointer leaves them. */
  hover: (id: PersonId | null) => void;
  clickStage: () => void;
}

/** Options of {@link NetworkView.focus}. */
export interface FocusOptions {
  /** Camera ratio to zoom to (smaller = closer; default min(current, 0.4)). */
  ratio?: number;
  /** Move duration in ms (default: the view's `cameraDuration`). */
  duration?: number;
}

/** Result of {@link NetworkView.highlightPath}. */
export interface PathHighlight {
  /** Hops drawn and emphasised. */
  hops: number;
  /** Consecutive pairs with no drawn tie (e.g. a tie resting only on confidential exchanges). */
  missingHops: [PersonId, PersonId][];
}

/** The handle of a mounted view. */
export interface NetworkView {
  /** The container the view draws in. */
  readonly container: HTMLElement;
  /** The sigma renderer (advanced use: camera, display data, custom layers). */
  readonly renderer: Sigma;
  /** The drawn graph (display attributes only; do not add or drop items). */
  readonly graph: Graph;
  /** The scene drawn (people, ties and measures after redaction). */
  readonly scene: Scene;
  /** The legend element, kept up to date; placed over the view unless `legend: "detached"`. */
  readonly legend: HTMLElement;
  /**
   * Replaces what is drawn (e.g. after new exchanges, or another network), keeping positions of
   * people already drawn; `encoding` changes encodings in the same step. All or nothing: if the
   * new source cannot be drawn with the encodings asked for, it throws and the view is unchanged.
   */
  update(source: NetworkViewSource, encoding?: Partial<ViewEncoding>): void;
  /** The encodings in force. */
  encoding(): ViewEncoding;
  /** Changes encodings; all or nothing (a missing input throws and changes nothing). */
  setEncoding(patch: Partial<ViewEncoding>): void;
  /** The legends of the encodings in force. */
  legends(): LegendSpec[];
  setTheme(theme: "light" | "dark" | Partial<ViewTheme>): void;
  theme(): ViewTheme;
  /** Hides people and ties (null shows everything). */
  setFilter(filter: ViewFilter | null): void;
  /** Emphasises a person and their ties, fading the rest (null clears). Hover does the same. */
  highlightNeighbourhood(id: PersonId | null): void;
  /** Emphasises an introduction path (people in order), fades the rest and fits the camera to it (null clears). */
  highlightPath(ids: readonly PersonId[] | null, options?: { fitCamera?: boolean; duration?: number }): Promise<PathHighlight>;
  /** Selects people: rings, larger labels, the rest faded (empty clears). */
  select(ids: Iterable<PersonId>): void;
  selection(): ReadonlySet<PersonId>;
  /** Clears hover, path and selection highlights. */
  clearHighlights(): void;
  /** Centres the camera on a person. */
  focus(id: PersonId, options?: FocusOptions): Promise<void>;
  /** Shows everyone not hidden by the filter (the whole network when nothing is hidden). */
  fit(duration?: number): Promise<void>;
  /** Zooms in (factor > 1) or out (factor < 1) around the centre of the view. */
  zoom(factor: number, duration?: number): Promise<void>;
  /** How many people and ties are drawn now (filters applied; ties whose ends are hidden count as hidden). */
  shown(): { people: number; ties: number };
  /** Starts ForceAtlas2 in a web worker from the current positions. */
  startLayout(): void;
  stopLayout(): void;
  isLayoutRunning(): boolean;
  /** Applies a deterministic layout (stops ForceAtlas2). */
  applyLayout(layout: "ego-rings", options?: Partial<EgoRingsOptions>): void;
  applyLayout(layout: "sunflower", options?: Partial<SunflowerOptions>): void;
  /** A PNG of the current view (camera, highlights, filters), background from the theme. */
  exportPNG(options?: PngOptions): Promise<Blob>;
  /** Listens to an event; returns a function that stops listening. */
  on<E extends keyof NetworkViewEvents>(event: E, listener: NetworkViewEvents[E]): () => void;
  /** Stops layouts, removes everything the view added to the container. */
  destroy(): void;
}

/**
 * Mounts a view of a network in a container (which must have a size).
 * People are nodes (key = person id, label = name), relationships are ties;
 * encodings map measures to size and colour through d3 scales with legends
 * built from the same scales. Nothing resting only on confidential exchanges
 * is drawn unless `includeConfidential`, and notes never reach the graph.
 *
 * @example
 * ```ts
 * import { generateNetwork } from "@tiegraph/core";
 * import { mountNetworkView, analyseForView } from "@tiegraph/viz";
 *
 * const network = generateNetwork({ seed: 7, people: 200, exchanges: 3000 });
 * const view = mountNetworkView(document.getElementById("graph")!, { network, analysis: analyseForView(network) });
 * view.on("clickNode", (id) => view.select([id]));
 * view.setEncoding({ nodeColour: "internal-external" });
 * ```
 */
export function mountNetworkView(container: HTMLElement, source: NetworkViewSource, options: Partial<NetworkViewOptions> = {}): NetworkView {
  if (!container || typeof container !== "object" || typeof (container as HTMLElement).appendChild !== "function") {
    throw new TiegraphError(SCOPE, "invalid-option", "the container is not a DOM element", { expected: "an HTMLElement with a width and height" });
  }
  const opts = { ...DEFAULT_NETWORK_VIEW_OPTIONS, ...options, labels: { ...DEFAULT_LABEL_OPTIONS, ...options.labels } };
  if (opts.legend !== "overlay" && opts.legend !== "detached") throw new TiegraphError(SCOPE, "invalid-option", `unknown legend placement ${JSON.stringify(opts.legend)}`, { expected: '"overlay" or "detached"' });
  let theme = resolveTheme(opts.theme);
  // encodings the caller named never fall back; defaults do
  const explicit = new Set<keyof ViewEncoding>(Object.keys(options.encoding ?? {}) as (keyof ViewEncoding)[]);
  let requested: ViewEncoding = { ...DEFAULT_VIEW_ENCODING, ...options.encoding };

  let scene = buildScene(source, opts.includeConfidential);
  let enc = resolveEncodings(scene, requested, explicit, theme, opts);
  let graph = sceneGraph(scene, initialPositions(scene, opts));
  paintNodes(graph, scene, enc, theme, opts.labels);
  paintEdges(graph, enc);
  let nodeKeys = graph.nodes();
  let edgeKeys = graph.edges();

  const state: HighlightState = {
    theme,
    labels: opts.labels,
    ego: scene.egoIndex >= 0 ? scene.ids[scene.egoIndex] : undefined,
    emphasis: undefined,
    selection: new Set(),
    hiddenNodes: new Set(),
    hiddenEdges: new Set(),
    maxForcedLabels: opts.maxForcedLabels,
  };
  let neighbourhood: Emphasis | undefined;
  let path: PathEmphasis | undefined;
  let selected: Emphasis | undefined;
  let filter: ViewFilter | null = null;
  // a path and a selection show together: picking someone while a path is drawn fades neither
  const activeEmphasis = () => neighbourhood ?? (path && selected ? combinedEmphasis(path, selected) : (path ?? selected));

  const prevPosition = container.style.position;
  if (getComputedStyle(container).position === "static") container.style.position = "relative";
  const prevBackground = container.style.background;
  container.dataset.theme = theme.name;
  container.style.background = theme.background;

  const { drawLabel, drawHover } = createLabelDrawers(() => theme);
  const RingedProgram = createNodeBorderProgram({
    borders: [
      { size: { attribute: "ringSize", defaultValue: 0, mode: "pixels" }, color: { attribute: "ringColor" } },
      // a gap in the background colour keeps a ring readable whatever the fill's hue
      { size: { attribute: "ringGap", defaultValue: 0, mode: "pixels" }, color: { attribute: "ringGapColor" } },
      { size: { fill: true }, color: { attribute: "color" } },
    ],
    drawLabel,
    drawHover,
  });
  const { nodeReducer, edgeReducer } = createReducers(() => state);
  const settings: Partial<Settings> = {
    defaultNodeType: PERSON_NODE_TYPE,
    defaultEdgeType: "line",
    nodeProgramClasses: { [PERSON_NODE_TYPE]: NodeCircleProgram, [RINGED_NODE_TYPE]: RingedProgram },
    edgeProgramClasses: { line: EdgeRectangleProgram, arrow: createEdgeArrowProgram({ lengthToThicknessRatio: 4, widenessToThicknessRatio: 3 }) },
    labelDensity: opts.labels.density,
    labelGridCellSize: opts.labels.gridCellSize,
    labelRenderedSizeThreshold: opts.labels.renderedSizeThreshold,
    labelSize: opts.labels.size,
    labelFont: theme.font,
    labelColor: { color: theme.text },
    defaultDrawNodeLabel: drawLabel,
    defaultDrawNodeHover: drawHover,
    renderEdgeLabels: false,
    zIndex: true,
    minEdgeThickness: 0.5,
    ...opts.sigmaSettings,
    nodeReducer,
    edgeReducer,
  };
  const renderer = new Sigma(graph, container, settings);

  const legend = container.ownerDocument.createElement("div");
  legend.className = "tiegraph-legend";
  // the overlay folds away (a <details>), so the legend never has to hide the picture
  const overlay = opts.legend === "overlay" ? legendOverlay(container, legend, opts.legendOpen) : undefined;
  const tooltip: Tooltip | undefined = opts.tooltip ? createTooltip(container, theme) : undefined;
  const refreshLegend = () => {
    const specs = state.hiddenNodes.size ? legendsOf(enc).map((spec) => (spec.channel === "node-colour" ? legendCountsOfShown(spec, enc.nodeColour.colours, (i) => !state.hiddenNodes.has(scene.ids[i]!) || i === scene.egoIndex) : spec)) : legendsOf(enc);
    renderLegend(legend, specs, theme, { ego: scene.egoIndex >= 0, selection: state.selection.size > 0, path: path !== undefined });
    if (overlay) Object.assign(overlay.style, { background: theme.background, color: theme.text, font: `11px ${theme.font}` });
  };
  refreshLegend();

  let fa2: LayoutRunner | undefined;
  let destroyed = false;
  const listeners: { [E in keyof NetworkViewEvents]: Set<NetworkViewEvents[E]> } = { clickNode: new Set(), doubleClickNode: new Set(), hover: new Set(), clickStage: new Set() };
  const emit = <E extends keyof NetworkViewEvents>(event: E, ...args: Parameters<NetworkViewEvents[E]>) => {
    for (const l of listeners[event]) (l as (...a: unknown[]) => void)(...args);
  };

  /** Re-applies reducers after an emphasis change, touching only what changed when possible. */
  const applyEmphasis = (full: boolean) => {
    const prev = state.emphasis;
    const next = activeEmphasis();
    state.emphasis = next;
    if (full || !prev || !next) {
      // every item changes (fades in or out): re-reduce all without re-indexing
      renderer.refresh(full ? undefined : { partialGraph: { nodes: nodeKeys, edges: edgeKeys }, skipIndexation: true });
      return;
    }
    const nodes = new Set([...prev.nodes, ...next.nodes]);
    const edges = new Set([...prev.edges, ...next.edges]);
    renderer.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
  };

  const tooltipLines = (id: string): string[] => {
    const i = scene.indexOf.get(id)!;
    const lines = [scene.names[i]!];
    const orgs = scene.organisations[i]!.map((o) => scene.organisationNames.get(o) ?? o);
    lines.push(orgs.length ? orgs.join(", ") : "no organisation");
    if (scene.egoIndex === i) lines.push("you");
    else if (scene.egoIndex >= 0) lines.push(scene.strengthToEgo[i]! > 0 ? `tie strength to you: ${scene.strengthToEgo[i]!.toFixed(2)}` : "no direct tie to you");
    lines.push(`ties drawn: ${scene.degree[i]}`);
    if (enc.nodeSize.by === "betweenness" && scene.betweenness) lines.push(`betweenness: ${formatNumber(scene.betweenness[i]!)}`);
    if (enc.nodeColour.by === "ei-index" && scene.eiIndex) lines.push(`E-I index: ${Number.isNaN(scene.eiIndex[i]!) ? "no ties" : (scene.eiIndex[i]! > 0 ? "+" : "") + scene.eiIndex[i]!.toFixed(2)}`);
    return lines;
  };

  // leaving a person clears the highlight on the next frame, unless the
  // pointer enters another person first: then only the two neighbourhoods
  // are re-reduced instead of every item twice
  let pendingLeave: number | undefined;
  const cancelLeave = () => {
    if (pendingLeave !== undefined) cancelAnimationFrame(pendingLeave);
    pendingLeave = undefined;
  };
  renderer.on("enterNode", ({ node, event }: SigmaNodeEventPayload) => {
    cancelLeave();
    if (opts.hoverHighlight) {
      neighbourhood = neighbourhoodEmphasis(graph, node);
      applyEmphasis(false);
    }
    tooltip?.show(tooltipLines(node), event.x, event.y);
    emit("hover", node);
  });
  renderer.on("leaveNode", () => {
    tooltip?.hide();
    emit("hover", null);
    if (!opts.hoverHighlight || !neighbourhood) return;
    cancelLeave();
    pendingLeave = requestAnimationFrame(() => {
      pendingLeave = undefined;
      if (destroyed || !neighbourhood) return;
      neighbourhood = undefined;
      applyEmphasis(false);
    });
  });
  renderer.on("clickNode", ({ node }) => emit("clickNode", node));
  renderer.on("doubleClickNode", ({ node }) => emit("doubleClickNode", node));
  renderer.on("clickStage", () => emit("clickStage"));

  const evaluateFilter = () => {
    const hiddenNodes = new Set<string>();
    const hiddenEdges = new Set<string>();
    if (filter) {
      if (filter.hidden !== undefined) {
        let k = 0;
        for (const id of filter.hidden) {
          if (!scene.indexOf.has(id)) throw new TiegraphError(SCOPE, "unknown-person", `unknown person ${JSON.stringify(id)}`, { record: `filter.hidden #${k}`, expected: "the id of a person drawn in the view" });
          hiddenNodes.add(id);
          k++;
        }
      }
      if (filter.node) for (let i = 0; i < scene.personCount; i++) if (!filter.node(personOf(scene, i))) hiddenNodes.add(scene.ids[i]!);
      if (filter.edge) {
        graph.forEachEdge((edge, attr) => {
          if (!filter!.edge!(tieOf(scene, attr.tie as number))) hiddenEdges.add(edge);
        });
      }
    }
    return { hiddenNodes, hiddenEdges };
  };

  const alive = () => {
    if (destroyed) throw new TiegraphError(SCOPE, "invalid-option", "the view was destroyed", { expected: "a mounted view" });
  };

  const view: NetworkView = {
    container,
    get renderer() {
      return renderer;
    },
    get graph() {
      return graph;
    },
    get scene() {
      return scene;
    },
    legend,
    update(next, patch) {
      alive();
      const nextScene = buildScene(next, opts.includeConfidential);
      const nextRequested = patch ? { ...requested, ...patch } : requested;
      const nextExplicit = patch ? new Set([...explicit, ...(Object.keys(patch) as (keyof ViewEncoding)[])]) : explicit;
      const nextEnc = resolveEncodings(nextScene, nextRequested, nextExplicit, theme, opts);
      const base = initialPositions(nextScene, opts);
      graph.forEachNode((key, attr) => {
        const i = nextScene.indexOf.get(key);
        if (i !== undefined) {
          base.x[i] = attr.x as number;
          base.y[i] = attr.y as number;
        }
      });
      const nextGraph = sceneGraph(nextScene, base);
      paintNodes(nextGraph, nextScene, nextEnc, theme, opts.labels);
      paintEdges(nextGraph, nextEnc);
      // nothing below can fail
      requested = nextRequested;
      for (const k of nextExplicit) explicit.add(k);
      fa2?.kill();
      fa2 = undefined;
      scene = nextScene;
      enc = nextEnc;
      graph = nextGraph;
      nodeKeys = graph.nodes();
      edgeKeys = graph.edges();
      cancelLeave();
      neighbourhood = undefined;
      path = undefined;
      selected = undefined;
      state.selection = new Set([...state.selection].filter((id) => scene.indexOf.has(id)));
      if (state.selection.size) selected = selectionEmphasis(graph, state.selection);
      state.ego = scene.egoIndex >= 0 ? scene.ids[scene.egoIndex] : undefined;
      state.emphasis = activeEmphasis();
      try {
        Object.assign(state, evaluateFilter());
      } catch {
        // the filter named people who are gone: drop it rather than fail the update
        filter = null;
        Object.assign(state, { hiddenNodes: new Set(), hiddenEdges: new Set() });
      }
      tooltip?.hide();
      renderer.setGraph(graph);
      refreshLegend();
    },
    encoding: () => ({ nodeSize: enc.nodeSize.by, nodeColour: enc.nodeColour.by, edgeColour: enc.edgeColour.by, edgeWidth: enc.edgeWidth.by, edgeArrows: enc.edgeArrows.by }),
    setEncoding(patch) {
      alive();
      const nextRequested = { ...requested, ...patch };
      const nextExplicit = new Set([...explicit, ...(Object.keys(patch) as (keyof ViewEncoding)[])]);
      const nextEnc = resolveEncodings(scene, nextRequested, nextExplicit, theme, opts);
      requested = nextRequested;
      for (const k of nextExplicit) explicit.add(k);
      enc = nextEnc;
      paintNodes(graph, scene, enc, theme, opts.labels);
      paintEdges(graph, enc);
      refreshLegend();
    },
    legends: () => legendsOf(enc),
    setTheme(next) {
      alive();
      const t = resolveTheme(next);
      const nextEnc = resolveEncodings(scene, requested, explicit, t, opts);
      theme = t;
      state.theme = t;
      enc = nextEnc;
      container.dataset.theme = t.name;
      container.style.background = t.background;
      renderer.setSetting("labelColor", { color: t.text });
      renderer.setSetting("labelFont", t.font);
      tooltip?.setTheme(t);
      paintNodes(graph, scene, enc, theme, opts.labels);
      paintEdges(graph, enc);
      refreshLegend();
    },
    theme: () => ({ ...theme }),
    setFilter(next) {
      alive();
      const previous = filter;
      filter = next;
      try {
        Object.assign(state, evaluateFilter());
      } catch (e) {
        filter = previous;
        throw e;
      }
      renderer.refresh();
      refreshLegend();
    },
    highlightNeighbourhood(id) {
      alive();
      cancelLeave();
      neighbourhood = id === null ? undefined : neighbourhoodEmphasis(graph, id);
      applyEmphasis(false);
    },
    async highlightPath(ids, o = {}) {
      alive();
      if (ids === null) {
        path = undefined;
        applyEmphasis(true);
        refreshLegend();
        return { hops: 0, missingHops: [] };
      }
      // kept locally: another call may replace or clear the path while the camera moves
      const shown = pathEmphasis(graph, ids);
      path = shown;
      applyEmphasis(true);
      refreshLegend();
      if (o.fitCamera !== false) {
        const target = cameraStateForNodes(renderer, shown.nodes);
        if (target) await moveCamera(renderer, target, o.duration ?? opts.cameraDuration);
      }
      return { hops: shown.edges.size, missingHops: shown.missingHops };
    },
    select(ids) {
      alive();
      const emphasis = selectionEmphasis(graph, ids);
      selected = emphasis.nodes.size ? emphasis : undefined;
      state.selection = emphasis.nodes;
      applyEmphasis(true);
      refreshLegend();
    },
    selection: () => state.selection,
    clearHighlights() {
      alive();
      neighbourhood = undefined;
      path = undefined;
      selected = undefined;
      state.selection = new Set();
      applyEmphasis(true);
      refreshLegend();
    },
    async focus(id, o = {}) {
      alive();
      const d = renderer.getNodeDisplayData(id);
      if (!d) throw new TiegraphError(SCOPE, "unknown-person", `unknown person ${JSON.stringify(id)}`, { record: "focus", expected: "the id of a person drawn in the view" });
      const ratio = o.ratio ?? Math.min(renderer.getCamera().ratio, 0.4);
      await moveCamera(renderer, { x: d.x, y: d.y, ratio }, o.duration ?? opts.cameraDuration);
    },
    fit(duration = opts.cameraDuration) {
      alive();
      if (!state.hiddenNodes.size) return moveCamera(renderer, { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, duration);
      const shownNodes = nodeKeys.filter((k) => !state.hiddenNodes.has(k) || k === state.ego);
      return moveCamera(renderer, { angle: 0, ...(cameraStateForNodes(renderer, shownNodes, 1.2) ?? { x: 0.5, y: 0.5, ratio: 1 }) }, duration);
    },
    zoom(factor, duration = opts.cameraDuration) {
      alive();
      if (!(factor > 0) || !Number.isFinite(factor)) throw new TiegraphError(SCOPE, "invalid-option", `invalid zoom factor ${factor}`, { expected: "a positive number (> 1 zooms in)" });
      const camera = renderer.getCamera();
      return moveCamera(renderer, { ratio: camera.getBoundedRatio(camera.ratio / factor) }, duration);
    },
    shown() {
      const hidden = (k: string) => k !== state.ego && state.hiddenNodes.has(k);
      let people = 0;
      for (const k of nodeKeys) if (!hidden(k)) people++;
      let ties = 0;
      graph.forEachEdge((edge, _attr, source, target) => {
        if (!state.hiddenEdges.has(edge) && !hidden(source) && !hidden(target)) ties++;
      });
      return { people, ties };
    },
    startLayout() {
      alive();
      fa2 ??= forceAtlas2Layout(graph, opts.forceAtlas2);
      fa2.start();
    },
    stopLayout() {
      fa2?.stop();
    },
    isLayoutRunning: () => fa2?.isRunning() ?? false,
    applyLayout(layout: "ego-rings" | "sunflower", o: Partial<EgoRingsOptions> | Partial<SunflowerOptions> = {}) {
      alive();
      let p: Positions;
      if (layout === "ego-rings") p = egoRingsLayout(scene, { ...opts.egoRings, ...(o as Partial<EgoRingsOptions>) });
      else if (layout === "sunflower") p = sunflowerLayout(scene, { ...opts.sunflower, ...(o as Partial<SunflowerOptions>) });
      else throw new TiegraphError(SCOPE, "invalid-option", `unknown layout ${JSON.stringify(layout)}`, { expected: '"ego-rings" or "sunflower"' });
      fa2?.stop();
      graph.updateEachNodeAttributes(
        (_key, attr) => {
          attr.x = p.x[attr.index as number]!;
          attr.y = p.y[attr.index as number]!;
          return attr;
        },
        { attributes: ["x", "y"] },
      );
    },
    exportPNG(o = {}) {
      alive();
      return exportPNG(renderer, { backgroundColor: theme.background, ...o });
    },
    on(event, listener) {
      listeners[event].add(listener);
      return () => listeners[event].delete(listener);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelLeave();
      fa2?.kill();
      renderer.kill();
      tooltip?.destroy();
      overlay?.remove();
      for (const set of Object.values(listeners)) set.clear();
      delete container.dataset.theme;
      container.style.background = prevBackground;
      container.style.position = prevPosition;
    },
  };
  return view;
}

/** A folding box in the top-right corner of the container holding the legend. */
function legendOverlay(container: HTMLElement, legend: HTMLElement, open: boolean): HTMLElement {
  const doc = container.ownerDocument;
  const box = doc.createElement("details");
  box.className = "tiegraph-legend-overlay";
  box.open = open;
  const summary = doc.createElement("summary");
  summary.textContent = "Legend";
  Object.assign(summary.style, { cursor: "pointer", fontWeight: "600", userSelect: "none" });
  Object.assign(legend.style, { marginTop: "4px" });
  box.append(summary, legend);
  Object.assign(box.style, { position: "absolute", top: "8px", right: "8px", zIndex: "2", maxWidth: "230px", maxHeight: "calc(100% - 16px)", overflow: "auto", padding: "4px 8px", borderRadius: "4px", opacity: "0.95", boxShadow: "0 1px 3px rgba(0,0,0,.25)" });
  container.append(box);
  return box;
}

function buildScene(source: NetworkViewSource, includeConfidential: boolean): Scene {
  if (source instanceof Network) return sceneFromNetwork(source, {}, { includeConfidential });
  if (source && typeof source === "object" && "network" in source && source.network instanceof Network) return sceneFromNetwork(source.network, source.analysis ?? {}, { includeConfidential });
  if (source && typeof source === "object" && "graph" in source) {
    const o: { includeConfidential: boolean; organisationNames?: ReadonlyMap<string, string>; asOf?: string } = { includeConfidential };
    if (source.organisationNames) o.organisationNames = source.organisationNames;
    if (source.asOf !== undefined) o.asOf = source.asOf;
    return sceneFromGraph(source.graph, source.analysis ?? {}, o);
  }
  throw new TiegraphError(SCOPE, "invalid-option", "nothing to draw", { expected: "a Network, { network, analysis? } or { graph, analysis? }" });
}

type EncodingOptions = Pick<NetworkViewOptions, "nodeSize" | "nodeColour" | "edgeWidth" | "edgeArrows">;

/** Computes every encoding; a default whose input is missing falls back, an explicit one throws. */
function resolveEncodings(scene: Scene, requested: ViewEncoding, explicit: ReadonlySet<keyof ViewEncoding>, theme: ViewTheme, opts: EncodingOptions): AppliedEncodings {
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

function legendsOf(enc: AppliedEncodings): LegendSpec[] {
  return [enc.nodeColour.legend, enc.nodeSize.legend, enc.edgeColour.legend, enc.edgeWidth.legend, enc.edgeArrows.legend].filter((l): l is LegendSpec => l !== undefined);
}

function initialPositions(scene: Scene, opts: Pick<NetworkViewOptions, "layout" | "positions" | "egoRings" | "sunflower">): Positions {
  switch (opts.layout) {
    case "auto":
      return scene.egoIndex >= 0 ? egoRingsLayout(scene, opts.egoRings) : sunflowerLayout(scene, opts.sunflower);
    case "ego-rings":
      return egoRingsLayout(scene, opts.egoRings);
    case "sunflower":
      return sunflowerLayout(scene, opts.sunflower);
    case "preset": {
      const p = sunflowerLayout(scene, opts.sunflower);
      if (!opts.positions) throw new TiegraphError(SCOPE, "invalid-option", 'the "preset" layout needs positions', { expected: "options.positions: a map of person id → { x, y }" });
      for (const [id, pos] of opts.positions) {
        const i = scene.indexOf.get(id);
        if (i === undefined) continue;
        if (!Number.isFinite(pos?.x) || !Number.isFinite(pos?.y)) throw new TiegraphError(SCOPE, "invalid-value", `position of ${JSON.stringify(id)} is not a pair of finite numbers`, { record: `positions[${JSON.stringify(id)}]`, expected: "{ x, y } with finite numbers" });
        p.x[i] = pos.x;
        p.y[i] = pos.y;
      }
      return p;
    }
    default:
      throw new TiegraphError(SCOPE, "invalid-option", `unknown layout ${JSON.stringify(opts.layout)}`, { expected: '"auto", "ego-rings", "sunflower" or "preset"' });
  }
}

function personOf(scene: Scene, i: number): ViewPerson {
  return {
    id: scene.ids[i]!,
    name: scene.names[i]!,
    organisations: scene.organisations[i]!,
    isEgo: i === scene.egoIndex,
    internal: scene.internal[i] === 1,
    strengthToEgo: scene.strengthToEgo[i]!,
    degree: scene.degree[i]!,
    hopsFromEgo: scene.hopsFromEgo[i]!,
  };
}

function tieOf(scene: Scene, k: number): ViewTie {
  return { source: scene.ids[scene.a[k]!]!, target: scene.ids[scene.b[k]!]!, strength: scene.strength[k]!, balance: scene.balance[k]! };
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "—";
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(2);
}
