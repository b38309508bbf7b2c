/**
 * What an introduction path says about each of its ties: strength, last
 * contact, the balance between the two people and where that leaves a
 * request. Balances come from the reciprocity measures' own per-pair scan,
 * so a hop shows exactly what `relationshipBalance` reports. Dates of
 * confidential exchanges are never shown unless the caller asks.
 */
import { formatDay } from "../model/dates.js";
import { emptyPairScan, scanPair } from "../reciprocity/pair-scan.js";
import { balanceRecord, type RelationshipBalance } from "../reciprocity/relationship-balance.js";
import { askStanding, type AskStandingOptions } from "./ask-standing.js";
import type { PathIndex } from "./path-index.js";
import { entryOf } from "./route-graph.js";
import type { IntroductionHop } from "./types.js";

/** The balance of a → b from a's side, on the index's reference day and rules. */
export function balanceBetween(index: PathIndex, a: number, b: number, list: ArrayLike<number> = index.network.exchangesBetween(a, b)): RelationshipBalance {
  const scan = emptyPairScan();
  scanPair(index.columns, list instanceof Int32Array ? list : Int32Array.from(list), 0, list.length, a, index.reciprocity, scan);
  return balanceRecord(index.network, index.columns, scan, a, b, index.reciprocity);
}

/** Day of the last exchange between u and v on or before the reference day that may be shown (confidential ones only when asked). */
export function lastVisibleDay(index: PathIndex, u: number, v: number, showConfidential: boolean, list: ArrayLike<number> = index.network.exchangesBetween(u, v)): number | undefined {
  const { day, confidential } = index.columns;
  for (let k = list.length - 1; k >= 0; k--) {
    const e = list[k]!;
    if (day[e]! <= index.asOf && (showConfidential || !confidential[e])) return day[e]!;
  }
  return undefined;
}

/** One hop of a path, from person index a to b. */
export function hopDetails(index: PathIndex, a: number, b: number, showConfidential: boolean, ask: AskStandingOptions): IntroductionHop {
  const network = index.network;
  const list = network.exchangesBetween(a, b);
  const p = entryOf(index.graph, a, b);
  const lastDay = lastVisibleDay(index, a, b, showConfidential, list);
  const balance = balanceBetween(index, a, b, list);
  const { standing } = askStanding(balance, ask);
  const hop: IntroductionHop = {
    from: network.personAt(a).id,
    to: network.personAt(b).id,
    strength: index.graph.strength[p]!,
    balance: balance.balance,
    given: balance.given,
    received: balance.received,
    standing,
    confidentialOnly: index.graph.confidentialOnly[p] === 1,
  };
  if (lastDay !== undefined) {
    hop.lastDate = formatDay(lastDay);
    hop.daysSince = index.asOf - lastDay;
  }
  if (balance.souring) {
    hop.souringDirection = balance.souring.direction;
    hop.souringReasons = balance.souring.reasons;
  }
  return hop;
}

/**
 * Reciprocity-aware factors of the source's ties: the strength multiplier
 * of each neighbour as a first hop (indexed by person; 1 for non-neighbours),
 * from one pass over the source's exchanges grouped by contact.
 */
export function firstHopFactors(index: PathIndex, source: number, ask: AskStandingOptions): Float64Array {
  const network = index.network;
  const cols = index.columns;
  const factors = new Float64Array(network.personCount).fill(1);
  const groups = new Map<number, number[]>();
  for (const e of network.exchangesOf(source)) {
    const other = cols.from[e] === source ? cols.to[e]! : cols.from[e]!;
    let g = groups.get(other);
    if (!g) groups.set(other, (g = []));
    g.push(e);
  }
  for (const [other, list] of groups) factors[other] = askStanding(balanceBetween(index, source, other, list), ask).factor;
  return factors;
}
