/**
 * Reciprocity ledger CSV: core's `reciprocityLedger` ("who owes whom"), one
 * row per contact, for spreadsheets.
 */
import { formatSouringReasons, reciprocityLedger, type LedgerOptions, type Network } from "@tiegraph/core";
import { csvText, type CsvCell } from "./csv-text.js";
import { disclosure, type DisclosureOptions } from "./disclosure.js";

/** Options of {@link exportLedgerCsv}: the ledger's options (person, asOf, …) and disclosure. */
export type LedgerCsvExportOptions = Omit<LedgerOptions, "excludeConfidential" | "revealConfidential"> & DisclosureOptions;

/**
 * The reciprocity ledger of ego (or `options.person`) as CSV, most owed first
 * (balance ascending): `contact,contactName,given,received,givenRaw,
 * receivedRaw,balance,imbalance,oneWayStreak,streakDirection,
 * daysSinceOtherGave,daysSinceYouGave,lastDate,exchanges,souring,souringReasons`.
 * Figures are core's {@link reciprocityLedger} (decayed values, gestures
 * diminished). Without `includeConfidential`, confidential exchanges are left
 * out of every figure and never cited in souring reasons.
 *
 * @example exportLedgerCsv(network, { asOf: "2026-09-30" })
 */
export function exportLedgerCsv(network: Network, options: LedgerCsvExportOptions = {}): string {
  const d = disclosure(options);
  const { includeConfidential: _c, includeNotes: _n, ...ledgerOptions } = options;
  const ledger = reciprocityLedger(network, { ...ledgerOptions, excludeConfidential: !d.includeConfidential, revealConfidential: d.includeConfidential });
  const rows = [...ledger.entries]
    .sort((a, b) => a.balance - b.balance || (a.contact < b.contact ? -1 : a.contact > b.contact ? 1 : 0))
    .map((e): CsvCell[] => [
      e.contact,
      network.person(e.contact).name,
      e.given,
      e.received,
      e.givenRaw,
      e.receivedRaw,
      e.balance,
      e.imbalance ?? undefined,
      e.oneWayStreak,
      e.streakDirection,
      e.daysSinceOtherGave ?? undefined,
      e.daysSinceYouGave ?? undefined,
      e.lastDate ?? undefined,
      e.exchanges,
      e.souring?.direction,
      e.souring && formatSouringReasons(e.souring.reasons),
    ]);
  return csvText(
    ["contact", "contactName", "given", "received", "givenRaw", "receivedRaw", "balance", "imbalance", "oneWayStreak", "streakDirection", "daysSinceOtherGave", "daysSinceYouGave", "lastDate", "exchanges", "souring", "souringReasons"],
    rows,
  );
}
