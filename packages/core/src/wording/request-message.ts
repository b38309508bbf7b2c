/**
 * Introduction requests in words: the message to the connector (from the
 * facts core gathers, {@link introductionMessage}), a request's reason on
 * the weekly plan, and the lines the CLI and the page show for requests.
 * Every sentence comes from the message table.
 */
import type { Exchange } from "../model/types.js";
import type { IntroductionMessage } from "../requests/introduction-message.js";
import type { RequestState } from "../requests/list-requests.js";
import type { OpenRequest } from "../requests/open-requests.js";
import type { RequestStep } from "../model/request-types.js";
import type { RequestWaitingReason } from "../requests/waiting-requests.js";
import { message } from "./messages.js";
import type { WordingNames } from "./path-text.js";

/**
 * Drafts the message to the connector: a double opt-in ask, so the
 * connector checks with the target before introducing anyone. It names the
 * target (and their organisation), why, what you can offer, and ends with
 * the asker's name. Names, why and offer are inserted as plain text (callers
 * that print to a terminal or a page escape it there).
 *
 * @example
 * ```ts
 * draftIntroductionMessage({ request: "r1", from: { id: "me", name: "Sam" }, connector: { id: "ann", name: "Ann Lee" },
 *   target: { kind: "person", id: "bob", name: "Bob Roy" }, targetOrganisation: { id: "acme", name: "Acme" }, why: "advice on pricing", offer: "our churn study" });
 * // "Hi Ann Lee,\n\nCould you introduce me to Bob Roy (Acme)? I am hoping for advice on pricing. In return I could offer our churn study.\n\n..."
 * ```
 */
export function draftIntroductionMessage(m: IntroductionMessage): string {
  const person = m.target.kind === "person";
  const target = person
    ? m.targetOrganisation
      ? message("request.target.person.at", { name: m.target.name, organisation: m.targetOrganisation.name })
      : message("request.target.person", { name: m.target.name })
    : message("request.target.someone", { organisation: m.target.name });
  let ask = message("request.message.ask", { target });
  if (m.why !== undefined) ask += message("request.message.why", { why: trimPeriod(m.why) });
  if (m.offer !== undefined) ask += message("request.message.offer", { offer: trimPeriod(m.offer) });
  const optIn = person ? message("request.message.opt-in.person", { target: m.target.name }) : message("request.message.opt-in.organisation", { organisation: m.target.name });
  return [message("request.message.greeting", { connector: m.connector.name }), "", ask, "", optIn, "", message("request.message.thanks"), m.from.name].join("\n") + "\n";
}

/**
 * The next move after a step, in words ("the connector answers", "meet them").
 *
 * @example formatRequestNext("introduced") // "meet them"
 */
export function formatRequestNext(step: RequestStep): string {
  switch (step) {
    case "asked":
    case "connector-agreed":
    case "target-agreed":
    case "introduced":
    case "met":
      return message(`request.next.${step}`);
    default:
      return message("request.next.closed");
  }
}

/**
 * The weekly plan's `request-waiting` reason as a sentence.
 *
 * @example
 * ```ts
 * formatRequestWaiting({ code: "request-waiting", requestId: "r1", ageDays: 16, stalled: true, step: "asked", waitingOn: "connector" });
 * // "An introduction request waiting: r1, asked 16 days ago, at asked, stalled: time for a nudge (the connector answers)."
 * ```
 */
export function formatRequestWaiting(reason: RequestWaitingReason): string {
  const values = { request: reason.requestId, age: reason.ageDays, step: reason.step, next: formatRequestNext(reason.step) };
  return message(reason.stalled ? "plan.request-waiting.stalled" : "plan.request-waiting", values);
}

/** Whom a request is for: the target, their name at the organisation once introduced, or "someone at" it. */
function targetOf(r: RequestState, names: WordingNames): string {
  if (r.to !== undefined) return message("request.target.person", { name: names.person(r.to) });
  const organisation = names.organisation(r.organisation!);
  return r.target !== undefined ? message("request.target.introduced", { name: names.person(r.target), organisation }) : message("request.target.someone", { organisation });
}

/**
 * One line for a request in a list: id, latest step and date, target,
 * connector, status and whose move it is.
 *
 * @example formatRequestLine(listRequests(network)[0], wordingNames(network)) // "r1  asked 2026-03-02  to Bob Roy via Ann Lee  (open: waiting on the connector)"
 */
export function formatRequestLine(r: RequestState, names: WordingNames): string {
  const status = r.waitingOn ? message("request.list.status", { status: r.status, waiting: message(`request.waiting.${r.waitingOn}`) }) : r.status;
  return message("request.list.line", { request: r.id, step: r.step, date: r.stepDate, target: targetOf(r, names), connector: names.person(r.via), status });
}

/**
 * One line for an open request: target, connector, age, latest step, the
 * next move, and a nudge when stalled.
 *
 * @example formatOpenRequest(openRequests(network, { asOf: "2026-03-18" })[0], wordingNames(network))
 */
export function formatOpenRequest(r: OpenRequest, names: WordingNames): string {
  const line = message("request.open.line", { request: r.id, target: targetOf(r, names), connector: names.person(r.via), age: r.ageDays, step: r.step, date: r.stepDate, next: formatRequestNext(r.step) });
  return r.stalled ? line + message("request.open.stalled", { days: r.daysSinceStep }) : line;
}

/**
 * What a step recorded: the step line, then one line per exchange added to the ledger.
 *
 * @example formatRequestStep("r1", "introduced", "2026-03-09", change.exchanges, names) // ["r1: introduced on 2026-03-09", "recorded in the ledger: Ann Lee introduced Sam to Bob Roy (request:r1:introduced)"]
 */
export function formatRequestStep(id: string, step: RequestStep, date: string, exchanges: readonly Exchange[], names: WordingNames): string[] {
  const out = [message("request.step", { request: id, step, date })];
  for (const e of exchanges) {
    const values = { kind: e.kind, from: names.person(e.from), to: names.person(e.to), id: e.id ?? "" };
    if (e.kind === "introduction" && e.introduced !== undefined) out.push(message("request.recorded.introduction", { ...values, introduced: names.person(e.introduced) }));
    else out.push(message(e.kind === "meeting" ? "request.recorded.meeting" : "request.recorded.gift", values));
  }
  return out;
}

function trimPeriod(text: string): string {
  return text.trim().replace(/[.!]+$/, "");
}
