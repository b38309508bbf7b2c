/**
 * "Which one is you?": shown when a network has no ego (a vCard or a
 * calendar alone, a file without "me"). A searchable picker over the
 * network's people, and a way to skip it; until it is answered the page
 * uses encodings that need no ego.
 */
import { h } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { SearchBox } from "../search/search-box.js";
import { searchNetwork } from "../search/search-index.js";

/** What the picker asks the page to do. */
export interface EgoPickerActions {
  /** Makes this person ego. */
  choose(id: string): void;
  /** Goes on without an ego (for this network). */
  skip(): void;
}

/** The "Which one is you?" box. */
export class EgoPicker {
  readonly element: HTMLElement;
  private readonly picker: SearchBox;
  private session: NetworkSession | undefined;

  constructor(actions: EgoPickerActions) {
    this.picker = new SearchBox({
      label: "Which one is you?",
      placeholder: "Your name",
      search: (q) => (this.session ? searchNetwork(this.session.search, q).filter((hit) => hit.kind === "person") : []),
      onPick: (hit) => {
        this.picker.setText("");
        actions.choose(hit.id);
      },
    });
    this.element = h(
      "section",
      { class: "ego-picker", attrs: { "aria-labelledby": "ego-picker-title", hidden: true } },
      h("h2", { attrs: { id: "ego-picker-title" }, text: "Which one is you?" }),
      h("p", { class: "small", text: "This network does not say who you are. Choose yourself to see tie strengths to you, your reciprocity and introductions; until then the graph shows what needs no “you”." }),
      this.picker.element,
      h("button", { attrs: { type: "button", "data-action": "skip-ego" }, text: "Skip", on: { click: () => actions.skip() } }),
    );
  }

  /** Shows the picker for a network without ego (unless skipped), hides it otherwise. */
  update(session: NetworkSession | undefined, skipped: boolean): void {
    this.session = session;
    this.element.hidden = !session || session.ego !== undefined || skipped || session.personCount === 0;
  }
}
