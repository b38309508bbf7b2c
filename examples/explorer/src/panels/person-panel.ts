/**
 * The side panel of the selected person: organisation history, tie strength
 * and last contact with you, the ledger between you (given, received,
 * balance, souring and why), what they are after, mutual connections and
 * recent exchanges. Confidential exchanges and all notes stay hidden until
 * the reader reveals them, for this panel only: choosing another person
 * hides them again. The figures come from the worker (core's measures).
 */
import { formatSouringReason } from "@tiegraph/core";
import { h, replaceChildren, type Child } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import type { PersonDetails } from "../worker/person-details.js";
import { ago, num, signed, strengthWord } from "./format.js";

/** What the panel can ask the page to do. */
export interface PersonPanelActions {
  /** Fetches a person's details (from the worker). */
  details(session: NetworkSession, id: string, reveal: boolean): Promise<PersonDetails>;
  select(id: string): void;
  introduce(id: string): void;
  focus(id: string): void;
  close(): void;
  /** Opens "Log exchange" with this person (the ledger, src/ledger). */
  logExchange?(id: string): void;
  /** Opens "Edit person" for this person. */
  editPerson?(id: string): void;
}

/** The person panel. */
export class PersonPanel {
  private shown: { session: NetworkSession; id: string; reveal: boolean } | undefined;
  private request = 0;
  /** Settles when the latest load has filled the panel (or failed). */
  private loading: Promise<void> = Promise.resolve();

  constructor(
    readonly element: HTMLElement,
    private readonly actions: PersonPanelActions,
  ) {}

  /** Shows a person (or hides the panel for ""); a new person starts with confidential data hidden. */
  show(session: NetworkSession | undefined, id: string): void {
    if (!session || !id || !session.hasPerson(id)) {
      this.shown = undefined;
      this.request++;
      this.element.hidden = true;
      this.element.replaceChildren();
      return;
    }
    if (this.shown?.session === session && this.shown.id === id) return;
    this.load(session, id, false);
  }

  private load(session: NetworkSession, id: string, reveal: boolean, focusReveal = false): void {
    this.shown = { session, id, reveal };
    const request = ++this.request;
    this.element.hidden = false;
    this.element.setAttribute("aria-busy", "true");
    this.loading = this.actions.details(session, id, reveal).then(
      (details) => {
        if (request !== this.request) return;
        this.render(session, details);
        this.element.removeAttribute("aria-busy");
        if (focusReveal) this.element.querySelector<HTMLButtonElement>("[data-action=reveal]")?.focus();
      },
      (e: unknown) => {
        if (request !== this.request) return;
        this.element.removeAttribute("aria-busy");
        replaceChildren(this.element, h("p", { class: "problem", text: e instanceof Error ? e.message : String(e) }));
      },
    );
  }

  /**
   * Settles once the panel shows what was last asked for (filled in, or the
   * problem shown); at once when nothing is loading.
   *
   * @example await panel.settled(); // the person's details are on screen
   */
  settled(): Promise<void> {
    return this.loading;
  }

  private render(session: NetworkSession, d: PersonDetails): void {
    const revealButton = h("button", {
      attrs: { type: "button", "aria-pressed": String(d.revealed), "data-action": "reveal" },
      text: d.revealed ? "Hide confidential notes and exchanges" : "Reveal confidential notes and exchanges",
      on: { click: () => this.load(session, d.id, !d.revealed, true) },
    });
    replaceChildren(
      this.element,
      h(
        "div",
        { class: "row", attrs: { style: "justify-content: space-between; align-items: flex-start; flex-wrap: nowrap" } },
        h("h2", { attrs: { id: "person-name", tabindex: -1 } }, d.name),
        h("button", { attrs: { type: "button", "aria-label": "Close the person panel (Escape)" }, text: "×", on: { click: () => this.actions.close() } }),
      ),
      d.isEgo ? h("p", {}, h("span", { class: "badge", text: "you" })) : null,
      h("p", { class: "muted", text: d.organisationsNow.length ? d.organisationsNow.join(", ") : "no organisation on the reference day" }),
      h(
        "div",
        { class: "row" },
        !d.isEgo && d.hasEgo ? h("button", { class: "primary", attrs: { type: "button" }, text: `Introduce me to ${d.name}`, on: { click: () => this.actions.introduce(d.id) } }) : null,
        h("button", { attrs: { type: "button" }, text: "Show on graph", on: { click: () => this.actions.focus(d.id) } }),
        this.actions.logExchange && !d.isEgo ? h("button", { attrs: { type: "button", "aria-label": `Log exchange with ${d.name}`, "data-action": "log-with" }, text: "Log exchange", on: { click: () => this.actions.logExchange?.(d.id) } }) : null,
        this.actions.editPerson ? h("button", { attrs: { type: "button", "data-action": "edit-person" }, text: "Edit person", on: { click: () => this.actions.editPerson?.(d.id) } }) : null,
      ),
      ...tieSection(d, session.analysis.asOf),
      ...ledgerSection(d),
      ...interestsSection(d),
      ...historySection(d),
      ...this.mutualSection(d),
      ...exchangesSection(d),
      h("h3", { text: "Confidential" }),
      revealButton,
      d.revealed
        ? h("div", { class: "confidential", attrs: { "data-section": "notes" } }, h("strong", { text: "Notes" }), h("p", { text: d.notes ?? "No notes." }))
        : h("p", { class: "muted small", text: "Notes and confidential exchanges are hidden. Revealing them affects this panel only." }),
    );
  }

  private mutualSection(d: PersonDetails): Child[] {
    if (d.isEgo || !d.hasEgo) return [];
    return [
      h("h3", { text: `Mutual connections (${d.mutualCount})` }),
      d.mutual.length
        ? h(
            "ul",
            { class: "people", attrs: { "data-section": "mutual" } },
            ...d.mutual.map((m) =>
              h(
                "li",
                {},
                h(
                  "button",
                  { class: "person", attrs: { type: "button" }, on: { click: () => this.actions.select(m.id) } },
                  h("span", { text: m.name }),
                  h("span", { class: "muted", attrs: { title: "tie strength with you · with them" }, text: `${num(m.withYou)} · ${num(m.withThem)}` }),
                ),
              ),
            ),
          )
        : h("p", { class: "muted", text: "Nobody you both know." }),
      d.mutualCount > d.mutual.length ? h("p", { class: "muted small", text: `and ${d.mutualCount - d.mutual.length} more` }) : null,
    ];
  }
}

function tieSection(d: PersonDetails, asOf: string): Child[] {
  if (d.tie === undefined) return [];
  const t = d.tie;
  return [
    h("h3", { text: "Your tie" }),
    h(
      "dl",
      { class: "figures", attrs: { "data-section": "tie" } },
      h("dt", { text: "Tie strength" }),
      h("dd", { text: t ? `${num(t.strength)} (${strengthWord(t.strength)})` : "no direct tie" }),
      h("dt", { text: "Last contact" }),
      h("dd", { text: t ? `${t.lastDate} (${ago(t.daysSince, asOf)})` : "never" }),
      h("dt", { text: "Exchanges" }),
      h("dd", { text: t ? String(t.exchanges) : "0" }),
    ),
  ];
}

function ledgerSection(d: PersonDetails): Child[] {
  const b = d.balance;
  if (!b) return [];
  const standing = b.souring ? (b.souring.direction === "you-owe" ? "souring: you owe them" : "souring: they owe you") : b.balance > 0.005 ? "they owe you" : b.balance < -0.005 ? "you owe them" : "in balance";
  return [
    h("h3", { text: "Ledger between you" }),
    h(
      "dl",
      { class: "figures", attrs: { "data-section": "ledger" } },
      h("dt", { text: "You gave" }),
      h("dd", { text: `${num(b.given)} (recorded ${num(b.givenRaw)})` }),
      h("dt", { text: "You received" }),
      h("dd", { text: `${num(b.received)} (recorded ${num(b.receivedRaw)})` }),
      h("dt", { text: "Balance" }),
      h("dd", {}, `${signed(b.balance)} `, h("span", { class: `badge ${b.souring ? "sour" : b.balance < -0.005 ? "owe" : "ok"}`, text: standing })),
      h("dt", { text: "Imbalance" }),
      h("dd", { text: b.imbalance === null ? "no giving either way" : signed(b.imbalance) }),
    ),
    b.souring ? h("ul", { class: "small", attrs: { "aria-label": "Why it is souring" } }, ...b.souring.reasons.map((r) => h("li", { text: formatSouringReason(r) }))) : null,
    h("p", { class: "muted small", text: `Values in favour units (a tip = 1, a favour or introduction = 3), halving every half-life; repeated coffees count less.${d.revealed ? "" : " Confidential exchanges are left out."}` }),
  ];
}

function interestsSection(d: PersonDetails): Child[] {
  const out: Child[] = [h("h3", { text: "What they are after" })];
  out.push(d.interests.length ? h("ul", { class: "tags", attrs: { "data-section": "interests" } }, ...d.interests.map((t) => h("li", { text: t }))) : h("p", { class: "muted", text: "Not recorded yet: ask at your next meeting." }));
  if (d.offers.length) out.push(h("h3", { text: "What you can offer them" }), h("ul", { class: "tags", attrs: { "data-section": "offers" } }, ...d.offers.map((t) => h("li", { text: t }))));
  if (d.tags.length) out.push(h("h3", { text: "Tags" }), h("ul", { class: "tags" }, ...d.tags.map((t) => h("li", { text: t }))));
  return out;
}

function historySection(d: PersonDetails): Child[] {
  return [
    h("h3", { text: "Organisation history" }),
    d.history.length
      ? h("ul", { attrs: { "data-section": "history" } }, ...d.history.map((a) => h("li", { text: `${a.organisation}${a.role ? `, ${a.role}` : ""}: ${a.from ?? "…"} to ${a.to ?? "now"}` })))
      : h("p", { class: "muted", text: "No organisation recorded." }),
  ];
}

function exchangesSection(d: PersonDetails): Child[] {
  const title = d.hasEgo && !d.isEgo ? "Recent exchanges between you" : "Recent exchanges";
  return [
    h("h3", { text: title }),
    d.exchanges.length
      ? h(
          "ul",
          { class: "small", attrs: { "data-section": "exchanges" } },
          ...d.exchanges.map((x) =>
            h(
              "li",
              { class: x.confidential ? "confidential" : "" },
              `${x.date}: ${x.kind}${x.format ? ` (${x.format})` : ""}, ${x.from} → ${x.to}${x.tags.length ? ` — ${x.tags.join(", ")}` : ""}`,
              x.confidential ? h("span", { class: "badge owe", text: " confidential " }) : null,
              x.note !== undefined ? h("div", { class: "muted", text: `Note: ${x.note}` }) : null,
            ),
          ),
        )
      : h("p", { class: "muted", text: "No exchanges to show." }),
    d.hiddenConfidential ? h("p", { class: "muted small", text: `${d.hiddenConfidential} confidential ${d.hiddenConfidential === 1 ? "exchange is" : "exchanges are"} hidden.` }) : null,
  ];
}
