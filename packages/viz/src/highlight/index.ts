export * from "./emphasis.js";
export * from "./reducers.js";
