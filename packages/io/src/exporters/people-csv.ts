/**
 * People CSV export, in the columns {@link importPeopleCsv} reads back.
 */
import type { Network } from "@tiegraph/core";
import { csvText, type CsvCell } from "./csv-text.js";
import { currentAffiliation, disclosure, type DisclosureOptions } from "./disclosure.js";

/** Options of {@link exportPeopleCsv}. */
export interface PeopleCsvExportOptions extends DisclosureOptions {
  /**
   * Write each person's current organisation and role (default true). Turn it off
   * when the affiliations CSV goes along, so a re-import does not add them twice.
   */
  organisation?: boolean;
}

/** Defaults of {@link exportPeopleCsv}. */
export const DEFAULT_PEOPLE_CSV_EXPORT_OPTIONS: Readonly<{ organisation: boolean }> = { organisation: true };

/**
 * The people of a network as CSV: `id,name,organisation,role,email,url,tags,
 * interests,cadenceDays`, then `notes` (only with `includeNotes`), then one
 * column per person attribute. Lists are `;`-separated.
 *
 * @example exportPeopleCsv(network).split("\r\n")[0] // "id,name,organisation,role,email,url,tags,interests,cadenceDays"
 */
export function exportPeopleCsv(network: Network, options: PeopleCsvExportOptions = {}): string {
  const d = disclosure(options);
  const withOrganisation = options.organisation ?? DEFAULT_PEOPLE_CSV_EXPORT_OPTIONS.organisation;
  const attributeNames = [...new Set(network.people().flatMap((p) => Object.keys(p.attributes ?? {})))].sort();
  const header = ["id", "name", ...(withOrganisation ? ["organisation", "role"] : []), "email", "url", "tags", "interests", "cadenceDays", ...(d.includeNotes ? ["notes"] : []), ...attributeNames];
  const rows = network.people().map((p, i): CsvCell[] => {
    const row: CsvCell[] = [p.id, p.name];
    if (withOrganisation) {
      const current = currentAffiliation(network, i);
      row.push(current ? network.organisationAt(current.organisation).name : undefined, current?.role);
    }
    row.push(p.emails?.join(";"), p.url, p.tags?.join(";"), p.interests?.join(";"), p.cadenceDays);
    if (d.includeNotes) row.push(p.notes);
    for (const a of attributeNames) row.push(p.attributes?.[a]);
    return row;
  });
  return csvText(header, rows);
}
