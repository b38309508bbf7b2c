/**
 * The worker thread that builds a tie index ahead while the main thread
 * decodes a columnar copy (see index-ahead.ts). Bundled on its own, beside
 * the `tiegraph` executable, so that it loads only what it runs.
 */
import { runIndexWorker } from "./index-ahead.js";

runIndexWorker();
