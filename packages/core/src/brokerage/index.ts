// Brokerage and position: Burt's constraint and effective size, betweenness, bridging contacts.
export type { TieGraphOptions } from "./mutual-ties.js";
export { constraint, DEFAULT_TIE_GRAPH_OPTIONS } from "./constraint.js";
export { effectiveSize } from "./effective-size.js";
export { betweenness, startBetweenness, DEFAULT_BETWEENNESS_OPTIONS, type BetweennessOptions, type BetweennessRun } from "./betweenness.js";
export { bridgingContacts, type BridgingOptions, type BridgingContact, type BridgedGroup } from "./bridging-contacts.js";
export { betweennessWithinBudget, betweennessErrorBound, DEFAULT_BETWEENNESS_BUDGET_OPTIONS, type BetweennessBudgetOptions, type BetweennessEstimate } from "./betweenness-estimate.js";
