/**
 * Ties CSV export: one row per directed tie, for spreadsheets.
 */
import { directedTies, type Network } from "@tiegraph/core";
import { ByteOutput } from "@tiegraph/core/internal";
import { csvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
import { isWhole, putAscii, putWhole, TextPool } from "./text-pool.js";
import { dayText, tieOptions } from "./tie-options.js";

/** Options of {@link exportTiesCsv}. */
export interface TiesCsvExportOptions extends DisclosureOptions {
  /** Reference date of strength (default: the last exchange's date). */
  asOf?: string;
}

/**
 * Directed ties as CSV: `source,sourceName,target,targetName,strength,value,
 * count,givingCount,firstDate,lastDate`, strength as in core's `directedTies`
 * (recency-decayed, saturating, see `strengthFromSum`). Confidential exchanges
 * count only with `includeConfidential`.
 *
 * @example exportTiesCsv(network, { asOf: "2026-01-01" })
 */
export function exportTiesCsv(network: Network, options: TiesCsvExportOptions = {}): string {
  return joinChunks(exportTiesCsvChunks(network, options));
}

/**
 * The text of {@link exportTiesCsv} in chunks of about 64 Ki characters cut
 * after whole rows; concatenated they are exactly `exportTiesCsv(network, options)`.
 *
 * @example await saveNetworkFileAtomic("ties.csv", exportTiesCsvChunks(network), { backup: false });
 */
export function exportTiesCsvChunks(network: Network, options: TiesCsvExportOptions = {}): Generator<string> {
  const t = directedTies(network, tieOptions(options, disclosure(options).includeConfidential));
  return tiesCsvChunks(network, t);
}

const HEADER = ["source", "sourceName", "target", "targetName", "strength", "value", "count", "givingCount", "firstDate", "lastDate"];

/**
 * The ties CSV as csv-text.ts writes it, without a row of cells per tie: a
 * person's two cells (id, name) are made once and reused on every tie they
 * are in, a date's cell once per day; numbers are their own text.
 */
function* tiesCsvChunks(network: Network, t: ReturnType<typeof directedTies>): Generator<string> {
  const people = network.people();
  const personCells: (string | undefined)[] = new Array<string | undefined>(people.length);
  const person = (i: number): string => {
    let cells = personCells[i];
    if (cells === undefined) personCells[i] = cells = `${csvCell(people[i]!.id)},${csvCell(people[i]!.name)}`;
    return cells;
  };
  const date = dayText(csvCell);
  let out = HEADER.map(csvCell).join(",") + "\r\n";
  for (let p = 0; p < t.pairCount; p++) {
    out += `${person(t.source[p]!)},${person(t.target[p]!)},${t.strength[p]!},${t.givenValue[p]!},${t.count[p]!},${t.givingCount[p]!},${date(t.firstDay[p]!)},${date(t.lastDay[p]!)}\r\n`;
    if (out.length >= CHUNK_CHARS) {
      yield out;
      out = "";
    }
  }
  yield out;
}

/** Bytes of a chunk of {@link exportTiesCsvBytes} (a row is never cut). */
const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of {@link exportTiesCsv} (UTF-8), written straight into a buffer
 * and handed out in chunks of about a mebibyte cut after whole rows:
 * concatenated, they are exactly the UTF-8 encoding of
 * `exportTiesCsv(network, options)`. No string is made per row, and no text
 * is encoded again on its way to the file: a person's two cells are encoded
 * once, when they are first in a tie, a day's cell once, whole numbers
 * written digit by digit (other numbers are their own text, as in the CSV).
 *
 * Each chunk is a view of one buffer the writer reuses (it touches no fresh
 * memory per chunk): write or copy it before asking for the next one.
 *
 * @example await saveNetworkFileAtomic("ties.csv", exportTiesCsvBytes(network), { backup: false });
 */
export function* exportTiesCsvBytes(network: Network, options: TiesCsvExportOptions & { chunkBytes?: number } = {}): Generator<Uint8Array> {
  const t = directedTies(network, tieOptions(options, disclosure(options).includeConfidential));
  yield* tiesCsvBytes(network, t, options.chunkBytes ?? CHUNK_BYTES);
}

function* tiesCsvBytes(network: Network, t: ReturnType<typeof directedTies>, chunkBytes: number): Generator<Uint8Array> {
  const people = network.people();
  // a person's cells ("id,name"), encoded the first time they are in a tie
  const cells = new TextPool(people.length, (i) => `${csvCell(people[i]!.id)},${csvCell(people[i]!.name)}`);
  // a day's cell (ASCII: YYYY-MM-DD, or a year past 9999 with its sign), made once
  const dayCell = dayText(csvCell);
  const out = new ByteOutput(chunkBytes, true);
  out.text(HEADER.map(csvCell).join(",") + "\r\n");
  let bytes = out.bytes;
  let n = out.length;
  const ascii = (s: string): void => {
    n = putAscii(bytes, n, s);
  };
  const whole = (v: number): void => {
    if (isWhole(v)) n = putWhole(bytes, n, v);
    else ascii(String(v));
  };
  const cell = (i: number): void => {
    n = cells.put(bytes, n, i);
  };
  for (let p = 0; p < t.pairCount; p++) {
    const s = t.source[p]!;
    const g = t.target[p]!;
    cells.ensure(s);
    cells.ensure(g);
    // the two people's cells, four numbers of at most 25 characters, two dates and the separators
    const most = cells.end[s]! - cells.start[s]! + cells.end[g]! - cells.start[g]! + 4 * 25 + 2 * 16 + 12;
    if (n + most > bytes.length) {
      out.length = n;
      out.reserve(most);
      bytes = out.bytes;
    }
    cell(s);
    bytes[n++] = 44;
    cell(g);
    bytes[n++] = 44;
    ascii(String(t.strength[p]!));
    bytes[n++] = 44;
    ascii(String(t.givenValue[p]!));
    bytes[n++] = 44;
    whole(t.count[p]!);
    bytes[n++] = 44;
    whole(t.givingCount[p]!);
    bytes[n++] = 44;
    ascii(dayCell(t.firstDay[p]!));
    bytes[n++] = 44;
    ascii(dayCell(t.lastDay[p]!));
    bytes[n++] = 13;
    bytes[n++] = 10;
    if (n >= chunkBytes) {
      out.length = n;
      // written (or copied) by the caller before it asks for more: the buffer takes the next rows
      yield out.take();
      bytes = out.bytes;
      n = out.length;
    }
  }
  out.length = n;
  yield out.take();
}
