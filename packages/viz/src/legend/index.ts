export * from "./legend-element.js";
