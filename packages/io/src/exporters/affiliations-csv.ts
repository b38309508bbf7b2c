/**
 * Affiliations CSV export, in the columns {@link importAffiliationsCsv} reads back.
 */
import type { Network } from "@tiegraph/core";
import { csvText, type CsvCell } from "./csv-text.js";

/**
 * Every affiliation as CSV: `person,organisation,organisationName,from,to,role`
 * (organisation by id, with its display name).
 *
 * @example exportAffiliationsCsv(network).split("\r\n")[0] // "person,organisation,organisationName,from,to,role"
 */
export function exportAffiliationsCsv(network: Network): string {
  const rows: CsvCell[][] = [];
  for (const p of network.people()) {
    for (const a of network.affiliationsOf(p.id)) rows.push([a.person, a.organisation, network.organisation(a.organisation).name, a.from, a.to, a.role]);
  }
  return csvText(["person", "organisation", "organisationName", "from", "to", "role"], rows);
}
