export * from "./types.js";
export * from "./dates.js";
export * from "./network.js";
export { checkBatch, problemError, problemsError, withoutProblems, type BatchWithoutProblems, type CheckBatchOptions, type NetworkLookup, type RecordLines, type RecordPlace } from "./validate.js";
export { NETWORK_EDIT_OPS, type NetworkEdit, type Patch } from "./edits.js";
