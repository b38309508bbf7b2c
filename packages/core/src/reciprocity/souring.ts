/**
 * Souring: when a relationship has become one-sided by the documented rules
 * (see {@link SouringRules}), which side should act, and why, as data: one
 * reason per rule with its figures. Core's wording (`formatSouringReason`)
 * puts them in words.
 */
import { formatDay } from "../model/dates.js";
import { KIND_CODE, type ExchangeColumns } from "../model/network.js";
import type { ResolvedReciprocityOptions, SouringRule } from "./options.js";
import type { PairScan } from "./pair-scan.js";

/**
 * Why a souring rule fired, from the point of view of the person asked about
 * ("you"); `given` means from you to them, `received` from them to you:
 * - `imbalance`: over the last `windowDays` days you gave `given` and received
 *   `received` (recency-weighted favour units), an `imbalance`
 *   `(given − received) / (given + received)` at or beyond ±`threshold`;
 * - `streak`: the last `exchanges` giving exchanges all went one way (`direction`);
 * - `unreturned-favour`: a favour or an introduction (`kind`) done on `date`
 *   (YYYY-MM-DD), one way (`direction`), and nothing given back in the `days`
 *   since (to the reference day).
 *
 * The codes are the rule names ({@link SouringRule}). A reason never cites a
 * confidential exchange unless `revealConfidential` is set, and never notes or tags.
 */
export type SouringReason =
  | { code: "imbalance"; windowDays: number; given: number; received: number; imbalance: number; threshold: number }
  | { code: "streak"; exchanges: number; direction: "given" | "received" }
  | { code: "unreturned-favour"; kind: "favour" | "introduction"; direction: "given" | "received"; date: string; days: number };

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
   * One reason per rule that fired in that direction, in rule order, e.g.
   * `{ code: "streak", exchanges: 5, direction: "given" }` (words: `formatSouringReason`).
   */
  reasons: SouringReason[];
}

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

/** The reason for a rule that fired, with its figures. */
function reasonOf(rule: number, s: PairScan, cols: ExchangeColumns, o: ResolvedReciprocityOptions): SouringReason {
  const r = o.souring;
  if (rule === IMBALANCE) {
    const imbalance = (s.windowGiven - s.windowReceived) / (s.windowGiven + s.windowReceived);
    return { code: "imbalance", windowDays: r.windowDays, given: s.windowGiven, received: s.windowReceived, imbalance, threshold: r.imbalanceThreshold };
  }
  if (rule === STREAK) return { code: "streak", exchanges: s.streak, direction: s.streakDirection > 0 ? "given" : "received" };
  const e = rule === YOUR_FAVOUR ? s.openFavourA : s.openFavourB;
  const day = cols.day[e]!;
  return {
    code: "unreturned-favour",
    kind: cols.kind[e] === KIND_CODE.introduction ? "introduction" : "favour",
    direction: rule === YOUR_FAVOUR ? "given" : "received",
    date: formatDay(day),
    days: o.asOf - day,
  };
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
  const reasons: SouringReason[] = [];
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
