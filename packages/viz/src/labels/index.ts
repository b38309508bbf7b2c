export * from "./draw-label.js";
