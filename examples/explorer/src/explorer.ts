/**
 * The explorer: the page's controller. It owns the state (kept in the URL)
 * and the session of the network on screen, and wires the header, the tabs,
 * the graph view and the person panel together. Data flows one way: a file
 * goes to the worker, which keeps the network and answers questions; the
 * page draws the answers and the state.
 */
import type { IntroductionAnswer } from "@tiegraph/core";
import { EDGE_COLOUR_BY, NODE_COLOUR_BY, NODE_SIZE_BY } from "@tiegraph/viz";
import { h, replaceChildren } from "./dom/element.js";
import { NetworkSession } from "./network-session.js";
import { ExplorePanel } from "./panels/explore-panel.js";
import { IntroducePanel } from "./panels/introduce-panel.js";
import { MixPanel } from "./panels/mix-panel.js";
import { PersonPanel } from "./panels/person-panel.js";
import { ReciprocityPanel } from "./panels/reciprocity-panel.js";
import { SearchBox } from "./search/search-box.js";
import { searchNetwork, type SearchHit } from "./search/search-index.js";
import { DEFAULT_STATE, NO_FILTERS, TABS, type ExplorerState, type Tab } from "./state/explorer-state.js";
import { stateFromHash, stateToHash, type EncodingNames } from "./state/url-state.js";
import { GraphView } from "./view/graph-view.js";
import { NetworkClient, WorkerError } from "./worker/network-client.js";
import type { LoadStage, NetworkSource } from "./worker/protocol.js";
import { ACCEPTED_FILES } from "./worker/read-network.js";

const STAGE_TEXT: Record<LoadStage, string> = { reading: "Reading", parsing: "Checking", analysing: "Analysing", drawing: "Drawing" };
const TAB_TEXT: Record<Tab, string> = { explore: "Explore", introduce: "Introduce", reciprocity: "Reciprocity", mix: "Inside/outside" };
/** The encodings the page offers: all of the view's. */
const ENCODINGS: EncodingNames = { size: NODE_SIZE_BY, colour: NODE_COLOUR_BY, edge: EDGE_COLOUR_BY };

/** An answer from the worker for one question (a key), or the reason there is none yet. */
interface Answer<T> {
  key: string;
  value: T | undefined;
  problem: string | undefined;
}

/** The explorer page. */
export class Explorer {
  private state: ExplorerState;
  private session: NetworkSession | undefined;
  private introduction: Answer<IntroductionAnswer> | undefined;
  private dateRange: Answer<Set<number>> | undefined;
  private readonly client = new NetworkClient();
  private readonly search: SearchBox;
  private readonly fileInput: HTMLInputElement;
  private readonly statusText = h("span", { attrs: { "aria-live": "polite", "data-status": "" } });
  private readonly fileText = h("span", { class: "file" });
  private readonly progress = h("progress", { attrs: { max: 1, "aria-label": "Loading progress", hidden: true } });
  private readonly errorBox = h("div", { class: "error", attrs: { role: "alert", hidden: true } });
  private readonly notice = h("span", { class: "muted", attrs: { role: "status" } });
  private readonly importNote = h("span", { class: "muted", attrs: { role: "status", "data-imported": "" } });
  private readonly themeButton: HTMLButtonElement;
  private readonly layoutButton: HTMLButtonElement;
  private readonly tabs: Record<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>;
  private readonly explore: ExplorePanel;
  private readonly introduce: IntroducePanel;
  private readonly reciprocity: ReciprocityPanel;
  private readonly mix: MixPanel;
  private readonly person: PersonPanel;
  private readonly graph: GraphView;
  private readonly graphBox = h("div", { class: "graph", attrs: { role: "img", "aria-label": "Network graph: people are dots, ties are lines. Use the search box or the lists to choose people." } });
  private readonly legendBox = h("details", { class: "legend-box", attrs: { open: true } }, h("summary", { text: "Legend" }));
  private readonly mainArea: HTMLElement;
  private readonly dropHint = h("div", { class: "drop-hint", attrs: { hidden: true, "aria-hidden": "true" }, text: "Drop the file to open it here (it stays in this browser)" });
  private shownSession: NetworkSession | undefined;

  constructor(private readonly root: HTMLElement) {
    const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
    this.state = stateFromHash(location.hash, ENCODINGS, { ...DEFAULT_STATE, theme: prefersDark ? "dark" : "light" });

    this.search = new SearchBox({
      label: "Search people and organisations",
      placeholder: "Search people and organisations",
      shortcut: "/",
      search: (q) => (this.session ? searchNetwork(this.session.search, q) : []),
      onPick: (hit) => this.pick(hit),
      onInput: (q) => this.setState({ search: q }, false),
    });
    this.fileInput = h("input", {
      class: "visually-hidden",
      attrs: { type: "file", accept: ACCEPTED_FILES, multiple: true, "aria-label": "Open files", tabindex: -1 },
      on: {
        change: () => {
          const files = [...(this.fileInput.files ?? [])];
          if (files.length) void this.open({ kind: "files", files }, false);
          this.fileInput.value = "";
        },
      },
    });
    const button = (text: string, label: string, onClick: () => void) => h("button", { attrs: { type: "button", "aria-label": label }, text, on: { click: onClick } });
    this.themeButton = h("button", { attrs: { type: "button", "aria-pressed": "false", "data-action": "theme" }, text: "Dark theme", on: { click: () => this.setState({ theme: this.state.theme === "dark" ? "light" : "dark" }) } });
    this.layoutButton = h("button", { attrs: { type: "button", "aria-pressed": "false", "data-action": "layout" }, text: "Run layout", on: { click: () => this.toggleLayout() } });

    const header = h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, h("h1", { text: "tiegraph explorer" }), h("p", { class: "privacy", text: "Your files are read in this browser. Nothing is uploaded or sent anywhere." })),
      this.search.element,
      h(
        "div",
        { class: "actions" },
        this.fileInput,
        button("Open files…", "Open your files: a tiegraph network (.json), LinkedIn's Connections.csv, contacts (.vcf) or a calendar (.ics); you can also drop them on the page", () => this.fileInput.click()),
        button("Sample", "Open the sample network", () => void this.open({ kind: "sample" }, false)),
        this.layoutButton,
        button("Export PNG", "Download a PNG picture of the graph as shown", () => void this.exportPNG()),
        this.themeButton,
      ),
    );

    this.explore = new ExplorePanel(ENCODINGS, (patch) => this.setState(patch));
    this.introduce = new IntroducePanel((patch) => this.setState(patch));
    this.reciprocity = new ReciprocityPanel((id) => this.select(id, true));
    this.mix = new MixPanel((id) => this.setState({ tab: "explore", filters: { ...NO_FILTERS, organisations: [id] } }));
    const tabList = h("div", { attrs: { role: "tablist", "aria-label": "Views" } });
    const panels: HTMLElement[] = [];
    this.tabs = {} as Record<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>;
    const content: Record<Tab, HTMLElement> = { explore: this.explore.element, introduce: this.introduce.element, reciprocity: this.reciprocity.element, mix: this.mix.element };
    for (const t of TABS) {
      const tab = h("button", {
        attrs: { type: "button", role: "tab", id: `tab-${t}`, "aria-controls": `panel-${t}`, "aria-selected": "false", tabindex: -1 },
        text: TAB_TEXT[t],
        on: { click: () => this.setState({ tab: t }), keydown: (e) => this.tabKey(e, t) },
      });
      const panel = h("section", { attrs: { role: "tabpanel", id: `panel-${t}`, "aria-labelledby": `tab-${t}`, tabindex: 0, hidden: true } }, content[t]);
      tabList.append(tab);
      panels.push(panel);
      this.tabs[t] = { tab, panel };
    }

    const personPanel = h("aside", { class: "person-panel", attrs: { "aria-label": "Selected person", hidden: true } });
    this.person = new PersonPanel(personPanel, {
      details: (session, id, reveal) => this.client.person(session.number, id, reveal),
      select: (id) => this.select(id, true),
      introduce: (id) => this.setState({ tab: "introduce", target: { kind: "person", id }, path: 0 }),
      focus: (id) => void this.graph.focus(id),
      close: () => this.setState({ selected: "" }),
    });
    this.graph = new GraphView(this.graphBox, this.legendBox, {
      clickNode: (id) => this.select(id, false),
      clickStage: () => {
        if (this.state.selected) this.setState({ selected: "" });
      },
    });

    this.mainArea = h(
      "main",
      { class: "main no-person" },
      h("nav", { class: "sidebar", attrs: { "aria-label": "Views and filters" } }, tabList, ...panels),
      h("div", { class: "graph-area" }, this.graphBox, this.legendBox),
      personPanel,
    );
    // the error floats over the page, so showing it does not move the graph
    this.root.append(header, h("div", { class: "status" }, this.fileText, this.progress, this.statusText, this.importNote, this.notice, this.errorBox), this.mainArea, this.dropHint);

    this.client.onAnalysed = (network, overview) => {
      if (this.session?.number !== network) return;
      this.session.overview = overview;
      this.shownSession = undefined;
      this.render();
    };
    this.listen();
    this.render();
  }

  /** Opens the sample network that ships with the page, keeping the state from the URL. */
  openSample(): Promise<void> {
    return this.open({ kind: "sample" }, true);
  }

  /**
   * Loads a network; on failure the error is shown and the network on
   * screen stays. A new file starts from a clean selection unless
   * `keepState` (the first load, which restores a bookmarked state).
   */
  async open(source: NetworkSource | { kind: "sample" }, keepState: boolean): Promise<void> {
    performance.clearMarks("tiegraph:load-start");
    performance.mark("tiegraph:load-start");
    this.progress.hidden = false;
    this.progress.removeAttribute("value");
    try {
      // the sample is a chunk of the page itself: no request leaves the page's origin
      const resolved: NetworkSource = source.kind === "sample" ? { kind: "text", text: (await import("../../data/sample-network.json?raw")).default, name: "sample-network.json" } : source;
      const data = await this.client.load(resolved, (stage, fraction) => this.showProgress(stage, fraction));
      this.showProgress("drawing", undefined);
      // let "Drawing…" reach the screen before the view is built (a hidden page gets no frames: do not wait for one)
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        setTimeout(resolve, 50);
      });
      this.errorBox.hidden = true;
      this.adopt(new NetworkSession(data), keepState);
    } catch (e) {
      if (e instanceof WorkerError && e.failure.code === "cancelled") return;
      this.showError(e);
    } finally {
      this.progress.hidden = true;
    }
  }

  private adopt(session: NetworkSession, keepState: boolean): void {
    this.session = session;
    this.introduction = undefined;
    this.dateRange = undefined;
    if (!keepState) this.state = { ...this.state, selected: "", target: undefined, path: 0, search: "", filters: { ...this.state.filters, organisations: [], tags: [] } };
    this.explore.setLists(session.organisations, session.tags);
    this.graph.show(session, this.state);
    this.fileText.textContent = session.name;
    this.statusText.textContent = `${session.personCount.toLocaleString("en")} people, ${session.organisationCount.toLocaleString("en")} organisations, ${session.exchangeCount.toLocaleString("en")} exchanges${session.analysis.asOf ? `, as of ${session.analysis.asOf}` : ""}`;
    this.importNote.textContent = session.imported.join(" ");
    this.setState({});
    this.root.dataset.loaded = session.name;
    // the page's own work is done here; the picture is on screen once the GPU has drawn it
    performance.measure("tiegraph:load-to-view", "tiegraph:load-start");
    afterPaint(() => {
      performance.mark("tiegraph:drawn");
      performance.measure("tiegraph:load-to-draw", "tiegraph:load-start", "tiegraph:drawn");
    });
    // a restored path fits the camera itself; otherwise show the restored selection
    if (!this.state.target && this.state.selected && session.hasPerson(this.state.selected)) void this.graph.focus(this.state.selected);
  }

  private showProgress(stage: LoadStage, fraction: number | undefined): void {
    if (fraction === undefined) this.progress.removeAttribute("value");
    else this.progress.value = fraction;
    this.statusText.textContent = `${STAGE_TEXT[stage]}…${fraction !== undefined ? ` ${Math.round(fraction * 100)}%` : ""}`;
  }

  private showError(e: unknown): void {
    const f = e instanceof WorkerError ? e.failure : undefined;
    const where = f?.file !== undefined ? `${f.file}${f.line !== undefined ? `, line ${f.line}${f.column !== undefined ? `, column ${f.column}` : ""}` : ""}` : undefined;
    replaceChildren(
      this.errorBox,
      h("strong", { text: this.session ? "This file could not be opened; the network on screen is unchanged." : "This file could not be opened." }),
      h("br"),
      where ? h("span", { class: "where", attrs: { "data-where": "" }, text: `${where}: ` }) : null,
      h("span", { attrs: { "data-message": "" }, text: e instanceof Error ? e.message : String(e) }),
      h("button", { attrs: { type: "button" }, text: "Dismiss", on: { click: () => (this.errorBox.hidden = true) } }),
    );
    this.errorBox.hidden = false;
    if (this.session) this.statusText.textContent = `${this.session.personCount.toLocaleString("en")} people, ${this.session.exchangeCount.toLocaleString("en")} exchanges (unchanged)`;
  }

  /** Changes the state, writes it to the URL and redraws. */
  setState(patch: Partial<ExplorerState>, redraw = true): void {
    this.state = { ...this.state, ...patch };
    const hash = stateToHash(this.state);
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
    if (redraw) this.render();
  }

  private select(id: string, focusCamera: boolean): void {
    this.setState({ selected: id });
    if (focusCamera) void this.graph.focus(id);
  }

  private pick(hit: SearchHit): void {
    this.search.setText(hit.label);
    if (hit.kind === "person") {
      this.setState({ search: hit.label });
      this.select(hit.id, true);
    } else {
      this.setState({ search: hit.label, tab: "explore", filters: { ...this.state.filters, organisations: [hit.id] } });
    }
  }

  private render(): void {
    const s = this.state;
    document.documentElement.dataset.theme = s.theme;
    this.themeButton.setAttribute("aria-pressed", String(s.theme === "dark"));
    for (const t of TABS) {
      const on = t === s.tab;
      this.tabs[t].tab.setAttribute("aria-selected", String(on));
      this.tabs[t].tab.tabIndex = on ? 0 : -1;
      this.tabs[t].panel.hidden = !on;
    }
    if (this.search.input.value !== s.search && document.activeElement !== this.search.input) this.search.setText(s.search);
    this.explore.update(s);
    const session = this.session;
    if (session !== this.shownSession) {
      this.reciprocity.update(session);
      this.mix.update(session);
      this.shownSession = session;
    }
    this.person.show(session, s.selected);
    this.mainArea.classList.toggle("no-person", this.person.element.hidden);
    this.notice.textContent = this.graph.apply(s, this.pairsInRange()) ?? "";
    this.renderIntroduction();
  }

  /** The pairs with an exchange in the date range, once the worker has answered (asks it otherwise). */
  private pairsInRange(): Set<number> | undefined {
    const session = this.session;
    const { from, to } = this.state.filters;
    if (!session || (!from && !to)) return undefined;
    const key = `${session.number}|${from}|${to}`;
    if (this.dateRange?.key !== key) {
      this.dateRange = { key, value: undefined, problem: undefined };
      this.client.pairsBetween(session.number, from, to).then(
        (pairs) => {
          if (this.dateRange?.key !== key) return;
          this.dateRange.value = new Set(pairs);
          this.render();
        },
        () => undefined,
      );
    }
    return this.dateRange.value;
  }

  /** Asks the worker for the introduction paths (once per query) and highlights the chosen path. */
  private renderIntroduction(): void {
    const s = this.state;
    const session = this.session;
    const key = session && s.target ? JSON.stringify([session.number, s.target, s.mode, s.aware]) : "";
    if (session && key && this.introduction?.key !== key) {
      performance.clearMarks("tiegraph:path-start");
      performance.mark("tiegraph:path-start");
      this.introduction = { key, value: undefined, problem: undefined };
      const to = s.target!.kind === "person" ? { person: s.target!.id } : { organisation: s.target!.id };
      this.client.paths(session.number, to, s.mode, s.aware).then(
        (answer) => {
          if (this.introduction?.key !== key) return;
          // the worker's share of the time: the query and the answer's trip back
          performance.measure("tiegraph:path-query", "tiegraph:path-start");
          this.introduction.value = answer;
          this.renderIntroduction();
        },
        (e: unknown) => {
          if (this.introduction?.key !== key || (e instanceof WorkerError && e.failure.code === "stale")) return;
          this.introduction.problem = e instanceof Error ? e.message : String(e);
          this.renderIntroduction();
        },
      );
    }
    const current = key && this.introduction?.key === key ? this.introduction : undefined;
    this.introduce.update(session, s, current?.value, current?.problem, key !== "" && !current?.value && !current?.problem);
    const chosen = current?.value?.paths[s.path] ?? current?.value?.paths[0];
    const ids = chosen ? chosen.people : [];
    if (ids.join("\u0000") !== this.graph.path.join("\u0000")) {
      void this.graph.highlightPath(ids);
      if (ids.length && performance.getEntriesByName("tiegraph:path-start", "mark").length) performance.measure("tiegraph:path-applied", "tiegraph:path-start");
      if (ids.length) {
        afterPaint(() => {
          if (!performance.getEntriesByName("tiegraph:path-start", "mark").length) return;
          performance.mark("tiegraph:path-drawn");
          performance.measure("tiegraph:path", "tiegraph:path-start", "tiegraph:path-drawn");
          performance.clearMarks("tiegraph:path-start");
        });
      }
    }
  }

  private toggleLayout(): void {
    const running = this.graph.toggleLayout();
    this.layoutButton.setAttribute("aria-pressed", String(running));
    this.layoutButton.textContent = running ? "Stop layout" : "Run layout";
  }

  private async exportPNG(): Promise<void> {
    const blob = await this.graph.exportPNG();
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const a = h("a", { attrs: { href: url, download: `${(this.session?.name ?? "tiegraph").replace(/\.[^.]+$/, "")}.png` } });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private tabKey(e: KeyboardEvent, t: Tab): void {
    const i = TABS.indexOf(t);
    let next: Tab | undefined;
    if (e.key === "ArrowRight") next = TABS[(i + 1) % TABS.length];
    else if (e.key === "ArrowLeft") next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === "Home") next = TABS[0];
    else if (e.key === "End") next = TABS[TABS.length - 1];
    if (!next) return;
    e.preventDefault();
    this.setState({ tab: next });
    this.tabs[next].tab.focus();
  }

  private listen(): void {
    document.addEventListener("keydown", (e) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        this.search.input.focus();
        this.search.input.select();
      } else if (e.key === "Escape" && this.state.selected) {
        const inPanel = this.person.element.contains(document.activeElement);
        this.setState({ selected: "" });
        // the panel is gone: keep the keyboard user somewhere sensible
        if (inPanel) this.search.input.focus();
      }
    });
    window.addEventListener("hashchange", () => {
      this.state = stateFromHash(location.hash, ENCODINGS, { ...DEFAULT_STATE, theme: this.state.theme });
      this.render();
    });
    // drag and drop anywhere on the page
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes("Files");
    window.addEventListener("dragenter", (e) => {
      if (!hasFiles(e)) return;
      depth++;
      this.dropHint.hidden = false;
    });
    window.addEventListener("dragleave", () => {
      depth = Math.max(0, depth - 1);
      if (!depth) this.dropHint.hidden = true;
    });
    window.addEventListener("dragover", (e) => {
      if (hasFiles(e)) e.preventDefault();
    });
    window.addEventListener("drop", (e) => {
      e.preventDefault();
      depth = 0;
      this.dropHint.hidden = true;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void this.open({ kind: "files", files }, false);
    });
  }
}

/**
 * Runs `fn` once the next frame has been painted: sigma draws in the first
 * animation frame (its callback was queued before ours), and the second
 * frame only starts once that one is on screen.
 */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(fn));
}
