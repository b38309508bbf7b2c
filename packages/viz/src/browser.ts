/**
 * @tiegraph/viz/browser: everything in `@tiegraph/viz` plus what needs a
 * browser at load: `mountNetworkView` (sigma, WebGL), the ForceAtlas2 layout
 * in a web worker and PNG export. Import this entry from code that a bundler
 * builds for the browser.
 * @packageDocumentation
 */
export * from "./index.js";
export * from "./view/index.js";
export * from "./export/index.js";
export * from "./layout/forceatlas2.js";
