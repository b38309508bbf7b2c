/**
 * LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your
 * data → Connections). The file opens with a "Notes:" paragraph and a blank
 * line before the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On`;
 * dates read `12 Mar 2024`; e-mail is usually empty; company names may hold
 * quoted commas; some files carry a byte order mark.
 */
import { daysFromCivil, formatDay, parseDay, type Person } from "@tiegraph/core";
import { readCsvRows } from "../input/csv-rows.js";
import type { TextSource } from "../input/text-source.js";
import { CsvColumns, RowReader } from "./csv-columns.js";
import { IdAllocator, slugId } from "./ids.js";
import { checkImport } from "./check-import.js";
import { ImportBuilder, type ImportedNetwork } from "./imported.js";
import { DEFAULT_IMPORT_OPTIONS, ProblemLog, egoPerson, type EgoOption, type ImportOptions } from "./options.js";

const COLUMNS = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"] as const;
type Column = (typeof COLUMNS)[number];

/** Options of {@link importLinkedInConnections}. */
export interface LinkedInOptions extends ImportOptions {
  /** Whose connections these are: the `from` of every connection (default `{ id: "me", name: "Me" }`). */
  ego?: EgoOption;
}

/** Defaults of {@link importLinkedInConnections}. */
export const DEFAULT_LINKEDIN_OPTIONS: Readonly<LinkedInOptions> = DEFAULT_IMPORT_OPTIONS;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A LinkedIn "Connected On" date (`12 Mar 2024`, `12 March 2024`, or ISO
 * `2024-03-12`) as `YYYY-MM-DD`, or undefined.
 *
 * @example linkedInDate("1 Feb 2023") // "2023-02-01"
 */
export function linkedInDate(text: string): string | undefined {
  const m = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/.exec(text.trim());
  if (!m) {
    const d = parseDay(text.trim());
    return d === undefined ? undefined : formatDay(d);
  }
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(m[1]);
  const year = Number(m[3]);
  if (month === 0) return undefined;
  const d = daysFromCivil(year, month, day);
  const text2 = formatDay(d);
  // daysFromCivil rolls 31 Apr over to 1 May; a real date survives the round trip.
  return text2 === `${m[3]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` ? text2 : undefined;
}

/**
 * Reads LinkedIn's Connections.csv. Each row becomes a person (id from the
 * profile URL, e.g. `ann-lee-0a1b2c`, else from the name), a current
 * affiliation with the company and position, and a `connection` exchange from
 * ego to them on the "Connected On" date. The ego is part of the result; on
 * merge it is the network's ego, or is created when the network has none.
 *
 * Rows without a name or with an unreadable date are skipped and listed
 * (thrown in strict mode). The preamble before the header is ignored. A row
 * repeating an earlier row's profile URL is the same connection and is left
 * out, so the person is not added twice.
 *
 * @example
 * ```ts
 * import { createReadStream } from "node:fs";
 * const linkedin = await importLinkedInConnections(createReadStream("Connections.csv"), { file: "Connections.csv" });
 * const report = mergeInto(network, linkedin);
 * ```
 */
export async function importLinkedInConnections(source: TextSource, options: LinkedInOptions = {}): Promise<ImportedNetwork> {
  const opts = { ...DEFAULT_LINKEDIN_OPTIONS, ...options };
  const ego = egoPerson(opts.ego);
  const log = new ProblemLog("tiegraph/io/linkedin", opts.file, opts.strict, opts.maxProblems);
  const out = new ImportBuilder("linkedin", opts.file, true);
  out.result.ego = ego;
  const ids = new IdAllocator((id) => id === ego.id);
  // LinkedIn exports sometimes repeat a connection's row; the profile is the person.
  const seenProfiles = new Set<string>();
  let columns: CsvColumns<Column> | undefined;
  out.result.records = await readCsvRows(
    source,
    log,
    (row, line) => {
      if (!columns) {
        // Everything before the header (the "Notes:" paragraph) is preamble.
        const keys = new Set(row.map((c) => c.trim().toLowerCase()));
        if (keys.has("first name") && keys.has("last name") && keys.has("connected on")) columns = CsvColumns.fromHeader(row, COLUMNS, ["First Name", "Last Name", "Connected On"], log, line);
        return;
      }
      const r = new RowReader(columns, row, line, log, `connection at line ${line}`);
      r.checkWidth();
      const record = `connection at line ${line}`;
      const name = out.name(`${r.text("First Name")} ${r.text("Last Name")}`.trim(), "name", line, record);
      if (name === "") r.bad("missing-field", "connection without a name", "First Name", "a first or last name");
      const dateText = r.text("Connected On");
      const date = linkedInDate(dateText);
      if (date === undefined) r.bad(dateText ? "invalid-date" : "missing-field", "invalid Connected On date", "Connected On", "a date like 12 Mar 2024", dateText);
      if (!r.ok || date === undefined) return;
      const url = r.text("URL");
      const match = /linkedin\.com\/in\/([^/?#]+)/i.exec(url)?.[1];
      const profile = match ? decodeURIComponentSafe(match) : undefined;
      if (profile) {
        const key = profile.toLowerCase();
        if (seenProfiles.has(key)) return;
        seenProfiles.add(key);
      }
      const id = ids.take(slugId(profile ?? name, "contact"));
      const person: Person = { id, name };
      if (url) person.url = url;
      const email = r.text("Email Address");
      if (email) person.emails = [email];
      out.person(person, line);
      const company = out.name(r.text("Company"), "organisation", line, record);
      if (company) {
        const role = out.name(r.text("Position"), "role", line, record);
        const organisation = out.organisation(company, line);
        out.affiliation(role ? { person: id, organisation, role } : { person: id, organisation }, line);
      }
      out.exchange({ date, kind: "connection", from: ego.id, to: id }, line);
    },
    opts.onProgress,
  );
  if (!columns) {
    log.fatal("invalid-format", "not a LinkedIn Connections.csv: no header line", { line: 1 }, "a header line First Name,Last Name,URL,Email Address,Company,Position,Connected On");
  }
  checkImport(out.result, log);
  out.result.problems = log.sorted();
  out.result.problemCount = log.count;
  return out.result;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
