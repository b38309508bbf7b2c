/**
 * One pass over one relationship's exchanges in date order, from the point of
 * view of one side. Every per-relationship reciprocity measure (balance,
 * ledger, pair balances for all ties) runs this same scan, so they agree to
 * the last digit.
 */
import { KIND_CODE, TOUCHPOINT_CODES, type ExchangeColumns } from "../model/network.js";
import { gestureValue } from "./gesture-value.js";
import type { ResolvedReciprocityOptions } from "./options.js";

/** "No such day" marker in the scan's day fields. */
export const NO_DAY = -2147483648;

const GESTURE = KIND_CODE.gesture;
const FAVOUR = KIND_CODE.favour;
const INTRODUCTION = KIND_CODE.introduction;
const IS_TOUCHPOINT = new Uint8Array(8);
for (const c of TOUCHPOINT_CODES) IS_TOUCHPOINT[c] = 1;

/** Running totals of one relationship seen from side `a` (the other side is `b`). */
export interface PairScan {
  /** Recency-decayed value given a → b and b → a (gestures diminished). */
  given: number;
  received: number;
  /** Recorded value given each way: no decay, no gesture rule. */
  givenRaw: number;
  receivedRaw: number;
  /** Diminished, undecayed value given each way inside the souring window, and the count of giving exchanges there. */
  windowGiven: number;
  windowReceived: number;
  windowCount: number;
  /** Latest giving exchanges all in one direction: how many, and which way (+1 a gave, −1 b gave, 0 none). */
  streak: number;
  streakDirection: number;
  /** Day each side last gave, or NO_DAY. */
  lastGaveA: number;
  lastGaveB: number;
  /** Day of the last exchange of any kind, or NO_DAY. */
  lastDay: number;
  /** Exchanges counted (on or before the reference day, not excluded). */
  exchanges: number;
  /** Earliest favour or introduction each side gave since the other last gave (exchange index), or −1. */
  openFavourA: number;
  openFavourB: number;
}

/** A fresh scan state. */
export function emptyPairScan(): PairScan {
  return {
    given: 0, received: 0, givenRaw: 0, receivedRaw: 0,
    windowGiven: 0, windowReceived: 0, windowCount: 0,
    streak: 0, streakDirection: 0, lastGaveA: NO_DAY, lastGaveB: NO_DAY, lastDay: NO_DAY,
    exchanges: 0, openFavourA: -1, openFavourB: -1,
  };
}

// recent gesture days of each direction, reused between scans
const gesturesA: number[] = [];
const gesturesB: number[] = [];
// 2^(−age/h) for ages 0…4095 days, cached for the last half-life used
const DECAY_TABLE_SIZE = 4096;
let decayTable = new Float64Array(0);
let decayHalfLife = NaN;

function decayTableFor(halfLifeDays: number): Float64Array {
  if (halfLifeDays !== decayHalfLife) {
    const lnHalf = -Math.LN2 / halfLifeDays;
    decayTable = new Float64Array(DECAY_TABLE_SIZE);
    for (let age = 0; age < DECAY_TABLE_SIZE; age++) decayTable[age] = Math.exp(lnHalf * age);
    decayHalfLife = halfLifeDays;
  }
  return decayTable;
}

/**
 * Scans exchanges `list[start..end)` (all between `a` and one other person,
 * in date order) into `s`, which is reset first.
 */
export function scanPair(cols: ExchangeColumns, list: ArrayLike<number>, start: number, end: number, a: number, o: ResolvedReciprocityOptions, s: PairScan): void {
  const { from, day, kind, value, confidential } = cols;
  const asOf = o.asOf;
  const lnHalf = -Math.LN2 / o.halfLifeDays;
  const windowStart = asOf - o.souring.windowDays;
  const gWindow = o.gestureWindowDays;
  const skipConfidential = o.excludeConfidential;
  const citeConfidential = o.revealConfidential;
  // a table lookup gives exactly exp(lnHalf · age) for ages under 4096 days, without the exp
  const table = decayTableFor(o.halfLifeDays);
  const tableMax = DECAY_TABLE_SIZE - 1;
  let given = 0, received = 0, givenRaw = 0, receivedRaw = 0, windowGiven = 0, windowReceived = 0;
  let windowCount = 0, streak = 0, streakDirection = 0, exchanges = 0;
  let lastGaveA = NO_DAY, lastGaveB = NO_DAY, lastDay = NO_DAY, openA = -1, openB = -1;
  let headA = 0, headB = 0;
  gesturesA.length = 0;
  gesturesB.length = 0;
  for (let k = start; k < end; k++) {
    const e = list[k]!;
    const d = day[e]!;
    if (d > asOf) break; // date order: everything after is later still
    if (skipConfidential && confidential[e]) continue;
    exchanges++;
    lastDay = d;
    const kd = kind[e]!;
    if (IS_TOUCHPOINT[kd]) continue; // meetings and connections are not gifts
    const byA = from[e] === a;
    const raw = value[e]!;
    let v = raw;
    if (kd === GESTURE) {
      // count this giver's earlier gestures to the same receiver inside the window
      if (byA) {
        while (headA < gesturesA.length && gesturesA[headA]! < d - gWindow) headA++;
        v = gestureValue(raw, gesturesA.length - headA, o.gestureDecay);
        gesturesA.push(d);
      } else {
        while (headB < gesturesB.length && gesturesB[headB]! < d - gWindow) headB++;
        v = gestureValue(raw, gesturesB.length - headB, o.gestureDecay);
        gesturesB.push(d);
      }
    }
    const age = asOf - d;
    const dv = v * (age <= tableMax ? table[age]! : Math.exp(lnHalf * age));
    const costly = (kd === FAVOUR || kd === INTRODUCTION) && (citeConfidential || !confidential[e]);
    const inWindow = d >= windowStart;
    if (inWindow) windowCount++;
    if (byA) {
      given += dv;
      givenRaw += raw;
      if (inWindow) windowGiven += v;
      lastGaveA = d;
      openB = -1; // a gave back: whatever b did is returned
      if (costly && openA < 0) openA = e;
      if (streakDirection === 1) streak++;
      else {
        streakDirection = 1;
        streak = 1;
      }
    } else {
      received += dv;
      receivedRaw += raw;
      if (inWindow) windowReceived += v;
      lastGaveB = d;
      openA = -1;
      if (costly && openB < 0) openB = e;
      if (streakDirection === -1) streak++;
      else {
        streakDirection = -1;
        streak = 1;
      }
    }
  }
  s.given = given;
  s.received = received;
  s.givenRaw = givenRaw;
  s.receivedRaw = receivedRaw;
  s.windowGiven = windowGiven;
  s.windowReceived = windowReceived;
  s.windowCount = windowCount;
  s.streak = streak;
  s.streakDirection = streakDirection;
  s.lastGaveA = lastGaveA;
  s.lastGaveB = lastGaveB;
  s.lastDay = lastDay;
  s.exchanges = exchanges;
  s.openFavourA = openA;
  s.openFavourB = openB;
}

/** `(given − received) / (given + received)`, or NaN when nothing was given either way. */
export function imbalanceOf(given: number, received: number): number {
  const t = given + received;
  return t > 0 ? (given - received) / t : NaN;
}
