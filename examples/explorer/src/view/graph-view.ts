/**
 * The graph on the page: mounts @tiegraph/viz's network view on the loaded
 * network and keeps it in step with the state (encodings, theme, filters,
 * selection, the chosen introduction path), touching the view only for what
 * changed. The view draws; nothing here computes a measure.
 */
import { mountNetworkView, type NetworkView, type NetworkViewSource, type ViewAnalysis, type ViewEncoding } from "@tiegraph/viz/browser";
import type { NetworkSession } from "../network-session.js";
import type { ExplorerState } from "../state/explorer-state.js";
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

/** The encodings a state asks for; the open tab can override one (reciprocity colours ties, mix colours people). */
export function effectiveEncoding(state: ExplorerState, hasEgo: boolean): Pick<ViewEncoding, "nodeSize" | "nodeColour" | "edgeColour"> {
  return {
    nodeSize: state.size as ViewEncoding["nodeSize"],
    nodeColour: (state.tab === "mix" && hasEgo ? "internal-external" : state.colour) as ViewEncoding["nodeColour"],
    edgeColour: (state.tab === "reciprocity" ? "reciprocity" : state.edge) as ViewEncoding["edgeColour"],
  };
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

  /** Draws a network (mounting the view the first time, updating it after). */
  show(session: NetworkSession, state: ExplorerState): void {
    const source = sourceOf(session);
    this.session = session;
    this.pathIds = [];
    const encoding = effectiveEncoding(state, session.ego !== undefined);
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
      let size = "";
      new ResizeObserver(() => {
        const next = `${this.container.offsetWidth}x${this.container.offsetHeight}`;
        if (next !== size) renderer.scheduleRender();
        size = next;
      }).observe(this.container);
      // what the view was mounted with needs no second pass (each one redraws every item)
      this.applied = { encoding: JSON.stringify(encoding), theme: state.theme, filter: NO_FILTER, selected: "", path: "" };
    } else {
      this.view.update(source);
      // the view keeps its theme and encodings; filter and selection are looked at again
      this.applied = { ...this.applied, filter: UNKNOWN, selected: UNKNOWN, path: "" };
      void this.view.fit(0);
    }
    this.appliedPairs = undefined;
  }

  /**
   * Brings the view in line with the state. `pairs` are the pairs with an
   * exchange in the date range, once the worker has found them. Returns a
   * message when the state asks for an encoding this network cannot show
   * (the view keeps its own).
   */
  apply(state: ExplorerState, pairs: ReadonlySet<number> | undefined): string | undefined {
    const view = this.view;
    const session = this.session;
    if (!view || !session) return undefined;
    let problem: string | undefined;
    if (this.applied.theme !== state.theme) {
      view.setTheme(state.theme);
      this.applied.theme = state.theme;
    }
    const encoding = effectiveEncoding(state, session.ego !== undefined);
    if (encoding.nodeSize === "betweenness" && !view.scene.betweenness) {
      if (!session.overview) return "Betweenness is still being computed; sizes follow in a moment.";
      // betweenness arrives after the first picture: draw again with it, keeping positions
      // (the view keeps theme, encodings, filter and selection; the path goes)
      view.update(sourceOf(session));
      this.applied.path = "";
      this.pathIds = [];
    }
    if (encoding.nodeSize === "betweenness" && session.overview?.betweennessSample) problem = `Betweenness is estimated from ${session.overview.betweennessSample} sampled people (exact up to ${EXACT_BETWEENNESS_UP_TO.toLocaleString("en")} people).`;
    const encKey = JSON.stringify(encoding);
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
      view.setFilter(filter);
      this.applied.filter = filterKey;
      this.appliedPairs = pairs;
    }
    const selected = state.selected && view.graph.hasNode(state.selected) ? state.selected : "";
    if (this.applied.selected !== selected) {
      view.select(selected ? [selected] : []);
      this.applied.selected = selected;
    }
    return problem;
  }

  /** Highlights an introduction path (people in order) and fits the camera to it; empty clears. */
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

/** The measures the view encodes, from the worker's analysis (betweenness once it has arrived). */
function viewAnalysis(session: NetworkSession): ViewAnalysis {
  const out: ViewAnalysis = { eiIndex: session.analysis.eiIndex, pairImbalance: session.analysis.pairImbalance };
  if (session.overview) out.betweenness = session.overview.betweenness;
  return out;
}

function sourceOf(session: NetworkSession): NetworkViewSource {
  return { graph: session.graph, analysis: viewAnalysis(session), organisationNames: session.organisationNameMap, asOf: session.analysis.asOf };
}
