/**
 * Souring: when a relationship has become one-sided by the documented rules
 * (see {@link SouringRules}), which side should act, and why, in words.
 */
import { formatDay } from "../model/dates.js";
import { KIND_CODE, type ExchangeColumns } from "../model/network.js";
import type { ResolvedReciprocityOptions, SouringRule } from "./options.js";
import type { PairScan } from "./pair-scan.js";

/**
 * A relationship flagged as one-sided, from the point of view of the person
 * asked about: `you-owe` (they gave more: repay first) or `they-owe` (you gave
 * more: you can ask).
 */
export interface Souring {
  direction: "you-owe" | "they-owe";
  /** The rules that fired in that direction, in rule order. */
  rules: SouringRule[];
  /**
   * One sentence per rule, e.g. "the last 5 giving exchanges all went from you to them". A reason
   * never cites a confidential exchange unless `revealConfidential` is set, and never notes or tags.
   */
  reasons: string[];
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

interface Fired {
  rule: SouringRule;
  /** +1: they owe you; −1: you owe them. */
  owe: 1 | -1;
  reason: string;
}

/**
 * Evaluates the rules in force on a finished scan, with their reasons in
 * words when `explain` is set (the network-wide scan only needs directions).
 */
function fire(s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions, explain: boolean): Fired[] {
  const r = o.souring;
  const found: Fired[] = [];
  if (r.rules.includes("imbalance") && s.windowCount >= r.minWindowExchanges) {
    const t = s.windowGiven + s.windowReceived;
    const imb = t > 0 ? (s.windowGiven - s.windowReceived) / t : 0;
    if (Math.abs(imb) >= r.imbalanceThreshold) {
      const reason = explain ? `over the last ${r.windowDays} days you gave ${fmt(s.windowGiven)} and received ${fmt(s.windowReceived)} (imbalance ${imb > 0 ? "+" : ""}${fmt(imb)}, limit ±${r.imbalanceThreshold})` : "";
      found.push({ rule: "imbalance", owe: imb > 0 ? 1 : -1, reason });
    }
  }
  if (r.rules.includes("streak") && s.streak >= r.streakLength) {
    const reason = explain ? `the last ${s.streak} giving exchanges all went from ${s.streakDirection > 0 ? "you to them" : "them to you"}` : "";
    found.push({ rule: "streak", owe: s.streakDirection > 0 ? 1 : -1, reason });
  }
  if (r.rules.includes("unreturned-favour")) {
    for (const [e, owe] of [[s.openFavourA, 1], [s.openFavourB, -1]] as const) {
      if (e < 0) continue;
      const days = o.asOf - cols.day[e]!;
      if (days < r.favourDays) continue;
      let reason = "";
      if (explain) {
        const intro = cols.kind[e] === KIND_CODE.introduction;
        const what = owe > 0 ? (intro ? "an introduction you made for them" : "a favour you did for them") : intro ? "an introduction they made for you" : "a favour they did for you";
        reason = `${what} on ${formatDay(cols.day[e]!)} is unreturned after ${days} days`;
      }
      found.push({ rule: "unreturned-favour", owe, reason });
    }
  }
  return found;
}

/** The winning direction: more rules; on a tie the sign of the decayed balance, then the first rule. */
function verdict(found: Fired[], s: PairScan): 1 | -1 {
  let votes = 0;
  for (const f of found) votes += f.owe;
  if (votes !== 0) return votes > 0 ? 1 : -1;
  const balance = s.given - s.received;
  if (balance !== 0) return balance > 0 ? 1 : -1;
  return found[0]!.owe;
}

/**
 * Applies the souring rules to a finished scan. Each rule that fires points
 * one way; the direction with more rules wins, a tie goes to the sign of the
 * decayed balance (then to the first rule), and only the reasons that agree
 * with the winning direction are kept.
 */
export function judgeSouring(s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions): Souring | undefined {
  const found = fire(s, cols, o, true);
  if (!found.length) return undefined;
  const owe = verdict(found, s);
  const kept = found.filter((f) => f.owe === owe);
  return { direction: owe > 0 ? "they-owe" : "you-owe", rules: kept.map((f) => f.rule), reasons: kept.map((f) => f.reason) };
}

/** The souring direction only: +1 they owe, −1 you owe, 0 not soured. */
export function souringDirection(s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions): number {
  const found = fire(s, cols, o, false);
  return found.length ? verdict(found, s) : 0;
}
