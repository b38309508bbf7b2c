/**
 * Exchanges CSV export, in the columns {@link importExchangesCsv} reads back.
 */
import type { Network } from "@tiegraph/core";
import { csvText, type CsvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";

/** Options of {@link exportExchangesCsv}. */
export type ExchangesCsvExportOptions = DisclosureOptions;

/**
 * Every exchange as CSV: `id,date,from,to,kind,value,minutes,format,introduced,tags`,
 * plus `confidential` with `includeConfidential` and `note` with
 * `includeNotes`. Without `includeConfidential`, confidential exchanges are
 * not written at all. `id` and `value` are written only when they were given
 * (not the network's `#n` ids or the kind's default value), so a re-import
 * rebuilds the same network.
 *
 * @example exportExchangesCsv(network, { includeConfidential: true, includeNotes: true })
 */
export function exportExchangesCsv(network: Network, options: ExchangesCsvExportOptions = {}): string {
  const d = disclosure(options);
  const header = ["id", "date", "from", "to", "kind", "value", "minutes", "format", "introduced", "tags", ...(d.includeConfidential ? ["confidential"] : []), ...(d.includeNotes ? ["note"] : [])];
  const rows: CsvCell[][] = [];
  for (let i = 0; i < network.exchangeCount; i++) {
    if (!d.includeConfidential && network.isConfidential(i)) continue;
    const e = network.exchangeAt(i);
    const row: CsvCell[] = [e.id.startsWith("#") ? undefined : e.id, e.date, e.from, e.to, e.kind, e.value, e.minutes, e.format, e.introduced, e.tags?.join(";")];
    if (d.includeConfidential) row.push(e.confidential === true ? true : undefined);
    if (d.includeNotes) row.push(e.note);
    rows.push(row);
  }
  return csvText(header, rows);
}
