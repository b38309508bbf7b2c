/**
 * The "Reciprocity" tab: who you owe and who owes you, souring
 * relationships first, each with the reasons the rules give. The figures
 * come from core's reciprocity ledger (computed in the worker, confidential
 * exchanges left out); your ties on the graph are coloured by imbalance
 * while this tab is open (everyone's on request). Your totals come first;
 * every row says who owes whom.
 */
import { formatSouringReasons, type RelationshipBalance } from "@tiegraph/core";
import { h, replaceChildren, type Child } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { signed } from "./format.js";

/** Most people listed per section (the rest are counted). */
const SHOWN = 10;

/** Balances closer to zero than this show as balanced (they print as 0.00). */
const BALANCED = 0.005;

/** Who owes whom in one relationship, from its balance (given − received). */
export function owesMark(balance: number): "you owe" | "they owe" | "balanced" {
  return balance <= -BALANCED ? "you owe" : balance >= BALANCED ? "they owe" : "balanced";
}

/** Your totals over every relationship in the ledger: what you gave, received, and the difference. */
export function ledgerTotals(entries: readonly RelationshipBalance[]): { given: number; received: number; balance: number } {
  let given = 0;
  let received = 0;
  for (const e of entries) {
    given += e.given;
    received += e.received;
  }
  return { given, received, balance: given - received };
}

/** The Reciprocity tab. */
export class ReciprocityPanel {
  readonly element = h("div", { attrs: { "data-panel": "reciprocity" } });

  private readonly allTiesBox: HTMLInputElement;
  private readonly allTiesLabel: HTMLElement;

  constructor(
    private readonly select: (id: string) => void,
    setAllTies: (all: boolean) => void,
  ) {
    this.allTiesBox = h("input", { attrs: { type: "checkbox", "data-action": "all-ties" }, on: { change: () => setAllTies(this.allTiesBox.checked) } });
    this.allTiesLabel = h("label", { class: "row" }, this.allTiesBox, "Colour everyone's ties, not just yours");
  }

  /** Shows the ledger of the session's ego; `allTies` is whether everyone's ties are coloured. */
  update(session: NetworkSession | undefined, allTies = false): void {
    this.allTiesBox.checked = allTies;
    if (session?.overviewProblem) {
      replaceChildren(this.element, h("p", { class: "problem", attrs: { role: "status" }, text: `The ledger could not be computed: ${session.overviewProblem}` }));
      return;
    }
    if (session && !session.overview) {
      replaceChildren(this.element, h("p", { class: "muted", attrs: { "aria-busy": "true" }, text: "Analysing…" }));
      return;
    }
    const ledger = session?.overview?.ledger;
    if (!session || !ledger) {
      replaceChildren(this.element, h("p", { class: "muted", text: session ? "This network does not say which one is you, so there is no ledger to show. Choose yourself above." : "Open a network first." }), session ? this.allTiesLabel : null);
      return;
    }
    const totals = ledgerTotals(ledger.entries);
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
                  h("span", { class: e.souring ? "badge sour" : "muted", attrs: { "data-owes": owesMark(e.balance) }, text: `${signed(e.balance)} ${e.souring ? (e.souring.direction === "you-owe" ? "you owe" : "they owe") : owesMark(e.balance)}` }),
                ),
                showReasons && e.souring ? h("p", { class: "why", text: formatSouringReasons(e.souring.reasons) }) : null,
              ),
            ),
          )
        : h("p", { class: "muted", text: empty }),
      entries.length > SHOWN ? h("p", { class: "muted small", text: `and ${entries.length - SHOWN} more` }) : null,
    ];
    replaceChildren(
      this.element,
      h(
        "dl",
        { class: "totals", attrs: { "data-section": "totals", "aria-label": "Your totals" } },
        h("dt", { text: "You gave" }),
        h("dd", { attrs: { "data-total": "given" }, text: totals.given.toFixed(2) }),
        h("dt", { text: "You received" }),
        h("dd", { attrs: { "data-total": "received" }, text: totals.received.toFixed(2) }),
        h("dt", { text: "Balance" }),
        h("dd", { attrs: { "data-total": "balance" }, text: `${signed(totals.balance)} ${totals.balance <= -BALANCED ? "(you owe, overall)" : totals.balance >= BALANCED ? "(you are owed, overall)" : "(balanced)"}` }),
      ),
      h("p", { class: "small", text: `Balance = what you gave − what you received, recency-weighted, as of ${ledger.asOf}, over ${ledger.entries.length} ${ledger.entries.length === 1 ? "relationship" : "relationships"}. Confidential exchanges are left out. Your ties on the graph are coloured by who gives more.` }),
      this.allTiesLabel,
      ...list("Souring", "souring", ledger.souring, "No relationship is souring.", true),
      ...list("You owe", "you-owe", ledger.youOwe, "You owe nobody.", false),
      ...list("They owe you", "owed-to-you", ledger.owedToYou, "Nobody owes you.", false),
    );
  }
}
