/**
 * One pass over one relationship's exchanges in date order, from the point of
 * view of one side. Every per-relationship reciprocity measure (balance,
 * ledger, pair balances for all ties) runs this same scan, so they agree to
 * the last digit. The scan reads "runs": each relationship's exchanges packed
 * side by side in date order, so memory is read in sequence.
 */
import { KIND_CODE, TOUCHPOINT_CODES, type ExchangeColumns } from "../model/network.js";
import { gestureValue as importedGestureValue } from "./gesture-value.js";
import type { ResolvedReciprocityOptions } from "./options.js";

/** "No such day" marker in the scan's day fields. */
export const NO_DAY = -2147483648;

const GESTURE = KIND_CODE.gesture;
const FAVOUR = KIND_CODE.favour;
const INTRODUCTION = KIND_CODE.introduction;
const IS_TOUCHPOINT = new Uint8Array(8);
for (const c of TOUCHPOINT_CODES) IS_TOUCHPOINT[c] = 1;

const CONFIDENTIAL_BIT = 8;
const LOWER_GAVE_BIT = 16;

/**
 * Exchanges packed by relationship: the exchanges of one relationship sit
 * next to each other, in date then insertion order.
 */
export interface PairRuns {
  readonly day: Int32Array;
  readonly value: Float64Array;
  /** Kind code (bits 0–2), confidential (bit 3), given by the pair's lower-index person (bit 4). */
  readonly code: Uint8Array;
  /** The exchange index of each entry. */
  readonly index: Int32Array;
}

/** The packed code of exchange e (see {@link PairRuns}). */
export function exchangeCode(cols: ExchangeColumns, e: number): number {
  return cols.kind[e]! | (cols.confidential[e] ? CONFIDENTIAL_BIT : 0) | (cols.from[e]! < cols.to[e]! ? LOWER_GAVE_BIT : 0);
}

/** Packs exchanges `list[start..end)`, already in date order (one relationship's, or several relationships' one after another). */
export function packRuns(cols: ExchangeColumns, list: ArrayLike<number>, start = 0, end = list.length): PairRuns {
  const m = end - start;
  const day = new Int32Array(m);
  const value = new Float64Array(m);
  const code = new Uint8Array(m);
  const index = new Int32Array(m);
  for (let x = 0; x < m; x++) {
    const e = list[start + x]!;
    day[x] = cols.day[e]!;
    value[x] = cols.value[e]!;
    code[x] = exchangeCode(cols, e);
    index[x] = e;
  }
  return { day, value, code, index };
}

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

// under tsx an imported function is called through a getter and never inlined
const gestureValue = importedGestureValue;
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
 * in date order) into `s`, which is reset first. For callers holding an
 * exchange list (a hop of an introduction path); see {@link scanRun}.
 */
export function scanPair(cols: ExchangeColumns, list: ArrayLike<number>, start: number, end: number, a: number, o: ResolvedReciprocityOptions, s: PairScan): void {
  const runs = packRuns(cols, list, start, end);
  const first = end > start ? list[start]! : -1;
  const other = first < 0 ? a : cols.from[first] === a ? cols.to[first]! : cols.from[first]!;
  scanRun(runs, 0, end - start, a < other, o, s);
}

/**
 * Scans run entries `start..end` (all of one relationship, in date order)
 * into `s`, which is reset first, from the side of `a`: the pair's lower-index
 * person when `aIsLower`, else the higher.
 */
export function scanRun(runs: PairRuns, start: number, end: number, aIsLower: boolean, o: ResolvedReciprocityOptions, s: PairScan): void {
  const { day, value, code, index } = runs;
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
  for (let x = start; x < end; x++) {
    const d = day[x]!;
    if (d > asOf) break; // date order: everything after is later still
    const c = code[x]!;
    const secret = (c & CONFIDENTIAL_BIT) !== 0;
    if (skipConfidential && secret) continue;
    exchanges++;
    lastDay = d;
    const kd = c & 7;
    if (IS_TOUCHPOINT[kd]) continue; // meetings and connections are not gifts
    const byA = (c & LOWER_GAVE_BIT) !== 0 === aIsLower;
    const raw = value[x]!;
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
    const costly = (kd === FAVOUR || kd === INTRODUCTION) && (citeConfidential || !secret);
    const inWindow = d >= windowStart;
    if (inWindow) windowCount++;
    if (byA) {
      given += dv;
      givenRaw += raw;
      if (inWindow) windowGiven += v;
      lastGaveA = d;
      openB = -1; // a gave back: whatever b did is returned
      if (costly && openA < 0) openA = index[x]!;
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
      if (costly && openB < 0) openB = index[x]!;
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
