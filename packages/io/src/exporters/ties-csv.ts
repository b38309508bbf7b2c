/**
 * Ties CSV export: one row per directed tie, for spreadsheets.
 */
import { directedTies, formatDay, parseDay, TiegraphError, type Network } from "@tiegraph/core";
import { csvText, type CsvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";

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
  const d = disclosure(options);
  let asOf: number | undefined;
  if (options.asOf !== undefined) {
    asOf = parseDay(options.asOf);
    if (asOf === undefined) throw new TiegraphError("tiegraph/io/export", "invalid-option", `invalid asOf date ${JSON.stringify(options.asOf)}`, { expected: "a date YYYY-MM-DD" });
  }
  const t = directedTies(network, { excludeConfidential: !d.includeConfidential, ...(asOf === undefined ? {} : { asOf }) });
  const people = network.people();
  const rows: CsvCell[][] = [];
  for (let p = 0; p < t.pairCount; p++) {
    const s = people[t.source[p]!]!;
    const r = people[t.target[p]!]!;
    rows.push([s.id, s.name, r.id, r.name, t.strength[p], t.givenValue[p], t.count[p], t.givingCount[p], formatDay(t.firstDay[p]!), formatDay(t.lastDay[p]!)]);
  }
  return csvText(["source", "sourceName", "target", "targetName", "strength", "value", "count", "givingCount", "firstDate", "lastDate"], rows);
}
