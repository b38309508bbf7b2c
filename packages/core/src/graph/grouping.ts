/**
 * Groupings for internal/external: organisations (dated affiliations) or any
 * person attribute (office, department, practice). Both become the same
 * shape, dated membership spans per person, so the measures have one code
 * path; an attribute is a span that never ends.
 */
import { TiegraphError, showValue } from "../errors.js";
import { OPEN_END, OPEN_START, type Network } from "../model/network.js";

/** What to group people by: `"organisation"` (affiliations on the exchange's date) or the name of a person attribute. */
export type GroupBy = "organisation" | (string & {});

/** Membership spans of every person, as flat typed arrays. */
export interface Grouping {
  readonly groupBy: GroupBy;
  /** Group keys: organisation ids, or attribute values as text. */
  readonly names: readonly string[];
  /** Spans of person p are `spanStart[p] … spanStart[p+1]−1`. */
  readonly spanStart: Int32Array;
  readonly spanGroup: Int32Array;
  /** First and last day of each span (inclusive). */
  readonly spanFrom: Int32Array;
  readonly spanTo: Int32Array;
}

/**
 * Resolves a grouping. `"organisation"` always means affiliations (even if a
 * person attribute has that name). An attribute must be set on at least one
 * person, so a misspelt name fails with `invalid-option` instead of making
 * every tie external.
 */
export function groupingOf(network: Network, groupBy: GroupBy = "organisation"): Grouping {
  const n = network.personCount;
  const spanStart = new Int32Array(n + 1);
  const groups: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let names: string[];
  if (groupBy === "organisation") {
    // the affiliations as columns, person by person (each person's by start day): the spans as they are
    const cols = network.affiliationColumns();
    for (let r = 0; r < cols.person.length; r++) spanStart[cols.person[r]! + 1]!++;
    for (let p = 0; p < n; p++) spanStart[p + 1]! += spanStart[p]!;
    return { groupBy, names: network.organisations().map((o) => o.id), spanStart, spanGroup: cols.organisation.slice(), spanFrom: cols.from.slice(), spanTo: cols.to.slice() };
  } else {
    if (typeof groupBy !== "string" || groupBy === "") {
      throw new TiegraphError("tiegraph/mix", "invalid-option", "invalid groupBy", { record: "options.groupBy", expected: '"organisation" or the name of a person attribute', got: showValue(groupBy) });
    }
    const index = new Map<string, number>();
    names = [];
    network.people().forEach((person, p) => {
      const v = person.attributes?.[groupBy];
      if (v !== undefined) {
        const key = String(v);
        let g = index.get(key);
        if (g === undefined) {
          g = names.length;
          index.set(key, g);
          names.push(key);
        }
        groups.push(g);
        from.push(OPEN_START);
        to.push(OPEN_END);
      }
      spanStart[p + 1] = groups.length;
    });
    if (names.length === 0) {
      throw new TiegraphError("tiegraph/mix", "invalid-option", `no person has the attribute ${showValue(groupBy)}`, { record: "options.groupBy", expected: '"organisation" or an attribute set on some people' });
    }
  }
  return { groupBy, names, spanStart, spanGroup: Int32Array.from(groups), spanFrom: Int32Array.from(from), spanTo: Int32Array.from(to) };
}

/** Writes the distinct groups person `p` belongs to on `day` into `out`; returns how many. */
export function groupsOn(g: Grouping, p: number, day: number, out: Int32Array): number {
  let k = 0;
  for (let s = g.spanStart[p]!; s < g.spanStart[p + 1]!; s++) {
    if (g.spanFrom[s]! > day || day > g.spanTo[s]!) continue;
    const grp = g.spanGroup[s]!;
    let dup = false;
    for (let j = 0; j < k; j++) if (out[j] === grp) dup = true;
    if (!dup) out[k++] = grp;
  }
  return k;
}

/** The most spans any one person has: the size `groupsOn`'s buffer needs. */
export function maxSpans(g: Grouping): number {
  let most = 0;
  for (let p = 0; p + 1 < g.spanStart.length; p++) most = Math.max(most, g.spanStart[p + 1]! - g.spanStart[p]!);
  return most;
}

/** Marks a person whose groups change within the days asked about (see {@link fixedGroups}). */
export const CHANGING = -2;

/**
 * Each person's one group for every day in `[first, last]`: the group index,
 * −1 when they belong to none on any of those days, or {@link CHANGING} when
 * it is more than one group or changes (then ask {@link groupsOn} per day).
 * Attributes are always fixed; most people keep one employer for years.
 */
export function fixedGroups(g: Grouping, first: number, last: number): Int32Array {
  const n = g.spanStart.length - 1;
  const out = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    let group = -1;
    for (let s = g.spanStart[p]!; s < g.spanStart[p + 1]!; s++) {
      if (g.spanTo[s]! < first || g.spanFrom[s]! > last) continue; // outside the days asked about
      const covers = g.spanFrom[s]! <= first && g.spanTo[s]! >= last;
      group = covers && (group === -1 || group === g.spanGroup[s]) ? g.spanGroup[s]! : CHANGING;
      if (group === CHANGING) break;
    }
    out[p] = group;
  }
  return out;
}
