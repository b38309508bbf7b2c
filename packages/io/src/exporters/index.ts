// Exporters: graph formats for Gephi and other tools, CSV for spreadsheets; nothing confidential unless asked.
// Each writes its file as chunks (…Chunks) for streaming to disk, or as one string for small networks.
// named lists where a file also holds internals (disclosure helpers, csvCell/csvText): add new public names here
export { DEFAULT_DISCLOSURE, type DisclosureOptions } from "./disclosure.js";
export * from "./export-elements.js";
export * from "./export-graph.js";
export * from "./gexf.js";
export * from "./graphml.js";
export * from "./graphology-json.js";
export type { CsvCell } from "./csv-text.js";
export { guardFormula, unguardFormula } from "./csv-guard.js";
export * from "./people-csv.js";
export * from "./affiliations-csv.js";
export * from "./exchanges-csv.js";
export * from "./ties-csv.js";
export * from "./ledger-csv.js";
