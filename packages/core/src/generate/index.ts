// the seeded random source is internal (@tiegraph/core/internal)
export * from "./professional.js";
