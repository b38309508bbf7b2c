export * from "./types.js";
export * from "./dates.js";
export * from "./network.js";
export { checkBatch, problemError, problemsError, type CheckBatchOptions, type NetworkLookup, type RecordLines, type RecordPlace } from "./validate.js";
