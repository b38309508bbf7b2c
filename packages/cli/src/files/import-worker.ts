/**
 * The worker thread that reads `tiegraph import`'s exchanges CSVs while the
 * main thread reads the other files (see import-ahead.ts). Bundled on its
 * own, beside the `tiegraph` executable, so that it loads only what it runs.
 */
import { runImportWorker } from "./import-ahead.js";

await runImportWorker();
