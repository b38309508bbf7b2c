/**
 * @tiegraph/io/node: the parts that need Node's file system (atomic saves with
 * a backup). Everything browser-safe is re-exported too.
 * @packageDocumentation
 */
export * from "./index.js";
export * from "./storage/atomic-save.js";
