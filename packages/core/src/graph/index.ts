export * from "./tie-strength.js";
export * from "./tie-index.js";
export * from "./graphs.js";
export * from "./visible-exchanges.js";
export * from "./reference-day.js";
export * from "./network-as-of.js";
export * from "./prototype-safe.js";
