export * from "./network-file.js";
export { firstSyntaxError, lineColumn, locatePointer } from "./locate.js";
export { encodeNetworkColumns, decodeNetworkColumns } from "./network-columns.js";
