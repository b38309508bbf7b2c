/**
 * Affiliations CSV: who belonged to which organisation, when, in what role.
 * People change employers; internal/external is judged with the affiliation
 * valid on the date of each exchange.
 */
import type { Affiliation } from "@tiegraph/core";
import { readCsvRows } from "../input/csv-rows.js";
import type { TextSource } from "../input/text-source.js";
import { CsvColumns, RowReader } from "./csv-columns.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, type ImportOptions } from "./options.js";

/** Documented columns of an affiliations CSV. */
export const AFFILIATIONS_CSV_COLUMNS = ["person", "organisation", "from", "to", "role", "organisationName"] as const;
type Column = (typeof AFFILIATIONS_CSV_COLUMNS)[number];

/** Options of {@link importAffiliationsCsv}. */
export type AffiliationsCsvOptions = ImportOptions;

/** Defaults of {@link importAffiliationsCsv}. */
export const DEFAULT_AFFILIATIONS_CSV_OPTIONS: Readonly<AffiliationsCsvOptions> = DEFAULT_IMPORT_OPTIONS;

/**
 * Reads an affiliations CSV. Columns, by header name in any order:
 * - `person` (required): a person id;
 * - `organisation` (required): an organisation id or name (a new one is created when no
 *   organisation of the network has that id or name); with `organisationName`, the
 *   `organisation` cell is the id and this the display name;
 * - `from`, `to`: ISO 8601 dates, inclusive; empty = since always / still there;
 * - `role`.
 *
 * @example
 * ```ts
 * const a = await importAffiliationsCsv("person,organisation,from,to,role\nann,Acme,2021-01-04,,CTO\n");
 * a.affiliations[0]; // { person: "ann", organisation: "acme", from: "2021-01-04", role: "CTO" }
 * ```
 */
export async function importAffiliationsCsv(source: TextSource, options: AffiliationsCsvOptions = {}): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_AFFILIATIONS_CSV_OPTIONS, ...options };
  const log = new ProblemLog("tiegraph/io/affiliations-csv", opts.file, opts.strict, opts.maxProblems);
  const out = new ImportBuilder("affiliations-csv", opts.file, false);
  let columns: CsvColumns<Column> | undefined;
  out.result.records = await readCsvRows(
    source,
    log,
    (row, line) => {
      if (!columns) {
        columns = CsvColumns.fromHeader(row, AFFILIATIONS_CSV_COLUMNS, ["person", "organisation"], log, line);
        for (const [name, i] of columns.extra) log.report("invalid-field", `unknown column ${JSON.stringify(name)} ignored`, { line, column: i + 1 }, `one of ${AFFILIATIONS_CSV_COLUMNS.join(", ")}`);
        return;
      }
      const r = new RowReader(columns, row, line, log, `affiliation at line ${line}`);
      r.checkWidth();
      const person = r.required("person", "a person id");
      const organisation = r.required("organisation", "an organisation id or name");
      const from = r.date("from");
      const to = r.date("to");
      if (!r.ok) return;
      const record = `affiliation at line ${line}`;
      const name = out.name(r.text("organisationName"), "organisationName", line, record);
      const a: Affiliation = { person, organisation: name ? out.organisation(name, line, organisation) : out.organisation(out.name(organisation, "organisation", line, record), line) };
      if (from !== undefined) a.from = from;
      if (to !== undefined) a.to = to;
      const role = out.name(r.text("role"), "role", line, record);
      if (role !== "") a.role = role;
      out.affiliation(a, line);
    },
    opts.onProgress,
  );
  if (!columns) log.fatal("missing-field", "the file has no header line", { line: 1 }, "a header line naming at least person, organisation");
  checkImport(out.result, log, (field) => columns?.column(field as Column));
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}
