// Storage that works in browsers too: encrypted network files. Atomic saves are Node-only (@tiegraph/io/node).
export * from "./encryption.js";
