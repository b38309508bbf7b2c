// Merging imports into a network, and the identity keys people are matched by.
export * from "./merge-into.js";
export * from "./identity.js";
