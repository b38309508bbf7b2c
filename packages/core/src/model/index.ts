export * from "./types.js";
export * from "./dates.js";
// the exchange store's column codes and sorting are internal (@tiegraph/core/internal)
export { Network, OPEN_END, OPEN_START, type AffiliationColumns, type AffiliationSpan, type CopiedPeople, type AppliedBatch, type ApplyOptions, type ExchangeColumns, type LazyExtras, type RawExchangeColumns, type StoredExchangeColumns } from "./network.js";
// problemsError and withoutProblems, the loaders' plumbing, are internal (@tiegraph/core/internal)
export { ExchangeRows, type ExchangeRowsParts } from "./exchange-rows.js";
export { checkAffiliation, checkBatch, problemError, type AffiliationRefs, type CheckBatchOptions, type NetworkLookup, type RecordLines, type RecordPlace } from "./validate.js";
export { NETWORK_EDIT_OPS, type NetworkEdit, type Patch } from "./edits.js";
