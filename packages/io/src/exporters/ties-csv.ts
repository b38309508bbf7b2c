/**
 * Ties CSV export: one row per directed tie, for spreadsheets.
 */
import { directedTies, type Network } from "@tiegraph/core";
import { csvChunks, type CsvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";
import { joinChunks } from "./text-chunks.js";
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
  const people = network.people();
  const day = dayText();
  function* rows(): Generator<CsvCell[]> {
    for (let p = 0; p < t.pairCount; p++) {
      const s = people[t.source[p]!]!;
      const r = people[t.target[p]!]!;
      yield [s.id, s.name, r.id, r.name, t.strength[p], t.givenValue[p], t.count[p], t.givingCount[p], day(t.firstDay[p]!), day(t.lastDay[p]!)];
    }
  }
  return csvChunks(["source", "sourceName", "target", "targetName", "strength", "value", "count", "givingCount", "firstDate", "lastDate"], rows());
}
