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
  /** Ids of the pair's two people and its strength. */
  a(k: number): string;
  b(k: number): string;
  strength(k: number): number;
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
    // one level deeper than JSON.stringify(value, null, 2) puts it
    yield head(key) + JSON.stringify(value, null, 2).replaceAll("\n", "\n  ");
  }
  yield "\n}";
}

function* tieChunks(ties: TieRows): Generator<string> {
  if (ties.count === 0) {
    yield "[]";
    return;
  }
  let chunk = "[";
  for (let k = 0; k < ties.count; k++) {
    chunk += `${k === 0 ? "" : ","}\n    {\n      "a": ${JSON.stringify(ties.a(k))},\n      "b": ${JSON.stringify(ties.b(k))},\n      "strength": ${JSON.stringify(ties.strength(k))}\n    }`;
    if ((k + 1) % TIES_PER_CHUNK === 0) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}\n  ]`;
}
