/**
 * Affiliations CSV export, in the columns {@link importAffiliationsCsv} reads back.
 */
import type { Network } from "@tiegraph/core";
import { csvChunks, type CsvCell } from "./csv-text.js";
import { joinChunks } from "./text-chunks.js";

/**
 * Every affiliation as CSV: `person,organisation,organisationName,from,to,role`
 * (organisation by id, with its display name).
 *
 * @example exportAffiliationsCsv(network).split("\r\n")[0] // "person,organisation,organisationName,from,to,role"
 */
export function exportAffiliationsCsv(network: Network): string {
  return joinChunks(exportAffiliationsCsvChunks(network));
}

/**
 * The text of {@link exportAffiliationsCsv} in chunks of about 64 Ki
 * characters cut after whole rows; concatenated they are exactly `exportAffiliationsCsv(network)`.
 *
 * @example await saveNetworkFileAtomic("affiliations.csv", exportAffiliationsCsvChunks(network), { backup: false });
 */
export function exportAffiliationsCsvChunks(network: Network): Generator<string> {
  function* rows(): Generator<CsvCell[]> {
    for (const p of network.people()) {
      for (const a of network.affiliationsOf(p.id)) yield [a.person, a.organisation, network.organisation(a.organisation).name, a.from, a.to, a.role];
    }
  }
  return csvChunks(["person", "organisation", "organisationName", "from", "to", "role"], rows());
}
