/**
 * @tiegraph/core: the model, graphs and analytics of professional networking.
 * Runs unchanged in Node and in browsers.
 * @packageDocumentation
 */
// showValue (a value cut short for an error message) is internal (@tiegraph/core/internal)
export { TiegraphError, type ErrorLocation, type Problem, type TiegraphErrorCode, type TiegraphErrorDetails } from "./errors.js";
export * from "./model/index.js";
export * from "./graph/index.js";
export * from "./format/index.js";
export * from "./generate/index.js";
export * from "./datasets/index.js";
export * from "./reciprocity/index.js";
export * from "./mix/index.js";
export * from "./brokerage/index.js";
export * from "./paths/index.js";
export * from "./cadence/index.js";
export * from "./requests/index.js";
export * from "./wording/index.js";
