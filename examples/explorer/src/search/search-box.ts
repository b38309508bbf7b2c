/**
 * A search box with autocomplete, following the WAI-ARIA combobox pattern:
 * typing lists matches, arrow keys move through them, Enter picks, Escape
 * closes. Used for the page's search and for the introduction target.
 */
import { h, uniqueId } from "../dom/element.js";
import type { SearchHit } from "./search-index.js";

/** Options of a {@link SearchBox}. */
export interface SearchBoxOptions {
  /** Accessible name of the input. */
  label: string;
  placeholder: string;
  /** Returns the hits for a query. */
  search: (query: string) => SearchHit[];
  /** Called when the user picks a hit. */
  onPick: (hit: SearchHit) => void;
  /** Called on every change of the text. */
  onInput?: (query: string) => void;
  /** A keyboard shortcut shown in the box (e.g. "/"). */
  shortcut?: string;
}

/** The search box element and its controls. */
export class SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private hits: SearchHit[] = [];
  private active = -1;

  constructor(private readonly options: SearchBoxOptions) {
    const listId = uniqueId("search-results");
    this.input = h("input", {
      attrs: {
        type: "search",
        role: "combobox",
        "aria-label": options.label,
        "aria-autocomplete": "list",
        "aria-expanded": "false",
        "aria-controls": listId,
        autocomplete: "off",
        spellcheck: "false",
        placeholder: options.placeholder,
      },
      on: {
        input: () => {
          performance.mark("tiegraph:search-start");
          this.options.onInput?.(this.input.value);
          this.refresh();
          // results are in the DOM now; the measure is what the benchmark reads
          performance.measure("tiegraph:search", "tiegraph:search-start");
        },
        keydown: (e) => this.key(e),
        focus: () => {
          if (this.input.value) this.refresh();
        },
        blur: () => setTimeout(() => this.close(), 150),
      },
    });
    this.list = h("ul", { class: "listbox", attrs: { id: listId, role: "listbox", "aria-label": `${options.label}: results`, hidden: true } });
    this.element = h("div", { class: "search" }, this.input, options.shortcut ? h("kbd", { text: options.shortcut, attrs: { "aria-hidden": "true" } }) : null, this.list);
  }

  /** Sets the text without opening the list. */
  setText(text: string): void {
    this.input.value = text;
  }

  /** Recomputes the hits for the current text and shows them. */
  refresh(): void {
    const query = this.input.value;
    this.hits = query.trim() ? this.options.search(query) : [];
    this.active = this.hits.length ? 0 : -1;
    this.render(query.trim() !== "");
  }

  private render(open: boolean): void {
    this.list.replaceChildren();
    this.hits.forEach((hit, i) => {
      const li = h(
        "li",
        {
          attrs: { id: `${this.list.id}-${i}`, role: "option", "aria-selected": i === this.active ? "true" : "false", "data-kind": hit.kind, "data-id": hit.id },
          on: {
            // mousedown, not click: the input's blur would close the list first
            mousedown: (e) => {
              e.preventDefault();
              this.pick(i);
            },
          },
        },
        h("span", { class: "label", text: hit.label }),
        h("span", { class: "detail", text: hit.kind === "organisation" ? hit.detail : hit.detail || "no organisation" }),
      );
      this.list.append(li);
    });
    if (open && !this.hits.length) this.list.append(h("li", { class: "empty", attrs: { role: "option", "aria-disabled": "true" }, text: "No person or organisation matches" }));
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `${this.list.id}-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private key(e: KeyboardEvent): void {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!this.hits.length) return;
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.render(true);
      this.list.children[this.active]?.scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter") {
      if (this.active >= 0) {
        e.preventDefault();
        this.pick(this.active);
      }
    } else if (e.key === "Escape") {
      if (!this.list.hidden) {
        // the first Escape closes the list; the page's Escape (clear selection) waits for the next
        e.stopPropagation();
        this.close();
      }
    }
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.close();
    this.options.onPick(hit);
  }

  /** Closes the result list. */
  close(): void {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
