export * from "./research.js";
