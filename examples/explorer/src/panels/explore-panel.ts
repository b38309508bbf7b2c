/**
 * The "Explore" tab: which part of the network to draw (whole network or
 * your neighbourhood), filters (organisation, tag, tie strength,
 * internal/external, date range) and encodings (size by, colour by, tie
 * colour). Every control writes the state; the state redraws the page.
 */
import { h, replaceChildren, uniqueId } from "../dom/element.js";
import { filtersAreEmpty, NO_FILTERS, type ExplorerState, type Filters, type Scope, type Side } from "../state/explorer-state.js";
import type { EncodingNames } from "../state/url-state.js";

/** The encodings' names in the reader's words. */
const LABELS: Record<string, string> = {
  "strength-to-ego": "tie strength to you",
  degree: "number of ties",
  betweenness: "betweenness (brokers)",
  organisation: "organisation",
  "internal-external": "internal or external to you",
  "ei-index": "E-I index",
  reciprocity: "reciprocity (who gives more)",
  none: "nothing",
};

/** The Explore tab. */
export class ExplorePanel {
  readonly element: HTMLElement;
  private readonly scopeButtons: Record<Scope, HTMLButtonElement>;
  private readonly orgList = h("div", { class: "checklist", attrs: { role: "group", "aria-label": "Organisations" } });
  private readonly tagList = h("div", { class: "checklist", attrs: { role: "group", "aria-label": "Tags" } });
  private readonly minStrength: HTMLInputElement;
  private readonly minStrengthValue = h("output", { attrs: { "aria-live": "off" } });
  private readonly sideInputs: Record<Side, HTMLInputElement>;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly sizeSelect: HTMLSelectElement;
  private readonly colourSelect: HTMLSelectElement;
  private readonly edgeSelect: HTMLSelectElement;
  private readonly clearButton: HTMLButtonElement;
  private filters: Filters = NO_FILTERS;

  constructor(
    choices: EncodingNames,
    private readonly change: (patch: Partial<ExplorerState>) => void,
  ) {
    const scopeButton = (scope: Scope, text: string) =>
      h("button", { attrs: { type: "button", "aria-pressed": "false", "data-scope": scope }, text, on: { click: () => this.change({ scope }) } });
    this.scopeButtons = { network: scopeButton("network", "Whole network"), ego: scopeButton("ego", "My neighbourhood") };

    const minId = uniqueId("min-strength");
    this.minStrength = h("input", {
      attrs: { id: minId, type: "range", min: 0, max: 1, step: 0.05, value: 0, "aria-describedby": `${minId}-help` },
      on: { input: () => this.setFilters({ minStrength: Number(this.minStrength.value) }) },
    });
    const side = (value: Side, text: string) => {
      const input = h("input", { attrs: { type: "radio", name: "side", value }, on: { change: () => this.setFilters({ side: value }) } });
      return { input, label: h("label", {}, input, text) };
    };
    const sides = { all: side("all", "everyone"), internal: side("internal", "internal"), external: side("external", "external") };
    this.sideInputs = { all: sides.all.input, internal: sides.internal.input, external: sides.external.input };
    const dateInput = (label: string, key: "from" | "to") => {
      const input = h("input", { attrs: { type: "date", "aria-label": label }, on: { change: () => this.setFilters({ [key]: input.value }) } });
      return input;
    };
    this.fromInput = dateInput("Exchanges from", "from");
    this.toInput = dateInput("Exchanges until", "to");
    this.clearButton = h("button", { attrs: { type: "button" }, text: "Clear filters", on: { click: () => this.change({ filters: NO_FILTERS }) } });

    const select = (label: string, names: readonly string[], key: "size" | "colour" | "edge") => {
      const el = h("select", { attrs: { "aria-label": label }, on: { change: () => this.change({ [key]: el.value }) } }, ...names.map((n) => h("option", { attrs: { value: n }, text: LABELS[n] ?? n })));
      return el;
    };
    this.sizeSelect = select("Size by", choices.size, "size");
    this.colourSelect = select("Colour by", choices.colour, "colour");
    this.edgeSelect = select("Tie colour by", choices.edge, "edge");

    this.element = h(
      "div",
      {},
      h("fieldset", {}, h("legend", { text: "Show" }), h("div", { class: "row", attrs: { role: "group", "aria-label": "Show" } }, this.scopeButtons.network, this.scopeButtons.ego)),
      h(
        "fieldset",
        {},
        h("legend", { text: "Filters" }),
        h("details", { attrs: { open: true } }, h("summary", { text: "Organisations" }), this.orgList),
        h("details", {}, h("summary", { text: "Tags" }), this.tagList),
        h("div", { class: "field" }, h("label", { attrs: { for: minId } }, "Weakest tie shown: ", this.minStrengthValue), this.minStrength, h("span", { class: "muted small", attrs: { id: `${minId}-help` }, text: "tie strength from 0 to 1: how much and how recently two people exchanged" })),
        h("div", { class: "field", attrs: { role: "radiogroup", "aria-label": "Internal or external" } }, h("span", { text: "Inside or outside your organisation" }), h("div", { class: "radios" }, sides.all.label, sides.internal.label, sides.external.label)),
        h("div", { class: "field" }, h("span", { text: "Exchanges between" }), h("div", { class: "row" }, this.fromInput, h("span", { text: "and" }), this.toInput)),
        this.clearButton,
      ),
      h(
        "fieldset",
        {},
        h("legend", { text: "Encodings" }),
        h("label", { class: "field" }, "Size by", this.sizeSelect),
        h("label", { class: "field" }, "Colour by", this.colourSelect),
        h("label", { class: "field" }, "Tie colour by", this.edgeSelect),
      ),
    );
  }

  /** Lists the network's organisations and tags (called once per loaded network). */
  setLists(organisations: readonly { id: string; name: string }[], tags: readonly string[]): void {
    const checkbox = (list: "organisations" | "tags", value: string, text: string) => {
      const input = h("input", {
        attrs: { type: "checkbox", value, "data-list": list },
        on: {
          change: () => {
            const current = this.filters[list].filter((v) => v !== value);
            this.setFilters({ [list]: input.checked ? [...current, value] : current });
          },
        },
      });
      return h("label", {}, input, text);
    };
    const orgs = [...organisations].sort((a, b) => a.name.localeCompare(b.name));
    replaceChildren(this.orgList, ...orgs.map((o) => checkbox("organisations", o.id, o.name)));
    replaceChildren(this.tagList, ...(tags.length ? tags.map((t) => checkbox("tags", t, t)) : [h("span", { class: "muted", text: "No tags in this network" })]));
  }

  /** Shows the state. */
  update(state: ExplorerState): void {
    this.filters = state.filters;
    for (const [scope, button] of Object.entries(this.scopeButtons)) button.setAttribute("aria-pressed", String(scope === state.scope));
    const f = state.filters;
    for (const input of this.element.querySelectorAll<HTMLInputElement>("input[type=checkbox][data-list]")) {
      const list = input.dataset.list as "organisations" | "tags";
      input.checked = f[list].includes(input.value);
    }
    this.minStrength.value = String(f.minStrength);
    this.minStrengthValue.textContent = f.minStrength.toFixed(2);
    this.sideInputs[f.side].checked = true;
    this.fromInput.value = f.from;
    this.toInput.value = f.to;
    this.clearButton.disabled = filtersAreEmpty(f);
    this.sizeSelect.value = state.size;
    this.colourSelect.value = state.colour;
    this.edgeSelect.value = state.edge;
  }

  private setFilters(patch: Partial<Filters>): void {
    this.change({ filters: { ...this.filters, ...patch } });
  }
}
