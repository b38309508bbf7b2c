export * from "./scene.js";
export * from "./from-network.js";
export * from "./from-graph.js";
