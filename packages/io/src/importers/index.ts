// Importers: each reads one format into an ImportedNetwork for mergeInto.
// named lists where a file also holds internals (ImportBuilder, attributeValue, linkedInDate): add new public names here
export { emptyImport, importWarningText, type ImportedNetwork, type ImportFormat, type ImportWarning, type ImportWarningCode, type LargeEventsSkipped, type RecordOrigin } from "./imported.js";
export { DEFAULT_IMPORT_OPTIONS, DEFAULT_EGO, type ImportOptions, type EgoOption } from "./options.js";
export { importPeopleCsv, PEOPLE_CSV_COLUMNS, DEFAULT_PEOPLE_CSV_OPTIONS, type PeopleCsvOptions } from "./people-csv.js";
export * from "./exchanges-csv.js";
export * from "./affiliations-csv.js";
export { importLinkedInConnections, DEFAULT_LINKEDIN_OPTIONS, type LinkedInOptions } from "./linkedin-connections.js";
export * from "./vcard.js";
export * from "./calendar.js";
export { withoutControlCharacters } from "./control-characters.js";
export { importGexf, importGraphml, DEFAULT_GRAPH_FILE_OPTIONS, type GraphFileOptions } from "./graph-file.js";
