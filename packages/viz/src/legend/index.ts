export * from "./legend-element.js";
export * from "./shown-counts.js";
