/**
 * Exchanges CSV export, in the columns {@link importExchangesCsv} reads back.
 */
import type { Network } from "@tiegraph/core";
import { csvChunks, type CsvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";
import { joinChunks } from "./text-chunks.js";

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
  return joinChunks(exportExchangesCsvChunks(network, options));
}

/**
 * The text of {@link exportExchangesCsv} in chunks of about 64 Ki characters
 * cut after whole rows; concatenated they are exactly `exportExchangesCsv(network, options)`.
 *
 * @example await saveNetworkFileAtomic("exchanges.csv", exportExchangesCsvChunks(network), { backup: false });
 */
export function exportExchangesCsvChunks(network: Network, options: ExchangesCsvExportOptions = {}): Generator<string> {
  const d = disclosure(options);
  const header = ["id", "date", "from", "to", "kind", "value", "minutes", "format", "introduced", "tags", ...(d.includeConfidential ? ["confidential"] : []), ...(d.includeNotes ? ["note"] : [])];
  function* rows(): Generator<CsvCell[]> {
    for (let i = 0; i < network.exchangeCount; i++) {
      if (!d.includeConfidential && network.isConfidential(i)) continue;
      const e = network.exchangeAt(i);
      const row: CsvCell[] = [e.id.startsWith("#") ? undefined : e.id, e.date, e.from, e.to, e.kind, e.value, e.minutes, e.format, e.introduced, e.tags?.join(";")];
      if (d.includeConfidential) row.push(e.confidential === true ? true : undefined);
      if (d.includeNotes) row.push(e.note);
      yield row;
    }
  }
  return csvChunks(header, rows());
}
