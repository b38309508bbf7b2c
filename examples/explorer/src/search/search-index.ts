/**
 * Search over people and organisations for the autocomplete. Names are
 * folded once (lower case, accents removed) when the index is built (in the
 * network worker) and joined into one text, so a query is a few native
 * string searches over that text rather than one per name, and only the best
 * few matches are kept rather than all of them sorted: a hundred thousand
 * people answer in a few milliseconds. Matches at the start of the name rank
 * first, then matches at the start of a word, then matches inside a word;
 * ties go to the shorter, then alphabetically earlier name.
 */
import { displayNames, type Network } from "@tiegraph/core";

/** One search result. */
export interface SearchHit {
  kind: "person" | "organisation";
  id: string;
  /** The name as written in the file (text, never HTML). */
  label: string;
  /** A second line: a person's current organisation, an organisation's head count. */
  detail: string;
}

/** Options of {@link searchNetwork}. */
export interface SearchOptions {
  /** Most results returned. */
  limit: number;
}

/** Defaults: eight results, what fits in a dropdown without scrolling. */
export const DEFAULT_SEARCH_OPTIONS: Readonly<SearchOptions> = { limit: 8 };

/** A prepared index over one network's people and organisations (plain data: it crosses from the worker by structured clone). */
export interface SearchIndex {
  readonly entries: readonly SearchHit[];
  /** Folded label of each entry. */
  readonly folded: readonly string[];
  /** The folded labels joined, each followed by {@link SEPARATOR}. */
  readonly text: string;
  /** Where each entry's folded label starts in `text`. */
  readonly starts: Int32Array;
}

/** What ends each folded label in the joined text (a character no query matches across: queries containing it are scanned name by name). */
const SEPARATOR = "\u0000";

/**
 * Lower case without diacritics, so "zoe" finds "Zoë".
 *
 * @example foldText("Zoë Ångström") // "zoe angstrom"
 */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

/**
 * Builds the search index of a network: every person (with their
 * organisation on the reference day) and every organisation (with the number
 * of people in it on that day).
 *
 * `names` gives the name shown for each person index (default: core's
 * displayNames, so same-named people differ; the worker passes the one it
 * computed already).
 *
 * @example const index = buildSearchIndex(network, network.dayRange()?.last ?? 0);
 */
export function buildSearchIndex(network: Network, referenceDay: number, names: (index: number) => string = displayNames(network)): SearchIndex {
  const entries: SearchHit[] = [];
  const headCount = new Int32Array(network.organisationCount);
  const people = network.people();
  for (let i = 0; i < people.length; i++) {
    const orgs = network.organisationIndicesOn(i, referenceDay);
    for (const o of orgs) headCount[o]!++;
    const p = people[i]!;
    entries.push({ kind: "person", id: p.id, label: names(i), detail: orgs.map((o) => network.organisationAt(o).name).join(", ") });
  }
  network.organisations().forEach((o, k) => {
    entries.push({ kind: "organisation", id: o.id, label: o.name, detail: `organisation, ${headCount[k]} ${headCount[k] === 1 ? "person" : "people"}` });
  });
  return searchIndexOf(entries);
}

/**
 * The search index of some entries, in their order.
 *
 * @example searchIndexOf([{ kind: "person", id: "zo", label: "Zoë", detail: "" }]).text // "zoe\u0000"
 */
export function searchIndexOf(entries: SearchHit[]): SearchIndex {
  const folded = entries.map((e) => foldText(e.label));
  const starts = new Int32Array(folded.length);
  let at = 0;
  for (let i = 0; i < folded.length; i++) {
    starts[i] = at;
    at += folded[i]!.length + SEPARATOR.length;
  }
  return { entries, folded, text: folded.join(SEPARATOR) + (folded.length ? SEPARATOR : ""), starts };
}

/**
 * The best matches of a query (empty for a blank query).
 *
 * @example searchNetwork(index, "sam").map((h) => h.label) // ["Sami Murphy", ...]
 */
export function searchNetwork(index: SearchIndex, query: string, options: Partial<SearchOptions> = {}): SearchHit[] {
  const limit = options.limit ?? DEFAULT_SEARCH_OPTIONS.limit;
  const q = foldText(query.trim());
  if (!q || limit <= 0) return [];
  const best = new Best(index.folded, limit);
  const { text, starts, folded } = index;
  if (q.includes(SEPARATOR)) {
    for (let i = 0; i < folded.length; i++) {
      const at = folded[i]!.indexOf(q);
      if (at >= 0) best.offer(i, at === 0 ? 0 : wordStart(folded[i]!, q, at) ? 1 : 2);
    }
  } else {
    // every occurrence in the joined text, in order: an entry's first one decides a name start,
    // any of them a word start; the entry is offered once, after its last occurrence
    let entry = -1;
    let rank = 3;
    for (let p = text.indexOf(q); p >= 0; p = text.indexOf(q, p + 1)) {
      const e = entryAt(starts, p, entry);
      if (e !== entry) {
        if (entry >= 0) best.offer(entry, rank);
        entry = e;
        rank = p === starts[e] ? 0 : 2;
      }
      if (rank === 2 && !LETTER_OR_DIGIT.test(text[p - 1]!)) rank = 1;
    }
    if (entry >= 0) best.offer(entry, rank);
  }
  return best.entries().map((i) => index.entries[i]!);
}

/** A letter or a digit: a match right after anything else starts a word. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The entry whose label holds position `p` of the joined text, searching from entry `from` on (positions only grow). */
function entryAt(starts: Int32Array, p: number, from: number): number {
  // most often still the same entry, or the next one
  if (from >= 0 && (from + 1 === starts.length || p < starts[from + 1]!)) return from;
  let lo = Math.max(0, from);
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The best `limit` entries offered so far, best first: lower rank, then
 * shorter folded label, then the label earlier by code unit, then the earlier
 * entry. Keeping only these costs a query with thousands of matches no sort
 * of them all.
 */
class Best {
  private readonly kept: { entry: number; rank: number }[] = [];

  constructor(
    private readonly folded: readonly string[],
    private readonly limit: number,
  ) {}

  offer(entry: number, rank: number): void {
    const kept = this.kept;
    const candidate = { entry, rank };
    if (kept.length === this.limit && this.compare(candidate, kept[kept.length - 1]!) >= 0) return;
    let k = kept.length;
    while (k > 0 && this.compare(candidate, kept[k - 1]!) < 0) k--;
    kept.splice(k, 0, candidate);
    if (kept.length > this.limit) kept.pop();
  }

  entries(): number[] {
    return this.kept.map((c) => c.entry);
  }

  private compare(x: { entry: number; rank: number }, y: { entry: number; rank: number }): number {
    const fx = this.folded[x.entry]!;
    const fy = this.folded[y.entry]!;
    return x.rank - y.rank || fx.length - fy.length || (fx < fy ? -1 : fx > fy ? 1 : x.entry - y.entry);
  }
}

// Whether q occurs somewhere in name right after a non-letter (a word start).
function wordStart(name: string, q: string, first: number): boolean {
  for (let at = first; at >= 0; at = name.indexOf(q, at + 1)) {
    if (at === 0 || !LETTER_OR_DIGIT.test(name[at - 1]!)) return true;
  }
  return false;
}
