/**
 * `report --json` written in chunks: the same bytes as
 * `JSON.stringify(data, null, 2)`, but the tie list (hundreds of thousands of
 * relationships on a large network) is written straight from the tie index,
 * a few thousand at a time, instead of as one object per tie inside one
 * string of tens of megabytes.
 */
import type { ReportData } from "../commands/report-data.js";
import { terminalText } from "../terminal.js";

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
  for (const part of reportJsonParts(data, ties, false)) yield part.text;
}

/** A piece of the report document, and whether it is already fit to show (see `terminalText`). */
export interface ReportJsonPart {
  text: string;
  shown: boolean;
}

/**
 * The report document in parts, for a terminal: with `forTerminal`, the tie
 * list (most of the document) comes with each id already passed through
 * `terminalText`, once per person rather than once per row, and marked
 * `shown`, so it can go out raw (`writeRaw`); every other part still needs
 * the terminal's escaping. Escaped, the parts say what
 * {@link reportJsonChunks} says, in the same JSON.
 *
 * @example
 * ```ts
 * for (const { text, shown } of reportJsonParts(data, rows, true)) (shown ? writeRaw(out, text) : out.write(text));
 * ```
 */
export function* reportJsonParts(data: ReportData, ties: TieRows | undefined, forTerminal: boolean): Generator<ReportJsonPart> {
  const keys = Object.keys(data) as (keyof ReportData)[];
  if (ties !== undefined && !keys.includes("ties")) keys.push("ties");
  yield { text: "{", shown: false };
  let first = true;
  const head = (key: string): string => {
    const text = `${first ? "" : ","}\n  ${JSON.stringify(key)}: `;
    first = false;
    return text;
  };
  for (const key of keys) {
    if (key === "ties" && ties !== undefined) {
      yield { text: head(key), shown: false };
      for (const text of tieChunks(ties, forTerminal)) yield { text, shown: forTerminal };
      continue;
    }
    const value = data[key];
    // JSON.stringify leaves undefined members out, as the whole-document stringify did
    if (value === undefined) continue;
    // stringified inside a one-member object, the member comes out one level deep, as in the
    // whole document: `{\n  "key": …\n}` without its braces (no second pass to indent it)
    const member = JSON.stringify({ [key]: value }, null, 2);
    yield { text: `${first ? "" : ","}${member.slice(1, -2)}`, shown: false };
    first = false;
  }
  yield { text: "\n}", shown: false };
}

/** The tie list; `shown`: ids escaped for a terminal (the rest is punctuation and numbers). */
function* tieChunks(ties: TieRows, shown: boolean): Generator<string> {
  if (ties.count === 0) {
    yield "[]";
    return;
  }
  // each person's id quoted once, however many ties they have
  const quoted = new Array<string | undefined>(ties.people).fill(undefined);
  const quote = (p: number): string => (quoted[p] ??= shown ? terminalText(JSON.stringify(ties.id(p))) : JSON.stringify(ties.id(p)));
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
