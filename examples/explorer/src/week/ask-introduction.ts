/**
 * "Ask for this introduction", under the Introduce tab's chosen path: makes
 * the request the path suggests (core's askAlongPath: via its first
 * connector, to the person it reaches), dated the "This week" tab's day
 * (today by default), with why and what you can offer, applies it through
 * the ledger (so Undo takes it back and Save keeps it in the network file)
 * and shows the drafted message to the connector with "Copy message".
 */
import { draftIntroductionMessage, type IntroductionMessage, type RequestChange } from "@tiegraph/core";
import { h, replaceChildren, shownText } from "../dom/element.js";
import type { NetworkSession } from "../network-session.js";
import { showDraft } from "./requests-panel.js";

/** What the box needs from the page. */
export interface AskHost {
  /** The day a new request is dated (the "This week" tab's day). */
  day(): string;
  /** Works out the request for a path and applies it; the change and its message, or why it was refused. */
  ask(people: string[], date: string, why: string, offer: string): Promise<{ change: RequestChange; message: IntroductionMessage | undefined } | { problem: string }>;
}

/** The "Ask for this introduction" box. */
export class AskIntroduction {
  readonly element: HTMLElement;
  private readonly why = h("input", { attrs: { type: "text", autocomplete: "off", placeholder: "e.g. advice on pricing" } });
  private readonly offer = h("input", { attrs: { type: "text", autocomplete: "off", placeholder: "e.g. our churn study" } });
  private readonly button: HTMLButtonElement;
  private readonly result = h("div", { attrs: { "data-ask-result": "" } });
  private readonly along = h("p", { class: "small", attrs: { "data-ask-along": "" } });
  private people: string[] = [];
  private shownFor = "";

  constructor(private readonly host: AskHost) {
    this.button = h("button", { class: "primary", attrs: { type: "button" }, text: "Ask for this introduction", on: { click: () => void this.send() } });
    this.element = h(
      "section",
      { class: "ask-introduction", attrs: { "aria-label": "Ask for an introduction", hidden: true } },
      h("h3", { text: "Ask for this introduction" }),
      this.along,
      h("p", { class: "muted small", text: "A double opt-in request to the path's first connector: they check with the person first. It is listed under This week until it is done." }),
      h("label", { class: "field" }, h("span", { text: "Why (optional)" }), this.why),
      h("label", { class: "field" }, h("span", { text: "What you can offer (optional)" }), this.offer),
      this.button,
      this.result,
    );
  }

  /** Shows the box for the chosen path (its people, you first), or hides it when there is no path to ask along. */
  update(session: NetworkSession | undefined, people: readonly string[] | undefined): void {
    const key = session && people && people.length > 2 ? `${session.name}|${people.join(" ")}` : "";
    this.element.hidden = key === "";
    // while the paths are worked out again (after an edit) nothing is chosen: keep what was shown
    if (key === "") return;
    this.people = [...people!];
    this.along.textContent = shownText(`Along the path shown: you ask ${session!.personName(this.people[1]!)} to introduce you to ${session!.personName(this.people.at(-1)!)}.`);
    if (key !== this.shownFor) {
      this.shownFor = key;
      replaceChildren(this.result);
      this.button.disabled = false;
    }
  }

  private async send(): Promise<void> {
    if (this.people.length < 3) return;
    this.button.disabled = true;
    const outcome = await this.host.ask(this.people, this.host.day(), this.why.value, this.offer.value);
    if ("problem" in outcome) {
      this.button.disabled = false;
      replaceChildren(this.result, h("p", { class: "problem", attrs: { role: "alert" }, text: outcome.problem }));
      return;
    }
    const box = h("div", { class: "request-message" });
    replaceChildren(this.result, h("p", { attrs: { role: "status", "data-request-created": outcome.change.request.id }, text: `Request ${outcome.change.request.id} created, dated ${outcome.change.request.steps[0]!.date}.` }), box);
    if (outcome.message) showDraft(box, draftIntroductionMessage(outcome.message));
  }
}
