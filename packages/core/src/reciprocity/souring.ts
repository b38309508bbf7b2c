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

// rule slots, in the order ties are broken: imbalance, streak, your favour, their favour
const IMBALANCE = 0;
const STREAK = 1;
const YOUR_FAVOUR = 2;
const THEIR_FAVOUR = 3;
const RULE_OF: readonly SouringRule[] = ["imbalance", "streak", "unreturned-favour", "unreturned-favour"];

/**
 * Evaluates the rules in force on a finished scan: `owes[i]` becomes +1 (they
 * owe you), −1 (you owe them) or 0 (silent) for each rule slot. Returns how
 * many fired. Allocates nothing: the network-wide scan calls it per pair.
 */
function fire(s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions, owes: Int8Array): number {
  const r = o.souring;
  owes.fill(0);
  if (s.windowCount >= r.minWindowExchanges && r.rules.includes("imbalance")) {
    const t = s.windowGiven + s.windowReceived;
    const imb = t > 0 ? (s.windowGiven - s.windowReceived) / t : 0;
    if (Math.abs(imb) >= r.imbalanceThreshold) owes[IMBALANCE] = imb > 0 ? 1 : -1;
  }
  if (s.streak >= r.streakLength && r.rules.includes("streak")) owes[STREAK] = s.streakDirection > 0 ? 1 : -1;
  if ((s.openFavourA >= 0 || s.openFavourB >= 0) && r.rules.includes("unreturned-favour")) {
    if (s.openFavourA >= 0 && o.asOf - cols.day[s.openFavourA]! >= r.favourDays) owes[YOUR_FAVOUR] = 1;
    if (s.openFavourB >= 0 && o.asOf - cols.day[s.openFavourB]! >= r.favourDays) owes[THEIR_FAVOUR] = -1;
  }
  let fired = 0;
  for (let i = 0; i < 4; i++) if (owes[i]) fired++;
  return fired;
}

/** The winning direction: more rules; on a tie the sign of the decayed balance, then the first rule. */
function verdict(owes: Int8Array, s: PairScan): number {
  let votes = 0;
  for (let i = 0; i < 4; i++) votes += owes[i]!;
  if (votes !== 0) return votes > 0 ? 1 : -1;
  const balance = s.given - s.received;
  if (balance !== 0) return balance > 0 ? 1 : -1;
  for (let i = 0; i < 4; i++) if (owes[i]) return owes[i]!;
  return 0;
}

/** The sentence for a rule that fired. */
function reasonOf(rule: number, s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions): string {
  const r = o.souring;
  if (rule === IMBALANCE) {
    const imb = (s.windowGiven - s.windowReceived) / (s.windowGiven + s.windowReceived);
    return `over the last ${r.windowDays} days you gave ${fmt(s.windowGiven)} and received ${fmt(s.windowReceived)} (imbalance ${imb > 0 ? "+" : ""}${fmt(imb)}, limit ±${r.imbalanceThreshold})`;
  }
  if (rule === STREAK) return `the last ${s.streak} giving exchanges all went from ${s.streakDirection > 0 ? "you to them" : "them to you"}`;
  const yours = rule === YOUR_FAVOUR;
  const e = yours ? s.openFavourA : s.openFavourB;
  const intro = cols.kind[e] === KIND_CODE.introduction;
  const what = yours ? (intro ? "an introduction you made for them" : "a favour you did for them") : intro ? "an introduction they made for you" : "a favour they did for you";
  return `${what} on ${formatDay(cols.day[e]!)} is unreturned after ${o.asOf - cols.day[e]!} days`;
}

const owesBuffer = new Int8Array(4);

/**
 * Applies the souring rules to a finished scan. Each rule that fires points
 * one way; the direction with more rules wins, a tie goes to the sign of the
 * decayed balance (then to the first rule), and only the reasons that agree
 * with the winning direction are kept.
 */
export function judgeSouring(s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions): Souring | undefined {
  if (fire(s, cols, o, owesBuffer) === 0) return undefined;
  const owe = verdict(owesBuffer, s);
  const rules: SouringRule[] = [];
  const reasons: string[] = [];
  for (let i = 0; i < 4; i++) {
    if (owesBuffer[i] !== owe) continue;
    rules.push(RULE_OF[i]!);
    reasons.push(reasonOf(i, s, cols, o));
  }
  return { direction: owe > 0 ? "they-owe" : "you-owe", rules, reasons };
}

/** The souring direction only: +1 they owe, −1 you owe, 0 not soured. */
export function souringDirection(s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions): number {
  return fire(s, cols, o, owesBuffer) === 0 ? 0 : verdict(owesBuffer, s);
}
