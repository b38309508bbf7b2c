/**
 * People CSV: one person per row, so any spreadsheet of contacts can feed a
 * network.
 */
import type { Person } from "@tiegraph/core";
import { readCsvRows } from "../input/csv-rows.js";
import type { TextSource } from "../input/text-source.js";
import { unguardFormula } from "../exporters/csv-guard.js";
import { CsvColumns, RowReader, listCell } from "./csv-columns.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, type ImportOptions } from "./options.js";

/** Documented columns of a people CSV. */
export const PEOPLE_CSV_COLUMNS = ["id", "name", "organisation", "role", "email", "url", "tags", "interests", "cadenceDays", "notes"] as const;
type Column = (typeof PEOPLE_CSV_COLUMNS)[number];

/** Options of {@link importPeopleCsv}. */
export type PeopleCsvOptions = ImportOptions;

/** Defaults of {@link importPeopleCsv}. */
export const DEFAULT_PEOPLE_CSV_OPTIONS: Readonly<PeopleCsvOptions> = DEFAULT_IMPORT_OPTIONS;

/**
 * Reads a people CSV. Columns are found by header name, in any order:
 * - `id` (required): the person's id, used by the exchanges and affiliations CSVs;
 * - `name` (required);
 * - `organisation`: where they work now (an organisation id or name; gives a current affiliation), with `role`;
 * - `email`: one or more addresses separated by `;`; `url`: profile address;
 * - `tags`, `interests`: lists separated by `;`; `cadenceDays`: see them every n days;
 * - `notes`: private notes (never exported unless asked);
 * - any other column becomes a person attribute (`office`, `practice`…):
 *   numbers and true/false become numbers and booleans, the rest stays text.
 *
 * A row with a problem (no id, a repeated id, a bad number) is skipped and
 * listed; in strict mode the first problem throws. The result goes into a
 * network with {@link mergeInto}.
 *
 * @example
 * ```ts
 * const people = await importPeopleCsv("id,name,organisation,office\nann,Ann Lee,Acme,Paris\n", { file: "people.csv" });
 * mergeInto(network, people);
 * ```
 */
export async function importPeopleCsv(source: TextSource, options: PeopleCsvOptions = {}): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_PEOPLE_CSV_OPTIONS, ...options };
  const log = new ProblemLog("tiegraph/io/people-csv", opts.file, opts.strict, opts.maxProblems);
  const out = new ImportBuilder("people-csv", opts.file, false);
  let columns: CsvColumns<Column> | undefined;
  out.result.records = await readCsvRows(
    source,
    log,
    (row, line) => {
      if (!columns) {
        columns = CsvColumns.fromHeader(row, PEOPLE_CSV_COLUMNS, ["id", "name"], log, line);
        return;
      }
      const idText = columns.text(row, "id");
      // the record's name is made only for a problem or a warning: a hundred thousand good rows make no strings
      const r = new RowReader(columns, row, line, log, () => (idText ? `person ${JSON.stringify(idText)}` : `row at line ${line}`));
      r.checkWidth();
      const id = r.required("id", "a person id");
      const record = (): string => `person ${JSON.stringify(id)}`;
      const name = out.name(r.required("name", "the person's name"), "name", line, record);
      if (name === "" && r.text("name") !== "") r.bad("missing-field", "the name holds only control characters", "name", "the person's name");
      // Repeated ids and the cadence's range are the model's rules: checkImport applies them.
      const cadence = r.number("cadenceDays", "a positive number of days");
      if (!r.ok) return;
      const person: Person = { id, name };
      const emails = listCell(r.text("email"));
      if (emails.length) person.emails = emails;
      const url = r.text("url");
      if (url) person.url = url;
      const tags = listCell(r.text("tags"));
      if (tags.length) person.tags = tags;
      const interests = listCell(r.text("interests"));
      if (interests.length) person.interests = interests;
      if (cadence !== undefined) person.cadenceDays = cadence;
      const notes = r.text("notes");
      if (notes) person.notes = notes;
      let attributes: Record<string, string | number | boolean> | undefined;
      for (const [header, i] of columns.extra) {
        const v = attributeValue(row[i]);
        if (v !== undefined) (attributes ??= {})[header] = v;
      }
      if (attributes !== undefined) person.attributes = attributes;
      out.person(person, line);
      const org = out.name(r.text("organisation"), "organisation", line, record);
      if (org) {
        const organisation = out.organisation(org, line);
        const role = out.name(r.text("role"), "role", line, record);
        out.affiliation(role ? { person: id, organisation, role } : { person: id, organisation }, line);
      }
    },
    opts.onProgress,
  );
  if (!columns) log.fatal("missing-field", "the file has no header line", { line: 1 }, "a header line naming at least id, name");
  checkImport(out.result, log, (field) => columns?.column((field === "emails" ? "email" : field) as Column));
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}

/**
 * An attribute cell as a value: a number when the text is exactly a number's
 * usual spelling (so "007" and "1e3" stay text), true/false as booleans;
 * guarded text (`'-1`, see {@link unguardFormula}) stays text.
 */
export function attributeValue(cell: string | undefined): string | number | boolean | undefined {
  if (cell === undefined || cell === "") return undefined;
  if (cell === "true") return true;
  if (cell === "false") return false;
  const n = Number(cell);
  if (Number.isFinite(n) && String(n) === cell) return n;
  return unguardFormula(cell);
}
