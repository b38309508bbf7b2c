export * from "./options.js";
export * from "./mount.js";
