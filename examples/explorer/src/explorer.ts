/**
 * The explorer: the page's controller. It owns the state (kept in the URL),
 * the loaded network and its analysis, and wires the header, the tabs, the
 * graph view and the person panel together. Data flows one way: a file goes
 * to the worker, comes back as a network with its analysis, and every view
 * draws from those and the state.
 */
import { h, replaceChildren } from "./dom/element.js";
import { LoadError, NetworkLoader, type LoadedNetwork } from "./loading/network-loader.js";
import type { LoadStage, NetworkSource } from "./loading/messages.js";
import { ExplorePanel } from "./panels/explore-panel.js";
import { buildSearchIndex, searchNetwork, type SearchHit, type SearchIndex } from "./search/search-index.js";
import { SearchBox } from "./search/search-box.js";
import { DEFAULT_STATE, TABS, type ExplorerState, type Tab } from "./state/explorer-state.js";
import { stateFromHash, stateToHash, type EncodingNames } from "./state/url-state.js";

const STAGE_TEXT: Record<LoadStage, string> = { reading: "Reading", parsing: "Checking", analysing: "Analysing", drawing: "Drawing" };
const TAB_TEXT: Record<Tab, string> = { explore: "Explore", introduce: "Introduce", reciprocity: "Reciprocity", mix: "Inside/outside" };
const ENCODINGS: EncodingNames = { size: ["strength-to-ego", "degree", "betweenness", "none"], colour: ["organisation", "internal-external", "ei-index", "none"], edge: ["none", "reciprocity"] };

/** The explorer page. */
export class Explorer {
  private state: ExplorerState;
  private loaded: (LoadedNetwork & { search: SearchIndex }) | undefined;
  private readonly loader = new NetworkLoader();
  private readonly search: SearchBox;
  private readonly fileInput: HTMLInputElement;
  private readonly statusText = h("span", { attrs: { "aria-live": "polite" } });
  private readonly fileText = h("span", { class: "file" });
  private readonly progress = h("progress", { attrs: { max: 1, "aria-label": "Loading progress", hidden: true } });
  private readonly errorBox = h("div", { class: "error", attrs: { role: "alert", hidden: true } });
  private readonly themeButton: HTMLButtonElement;
  private readonly tabs: Record<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>;
  private readonly explore: ExplorePanel;
  private readonly graphBox = h("div", { class: "graph", attrs: { role: "img", "aria-label": "Network graph" } });
  private readonly personPanel = h("aside", { class: "person-panel", attrs: { "aria-label": "Selected person", hidden: true } });
  private readonly mainArea: HTMLElement;
  private readonly dropHint = h("div", { class: "drop-hint", attrs: { hidden: true, "aria-hidden": "true" }, text: "Drop the file to open it here (it stays in this browser)" });

  constructor(private readonly root: HTMLElement) {
    const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
    this.state = stateFromHash(location.hash, ENCODINGS, { ...DEFAULT_STATE, theme: prefersDark ? "dark" : "light" });

    this.search = new SearchBox({
      label: "Search people and organisations",
      placeholder: "Search people and organisations",
      shortcut: "/",
      search: (q) => (this.loaded ? searchNetwork(this.loaded.search, q) : []),
      onPick: (hit) => this.pick(hit),
      onInput: (q) => this.setState({ search: q }, false),
    });
    this.fileInput = h("input", {
      class: "visually-hidden",
      attrs: { type: "file", accept: ".json,application/json,.csv,.vcf,.ics", "aria-label": "Open a network file" },
      on: {
        change: () => {
          const file = this.fileInput.files?.[0];
          if (file) void this.open({ kind: "file", file });
          this.fileInput.value = "";
        },
      },
    });
    this.themeButton = h("button", { attrs: { type: "button", "aria-label": "Dark theme", "aria-pressed": "false" }, text: "Dark theme", on: { click: () => this.setState({ theme: this.state.theme === "dark" ? "light" : "dark" }) } });

    const header = h(
      "header",
      { class: "topbar" },
      h("div", { class: "brand" }, h("h1", { text: "tiegraph explorer" }), h("p", { class: "privacy", text: "Your files are read in this browser. Nothing is uploaded or sent anywhere." })),
      this.search.element,
      h(
        "div",
        { class: "actions" },
        h("label", { class: "file-label" }, this.fileInput, h("button", { attrs: { type: "button", "aria-label": "Open a file (tiegraph JSON)" }, text: "Open file…", on: { click: () => this.fileInput.click() } })),
        h("button", { attrs: { type: "button" }, text: "Sample", on: { click: () => void this.openSample() } }),
        this.themeButton,
      ),
    );

    this.explore = new ExplorePanel(ENCODINGS, (patch) => this.setState(patch));
    const tabList = h("div", { attrs: { role: "tablist", "aria-label": "Views" } });
    const panels: HTMLElement[] = [];
    this.tabs = {} as Record<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>;
    for (const t of TABS) {
      const tab = h("button", {
        attrs: { type: "button", role: "tab", id: `tab-${t}`, "aria-controls": `panel-${t}`, "aria-selected": "false", tabindex: -1 },
        text: TAB_TEXT[t],
        on: { click: () => this.setState({ tab: t }), keydown: (e) => this.tabKey(e, t) },
      });
      const panel = h("section", { attrs: { role: "tabpanel", id: `panel-${t}`, "aria-labelledby": `tab-${t}`, tabindex: 0, hidden: true } });
      tabList.append(tab);
      panels.push(panel);
      this.tabs[t] = { tab, panel };
    }
    this.tabs.explore.panel.append(this.explore.element);

    this.mainArea = h(
      "main",
      { class: "main no-person" },
      h("nav", { class: "sidebar", attrs: { "aria-label": "Views and filters" } }, tabList, ...panels),
      h("div", { class: "graph-area" }, this.graphBox),
      this.personPanel,
    );
    this.root.append(header, h("div", { class: "status" }, this.fileText, this.progress, this.statusText), this.errorBox, this.mainArea, this.dropHint);

    this.listen();
    this.render();
  }

  /** Opens the sample network that ships with the page. */
  async openSample(): Promise<void> {
    // a separate chunk of the page itself: no request leaves the page's origin
    const { default: text } = await import("../../data/sample-network.json?raw");
    await this.open({ kind: "text", text, name: "sample-network.json" });
  }

  /** Loads a network; on failure the error is shown and the current network stays. */
  async open(source: NetworkSource): Promise<void> {
    performance.clearMarks("tiegraph:load-start");
    performance.mark("tiegraph:load-start");
    this.progress.hidden = false;
    this.progress.removeAttribute("value");
    try {
      const loaded = await this.loader.load(source, (stage, fraction) => this.showProgress(stage, fraction));
      this.showProgress("drawing", undefined);
      this.adopt(loaded);
      this.errorBox.hidden = true;
    } catch (e) {
      if (e instanceof LoadError && e.failure.code === "cancelled") return;
      this.showError(e);
    } finally {
      this.progress.hidden = true;
    }
  }

  private adopt(loaded: LoadedNetwork): void {
    const net = loaded.network;
    const range = net.dayRange();
    this.loaded = { ...loaded, search: buildSearchIndex(net, range?.last ?? 0) };
    this.explore.setNetwork(net);
    this.fileText.textContent = loaded.name;
    this.statusText.textContent = `${net.personCount.toLocaleString("en")} people, ${net.organisationCount.toLocaleString("en")} organisations, ${net.exchangeCount.toLocaleString("en")} exchanges`;
    this.root.dataset.loaded = loaded.name;
    this.render();
    performance.mark("tiegraph:drawn");
    performance.measure("tiegraph:load-to-draw", "tiegraph:load-start", "tiegraph:drawn");
  }

  private showProgress(stage: LoadStage, fraction: number | undefined): void {
    if (fraction === undefined) this.progress.removeAttribute("value");
    else this.progress.value = fraction;
    this.statusText.textContent = `${STAGE_TEXT[stage]}…${fraction !== undefined ? ` ${Math.round(fraction * 100)}%` : ""}`;
  }

  private showError(e: unknown): void {
    const f = e instanceof LoadError ? e.failure : undefined;
    const where = f?.file !== undefined ? `${f.file}${f.line !== undefined ? `, line ${f.line}${f.column !== undefined ? `, column ${f.column}` : ""}` : ""}` : undefined;
    replaceChildren(
      this.errorBox,
      h("strong", { text: "This file could not be opened; the network on screen is unchanged." }),
      h("br"),
      where ? h("span", { class: "where", text: `${where}: ` }) : null,
      h("span", { text: e instanceof Error ? e.message : String(e) }),
    );
    this.errorBox.hidden = false;
    if (this.loaded) this.statusText.textContent = `${this.loaded.network.personCount.toLocaleString("en")} people (unchanged)`;
  }

  /** Changes the state, writes it to the URL and redraws. */
  setState(patch: Partial<ExplorerState>, redraw = true): void {
    this.state = { ...this.state, ...patch };
    const hash = stateToHash(this.state);
    if (hash !== location.hash && !(hash === "" && location.hash === "")) history.replaceState(null, "", hash || location.pathname + location.search);
    if (redraw) this.render();
  }

  private pick(hit: SearchHit): void {
    if (hit.kind === "person") this.setState({ selected: hit.id, search: hit.label });
    else this.setState({ filters: { ...this.state.filters, organisations: [hit.id] }, search: hit.label });
    this.search.setText(hit.label);
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
        this.setState({ selected: "" });
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
      const file = e.dataTransfer?.files[0];
      if (file) void this.open({ kind: "file", file });
    });
  }
}
