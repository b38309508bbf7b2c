/**
 * `report --json` written in chunks: the same bytes as
 * `JSON.stringify(data, null, 2)`, but the tie list (hundreds of thousands of
 * relationships on a large network) is written straight from the tie index,
 * a few thousand at a time, instead of as one object per tie inside one
 * string of tens of megabytes.
 */
import type { ReportData } from "../commands/report-data.js";

/** The relationships to list, read from an index by position. */
export interface TieRows {
  count: number;
  /** Positions of the pair's two people (see `id`) and its strength. */
  a(k: number): number;
  b(k: number): number;
  strength(k: number): number;
  /** How many people there are, and the id of the person at a position (0 … people − 1). */
  people: number;
  id(position: number): string;
}

/** Ties written per chunk. */
const TIES_PER_CHUNK = 4096;

/**
 * The report document in chunks; `ties` replaces `data.ties` when given.
 * Joined, the chunks equal `JSON.stringify({ ...data, ties }, null, 2)`.
 *
 * @example
 * ```ts
 * for (const chunk of reportJsonChunks(data, rows)) process.stdout.write(chunk);
 * ```
 */
export function* reportJsonChunks(data: ReportData, ties?: TieRows): Generator<string> {
  const keys = Object.keys(data) as (keyof ReportData)[];
  if (ties !== undefined && !keys.includes("ties")) keys.push("ties");
  yield "{";
  let first = true;
  const head = (key: string): string => {
    const text = `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    return text;
  };
  for (const key of keys) {
    if (key === "ties" && ties !== undefined) {
      yield head(key);
      yield* tieChunks(ties);
      continue;
    }
    const value = data[key];
    // JSON.stringify leaves undefined members out, as the whole-document stringify did
    if (value === undefined) continue;
    // stringified inside a one-member object, the member comes out one level deep, as in the
    // whole document: `{\n  "key": …\n}` without its braces (no second pass to indent it)
    const member = JSON.stringify({ [key]: value }, null, 2);
    yield `${first ? "" : ","}${member.slice(1, -2)}`;
    first = false;
  }
  yield "\n}";
}

function* tieChunks(ties: TieRows): Generator<string> {
  if (ties.count === 0) {
    yield "[]";
    return;
  }
  // each person's id quoted once, however many ties they have
  const quoted = new Array<string | undefined>(ties.people).fill(undefined);
  const quote = (p: number): string => (quoted[p] ??= JSON.stringify(ties.id(p)));
  let chunk = "[";
  for (let k = 0; k < ties.count; k++) {
    chunk += `${k === 0 ? "" : ","}\n    {\n      "a": ${quote(ties.a(k))},\n      "b": ${quote(ties.b(k))},\n      "strength": ${JSON.stringify(ties.strength(k))}\n    }`;
    if ((k + 1) % TIES_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}\n  ]`;
}
