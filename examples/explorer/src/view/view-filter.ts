/**
 * Turns the explorer's filters and scope into the view's filter: which
 * people and ties to hide. Ego is never hidden (the view keeps it). The date
 * range keeps ties with at least one shown exchange in the range; the worker
 * finds those pairs (see worker/pairs-between.ts).
 */
import type { ViewFilter, ViewPerson, ViewTie } from "@tiegraph/viz";
import type { Filters, Scope } from "../state/explorer-state.js";

/** What the filter needs to know about the network on screen. */
export interface FilterFacts {
  personCount: number;
  hasEgo: boolean;
  personIndex(id: string): number;
  personTags(id: string): readonly string[];
}

/**
 * The view filter for a state, or null when nothing is filtered. `pairs`
 * holds the pairs with an exchange in the filter's date range (ignored when
 * the range is open).
 *
 * @example viewFilter(facts, { ...NO_FILTERS, side: "external" }, "network", undefined)
 */
export function viewFilter(facts: FilterFacts, f: Filters, scope: Scope, pairs: ReadonlySet<number> | undefined): ViewFilter | null {
  const orgs = f.organisations.length ? new Set(f.organisations) : undefined;
  const tags = f.tags.length ? new Set(f.tags) : undefined;
  const nodeTests: ((p: ViewPerson) => boolean)[] = [];
  if (orgs) nodeTests.push((p) => p.organisations.some((o) => orgs.has(o)));
  if (tags) nodeTests.push((p) => facts.personTags(p.id).some((t) => tags.has(t)));
  if (f.side === "internal") nodeTests.push((p) => p.internal);
  if (f.side === "external") nodeTests.push((p) => !p.internal);
  if (scope === "ego" && facts.hasEgo) nodeTests.push((p) => p.hopsFromEgo === 0 || p.hopsFromEgo === 1);

  const edgeTests: ((t: ViewTie) => boolean)[] = [];
  if (f.minStrength > 0) edgeTests.push((t) => t.strength >= f.minStrength);
  if ((f.from || f.to) && pairs) {
    const n = facts.personCount;
    edgeTests.push((t) => {
      const a = facts.personIndex(t.source);
      const b = facts.personIndex(t.target);
      return pairs.has(a < b ? a * n + b : b * n + a);
    });
  }
  if (!nodeTests.length && !edgeTests.length) return null;
  const filter: ViewFilter = {};
  if (nodeTests.length) filter.node = (p) => nodeTests.every((test) => test(p));
  if (edgeTests.length) filter.edge = (t) => edgeTests.every((test) => test(t));
  return filter;
}
