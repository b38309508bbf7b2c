export * from "./types.js";
export * from "./dates.js";
export * from "./network.js";
