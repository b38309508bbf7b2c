/**
 * The explorer: the page's controller. It owns the state (kept in the URL)
 * and the session of the network on screen, and wires the header, the tabs,
 * the graph view and the person panel together. Data flows one way: a file
 * goes to the worker, which keeps the network and answers questions; the
 * page draws the answers and the state. One network at a time: a new file
 * replaces every part of the page (graph, filters, search, panels, tabs,
 * URL) or, when it cannot be opened or drawn, none of them.
 */
import type { IntroductionAnswer } from "@tiegraph/core";
import { EDGE_COLOUR_BY, NODE_COLOUR_BY, NODE_SIZE_BY } from "@tiegraph/viz";
import { h, replaceChildren, shownText } from "./dom/element.js";
import { NetworkSession } from "./network-session.js";
import { Ledger } from "./ledger/ledger.js";
import { todayText } from "./ledger/exchange-edits.js";
import { EgoPicker } from "./panels/ego-picker.js";
import { ExplorePanel } from "./panels/explore-panel.js";
import { IntroducePanel } from "./panels/introduce-panel.js";
import { MixPanel } from "./panels/mix-panel.js";
import { PersonPanel } from "./panels/person-panel.js";
import { ReciprocityPanel } from "./panels/reciprocity-panel.js";
import { SearchBox } from "./search/search-box.js";
import { searchNetwork, type SearchHit } from "./search/search-index.js";
import { DEFAULT_STATE, NO_FILTERS, TABS, type ExplorerState, type Tab } from "./state/explorer-state.js";
import { stateFromHash, stateToHash, type EncodingNames } from "./state/url-state.js";
import { statusText } from "./status/status-text.js";
import { GraphView } from "./view/graph-view.js";
import { DetailBar } from "./view/detail-bar.js";
import { AskIntroduction } from "./week/ask-introduction.js";
import { WeekPanel } from "./week/week-panel.js";
import { NetworkClient, WorkerError } from "./worker/network-client.js";
import type { LoadStage, NetworkSource } from "./worker/protocol.js";
import { ACCEPTED_FILES, LARGE_MEETING } from "./worker/read-network.js";

const STAGE_TEXT: Record<LoadStage, string> = { reading: "Reading", parsing: "Checking", analysing: "Analysing", drawing: "Drawing" };
const TAB_TEXT: Record<Tab, string> = { explore: "Explore", introduce: "Introduce", reciprocity: "Reciprocity", mix: "Inside/outside", week: "This week" };
/** Narrow screens (phones): the legend starts folded, the person panel is a bottom sheet. */
const NARROW = "(max-width: 700px)";
/** Typing pause (ms) after which the search text is written to the URL. */
const URL_PAUSE = 300;
/** Longest wait for a selected person's panel before the graph highlights them anyway (ms). */
const SELECTION_WAIT_MS = 150;
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
  /** Logging exchanges, editing people, undo, saving (src/ledger). */
  readonly ledger: Ledger;
  private readonly search: SearchBox;
  private readonly fileInput: HTMLInputElement;
  private readonly statusText = h("span", { attrs: { "aria-live": "polite", "data-status": "" } });
  /** Today's date beside the status line: figures are as of today unless "As of" says otherwise. */
  private readonly todayNote = h("span", { class: "today", attrs: { "data-today": "" } });
  private readonly fileText = h("span", { class: "file" });
  private readonly progress = h("progress", { attrs: { max: 1, "aria-label": "Loading progress", hidden: true } });
  /** Stops the load in flight (its import worker is terminated); the network on screen stays. */
  private readonly cancelButton = h("button", { attrs: { type: "button", "aria-label": "Cancel loading", "data-action": "cancel-load", hidden: true }, text: "Cancel", on: { click: () => this.cancelLoad() } });
  /** Loads started, so that only the newest one hides the progress bar when it ends. */
  private opens = 0;
  private readonly errorBox = h("div", { class: "error", attrs: { role: "alert", hidden: true } });
  private readonly notice = h("span", { class: "muted", attrs: { role: "status" } });
  /** The person the graph highlights; follows `state.selected` once their panel is on screen (see `followSelection`). */
  private graphSelected = "";
  /** A selection waiting for its panel before the graph highlights it. */
  private selectionPending: string | undefined;
  /** Which part of a large network is drawn, with "Show whole network". */
  private readonly detailBar = new DetailBar(() => void this.showWhole());
  private readonly importNote = h("span", { class: "muted", attrs: { role: "status", "data-imported": "" } });
  private readonly themeButton: HTMLButtonElement;
  private readonly layoutButton: HTMLButtonElement;
  private readonly tabs: Record<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>;
  private readonly explore: ExplorePanel;
  private readonly introduce: IntroducePanel;
  private readonly reciprocity: ReciprocityPanel;
  private readonly mix: MixPanel;
  /** The "This week" tab and "Ask for this introduction" under the Introduce tab's path (src/week). */
  private readonly week: WeekPanel;
  private readonly askIntroduction: AskIntroduction;
  private readonly person: PersonPanel;
  private readonly graph: GraphView;
  private readonly graphBox = h("div", { class: "graph", attrs: { role: "img", "aria-label": "Network graph: people are dots, ties are lines. Use the search box or the lists to choose people." } });
  private readonly legendBox = h("details", { class: "legend-box", attrs: { open: true } }, h("summary", { text: "Legend" }));
  private readonly egoPicker: EgoPicker;
  /** The session whose "Which one is you?" was skipped. */
  private egoSkipped: NetworkSession | undefined;
  /** The files on screen, to open again with other options (large meetings counted). */
  private lastFiles: Extract<NetworkSource, { kind: "files" }> | undefined;
  private readonly passphraseBox = h("form", { class: "passphrase", attrs: { hidden: true, "aria-label": "Encrypted network file" } });
  private readonly clearPathButton: HTMLButtonElement;
  /** What the legend was last folded for (a selection or a path), so it folds once per new one. */
  private foldedFor = "";
  private readonly mainArea: HTMLElement;
  private readonly dropHint = h("div", { class: "drop-hint", attrs: { hidden: true, "aria-hidden": "true" }, text: "Drop the file to open it here (it stays in this browser)" });
  /** Which session and overview state the Reciprocity and Inside/outside tabs show. */
  private shownOverview = "";
  /** The URL write waiting for typing to pause (see setState). */
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The address as the page last wrote or read it. Another one was typed,
   * followed or set by a script, and its hashchange event has not been
   * heard yet: the page must not write over it before it is read.
   */
  private knownHash = location.hash;

  constructor(private readonly root: HTMLElement) {
    const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
    this.state = stateFromHash(location.hash, ENCODINGS, { ...DEFAULT_STATE, theme: prefersDark ? "dark" : "light" });

    this.search = new SearchBox({
      label: "Search people and organisations",
      placeholder: "Search people and organisations",
      shortcut: "/",
      search: (q) => (this.session ? searchNetwork(this.session.search, q) : []),
      onPick: (hit) => this.pick(hit),
      onInput: (q) => this.setState({ search: q }, false, true),
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

    this.ledger = new Ledger({
      client: this.client,
      session: () => this.session,
      selected: () => this.state.selected,
      adopt: (data) => this.adopt(new NetworkSession(data), true),
      select: (id) => this.select(id, true),
      open: (source) => this.open(source, false),
    });
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
      this.ledger.element,
    );

    this.explore = new ExplorePanel(ENCODINGS, (patch) => this.setState(patch));
    this.introduce = new IntroducePanel((patch) => this.setState(patch));
    this.reciprocity = new ReciprocityPanel(
      (id) => this.select(id, true),
      (all) => this.setState({ allTies: all }),
    );
    this.egoPicker = new EgoPicker({ choose: (id) => void this.chooseEgo(id), skip: () => ((this.egoSkipped = this.session), this.render()) });
    this.mix = new MixPanel((id) => this.setState({ tab: "explore", filters: { ...NO_FILTERS, organisations: [id] } }));
    const tabList = h("div", { attrs: { role: "tablist", "aria-label": "Views" } });
    const panels: HTMLElement[] = [];
    this.tabs = {} as Record<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>;
    this.week = new WeekPanel({
      client: this.client,
      session: () => this.session,
      apply: (edits, label) => this.ledger.apply(edits, label),
      logMeeting: (person, date, minutes) => this.ledger.logExchange([person], { date, prefill: { kind: "meeting", minutes } }),
    });
    this.askIntroduction = new AskIntroduction({ day: () => this.week.day, ask: (people, date, why, offer) => this.week.ask(people, date, why, offer) });
    const content: Record<Tab, HTMLElement> = { explore: this.explore.element, introduce: h("div", {}, this.introduce.element, this.askIntroduction.element), reciprocity: this.reciprocity.element, mix: this.mix.element, week: this.week.element };
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
      logExchange: (id) => this.ledger.logExchange([id]),
      editPerson: (id) => void this.ledger.editPerson(id),
    });
    this.graph = new GraphView(this.graphBox, this.legendBox, {
      clickNode: (id) => this.select(id, false),
      // a click on the background clears the selection and the path
      clickStage: () => {
        if (this.state.selected || this.state.target) this.setState({ selected: "", target: undefined, path: 0 });
      },
    });
    if (typeof matchMedia === "function" && matchMedia(NARROW).matches) this.legendBox.open = false;
    const tool = (text: string, label: string, onClick: () => void, action: string) => h("button", { attrs: { type: "button", "aria-label": label, title: label, "data-action": action }, text, on: { click: onClick } });
    this.clearPathButton = h("button", { class: "clear-path", attrs: { type: "button", hidden: true, "data-action": "clear-path" }, text: "Clear path", on: { click: () => this.clearPath() } });
    const tools = h(
      "div",
      { class: "graph-tools", attrs: { role: "toolbar", "aria-label": "Graph view" } },
      tool("+", "Zoom in", () => this.graph.zoom(1.5), "zoom-in"),
      tool("−", "Zoom out", () => this.graph.zoom(1 / 1.5), "zoom-out"),
      tool("⤢", "Zoom to fit", () => this.graph.fit(), "zoom-fit"),
      this.clearPathButton,
    );

    this.mainArea = h(
      "main",
      { class: "main no-person" },
      h("nav", { class: "sidebar", attrs: { "aria-label": "Views and filters" } }, this.egoPicker.element, tabList, ...panels),
      // the level-of-detail bar floats over the graph: showing it or its button never resizes the picture
      h("div", { class: "graph-area" }, this.graphBox, tools, this.detailBar.element, this.legendBox),
      personPanel,
    );
    // the error floats over the page, so showing it does not move the graph
    this.root.append(header, h("div", { class: "status" }, this.fileText, this.progress, this.cancelButton, this.statusText, this.todayNote, this.importNote, this.notice, this.errorBox, this.passphraseBox), this.ledger.offer, this.mainArea, this.dropHint);
    this.listen();
    this.render();
    void this.ledger.offerStoredCopy();
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
    const open = ++this.opens;
    this.progress.hidden = false;
    this.cancelButton.hidden = false;
    this.progress.removeAttribute("value");
    let resolved: NetworkSource | undefined;
    try {
      // the sample is a chunk of the page itself: no request leaves the page's origin
      resolved = source.kind === "sample" ? { kind: "text", text: (await import("../../data/sample-network.json?raw")).default, name: "sample-network.json" } : source;
      const data = await this.client.load(resolved, (stage, fraction) => this.showProgress(stage, fraction));
      this.showProgress("drawing", undefined);
      // let "Drawing…" reach the screen before the view is built (a hidden page gets no frames: do not wait for one)
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        setTimeout(resolve, 50);
      });
      const previous = this.lastFiles;
      this.lastFiles = resolved.kind === "files" ? resolved : undefined;
      if (this.adopt(new NetworkSession(data), keepState)) {
        this.errorBox.hidden = true;
        this.passphraseBox.hidden = true;
      } else this.lastFiles = previous;
    } catch (e) {
      if (e instanceof WorkerError && e.failure.code === "cancelled") return;
      if (e instanceof WorkerError && resolved?.kind === "files" && e.failure.code === "decrypt-failed") this.askPassphrase(resolved, resolved.passphrase !== undefined);
      else this.showError(e);
      this.renderStatus();
    } finally {
      // a newer load keeps its progress bar and Cancel button
      if (open === this.opens) {
        this.progress.hidden = true;
        this.cancelButton.hidden = true;
      }
    }
  }

  /** Cancels the load in flight; the status line goes back to the network on screen. */
  private cancelLoad(): void {
    if (!this.client.cancelLoad()) return;
    this.progress.hidden = true;
    this.cancelButton.hidden = true;
    this.renderStatus();
  }

  /**
   * Shows a loaded network in every part of the page, or in none: the view
   * is drawn first (the only step that can fail), and only then do the
   * filters, search, panels, tabs and URL switch. Returns whether it did.
   */
  private adopt(session: NetworkSession, keepState: boolean): boolean {
    const state: ExplorerState = keepState ? this.state : { ...this.state, selected: "", target: undefined, path: 0, search: "", filters: { ...this.state.filters, organisations: [], tags: [] } };
    try {
      this.graph.show(session, state);
    } catch (e) {
      this.showError(e);
      return false;
    }
    this.session = session;
    this.client.adopted(session.number);
    this.state = state;
    this.introduction = undefined;
    this.dateRange = undefined;
    this.foldedFor = "";
    this.explore.setLists(session.organisations, session.tags);
    this.fileText.textContent = shownText(session.name);
    this.detailBar.update(session.detail);
    this.renderImportNote(session);
    // the overview figures follow the picture; the client keeps them if they came first
    this.client.overview(session.number).then(
      (overview) => {
        if (this.session !== session) return;
        session.overview = overview;
        // for tests and benchmarks: the worker has finished analysing the network on screen
        this.root.dataset.analysed = String(session.number);
        this.render();
      },
      (e: unknown) => {
        if (this.session !== session) return;
        session.overviewProblem = e instanceof Error ? e.message : String(e);
        this.root.dataset.analysed = String(session.number);
        this.render();
      },
    );
    this.setState({});
    this.root.dataset.loaded = session.name;
    this.root.dataset.generation = String(session.number);
    // the page's own work is done here; the picture is on screen once the GPU has drawn it
    performance.measure("tiegraph:load-to-view", "tiegraph:load-start");
    afterPaint(() => {
      performance.mark("tiegraph:drawn");
      performance.measure("tiegraph:load-to-draw", "tiegraph:load-start", "tiegraph:drawn");
    });
    // a restored path fits the camera itself; otherwise show the restored selection
    if (!this.state.target && this.state.selected && session.hasPerson(this.state.selected)) void this.graph.focus(this.state.selected);
    this.ledger.adopted(session);
    return true;
  }

  /** Draws the whole of a large network in place of its level-of-detail part, keeping the state. */
  private async showWhole(): Promise<void> {
    const session = this.session;
    if (!session || session.detail.kind === "whole") return;
    performance.clearMarks("tiegraph:load-start");
    performance.mark("tiegraph:load-start");
    this.detailBar.update(session.detail, true);
    try {
      const data = await this.client.whole(session.number);
      if (this.session !== session) return;
      this.adopt(new NetworkSession(data), true);
    } catch (e) {
      if (!(e instanceof WorkerError && e.failure.code === "stale")) this.showError(e);
    } finally {
      this.detailBar.update(this.session?.detail);
    }
  }

  /** Makes a person ego: the worker publishes the network again, and the page keeps its state. */
  private async chooseEgo(id: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    // an edit like any other (src/ledger): Undo takes it back, Save writes it, the working copy keeps it
    const failure = await this.ledger.apply([{ op: "set-ego", id }], "Which one is you");
    if (failure && failure.code !== "stale") this.showError(new WorkerError(failure));
  }

  /** What the importers did, and the large meetings left out with a way to count them. */
  private renderImportNote(session: NetworkSession): void {
    const skipped = session.largeMeetingsSkipped;
    const files = this.lastFiles;
    replaceChildren(
      this.importNote,
      session.imported.join(" "),
      skipped
        ? h(
            "span",
            { attrs: { "data-large-meetings": skipped } },
            ` ${skipped} calendar ${skipped === 1 ? "event" : "events"} with more than ${LARGE_MEETING} other participants made no contacts. `,
            h("button", { attrs: { type: "button", "data-action": "large-meetings" }, text: "Count them too", on: { click: () => files && void this.open({ ...files, largeMeetings: true }, false) } }),
          )
        : null,
    );
  }

  /** Asks for the passphrase of an encrypted network file, then opens the files again with it. */
  private askPassphrase(source: Extract<NetworkSource, { kind: "files" }>, wrong: boolean): void {
    const input = h("input", { attrs: { type: "password", autocomplete: "current-password", "aria-label": "Passphrase", required: true } });
    replaceChildren(
      this.passphraseBox,
      h("strong", { text: "This network file is encrypted." }),
      wrong ? h("span", { class: "problem", attrs: { role: "alert" }, text: " That passphrase does not open it." }) : null,
      h("label", { class: "row" }, "Passphrase", input),
      h("button", { attrs: { type: "submit" }, text: "Open" }),
      h("button", { attrs: { type: "button" }, text: "Cancel", on: { click: () => (this.passphraseBox.hidden = true) } }),
    );
    this.passphraseBox.onsubmit = (ev) => {
      ev.preventDefault();
      this.passphraseBox.hidden = true;
      void this.open({ ...source, passphrase: input.value }, false);
    };
    this.passphraseBox.hidden = false;
    input.focus();
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
  }

  /** The status line: people and ties shown of all, the day the figures are as of, and today's date. */
  private renderStatus(): void {
    const session = this.session;
    const shown = this.graph.shown();
    if (!session || !shown) {
      if (!session) this.statusText.textContent = this.todayNote.textContent = "";
      return;
    }
    this.statusText.textContent = statusText({ shownPeople: shown.people, people: session.personCount, shownTies: shown.ties, ties: session.tieCount, asOf: session.analysis.asOf });
    this.todayNote.textContent = `Today: ${todayText()}`;
  }

  /** Clears the introduction path (and the target it was drawn for). */
  private clearPath(): void {
    this.setState({ target: undefined, path: 0 });
  }

  /**
   * Changes the state, writes it to the URL and redraws. `urlLater` writes
   * the URL once typing pauses instead (the search box, per keystroke): a
   * history update can cost the browser tens of milliseconds, more than the
   * search itself; any other change writes it at once, pending text included.
   */
  setState(patch: Partial<ExplorerState>, redraw = true, urlLater = false): void {
    this.state = { ...this.state, ...patch };
    clearTimeout(this.urlTimer);
    if (urlLater) this.urlTimer = setTimeout(() => this.writeUrl(), URL_PAUSE);
    else this.writeUrl();
    if (redraw) this.render();
  }

  /** Writes the state to the URL (replacing the entry: no history step per change). */
  private writeUrl(): void {
    this.urlTimer = undefined;
    // a new address is waiting for its hashchange event: it wins, as it would a moment later
    if (location.hash !== this.knownHash) return;
    const hash = stateToHash(this.state);
    if (hash !== location.hash) history.replaceState(null, "", hash || location.pathname + location.search);
    this.knownHash = location.hash;
  }

  private select(id: string, focusCamera: boolean): void {
    this.setState({ selected: id });
    if (!focusCamera) return;
    // the camera moves once the panel is on screen (each frame of the move is a redraw)
    this.afterPanel(() => {
      if (this.state.selected === id) void this.graph.focus(id);
    });
    // on a phone the panel is a bottom sheet: bring the graph's top to the top of the screen,
    // so the person, at the graph's centre, is above the sheet rather than under it
    if (typeof matchMedia === "function" && matchMedia(NARROW).matches) this.graphBox.parentElement?.scrollIntoView({ block: "start" });
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
    this.egoPicker.update(session, this.egoSkipped === session);
    const overviewKey = session ? `${session.number}|${session.overview ? "done" : session.overviewProblem ? "failed" : "pending"}|${s.allTies}` : "";
    if (overviewKey !== this.shownOverview) {
      this.reciprocity.update(session, s.allTies);
      this.mix.update(session);
      this.shownOverview = overviewKey;
    }
    this.week.update(session, s.tab === "week");
    this.person.show(session, s.selected);
    this.mainArea.classList.toggle("no-person", this.person.element.hidden);
    this.followSelection(s.selected);
    this.notice.textContent = this.graph.apply({ ...s, selected: this.graphSelected }, this.pairsInRange()) ?? "";
    this.renderIntroduction();
    this.renderStatus();
    this.foldLegend();
  }

  /**
   * The graph highlights a newly selected person once their panel is on
   * screen (or after {@link SELECTION_WAIT_MS} if the worker is slow to
   * answer): a highlight is a redraw of the whole picture, which on a
   * software-rendered or weak GPU takes a few hundred milliseconds, and the
   * panel, not the highlight, is what the person asked for. A cleared
   * selection is cleared at once.
   */
  private followSelection(id: string): void {
    if (id === this.graphSelected || id === this.selectionPending) return;
    if (!id || this.person.element.hidden) {
      this.selectionPending = undefined;
      this.graphSelected = id;
      return;
    }
    this.selectionPending = id;
    this.afterPanel(() => {
      if (this.selectionPending !== id) return;
      this.selectionPending = undefined;
      this.graphSelected = id;
      if (this.state.selected === id) this.notice.textContent = this.graph.apply({ ...this.state, selected: id }, this.pairsInRange()) ?? "";
    });
  }

  /** Runs `then` once the person's panel is filled in and painted (or after {@link SELECTION_WAIT_MS}). */
  private afterPanel(then: () => void): void {
    const wait = new Promise<void>((resolve) => setTimeout(resolve, SELECTION_WAIT_MS));
    // after the frame that paints the panel, so the redraw lands on the next one
    const painted = () => requestAnimationFrame(() => setTimeout(then, 0));
    void Promise.race([this.person.settled(), wait]).then(painted, painted);
  }

  /** The legend folds away from a newly selected person or path (it can be opened again); Clear path shows with a path. */
  private foldLegend(): void {
    this.clearPathButton.hidden = !this.graph.path.length;
    const focus = [this.state.selected, this.graph.path.join(" ")].filter(Boolean).join("|");
    if (focus && focus !== this.foldedFor) this.legendBox.open = false;
    this.foldedFor = focus;
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
          measureFromPathStart("tiegraph:path-query");
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
    this.askIntroduction.update(session, chosen?.people);
    // the path belongs to the Introduce tab: it is not drawn over the others
    const ids = chosen && s.tab === "introduce" ? chosen.people : [];
    if (ids.join("\u0000") !== this.graph.path.join("\u0000")) {
      void this.graph.highlightPath(ids);
      this.foldLegend();
      if (ids.length) {
        measureFromPathStart("tiegraph:path-applied");
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
      } else if (e.key === "Escape" && this.state.target) {
        this.clearPath();
      }
    });
    window.addEventListener("hashchange", () => {
      // the new address wins over search text still waiting to be written
      clearTimeout(this.urlTimer);
      this.knownHash = location.hash;
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

/**
 * Measures `name` from the mark "tiegraph:path-start" to now when that mark is
 * there: an earlier path's paint may have cleared it while a newer query was on
 * its way, and a measure from a missing mark throws.
 */
function measureFromPathStart(name: string): void {
  if (performance.getEntriesByName("tiegraph:path-start", "mark").length) performance.measure(name, "tiegraph:path-start");
}
