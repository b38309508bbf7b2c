/**
 * The relationships with an exchange in a date range, for the date filter:
 * one pass over the exchange columns, counting only exchanges a picture may
 * show (not confidential ones).
 */
import { parseDay, type Network } from "@tiegraph/core";

/**
 * Pairs `lower · n + higher` (person indices, n = person count) with a
 * non-confidential exchange in [from, to]; an empty bound is open.
 *
 * @example pairsWithExchangeBetween(network, "2024-01-01", "").has(0 * n + 5)
 */
export function pairsWithExchangeBetween(network: Network, from: string, to: string): Set<number> {
  const lo = from ? (parseDay(from) ?? -Infinity) : -Infinity;
  const hi = to ? (parseDay(to) ?? Infinity) : Infinity;
  const cols = network.exchangeColumns();
  const n = network.personCount;
  const pairs = new Set<number>();
  for (let e = 0; e < cols.count; e++) {
    const d = cols.day[e]!;
    if (d < lo || d > hi || cols.confidential[e]) continue;
    const a = cols.from[e]!;
    const b = cols.to[e]!;
    pairs.add(a < b ? a * n + b : b * n + a);
  }
  return pairs;
}
