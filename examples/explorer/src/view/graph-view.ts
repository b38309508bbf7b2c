/**
 * The graph on the page: mounts @tiegraph/viz's network view on the loaded
 * network and keeps it in step with the state (encodings, theme, filters,
 * selection, the chosen introduction path), touching the view only for what
 * changed. The view draws; nothing here computes a measure.
 */
import { mountNetworkView, type NetworkView, type NetworkViewSource, type ViewAnalysis, type ViewEncoding } from "@tiegraph/viz/browser";
import type { NetworkSession } from "../network-session.js";
import { DEFAULT_STATE, type ExplorerState } from "../state/explorer-state.js";
import { EXACT_BETWEENNESS_UP_TO } from "../worker/analysis.js";
import { viewFilter } from "./view-filter.js";

/** The applied-filter key of "nothing filtered". */
const NO_FILTER = "none";
/** An applied value that matches no state, so the next apply sets it. */
const UNKNOWN = "\u0000unknown";

/** Above this many ties, ties and labels are hidden while the camera moves. */
export const LARGE_GRAPH_TIES = 5_000;

/** What the page hears from the graph. */
export interface GraphViewEvents {
  clickNode(id: string): void;
  clickStage(): void;
}

/**
 * The encodings to draw a session with: what the state asks for, with the
 * open tab's override (Reciprocity colours ties, Inside/outside colours
 * people), and a substitute wherever this network cannot show what is asked
 * yet (no ego, betweenness still being computed), so a file never fails for
 * a default encoding. `notice` says what was substituted and why.
 */
export function effectiveEncoding(state: ExplorerState, session: Pick<NetworkSession, "ego" | "overview" | "analysis">): Pick<ViewEncoding, "nodeSize" | "nodeColour" | "edgeColour"> & { notice: string | undefined } {
  const hasEgo = session.ego !== undefined;
  let notice: string | undefined;
  let nodeSize = state.size as ViewEncoding["nodeSize"];
  if (nodeSize === "strength-to-ego" && !hasEgo) {
    nodeSize = "degree";
    if (state.size !== DEFAULT_STATE.size) notice = "Sizes show ties drawn: tie strength to you needs to know which one is you.";
  } else if (nodeSize === "betweenness" && !session.overview) {
    nodeSize = "degree";
    notice = "Betweenness is still being computed; sizes follow in a moment.";
  }
  let nodeColour = (state.tab === "mix" && hasEgo ? "internal-external" : state.colour) as ViewEncoding["nodeColour"];
  if (nodeColour === "internal-external" && !hasEgo) {
    nodeColour = "organisation";
    notice = "Colours show organisations: internal or external needs to know which one is you.";
  } else if (nodeColour === "ei-index" && !hasEI(session)) {
    nodeColour = "organisation";
    notice = "The E-I index is still being computed; colours follow in a moment.";
  }
  let edgeColour = state.edge as ViewEncoding["edgeColour"];
  if (state.tab === "reciprocity") edgeColour = hasEgo && !state.allTies ? "your-reciprocity" : "reciprocity";
  else if (edgeColour === "your-reciprocity" && !hasEgo) edgeColour = "reciprocity";
  return { nodeSize, nodeColour, edgeColour, notice };
}

/** The graph view of the page. */
export class GraphView {
  private view: NetworkView | undefined;
  private session: NetworkSession | undefined;
  private applied = { encoding: "", theme: "", filter: NO_FILTER, selected: "", path: "" };
  private pathIds: readonly string[] = [];
  private appliedPairs: ReadonlySet<number> | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly legendBox: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {}

  /** The mounted view, if a network is drawn. */
  get current(): NetworkView | undefined {
    return this.view;
  }

  /**
   * Draws a network (mounting the view the first time, updating it after).
   * All or nothing: when it throws, the view still shows the previous network.
   */
  show(session: NetworkSession, state: ExplorerState): void {
    const source = sourceOf(session);
    const { notice: _notice, ...encoding } = effectiveEncoding(state, session);
    if (!this.view) {
      this.view = mountNetworkView(this.container, source, {
        theme: state.theme,
        encoding,
        legend: "detached",
        // ego-centred rings: stable first picture, no layout to wait for
        layout: "auto",
        // the container can be hidden for a moment on narrow screens; large
        // networks drop ties and labels while the camera moves, so panning stays smooth
        sigmaSettings: { allowInvalidContainer: true, ...(session.graph.size > LARGE_GRAPH_TIES ? { hideEdgesOnMove: true, hideLabelsOnMove: true } : {}) },
      });
      this.legendBox.append(this.view.legend);
      this.view.on("clickNode", (id) => this.events.clickNode(id));
      this.view.on("clickStage", () => this.events.clickStage());
      // sigma follows window resizes only; panels opening and closing resize the container too
      const renderer = this.view.renderer;
      // the camera's zoom, for tests and tools that read the page (1 shows the whole network)
      const camera = renderer.getCamera();
      this.container.dataset.cameraRatio = camera.ratio.toFixed(4);
      camera.on("updated", (c) => (this.container.dataset.cameraRatio = c.ratio.toFixed(4)));
      let size = "";
      new ResizeObserver(() => {
        const next = `${this.container.offsetWidth}x${this.container.offsetHeight}`;
        if (next !== size) renderer.scheduleRender();
        size = next;
      }).observe(this.container);
      // what the view was mounted with needs no second pass (each one redraws every item)
      this.applied = { encoding: JSON.stringify(encoding), theme: state.theme, filter: NO_FILTER, selected: "", path: "" };
    } else {
      // the new network and the encodings it can show, in one step that changes nothing if it fails
      this.view.update(source, encoding);
      // the view keeps its theme; filter and selection are looked at again
      this.applied = { ...this.applied, encoding: JSON.stringify(encoding), filter: UNKNOWN, selected: UNKNOWN, path: "" };
      void this.view.fit(0);
    }
    this.session = session;
    this.pathIds = [];
    this.appliedPairs = undefined;
  }

  /**
   * Brings the view in line with the state. `pairs` are the pairs with an
   * exchange in the date range, once the worker has found them. Returns a
   * message when the state asks for an encoding this network cannot show
   * (the view shows a substitute).
   */
  apply(state: ExplorerState, pairs: ReadonlySet<number> | undefined): string | undefined {
    const view = this.view;
    const session = this.session;
    if (!view || !session) return undefined;
    if (this.applied.theme !== state.theme) {
      view.setTheme(state.theme);
      this.applied.theme = state.theme;
    }
    const { notice, ...encoding } = effectiveEncoding(state, session);
    let problem = notice;
    if (encoding.nodeSize === "betweenness" && session.overview?.betweennessSample) problem = `Betweenness is estimated from ${session.overview.betweennessSample} sampled people (exact up to ${EXACT_BETWEENNESS_UP_TO.toLocaleString("en")} people).`;
    const encKey = JSON.stringify(encoding);
    if ((encoding.nodeSize === "betweenness" && !view.scene.betweenness) || (encoding.nodeColour === "ei-index" && !view.scene.eiIndex)) {
      // betweenness (and a large network's E-I index) arrive after the first picture: draw again with them, keeping positions
      // (the view keeps theme, filter and selection; the path goes)
      view.update(sourceOf(session), encoding);
      this.applied.encoding = encKey;
      this.applied.path = "";
      this.pathIds = [];
    }
    if (this.applied.encoding !== encKey) {
      try {
        view.setEncoding(encoding);
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
      }
      this.applied.encoding = encKey;
    }
    const filter = viewFilter({ personCount: session.personCount, hasEgo: session.ego !== undefined, personIndex: (id) => session.personIndex(id), personTags: (id) => session.personTags(id) }, state.filters, state.scope, pairs);
    const filterKey = filter ? JSON.stringify([state.filters, state.scope]) : NO_FILTER;
    if (this.applied.filter !== filterKey || (filter && this.appliedPairs !== pairs)) {
      const first = this.applied.filter === UNKNOWN;
      view.setFilter(filter);
      this.applied.filter = filterKey;
      this.appliedPairs = pairs;
      // after a filter the camera shows what is left (a new network has just been fitted)
      if (!first) void view.fit();
    }
    const selected = state.selected && view.graph.hasNode(state.selected) ? state.selected : "";
    if (this.applied.selected !== selected) {
      view.select(selected ? [selected] : []);
      this.applied.selected = selected;
      // who is highlighted, for assistive tools and tests (the picture itself is a canvas)
      this.container.dataset.highlighted = selected;
    }
    return problem;
  }

  /** How many people and ties are drawn now. */
  shown(): { people: number; ties: number } | undefined {
    return this.view?.shown();
  }

  /** Zooms in (factor > 1) or out. */
  zoom(factor: number): void {
    void this.view?.zoom(factor);
  }

  /** Fits the camera to what is shown. */
  fit(): void {
    void this.view?.fit();
  }

  /** Highlights an introduction path (people in order) and fits the camera to it; empty clears (the camera stays). */
  async highlightPath(ids: readonly string[]): Promise<void> {
    const view = this.view;
    if (!view) return;
    const key = ids.join("\u0000");
    if (key === this.applied.path) return;
    this.applied.path = key;
    this.pathIds = ids;
    await view.highlightPath(ids.length ? ids : null);
  }

  /** The path highlighted now. */
  get path(): readonly string[] {
    return this.pathIds;
  }

  /** Centres the camera on a person. */
  async focus(id: string): Promise<void> {
    if (this.view?.graph.hasNode(id)) await this.view.focus(id);
  }

  /** Starts or stops ForceAtlas2; returns whether it runs now. */
  toggleLayout(): boolean {
    const view = this.view;
    if (!view) return false;
    if (view.isLayoutRunning()) view.stopLayout();
    else view.startLayout();
    return view.isLayoutRunning();
  }

  /** A PNG of what is on screen. */
  exportPNG(): Promise<Blob> | undefined {
    return this.view?.exportPNG();
  }
}

/** The measures the view encodes, from the worker's analysis (betweenness, and a large network's E-I index, once the overview has arrived). */
function viewAnalysis(session: NetworkSession): ViewAnalysis {
  const out: ViewAnalysis = { pairImbalance: session.analysis.pairImbalance };
  const ei = session.analysis.eiIndex ?? (session.overview?.eiIndex && session.drawnValues(session.overview.eiIndex));
  if (ei) out.eiIndex = ei;
  if (session.overview) out.betweenness = session.drawnValues(session.overview.betweenness);
  return out;
}

/** Whether the E-I index of a session's people is known yet (a large network's follows the first picture). */
function hasEI(session: Pick<NetworkSession, "analysis" | "overview">): boolean {
  return session.analysis.eiIndex !== undefined || session.overview?.eiIndex !== undefined;
}

function sourceOf(session: NetworkSession): NetworkViewSource {
  return { graph: session.graph, analysis: viewAnalysis(session), organisationNames: session.organisationNameMap, asOf: session.analysis.asOf };
}
