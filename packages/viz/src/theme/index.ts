export * from "./colour.js";
export * from "./themes.js";
