/**
 * People CSV export, in the columns {@link importPeopleCsv} reads back.
 */
import type { Network } from "@tiegraph/core";
import { csvChunks, type CsvCell } from "./csv-text.js";
import { currentAffiliation, disclosure, type DisclosureOptions } from "./disclosure.js";
import { joinChunks } from "./text-chunks.js";

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
  return joinChunks(exportPeopleCsvChunks(network, options));
}

/**
 * The text of {@link exportPeopleCsv} in chunks of about 64 Ki characters cut
 * after whole rows; concatenated they are exactly `exportPeopleCsv(network, options)`.
 *
 * @example await saveNetworkFileAtomic("people.csv", exportPeopleCsvChunks(network), { backup: false });
 */
export function exportPeopleCsvChunks(network: Network, options: PeopleCsvExportOptions = {}): Generator<string> {
  const d = disclosure(options);
  const withOrganisation = options.organisation ?? DEFAULT_PEOPLE_CSV_EXPORT_OPTIONS.organisation;
  const names = new Set<string>();
  for (const p of network.people()) for (const a in p.attributes) names.add(a);
  const attributeNames = [...names].sort();
  const header = ["id", "name", ...(withOrganisation ? ["organisation", "role"] : []), "email", "url", "tags", "interests", "cadenceDays", ...(d.includeNotes ? ["notes"] : []), ...attributeNames];
  function* rows(): Generator<CsvCell[]> {
    const people = network.people();
    for (let i = 0; i < people.length; i++) {
      const p = people[i]!;
      const row: CsvCell[] = [p.id, p.name];
      if (withOrganisation) {
        const current = currentAffiliation(network, i);
        row.push(current ? network.organisationAt(current.organisation).name : undefined, current?.role);
      }
      row.push(p.emails?.join(";"), p.url, p.tags?.join(";"), p.interests?.join(";"), p.cadenceDays);
      if (d.includeNotes) row.push(p.notes);
      for (const a of attributeNames) row.push(p.attributes?.[a]);
      yield row;
    }
  }
  return csvChunks(header, rows());
}
