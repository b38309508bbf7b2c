/**
 * mountNetworkView: one call that draws a network in a container with sigma
 * and returns a handle to update, re-encode, highlight, focus, lay out,
 * export and destroy the view. The view holds no application state beyond
 * what it draws, and never computes a measure: it draws the scene built
 * from the network and the caller's precomputed analysis.
 */
import type { AbstractGraph as Graph } from "graphology-types";
import Sigma from "sigma";
import { createEdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { SigmaNodeEventPayload } from "sigma/types";
import { createNodeBorderProgram } from "@sigma/node-border";
import { TiegraphError, type PersonId } from "@tiegraph/core";
import type { LegendSpec } from "../encodings/legend-spec.js";
import { exportPNG, type PngOptions } from "../export/png.js";
import { combinedEmphasis, neighbourhoodEmphasis, pathEmphasis, selectionEmphasis, type Emphasis, type PathEmphasis } from "../highlight/emphasis.js";
import { createReducers, type HighlightState } from "../highlight/reducers.js";
import { createLabelDrawers, DEFAULT_LABEL_OPTIONS, type LabelOptions } from "../labels/draw-label.js";
import { renderLegend } from "../legend/legend-element.js";
import { legendCountsOfShown } from "../legend/shown-counts.js";
import { egoRingsLayout, type EgoRingsOptions } from "../layout/ego-rings.js";
import { forceAtlas2Layout, type LayoutRunner } from "../layout/forceatlas2.js";
import type { Positions } from "../layout/positions.js";
import { sunflowerLayout, type SunflowerOptions } from "../layout/sunflower.js";
import type { Scene } from "../scene/scene.js";
import { resolveTheme, type ViewTheme } from "../theme/themes.js";
import { createTooltip, type Tooltip } from "../tooltip/tooltip.js";
import { cameraStateForNodes, moveCamera } from "./camera.js";
import { hiddenByFilter, type ViewFilter } from "./filter.js";
import { initialPositions } from "./initial-positions.js";
import { legendOverlay } from "./legend-overlay.js";
import { DEFAULT_NETWORK_VIEW_OPTIONS, DEFAULT_VIEW_ENCODING, type NetworkViewOptions, type ViewEncoding } from "./options.js";
import { paintEdges, paintNodes, PERSON_NODE_TYPE, RINGED_NODE_TYPE, sceneGraph, type AppliedEncodings } from "./paint.js";
import { legendsOf, resolveEncodings } from "./resolve-encodings.js";
import { buildScene, type NetworkViewSource } from "./source.js";
import { tooltipLines } from "./tooltip-lines.js";

export type { NetworkViewSource } from "./source.js";
export type { ViewFilter, ViewPerson, ViewTie } from "./filter.js";

const SCOPE = "tiegraph/viz";

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
 * import { mountNetworkView, analyseForView } from "@tiegraph/viz/browser";
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

  let { scene, enc, graph } = drawScene(source, requested, explicit, theme, opts, undefined);
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
    tooltip?.show(tooltipLines(scene, enc, node), event.x, event.y);
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

  const evaluateFilter = () => hiddenByFilter(scene, graph, filter);

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
      const nextRequested = patch ? { ...requested, ...patch } : requested;
      const nextExplicit = patch ? new Set([...explicit, ...(Object.keys(patch) as (keyof ViewEncoding)[])]) : explicit;
      // the same steps as mounting, keeping the positions of people already drawn
      const { scene: nextScene, enc: nextEnc, graph: nextGraph } = drawScene(next, nextRequested, nextExplicit, theme, opts, graph);
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
      // nothing filtered before or after: nothing to redraw (a full refresh costs a large graph hundreds of ms)
      if (next === null && filter === null) return;
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
      // nobody selected before or after: nothing to redraw
      if (!emphasis.nodes.size && !state.selection.size && !selected) return;
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

/**
 * Everything a view draws from a source, before anything is shown: the
 * scene, the encodings and the painted graph. Mounting and updating both go
 * through it; `previous` keeps the positions of people already drawn. Throws
 * (and changes nothing) when an explicit encoding cannot be drawn.
 */
function drawScene(
  source: NetworkViewSource,
  requested: ViewEncoding,
  explicit: ReadonlySet<keyof ViewEncoding>,
  theme: ViewTheme,
  opts: NetworkViewOptions & { labels: LabelOptions },
  previous: Graph | undefined,
): { scene: Scene; enc: AppliedEncodings; graph: Graph } {
  const scene = buildScene(source, opts.includeConfidential);
  const enc = resolveEncodings(scene, requested, explicit, theme, opts);
  const base = initialPositions(scene, opts);
  previous?.forEachNode((key, attr) => {
    const i = scene.indexOf.get(key);
    if (i !== undefined) {
      base.x[i] = attr.x as number;
      base.y[i] = attr.y as number;
    }
  });
  const graph = sceneGraph(scene, base);
  paintNodes(graph, scene, enc, theme, opts.labels);
  paintEdges(graph, enc);
  return { scene, enc, graph };
}
