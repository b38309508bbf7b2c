// Builds the two pages in browser/ into dist-browser (no plugins: what a plain vite project does).
import { fileURLToPath } from "node:url";

const page = (name) => fileURLToPath(new URL(`browser/${name}`, import.meta.url));
export default {
  root: "browser",
  logLevel: "warn",
  build: { outDir: "../dist-browser", emptyOutDir: true, reportCompressedSize: false, manifest: true, rollupOptions: { input: { ei: page("index.html"), view: page("view.html") } } },
};
