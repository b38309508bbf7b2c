/**
 * Introduction requests as text for the terminal: a request's new step and
 * the exchanges it recorded, the list of requests, and the open ones for the
 * plan. Names and free text are printed as plain text with control
 * characters removed, so a name can never move the cursor or recolour the
 * terminal.
 */
import type { Exchange, Network, OpenRequest, RequestState } from "@tiegraph/core";

/** Text with terminal control characters (C0 but newline and tab, DEL, C1) removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;
const name = (network: Network, id: string) => plain(network.hasPerson(id) ? network.person(id).name : id);

const WAITING: Record<string, string> = {
  connector: "waiting on the connector",
  target: "waiting on the target's answer",
  you: "your move",
};
const NEXT_MOVE: Record<string, string> = {
  asked: "the connector answers",
  "connector-agreed": "the target answers the connector",
  "target-agreed": "the connector introduces you",
  introduced: "meet them",
  met: "thank the connector",
};

/** Who a request is for: the target person, or "someone at <organisation>". */
function targetText(network: Network, r: RequestState): string {
  if (r.to !== undefined) return name(network, r.to);
  const org = plain(network.hasOrganisation(r.organisation!) ? network.organisation(r.organisation!).name : r.organisation!);
  return r.target !== undefined ? `${name(network, r.target)} at ${org}` : `someone at ${org}`;
}

/**
 * One line per request: id, step and date, target, connector and status.
 *
 * @example renderRequestList(network, listRequests(network))
 */
export function renderRequestList(network: Network, list: readonly RequestState[]): string {
  if (list.length === 0) return "No introduction requests.\n";
  return list.map((r) => `${plain(r.id)}  ${r.step} ${r.stepDate}  to ${targetText(network, r)} via ${name(network, r.via)}  (${r.status}${r.waitingOn ? `: ${WAITING[r.waitingOn]}` : ""})\n`).join("");
}

/**
 * The open requests for the plan: age, step, whose move, and a nudge when stalled.
 *
 * @example renderOpenRequests(network, openRequests(network, { asOf: "2026-03-18" }), "2026-03-18")
 */
export function renderOpenRequests(network: Network, open: readonly OpenRequest[], asOf: string): string {
  if (open.length === 0) return "";
  const out = [`\nIntroduction requests open on ${asOf}:\n`];
  for (const r of open) {
    out.push(`- ${plain(r.id)}: to ${targetText(network, r)} via ${name(network, r.via)}, asked ${days(r.ageDays)} ago; ${r.step} ${r.stepDate}, next: ${NEXT_MOVE[r.step]}`);
    out.push(r.stalled ? ` (stalled: no step for ${days(r.daysSinceStep)}, time for a nudge)\n` : "\n");
  }
  return out.join("");
}

/**
 * What an `ask` step recorded: the step, and each exchange added to the ledger.
 *
 * @example renderStep(network, "r1", "introduced", "2026-03-09", change.exchanges)
 */
export function renderStep(network: Network, id: string, step: string, date: string, exchanges: readonly Exchange[]): string {
  const out = [`${plain(id)}: ${step} on ${date}\n`];
  for (const e of exchanges) {
    const intro = e.introduced !== undefined ? ` to ${name(network, e.introduced)}` : "";
    out.push(`recorded ${e.kind}: ${name(network, e.from)} → ${name(network, e.to)}${intro} (${plain(e.id ?? "")})\n`);
  }
  return out.join("");
}
