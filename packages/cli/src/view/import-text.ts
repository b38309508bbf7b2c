/**
 * What an import did, as text: the files read, the merge, the people merged
 * and the ambiguous ones, the records skipped (each with its file and line),
 * and the file written.
 */
import type { Network } from "@tiegraph/core";
import type { ImportedNetwork, MergeReport } from "@tiegraph/io";
import { plural } from "./table.js";

/** How each source format is called in the summary. */
const FORMAT_LABELS: Readonly<Record<ImportedNetwork["format"], string>> = {
  "people-csv": "people CSV",
  "affiliations-csv": "affiliations CSV",
  "exchanges-csv": "exchanges CSV",
  linkedin: "LinkedIn connections",
  vcard: "vCard address book",
  calendar: "iCalendar",
  gexf: "GEXF graph",
  graphml: "GraphML graph",
};

/** What the summary reads of an import: its format, file, counts and problems (an {@link ImportedNetwork} is one). */
export interface ImportSummary {
  format: ImportedNetwork["format"];
  file: string | undefined;
  records: number;
  /** Problems found in the file (its records skipped), listed or not. */
  problemCount: number;
  people: { readonly length: number };
  organisations: { readonly length: number };
  affiliations: { readonly length: number };
  exchanges: { readonly length: number };
}

/**
 * An import's summary without its records, so they can be let go once merged.
 *
 * @example importSummary(await importPeopleCsv(text)).people.length // the people read
 */
export function importSummary(imp: ImportedNetwork): ImportSummary {
  return {
    format: imp.format,
    file: imp.file,
    records: imp.records,
    problemCount: imp.problemCount,
    people: { length: imp.people.length },
    organisations: { length: imp.organisations.length },
    affiliations: { length: imp.affiliations.length },
    exchanges: { length: imp.exchanges.length + (imp.exchangeRows?.length ?? 0) },
  };
}

/** Problems and merges listed one per line before "… and n more" (all with --verbose); `import` keeps no more problems than this. */
export const LIST_LIMIT = 20;

function limited<T>(items: readonly T[], all: boolean, line: (item: T) => string, total = items.length): string {
  const shown = all ? items : items.slice(0, LIST_LIMIT);
  let out = shown.map((x) => `  ${line(x)}\n`).join("");
  if (shown.length < total) out += `  … and ${total - shown.length} more (--verbose lists them all)\n`;
  return out;
}

/**
 * What an import did, for the terminal: per file the records read and
 * skipped, then the merge (people added, merged and ambiguous, organisations,
 * affiliations, exchanges, duplicates), the skipped records with their file
 * and line, and the file written.
 *
 * @example
 * ```ts
 * process.stdout.write(renderImport(imports, mergeInto(network, imports), network, { people: 0, exchanges: 0 }, "net.json", false));
 * ```
 */
export function renderImport(imports: readonly ImportSummary[], report: MergeReport, network: Network, before: { people: number; exchanges: number }, output: string, verbose: boolean): string {
  const out: string[] = [];
  for (const imp of imports) {
    const label = FORMAT_LABELS[imp.format];
    const got = [plural(imp.people.length, "person", "people"), plural(imp.organisations.length, "organisation"), plural(imp.affiliations.length, "affiliation"), plural(imp.exchanges.length, "exchange")].join(", ");
    out.push(`read ${imp.file} (${label}): ${plural(imp.records, "record")}: ${got}${imp.problemCount ? `; ${plural(imp.problemCount, "problem")} (records skipped)` : ""}\n`);
  }
  out.push(`\nmerged: ${plural(report.added.length, "person", "people")} added, ${report.merged.length} merged with people already known, ${report.ambiguous.length} ambiguous (added apart)\n`);
  out.push(`        ${plural(report.organisationsAdded.length, "organisation")}, ${plural(report.affiliationsAdded, "affiliation")} and ${plural(report.exchangesAdded, "exchange")} added\n`);
  if (report.duplicates.exchanges || report.duplicates.affiliations) out.push(`        already there, left out: ${plural(report.duplicates.exchanges, "exchange")}, ${plural(report.duplicates.affiliations, "affiliation")}\n`);
  if (report.merged.length) {
    out.push(`\nmerged people:\n`);
    out.push(limited(report.merged, verbose, (m) => `${m.origin?.file ?? "?"}${m.origin ? `:${m.origin.line}` : ""}: ${m.name} is ${m.into} (same ${m.by})`));
  }
  if (report.ambiguous.length) {
    out.push(`\nambiguous people (added as new; merge them by hand if they are the same):\n`);
    out.push(limited(report.ambiguous, verbose, (a) => `${a.origin?.file ?? "?"}${a.origin ? `:${a.origin.line}` : ""}: ${a.name} added as ${a.addedAs}, might be ${a.candidates.join(" or ")} (${a.reason})`));
  }
  const { problemCount } = report;
  if (problemCount) {
    // a record can have several problems (an exchange naming two unknown people has two): they are counted as problems
    out.push(`\nskipped records: ${plural(problemCount, "problem")}\n`);
    out.push(limited(report.problems, verbose, (p) => p.message, problemCount));
    if (report.problems.some((p) => p.code === "unknown-person")) out.push(`  (a record naming a person who is in neither the network nor the files read is skipped: give the people too, with --people or --into)\n`);
  }
  if (report.notes.length) out.push(`\n${report.notes.map((n) => `note: ${n}\n`).join("")}`);
  out.push(`\nwrote ${output}: ${plural(network.personCount, "person", "people")} (${network.personCount - before.people} new), ${plural(network.organisationCount, "organisation")}, ${plural(network.exchangeCount, "exchange")} (${network.exchangeCount - before.exchanges} new)${network.ego ? `, ego ${network.ego}` : ""}\n`);
  return out.join("");
}
