/**
 * What a file is, from its first few kilobytes rather than its name: people
 * save LinkedIn's export as `linkedin.txt` and tiegraph's own CSVs end in
 * `.csv` too, so the extension says little. CSV kinds are told apart by
 * their header row.
 */

/** The kinds of file the page opens. */
export type FileKind =
  | "network"
  | "encrypted-network"
  | "linkedin"
  | "people-csv"
  | "exchanges-csv"
  | "affiliations-csv"
  | "vcard"
  | "calendar"
  | "gexf"
  | "graphml";

/** How many characters of a file {@link fileKind} looks at. */
export const SNIFF_CHARS = 8192;

/** What the page accepts, for the file picker (a hint only: content decides). */
export const ACCEPTED_FILES = ".json,.enc,.csv,.txt,.vcf,.vcard,.ics,.ical,.gexf,.graphml,.xml";

/** Words for each kind, for messages and the import note. */
export const FILE_KIND_TEXT: Readonly<Record<FileKind, string>> = {
  network: "tiegraph network file",
  "encrypted-network": "encrypted tiegraph network file",
  linkedin: "LinkedIn Connections export",
  "people-csv": "people CSV",
  "exchanges-csv": "exchanges CSV",
  "affiliations-csv": "affiliations CSV",
  vcard: "vCard address book",
  calendar: "iCalendar file",
  gexf: "GEXF graph",
  graphml: "GraphML graph",
};

/**
 * The kind of a file from the start of its text (at least the first
 * {@link SNIFF_CHARS} characters, or all of a shorter file); undefined when
 * it is none of the kinds the page opens.
 *
 * JSON starting with `{` is a network file, encrypted when its `format` is
 * `tiegraph-encrypted` (within the first 400 characters, as @tiegraph/io
 * writes it); `BEGIN:VCARD` and `BEGIN:VCALENDAR` name themselves; XML is
 * GEXF or GraphML by its root element. A CSV's header row decides: LinkedIn
 * has "First Name" and "Last Name" (after a free-text preamble), an
 * exchanges CSV "date", "from" and "to", an affiliations CSV "person" and
 * "organisation", a people CSV "id" and "name".
 *
 * @example fileKind("date,from,to,kind\n2024-01-10,ann,me,favour\n") // "exchanges-csv"
 */
export function fileKind(head: string): FileKind | undefined {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("{")) return /^\{[\s\S]{0,200}"format"\s*:\s*"tiegraph-encrypted"/.test(text.slice(0, 400)) ? "encrypted-network" : "network";
  const upper = text.slice(0, 64).toUpperCase();
  if (upper.startsWith("BEGIN:VCARD")) return "vcard";
  if (upper.startsWith("BEGIN:VCALENDAR")) return "calendar";
  if (text.startsWith("<")) {
    if (/<gexf[\s>]/i.test(text)) return "gexf";
    if (/<graphml[\s>]/i.test(text)) return "graphml";
    return undefined;
  }
  for (const line of text.split(/\r?\n/, 40)) {
    const cells = headerCells(line);
    if (cells.has("first name") && cells.has("last name")) return "linkedin";
    if (cells.has("date") && cells.has("from") && cells.has("to")) return "exchanges-csv";
    if (cells.has("person") && cells.has("organisation")) return "affiliations-csv";
    if (cells.has("id") && cells.has("name")) return "people-csv";
  }
  return undefined;
}

/** A CSV line's cells, unquoted, trimmed and lower-cased (a header row's column names). */
function headerCells(line: string): Set<string> {
  return new Set(line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase()));
}
