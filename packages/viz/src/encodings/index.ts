export * from "./legend-spec.js";
export * from "./node-size.js";
export * from "./node-colour.js";
export * from "./edge-colour.js";
export * from "./edge-width.js";
export * from "./edge-arrows.js";
