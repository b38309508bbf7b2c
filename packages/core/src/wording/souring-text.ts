/**
 * Why a relationship is souring, in words: one clause per reason the
 * reciprocity rules give ({@link SouringReason}), worded for the person the
 * balance was asked for ("you"). The CLI's report, the ledger CSV, the hop
 * lines of introduction paths and the explorer all call these.
 */
import type { SouringReason } from "../reciprocity/souring.js";
import { message } from "./messages.js";

/** Favour units to two decimals at most, as the ledger shows them: 8, 0.5, 3.14. */
const units = (x: number): string => String(Math.round(x * 100) / 100);

/**
 * One souring reason as a clause (no capital, no final stop), from the side
 * of the person the balance was asked for. Figures: favour units rounded to
 * two decimals, the imbalance signed ("+1", "-0.8"), days counted with the
 * noun in the right number.
 *
 * @example
 * ```ts
 * formatSouringReason({ code: "streak", exchanges: 4, direction: "given" });
 * // "the last 4 giving exchanges all went from you to them"
 * formatSouringReason({ code: "imbalance", windowDays: 180, given: 1, received: 9, imbalance: -0.8, threshold: 0.6 });
 * // "over the last 180 days you gave 1 and received 9 (imbalance -0.8, limit ±0.6)"
 * formatSouringReason({ code: "unreturned-favour", kind: "favour", direction: "received", date: "2024-04-20", days: 90 });
 * // "a favour they did for you on 2024-04-20 is unreturned after 90 days"
 * ```
 */
export function formatSouringReason(reason: SouringReason): string {
  switch (reason.code) {
    case "imbalance":
      return message("souring.imbalance", {
        window: reason.windowDays,
        given: units(reason.given),
        received: units(reason.received),
        imbalance: `${reason.imbalance > 0 ? "+" : ""}${units(reason.imbalance)}`,
        threshold: reason.threshold,
      });
    case "streak":
      return message(`souring.streak.${reason.direction}`, { count: reason.exchanges });
    case "unreturned-favour":
      return message(`souring.${reason.kind}.${reason.direction}`, { date: reason.date, days: reason.days });
  }
}

/**
 * A relationship's souring reasons as one clause, in the order given,
 * separated by semicolons: how the CLI report, the ledger CSV and a souring
 * hop of an introduction path show them.
 *
 * @example
 * ```ts
 * formatSouringReasons(relationshipBalance(network, "me", "ann").souring!.reasons);
 * // "over the last 180 days you gave 8 and received 0 (imbalance +1, limit ±0.6); the last 8 giving exchanges all went from you to them"
 * ```
 */
export function formatSouringReasons(reasons: readonly SouringReason[]): string {
  return reasons.map(formatSouringReason).join("; ");
}
