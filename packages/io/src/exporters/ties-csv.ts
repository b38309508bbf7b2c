/**
 * Ties CSV export: one row per directed tie, for spreadsheets.
 */
import { directedTies, type Network } from "@tiegraph/core";
import { csvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";
import { CHUNK_CHARS, joinChunks } from "./text-chunks.js";
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
  const day = dayText();
  const dayCells = new Map<number, string>();
  const date = (d: number): string => {
    let cell = dayCells.get(d);
    if (cell === undefined) dayCells.set(d, (cell = csvCell(day(d))));
    return cell;
  };
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
