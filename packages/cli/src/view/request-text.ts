/**
 * Introduction requests as text for the terminal: a request's new step and
 * the exchanges it recorded, the list of requests, and the open ones for the
 * plan. Every sentence comes from core's wording; names and free text are
 * printed as plain text with control characters removed, so a name can
 * never move the cursor or recolour the terminal.
 */
import { formatOpenRequest, formatRequestLine, formatRequestStep, message, wordingNames, type Exchange, type Network, type OpenRequest, type PersonId, type RequestState, type RequestStep } from "@tiegraph/core";

/**
 * Text with terminal control characters (C0 but newline and tab, DEL, C1) removed.
 *
 * @example plain("Cy\u001b[31m Red") // "Cy[31m Red"
 */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

/**
 * One line per request: id, step and date, target, connector and status.
 *
 * @example renderRequestList(network, listRequests(network))
 */
export function renderRequestList(network: Network, list: readonly RequestState[], you?: PersonId): string {
  if (list.length === 0) return `${message("request.list.empty")}\n`;
  const names = wordingNames(network, { you: undefined, ...(you !== undefined ? { you } : {}) });
  return list.map((r) => `${plain(formatRequestLine(r, names))}\n`).join("");
}

/**
 * The open requests for the plan: age, step, the next move, and a nudge when stalled.
 *
 * @example renderOpenRequests(network, openRequests(network, { asOf: "2026-03-18" }), "2026-03-18")
 */
export function renderOpenRequests(network: Network, open: readonly OpenRequest[], asOf: string): string {
  if (open.length === 0) return "";
  const names = wordingNames(network, { you: undefined });
  return [`\n${message("request.open.head", { date: asOf })}\n`, ...open.map((r) => `${plain(formatOpenRequest(r, names))}\n`)].join("");
}

/**
 * What an `ask` step recorded: the step, and each exchange added to the ledger.
 *
 * @example renderStep(network, "r1", "introduced", "2026-03-09", change.exchanges)
 */
export function renderStep(network: Network, id: string, step: RequestStep, date: string, exchanges: readonly Exchange[]): string {
  const names = wordingNames(network, { you: undefined });
  return formatRequestStep(id, step, date, exchanges, names)
    .map((line) => `${plain(line)}\n`)
    .join("");
}
