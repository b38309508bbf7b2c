/**
 * The "Reciprocity" tab: who you owe and who owes you, souring
 * relationships first, each with the reasons the rules give. The figures
 * come from core's reciprocity ledger (computed in the worker, confidential
 * exchanges left out); ties on the graph are coloured by imbalance while
 * this tab is open.
 */
import type { RelationshipBalance } from "@tiegraph/core";
import { h, replaceChildren, type Child } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { signed } from "./format.js";

/** Most people listed per section (the rest are counted). */
const SHOWN = 10;

/** The Reciprocity tab. */
export class ReciprocityPanel {
  readonly element = h("div", { attrs: { "data-panel": "reciprocity" } });

  constructor(private readonly select: (id: string) => void) {}

  /** Shows the ledger of the session's ego. */
  update(session: NetworkSession | undefined): void {
    if (session && !session.overview) {
      replaceChildren(this.element, h("p", { class: "muted", attrs: { "aria-busy": "true" }, text: "Analysing…" }));
      return;
    }
    const ledger = session?.overview?.ledger;
    if (!session || !ledger) {
      replaceChildren(this.element, h("p", { class: "muted", text: session ? "This network has no ego (\"me\"), so there is no ledger to show." : "Open a network first." }));
      return;
    }
    const list = (title: string, key: string, entries: RelationshipBalance[], empty: string, showReasons: boolean): Child[] => [
      h("h3", { text: `${title} (${entries.length})` }),
      entries.length
        ? h(
            "ul",
            { class: "people", attrs: { "data-list": key, "aria-label": title } },
            ...entries.slice(0, SHOWN).map((e) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { class: "person", attrs: { type: "button", "data-person": e.contact }, on: { click: () => this.select(e.contact) } },
                  h("span", { text: session.personName(e.contact) }),
                  h("span", { class: e.souring ? "badge sour" : "muted", text: `${signed(e.balance)}${e.souring ? (e.souring.direction === "you-owe" ? " you owe" : " they owe") : ""}` }),
                ),
                showReasons && e.souring ? h("p", { class: "why", text: e.souring.reasons.join("; ") }) : null,
              ),
            ),
          )
        : h("p", { class: "muted", text: empty }),
      entries.length > SHOWN ? h("p", { class: "muted small", text: `and ${entries.length - SHOWN} more` }) : null,
    ];
    replaceChildren(
      this.element,
      h("p", { class: "small", text: `Balance = what you gave − what you received, recency-weighted, as of ${ledger.asOf}. Confidential exchanges are left out. Ties on the graph are coloured by who gives more.` }),
      ...list("Souring", "souring", ledger.souring, "No relationship is souring.", true),
      ...list("You owe", "you-owe", ledger.youOwe, "You owe nobody.", false),
      ...list("They owe you", "owed-to-you", ledger.owedToYou, "Nobody owes you.", false),
    );
  }
}
