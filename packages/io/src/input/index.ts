// Reading text from strings, Blobs/Files and streams.
export { sourceSize, textChunks, readText, type TextSource, type ReadProgress } from "./text-source.js";
export { MAX_QUOTED_CELL } from "./csv-rows.js";
