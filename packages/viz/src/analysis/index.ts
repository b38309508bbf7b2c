export * from "./view-analysis.js";
export * from "./analyse-for-view.js";
