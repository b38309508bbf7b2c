// Reciprocity: per relationship (balance, ledger, souring) and for the whole network.
export { DEFAULT_RECIPROCITY_OPTIONS, type ReciprocityOptions, type ReciprocityOptionsInput, type SouringRule, type SouringRules } from "./options.js";
export { gestureValue } from "./gesture-value.js";
export type { Souring, SouringReason } from "./souring.js";
export { relationshipBalance, type RelationshipBalance } from "./relationship-balance.js";
export { reciprocityLedger, type LedgerOptions, type ReciprocityLedger } from "./ledger.js";
export { pairBalances, pairImbalances, type PairBalanceOptions, type PairBalances } from "./pair-balances.js";
export type { NetworkReciprocityOptions } from "./giving-ties.js";
export { overallReciprocity } from "./overall-reciprocity.js";
export { personReciprocity } from "./person-reciprocity.js";
export { weightedReciprocity, DEFAULT_WEIGHTED_RECIPROCITY_OPTIONS, type WeightedReciprocity, type WeightedReciprocityOptions, type PersonWeightedReciprocity } from "./weighted-reciprocity.js";
