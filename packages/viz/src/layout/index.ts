export type { Positions } from "./positions.js";
export * from "./ego-rings.js";
export * from "./sunflower.js";
// ForceAtlas2 runs in a web worker: exported from the browser entry (src/browser.ts)
