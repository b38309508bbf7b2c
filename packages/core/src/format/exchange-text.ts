/**
 * The exchanges of a network file written straight from the exchange
 * columns: the text `JSON.stringify` gives the plain records of
 * {@link Network.toData} at their depth in the file, without making an
 * object per exchange. Person ids, dates, kinds and formats repeat across a
 * million exchanges, so each is quoted once (the ids into one string); the rare extras (ids, notes,
 * tags, introduced people) are quoted as they come.
 */
import { formatDay } from "../model/dates.js";
import type { Network } from "../model/network.js";
import { EXCHANGE_KINDS } from "../model/types.js";

const FLAG_CONFIDENTIAL = 1;
const FLAG_EXPLICIT_VALUE = 2;

/** Writes exchange records as file text; see {@link exchangeTextWriter}. */
export interface ExchangeTextWriter {
  /**
   * The text of exchanges `from` (inclusive) to `to` (exclusive) as array
   * items: each record starts with its line break and indentation, records
   * are joined by `,`; confidential ones are left out when redacting.
   */
  text(from: number, to: number): string;
}

/**
 * A writer of a network's exchanges as they appear in its file, at depth 2
 * (inside `"exchanges": [ … ]`) with `indent` spaces per level (0: one line):
 * fields in the order of {@link Network.exchangeAt} (`id` only when explicit,
 * `date`, `kind`, `from`, `to`, then `value`, `minutes`, `format`,
 * `introduced`, `tags`, `note`, `confidential` when set), and without
 * confidential exchanges and notes when `redact`. Joined with the brackets,
 * the text equals `JSON.stringify(records, null, indent)` at that depth.
 *
 * @example
 * ```ts
 * const w = exchangeTextWriter(net, 2, false);
 * w.text(0, 1); // '\n    {\n      "date": "2024-03-01",\n      "kind": "favour",\n      "from": "ann",\n      "to": "me"\n    }'
 * ```
 */
export function exchangeTextWriter(network: Network, indent: number, redact: boolean): ExchangeTextWriter {
  const pad = " ".repeat(indent);
  const nl = indent > 0 ? "\n" : "";
  const colon = indent > 0 ? ": " : ":";
  const open = `${nl}${pad}${pad}{`;
  const close = `${nl}${pad}${pad}}`;
  const field = (name: string, first = false): string => `${first ? "" : ","}${nl}${pad}${pad}${pad}"${name}"${colon}`;
  const ID = field("id", true);
  const DATE_FIRST = field("date", true);
  const DATE = field("date");
  const KIND = field("kind");
  const FROM = field("from");
  const TO = field("to");
  const VALUE = field("value");
  const MINUTES = field("minutes");
  const FORMAT = field("format");
  const INTRODUCED = field("introduced");
  const TAGS = field("tags");
  const NOTE = field("note");
  const CONFIDENTIAL = `${field("confidential")}true`;
  const tagsOpen = `[${nl}${pad}${pad}${pad}${pad}`;
  const tagsSep = `,${nl}${pad}${pad}${pad}${pad}`;
  const tagsClose = `${nl}${pad}${pad}${pad}]`;

  const raw = network.rawExchangeColumns();
  const people = network.people();
  // The quoted ids side by side in one string, cut out as needed: a string object per
  // person, read at random by every record, missed the cache more often the more people
  // there were (measured 17-20% slower serialising at 100k and 300k people).
  const idStart = new Int32Array(people.length + 1);
  let allIds = "";
  for (let p = 0; p < people.length; p++) {
    allIds += JSON.stringify(people[p]!.id);
    idStart[p + 1] = allIds.length;
  }
  const person = (p: number): string => allIds.slice(idStart[p]!, idStart[p + 1]!);
  const quotedDays = new Map<number, string>();
  const day = (d: number): string => {
    let t = quotedDays.get(d);
    if (t === undefined) quotedDays.set(d, (t = `"${formatDay(d)}"`));
    return t;
  };
  const kinds = EXCHANGE_KINDS.map((k) => JSON.stringify(k));
  const formats = ["", ...raw.formats].map((f) => JSON.stringify(f));
  // extras by position, ascending: a cursor follows the positions asked for
  const extras = raw.extras;
  let next = 0;
  const extrasAt = (i: number): (typeof extras)[number][1] | undefined => {
    if (next > 0 && extras[next - 1]![0] >= i) next = lowerBound(extras, i); // asked for an earlier one
    while (next < extras.length && extras[next]![0] < i) next++;
    return next < extras.length && extras[next]![0] === i ? extras[next++]![1] : undefined;
  };

  const record = (i: number): string => {
    const flags = raw.flags[i]!;
    const ex = extrasAt(i);
    let s = open;
    s += ex?.id !== undefined ? ID + JSON.stringify(ex.id) + DATE : DATE_FIRST;
    s += day(raw.day[i]!) + KIND + kinds[raw.kind[i]!] + FROM + person(raw.from[i]!) + TO + person(raw.to[i]!);
    if (flags & FLAG_EXPLICIT_VALUE) s += VALUE + JSON.stringify(raw.value[i]!);
    const minutes = raw.minutes[i]!;
    if (!Number.isNaN(minutes)) s += MINUTES + JSON.stringify(minutes);
    if (raw.format[i]) s += FORMAT + formats[raw.format[i]!];
    if (ex !== undefined) {
      if (ex.introduced !== undefined) s += INTRODUCED + person(ex.introduced);
      if (ex.tags) s += TAGS + (ex.tags.length ? tagsOpen + ex.tags.map((t) => JSON.stringify(t)).join(tagsSep) + tagsClose : "[]");
      if (ex.note !== undefined && !redact) s += NOTE + JSON.stringify(ex.note);
    }
    if (flags & FLAG_CONFIDENTIAL) s += CONFIDENTIAL;
    return s + close;
  };

  return {
    text(from: number, to: number): string {
      let s = "";
      let sep = "";
      for (let i = from; i < to; i++) {
        if (redact && raw.flags[i]! & FLAG_CONFIDENTIAL) continue;
        s += sep + record(i);
        sep = ",";
      }
      return s;
    },
  };
}

/** First position in `extras` (ascending by exchange) at or after exchange `i`. */
function lowerBound(extras: readonly (readonly [number, unknown])[], i: number): number {
  let lo = 0;
  let hi = extras.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (extras[mid]![0] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
