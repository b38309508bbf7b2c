/**
 * The "Introduce me to…" tab: pick a person or an organisation, see the
 * ranked introduction paths from core's introductionPaths with their
 * hop-by-hop explanation, and choose which one the graph highlights.
 */
import { formatIntroduction, type IntroductionAnswer, type IntroductionText, type WordingNames } from "@tiegraph/core";
import { h, replaceChildren, type Child } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { SearchBox } from "../search/search-box.js";
import { searchNetwork } from "../search/search-index.js";
import type { ExplorerState, PathMode } from "../state/explorer-state.js";

/** The Introduce tab. */
export class IntroducePanel {
  readonly element: HTMLElement;
  private readonly picker: SearchBox;
  private readonly options: HTMLElement;
  private readonly modeSelect: HTMLSelectElement;
  private readonly awareBox: HTMLInputElement;
  private readonly result = h("div", { attrs: { "aria-live": "polite", "data-panel": "introduce-result" } });
  private session: NetworkSession | undefined;

  constructor(private readonly change: (patch: Partial<ExplorerState>) => void) {
    this.picker = new SearchBox({
      label: "Whom do you want to meet?",
      placeholder: "A person or an organisation",
      search: (q) => (this.session ? searchNetwork(this.session.search, q) : []),
      onPick: (hit) => this.change({ target: { kind: hit.kind, id: hit.id }, path: 0 }),
    });
    this.modeSelect = h(
      "select",
      { attrs: { "aria-label": "Rank paths by" }, on: { change: () => this.change({ mode: this.modeSelect.value as PathMode, path: 0 }) } },
      h("option", { attrs: { value: "reliable" }, text: "most reliable chain (product of tie strengths)" }),
      h("option", { attrs: { value: "widest" }, text: "strongest weakest tie" }),
    );
    this.awareBox = h("input", { attrs: { type: "checkbox" }, on: { change: () => this.change({ aware: this.awareBox.checked, path: 0 }) } });
    this.options = h(
      "details",
      {},
      h("summary", { text: "How paths are ranked" }),
      h("label", { class: "field" }, "Rank by", this.modeSelect),
      h("label", { class: "row" }, this.awareBox, "Prefer asking people who owe you or are in balance with you"),
    );
    this.element = h("div", {}, h("label", { class: "field" }, h("span", { text: "Introduce me to…" }), this.picker.element), this.options, this.result);
  }

  /** Shows the answer for the state's target (computed by the page), or a prompt. */
  update(session: NetworkSession | undefined, state: ExplorerState, answer: IntroductionAnswer | undefined, problem: string | undefined, pending: boolean): void {
    this.session = session;
    this.modeSelect.value = state.mode;
    this.awareBox.checked = state.aware;
    const target = state.target;
    if (document.activeElement !== this.picker.input) {
      // the picker shows the target's name, or nothing once the path is cleared (never a typed fragment)
      this.picker.setText(session && target ? (target.kind === "person" ? session.personName(target.id) : session.organisationName(target.id)) : "");
    }
    if (!session) return replaceChildren(this.result, h("p", { class: "muted", text: "Open a network first." }));
    if (session.ego === undefined) return replaceChildren(this.result, h("p", { class: "muted", text: "This network does not say which one is you, so there is nobody to introduce you yet. Choose yourself above." }));
    if (problem) return replaceChildren(this.result, h("p", { class: "problem", attrs: { role: "status" }, text: problem }));
    if (pending) {
      // keep the previous answer on screen until the new one arrives, marked busy
      this.result.setAttribute("aria-busy", "true");
      return;
    }
    this.result.removeAttribute("aria-busy");
    if (!target || !answer) return replaceChildren(this.result, h("p", { class: "muted", text: "Choose a person or an organisation: the warmest chains of people who can introduce you appear here and on the graph." }));
    // every sentence and figure from core's formatter, the same the CLI prints
    const text = formatIntroduction(answer, wordingNames(session));
    replaceChildren(this.result, summary(text.summary), ...this.paths(text, state.path), ...this.nearest(text));
  }

  private paths(text: IntroductionText, chosen: number): Child[] {
    if (!text.paths.length) return [];
    return [
      h(
        // each title carries its own "#n", so the list adds no numbers of its own
        "ol",
        { class: "paths", attrs: { "aria-label": "Introduction paths, best first", style: "list-style: none; padding-left: 0" } },
        ...text.paths.map(([title, ...lines], i) =>
          h(
            "li",
            { class: i === chosen ? "chosen" : "", attrs: { "data-path": i } },
            h("div", { class: "row", attrs: { style: "justify-content: space-between" } }, h("strong", { text: title ?? "" })),
            h(
              "button",
              { attrs: { type: "button", "aria-pressed": String(i === chosen), "aria-label": `Highlight path ${i + 1} on the graph` }, on: { click: () => this.change({ path: i }) } },
              i === chosen ? "Shown on the graph" : "Show on the graph",
            ),
            h("ul", {}, ...lines.map((line) => h("li", { text: line }))),
          ),
        ),
      ),
    ];
  }

  private nearest(text: IntroductionText): Child[] {
    if (!text.nearest.length) return [];
    return [h("h3", { text: "Closest people you can reach" }), h("ul", {}, ...text.nearest.map((line) => h("li", { text: line })))];
  }
}

/** The formatter's names on the page: the session's display names (told apart by organisation in the worker), ego as "you". */
function wordingNames(session: NetworkSession): WordingNames {
  const names: WordingNames = { person: (id) => session.personName(id), organisation: (id) => session.organisationName(id) };
  if (session.ego !== undefined) names.you = session.ego;
  return names;
}

/** The formatter's summary; a long one (many direct contacts at an organisation) folds behind its first words. */
function summary(text: string): HTMLElement {
  const LONG = 240;
  if (text.length <= LONG) return h("p", { attrs: { "data-summary": "" }, text });
  const cut = text.lastIndexOf(" ", 160);
  return h("details", { attrs: { "data-summary": "" } }, h("summary", { text: `${text.slice(0, cut > 0 ? cut : 160)}…` }), h("p", { text }));
}
