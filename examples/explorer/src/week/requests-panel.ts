/**
 * The open introduction requests in "This week": each with its age, latest
 * step and a nudge when it has stalled (no step for 14 days), in the words
 * of core's formatter, and a button for every step that may come next
 * (core's NEXT_STEPS: connector agreed or declined, target agreed or
 * declined, introduced, met, thanked). Steps are dated with the "Date of the
 * step" field, the week's day by default; "introduced" records the
 * connector's introduction in the ledger (the favour you now owe), "met" a
 * meeting, "thanked" a gesture back.
 */
import { draftIntroductionMessage, formatOpenRequest, formatRequestStep, NEXT_STEPS, type AdvanceRequestDetails, type IntroductionMessage, type OpenRequest, type RequestChange, type RequestStep, type WordingNames } from "@tiegraph/core";
import { h, replaceChildren } from "../dom/element.js";
import { copyFieldText } from "./copy-text.js";

/** The buttons' words for each step. */
export const STEP_TEXT: Readonly<Record<RequestStep, string>> = {
  asked: "Asked",
  "connector-agreed": "Connector agreed",
  "connector-declined": "Connector declined",
  "target-agreed": "Target agreed",
  "target-declined": "Target declined",
  introduced: "Introduced",
  met: "Met",
  thanked: "Thanked",
};

/** What the list needs from the tab. */
export interface RequestsHost {
  /** Works out a step's change, applies it through the ledger; the change, or why it was refused. */
  advance(request: string, step: RequestStep, date: string, details: AdvanceRequestDetails): Promise<{ change: RequestChange } | { problem: string }>;
  /** Asks whom you were introduced to at an organisation (a request into an organisation); undefined when cancelled. */
  pickIntroduced(organisation: string): Promise<string | undefined>;
  /** The facts of a request's message to the connector. */
  message(request: string): Promise<IntroductionMessage>;
}

/** The requests section of "This week". */
export class RequestsPanel {
  readonly element: HTMLElement;
  private readonly dateInput = h("input", { attrs: { type: "date", "aria-label": "Date of the step" } });
  private readonly list = h("ul", { class: "requests", attrs: { "aria-label": "Open introduction requests" } });
  private readonly outcome = h("div", { class: "small", attrs: { role: "status", "data-request-outcome": "" } });
  private readonly messageBox = h("div", { class: "request-message", attrs: { hidden: true } });
  private day = "";
  private busy = false;

  constructor(private readonly host: RequestsHost) {
    this.element = h(
      "section",
      { attrs: { "aria-label": "Introduction requests" } },
      h("h3", { text: "Introduction requests" }),
      h("label", { class: "field" }, h("span", { text: "Date of the step" }), this.dateInput),
      this.list,
      this.outcome,
      this.messageBox,
    );
  }

  /** Shows the open requests read on `day` (the date field follows the day). */
  update(requests: readonly OpenRequest[], day: string, names: WordingNames): void {
    if (day !== this.day) {
      this.day = day;
      this.dateInput.value = day;
    }
    if (!requests.length) {
      replaceChildren(this.list, h("li", { class: "muted", text: "No open requests. Ask for an introduction from a path on the Introduce tab." }));
      return;
    }
    replaceChildren(this.list, ...requests.map((r) => this.item(r, names)));
    // a list shown while a step is being recorded waits for it, as the list it replaces did
    if (this.busy) this.enableSteps(false);
  }

  /** Enables or disables every step button of the list: one step is recorded at a time, and a button that cannot act says so instead of dropping the click. */
  private enableSteps(enabled: boolean): void {
    for (const b of this.list.querySelectorAll<HTMLButtonElement>("button[data-step-button]")) b.disabled = !enabled;
  }

  private item(r: OpenRequest, names: WordingNames): HTMLElement {
    const steps = NEXT_STEPS[r.step];
    return h(
      "li",
      { attrs: { role: "group", "aria-label": `Request ${r.id}`, "data-request": r.id, "data-step": r.step, "data-stalled": String(r.stalled) } },
      h("p", { class: r.stalled ? "stalled" : "", text: formatOpenRequest(r, names) }),
      h(
        "div",
        { class: "row" },
        ...steps.map((step) => h("button", { attrs: { type: "button", "data-step-button": step }, text: STEP_TEXT[step], on: { click: () => void this.step(r, step, {}, names) } })),
        // thanks can also be a favour back (3 units instead of a gesture's 1)
        steps.includes("thanked") ? h("button", { attrs: { type: "button", "data-step-button": "thanked-favour" }, text: "Returned a favour", on: { click: () => void this.step(r, "thanked", { kind: "favour" }, names) } }) : null,
        h("button", { attrs: { type: "button" }, text: "Message to the connector", on: { click: () => void this.showMessage(r.id) } }),
      ),
    );
  }

  private async step(r: OpenRequest, step: RequestStep, details: AdvanceRequestDetails, names: WordingNames): Promise<void> {
    if (this.busy) return;
    const id = r.id;
    // a request into an organisation names, once introduced, the person you were introduced to
    if (step === "introduced" && r.to === undefined && r.organisation !== undefined) {
      const person = await this.host.pickIntroduced(r.organisation);
      if (person === undefined) return;
      details = { ...details, person };
    }
    this.busy = true;
    this.enableSteps(false);
    const date = this.dateInput.value || this.day;
    try {
      const result = await this.host.advance(id, step, date, details);
      if ("problem" in result) {
        replaceChildren(this.outcome, h("p", { class: "problem", text: result.problem }));
      } else {
        replaceChildren(this.outcome, ...formatRequestStep(id, step, date, result.change.exchanges, names).map((line) => h("p", { text: line })));
      }
    } finally {
      this.busy = false;
      this.enableSteps(true);
    }
  }

  private async showMessage(id: string): Promise<void> {
    try {
      showDraft(this.messageBox, draftIntroductionMessage(await this.host.message(id)));
    } catch (e) {
      replaceChildren(this.outcome, h("p", { class: "problem", text: e instanceof Error ? e.message : String(e) }));
    }
  }
}

/**
 * Shows a drafted message in a read-only field with a "Copy message" button.
 *
 * @example showDraft(box, draftIntroductionMessage(introductionMessage(network, "r1")))
 */
export function showDraft(box: HTMLElement, text: string): void {
  const field = h("textarea", { attrs: { readonly: true, rows: Math.min(14, text.split("\n").length + 1), "aria-label": "Message to the connector", "data-message-text": "" } });
  field.value = text;
  const said = h("span", { class: "muted small", attrs: { role: "status" } });
  replaceChildren(
    box,
    h("h4", { text: "Message to the connector" }),
    field,
    h("div", { class: "row" }, h("button", { attrs: { type: "button" }, text: "Copy message", on: { click: () => void copyFieldText(field).then((ok) => (said.textContent = ok ? "Copied." : "Select the text and copy it.")) } }), said),
  );
  box.hidden = false;
}
