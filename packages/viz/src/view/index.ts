export * from "./options.js";
export * from "./mount.js";
export * from "./paint.js";
export * from "./camera.js";
