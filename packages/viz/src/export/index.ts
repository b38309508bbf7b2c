export * from "./png.js";
