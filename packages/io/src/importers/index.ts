// Importers: each reads one format into an ImportedNetwork for mergeInto.
export * from "./imported.js";
export { DEFAULT_IMPORT_OPTIONS, DEFAULT_EGO, type ImportOptions, type EgoOption } from "./options.js";
export * from "./people-csv.js";
export * from "./exchanges-csv.js";
export * from "./affiliations-csv.js";
export * from "./linkedin-connections.js";
export * from "./vcard.js";
export * from "./calendar.js";
export { slugId } from "./ids.js";
export { withoutControlCharacters } from "./control-characters.js";
