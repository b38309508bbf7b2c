export * from "./random.js";
export * from "./professional.js";
