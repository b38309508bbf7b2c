/**
 * @tiegraph/viz: draws a tiegraph network in the browser with sigma (WebGL)
 * and maps measures to visuals with d3-scale. Holds no application state:
 * mount a view, drive it through its handle.
 * @packageDocumentation
 */
export * from "./view/index.js";
export * from "./analysis/index.js";
export * from "./scene/index.js";
export * from "./encodings/index.js";
export * from "./legend/index.js";
export * from "./highlight/index.js";
export * from "./layout/index.js";
export * from "./labels/index.js";
export * from "./theme/index.js";
export * from "./tooltip/index.js";
export * from "./export/index.js";
