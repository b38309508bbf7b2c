/**
 * @tiegraph/io: importers (LinkedIn, vCard, calendars, generic CSV), merging
 * with a report, exporters that keep confidential exchanges and notes out
 * unless asked, and encrypted network files. Runs in browsers and Node; the
 * Node-only parts (atomic saves) are in `@tiegraph/io/node`.
 * @packageDocumentation
 */
export * from "./input/index.js";
export * from "./importers/index.js";
export * from "./merge/index.js";
export * from "./exporters/index.js";
export * from "./storage/index.js";
