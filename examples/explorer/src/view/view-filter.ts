/**
 * Turns the explorer's filters and scope into the view's filter: which
 * people and ties to hide. Ego is never hidden (the view keeps it). The date
 * range keeps ties with at least one exchange in the range, counting only
 * exchanges the picture may show (not confidential ones).
 */
import { parseDay, type Network } from "@tiegraph/core";
import type { ViewFilter } from "@tiegraph/viz";
import type { Filters, Scope } from "../state/explorer-state.js";

/**
 * The view filter for a state, or null when nothing is filtered.
 *
 * @example viewFilter(network, { ...NO_FILTERS, side: "external" }, "network")
 */
export function viewFilter(network: Network, f: Filters, scope: Scope): ViewFilter | null {
  const orgs = f.organisations.length ? new Set(f.organisations) : undefined;
  const tags = f.tags.length ? new Set(f.tags) : undefined;
  const nodeTests: ((p: Parameters<NonNullable<ViewFilter["node"]>>[0]) => boolean)[] = [];
  if (orgs) nodeTests.push((p) => p.organisations.some((o) => orgs.has(o)));
  if (tags) nodeTests.push((p) => (network.person(p.id).tags ?? []).some((t) => tags.has(t)));
  if (f.side === "internal") nodeTests.push((p) => p.internal);
  if (f.side === "external") nodeTests.push((p) => !p.internal);
  if (scope === "ego" && network.egoIndex >= 0) nodeTests.push((p) => p.hopsFromEgo === 0 || p.hopsFromEgo === 1);

  const edgeTests: ((t: Parameters<NonNullable<ViewFilter["edge"]>>[0]) => boolean)[] = [];
  if (f.minStrength > 0) edgeTests.push((t) => t.strength >= f.minStrength);
  const inRange = f.from || f.to ? pairsWithExchangeBetween(network, f.from, f.to) : undefined;
  if (inRange) {
    const n = network.personCount;
    edgeTests.push((t) => {
      const a = network.findPerson(t.source);
      const b = network.findPerson(t.target);
      return inRange.has(a < b ? a * n + b : b * n + a);
    });
  }
  if (!nodeTests.length && !edgeTests.length) return null;
  const filter: ViewFilter = {};
  if (nodeTests.length) filter.node = (p) => nodeTests.every((test) => test(p));
  if (edgeTests.length) filter.edge = (t) => edgeTests.every((test) => test(t));
  return filter;
}

/** Pairs (lower·n + higher person index) with a non-confidential exchange in [from, to] (either end open). */
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
