/**
 * The level-of-detail bar: on a large network the page draws a part of it
 * (see worker/level-of-detail.ts); the bar says which part and offers the
 * whole network. Hidden while the whole network is drawn.
 */
import { h, replaceChildren } from "../dom/element.js";
import type { DetailShown } from "../worker/level-of-detail.js";

/**
 * What the bar says about a part.
 *
 * @example detailText({ kind: "neighbourhood", depth: 2 }) // "Large network: showing your neighbourhood, the people within 2 steps of you and the ties between them."
 */
export function detailText(detail: DetailShown): string {
  if (detail.kind === "neighbourhood") return `Large network: showing your neighbourhood, the people within ${detail.depth} ${detail.depth === 1 ? "step" : "steps"} of you and the ties between them.`;
  if (detail.kind === "closest") return `Large network: showing you and your ${detail.contacts.toLocaleString("en")} strongest contacts, and the ties between them.`;
  if (detail.kind === "strongest") return `Large network: showing the strongest ties (strength ${detail.threshold.toFixed(2)} or more) and the people they join.`;
  return "";
}

/** The bar under the status line. */
export class DetailBar {
  readonly element = h("div", { class: "detail-bar", attrs: { role: "status", "data-detail": "", hidden: true } });
  private readonly button: HTMLButtonElement;

  constructor(showWhole: () => void) {
    this.button = h("button", { attrs: { type: "button", "data-action": "show-whole" }, text: "Show whole network", on: { click: showWhole } });
  }

  /** Shows what is drawn (hidden for the whole network); `busy` while the whole network is on its way. */
  update(detail: DetailShown | undefined, busy = false): void {
    this.element.hidden = !detail || detail.kind === "whole";
    if (this.element.hidden) return;
    this.element.dataset.detail = detail!.kind;
    this.button.disabled = busy;
    this.button.textContent = busy ? "Drawing the whole network…" : "Show whole network";
    replaceChildren(this.element, h("span", { text: `${detailText(detail!)} ` }), this.button);
  }
}
