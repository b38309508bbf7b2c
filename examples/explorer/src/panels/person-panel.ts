/**
 * The side panel of the selected person: organisation history, tie strength
 * and last contact with you, the ledger between you (given, received,
 * balance, souring and why), what they are after, mutual connections and
 * recent exchanges. Confidential exchanges and all notes stay hidden until
 * the reader reveals them, for this panel only: choosing another person
 * hides them again.
 */
import { formatDay, mutualConnections, relationshipBalance, type Network } from "@tiegraph/core";
import { h, replaceChildren, type Child } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { ago, nameOf, num, signed, strengthWord } from "./format.js";

/** What the panel can ask the page to do. */
export interface PersonPanelActions {
  select(id: string): void;
  introduce(id: string): void;
  focus(id: string): void;
  close(): void;
}

/** Most exchanges listed in the panel. */
const RECENT_EXCHANGES = 12;
/** Most mutual connections listed. */
const MUTUAL_SHOWN = 12;

/** The person panel. */
export class PersonPanel {
  readonly element: HTMLElement;
  private person = "";
  private reveal = false;
  private session: NetworkSession | undefined;

  constructor(
    element: HTMLElement,
    private readonly actions: PersonPanelActions,
  ) {
    this.element = element;
  }

  /** Shows a person (or hides the panel for ""); a new person starts with confidential data hidden. */
  show(session: NetworkSession | undefined, id: string): void {
    if (id !== this.person || session !== this.session) this.reveal = false;
    this.person = id;
    this.session = session;
    const i = session && id ? session.network.findPerson(id) : -1;
    this.element.hidden = i < 0;
    if (!session || i < 0) {
      this.element.replaceChildren();
      return;
    }
    this.render(session, i);
  }

  private render(session: NetworkSession, i: number): void {
    const net = session.network;
    const person = net.personAt(i);
    const ego = net.egoIndex;
    const isEgo = i === ego;
    const orgsNow = net.organisationIndicesOn(i, session.asOfDay).map((o) => net.organisationAt(o).name);
    const revealButton = h("button", {
      attrs: { type: "button", "aria-pressed": String(this.reveal), "data-action": "reveal" },
      text: this.reveal ? "Hide confidential notes and exchanges" : "Reveal confidential notes and exchanges",
      on: {
        click: () => {
          this.reveal = !this.reveal;
          this.render(session, i);
          this.element.querySelector<HTMLButtonElement>("[data-action=reveal]")?.focus();
        },
      },
    });
    const heading = h("h2", { attrs: { id: "person-name", tabindex: -1 } }, person.name, isEgo ? h("span", { class: "badge", text: " you " }) : null);
    replaceChildren(
      this.element,
      h(
        "div",
        { class: "row", attrs: { style: "justify-content: space-between; align-items: flex-start" } },
        heading,
        h("button", { attrs: { type: "button", "aria-label": "Close the person panel (Escape)" }, text: "×", on: { click: () => this.actions.close() } }),
      ),
      h("p", { class: "muted", text: orgsNow.length ? orgsNow.join(", ") : "no organisation on the reference day" }),
      h(
        "div",
        { class: "row" },
        !isEgo && ego >= 0 ? h("button", { class: "primary", attrs: { type: "button" }, text: `Introduce me to ${person.name}`, on: { click: () => this.actions.introduce(person.id) } }) : null,
        h("button", { attrs: { type: "button" }, text: "Show on graph", on: { click: () => this.actions.focus(person.id) } }),
      ),
      ...this.tieSection(session, i),
      ...this.ledgerSection(session, i),
      ...this.interestsSection(net, i),
      ...this.historySection(net, i),
      ...this.mutualSection(session, i),
      ...this.exchangesSection(session, i),
      h("h3", { text: "Confidential" }),
      revealButton,
      this.reveal ? this.notes(net, i) : h("p", { class: "muted small", text: "Notes and confidential exchanges are hidden. Revealing them affects this panel only." }),
    );
  }

  private tieSection(session: NetworkSession, i: number): Child[] {
    const net = session.network;
    const ego = net.egoIndex;
    if (ego < 0 || ego === i) return [];
    const rel = session.relationships(this.reveal);
    const slot = session.relationshipSlot(rel, ego, i);
    const strength = slot >= 0 ? rel.strength[slot]! : 0;
    const last = slot >= 0 ? rel.lastDay[slot]! : undefined;
    return [
      h("h3", { text: "Your tie" }),
      h(
        "dl",
        { class: "figures", attrs: { "data-section": "tie" } },
        h("dt", { text: "Tie strength" }),
        h("dd", { text: slot >= 0 ? `${num(strength)} (${strengthWord(strength)})` : "no direct tie" }),
        h("dt", { text: "Last contact" }),
        h("dd", { text: last !== undefined ? `${formatDay(last)}, ${ago(session.asOfDay - last)}` : "never" }),
        h("dt", { text: "Exchanges" }),
        h("dd", { text: slot >= 0 ? String(rel.count[slot]) : "0" }),
      ),
    ];
  }

  private ledgerSection(session: NetworkSession, i: number): Child[] {
    const net = session.network;
    const ego = net.egoIndex;
    if (ego < 0 || ego === i) return [];
    const b = relationshipBalance(net, net.personAt(ego).id, net.personAt(i).id, { excludeConfidential: !this.reveal, revealConfidential: this.reveal });
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
        h("dd", {}, `${signed(b.balance)} `, h("span", { class: `badge ${b.souring ? "sour" : b.balance < -0.005 ? "owe" : "ok"}`, attrs: { "data-standing": b.souring ? "souring" : "" }, text: standing })),
        h("dt", { text: "Imbalance" }),
        h("dd", { text: b.imbalance === null ? "no giving either way" : signed(b.imbalance) }),
      ),
      b.souring ? h("ul", { class: "small", attrs: { "aria-label": "Why it is souring" } }, ...b.souring.reasons.map((r) => h("li", { text: r }))) : null,
      h("p", { class: "muted small", text: "Values in favour units (a tip = 1, a favour or introduction = 3), halving every half-life; repeated coffees count less." }),
    ];
  }

  private interestsSection(net: Network, i: number): Child[] {
    const p = net.personAt(i);
    const out: Child[] = [h("h3", { text: "What they are after" })];
    out.push(p.interests?.length ? h("ul", { class: "tags" }, ...p.interests.map((t) => h("li", { text: t }))) : h("p", { class: "muted", text: "Not recorded yet: ask at your next meeting." }));
    if (p.tags?.length) out.push(h("h3", { text: "Tags" }), h("ul", { class: "tags" }, ...p.tags.map((t) => h("li", { text: t }))));
    return out;
  }

  private historySection(net: Network, i: number): Child[] {
    const spans = net.affiliationsOf(net.personAt(i).id);
    return [
      h("h3", { text: "Organisation history" }),
      spans.length
        ? h(
            "ul",
            { attrs: { "data-section": "history" } },
            ...spans
              .slice()
              .reverse()
              .map((a) => h("li", { text: `${net.organisation(a.organisation).name}${a.role ? `, ${a.role}` : ""}: ${a.from ?? "…"} to ${a.to ?? "now"}` })),
          )
        : h("p", { class: "muted", text: "No organisation recorded." }),
    ];
  }

  private mutualSection(session: NetworkSession, i: number): Child[] {
    const net = session.network;
    const ego = net.egoIndex;
    if (ego < 0 || ego === i) return [];
    const mutual = mutualConnections(session.paths, net.personAt(ego).id, net.personAt(i).id, { skipConfidentialOnly: !this.reveal, showConfidential: this.reveal });
    return [
      h("h3", { text: `Mutual connections (${mutual.length})` }),
      mutual.length
        ? h(
            "ul",
            { class: "people", attrs: { "data-section": "mutual" } },
            ...mutual.slice(0, MUTUAL_SHOWN).map((m) =>
              h("li", {}, h("button", { class: "person", attrs: { type: "button" }, on: { click: () => this.actions.select(m.person) } }, h("span", { text: nameOf(net, m.person) }), h("span", { class: "muted", attrs: { title: "tie strength with you · with them" }, text: `${num(m.withA.strength)} · ${num(m.withB.strength)}` }))),
            ),
          )
        : h("p", { class: "muted", text: "Nobody you both know." }),
    ];
  }

  private exchangesSection(session: NetworkSession, i: number): Child[] {
    const net = session.network;
    const ego = net.egoIndex;
    const list = ego >= 0 && ego !== i ? net.exchangesBetween(ego, i) : Array.from(net.exchangesOf(i));
    const shown = list.filter((e) => this.reveal || !net.isConfidential(e)).slice(-RECENT_EXCHANGES).reverse();
    const hidden = list.filter((e) => net.isConfidential(e)).length;
    const title = ego >= 0 && ego !== i ? "Recent exchanges between you" : "Recent exchanges";
    return [
      h("h3", { text: title }),
      shown.length
        ? h(
            "ul",
            { class: "small", attrs: { "data-section": "exchanges" } },
            ...shown.map((e) => {
              const x = net.exchangeAt(e);
              const line = `${x.date}: ${x.kind}${x.format ? ` (${x.format})` : ""}, ${nameOf(net, x.from)} → ${nameOf(net, x.to)}${x.tags?.length ? ` — ${x.tags.join(", ")}` : ""}`;
              return h("li", { class: x.confidential ? "confidential" : "" }, line, x.confidential ? h("span", { class: "badge owe", text: " confidential " }) : null, this.reveal && x.note ? h("div", { class: "muted", text: `Note: ${x.note}` }) : null);
            }),
          )
        : h("p", { class: "muted", text: "No exchanges to show." }),
      !this.reveal && hidden ? h("p", { class: "muted small", text: `${hidden} confidential ${hidden === 1 ? "exchange is" : "exchanges are"} hidden.` }) : null,
    ];
  }

  private notes(net: Network, i: number): HTMLElement {
    const notes = net.personAt(i).notes;
    return h("div", { class: "confidential", attrs: { "data-section": "notes" } }, h("strong", { text: "Notes" }), h("p", { text: notes ?? "No notes." }));
  }
}
