/**
 * @tiegraph/viz: maps a tiegraph network's measures to visuals with d3-scale
 * (encodings, legends, themes, layouts, the drawn scene). This entry imports
 * anywhere, Node included; drawing with sigma (WebGL), the ForceAtlas2 worker
 * and PNG export need a browser and are in `@tiegraph/viz/browser`, which
 * re-exports everything here too.
 * @packageDocumentation
 */
export * from "./view/options.js";
export type { NetworkView, NetworkViewEvents, NetworkViewSource, ViewPerson, ViewTie, ViewFilter, FocusOptions, PathHighlight } from "./view/mount.js";
export type { PngOptions } from "./export/png.js";
export type { ForceAtlas2Options, LayoutRunner } from "./layout/forceatlas2.js";
export * from "./analysis/index.js";
export * from "./scene/index.js";
export * from "./encodings/index.js";
export * from "./legend/index.js";
export * from "./highlight/index.js";
export * from "./layout/index.js";
export * from "./labels/index.js";
export * from "./theme/index.js";
export * from "./tooltip/index.js";
