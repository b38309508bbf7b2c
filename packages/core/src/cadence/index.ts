// Cadence: the clock that keeps relationships current, and the weekly networking plan built on it.
export * from "./tiers.js";
export * from "./relationship-cadences.js";
export * from "./calendar-date.js";
