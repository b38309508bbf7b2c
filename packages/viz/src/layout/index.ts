export type { Positions } from "./positions.js";
export * from "./ego-rings.js";
export * from "./sunflower.js";
export * from "./forceatlas2.js";
