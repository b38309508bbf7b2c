// Vite configuration of the explorer page: builds from the packages'
// TypeScript sources (the "source" export condition), so the page always
// shows the code in the checkout, and serves on 127.0.0.1 only.
import { fileURLToPath } from "node:url";
import { defineConfig, defaultClientConditions } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // relative asset URLs: the built page also works from a sub-folder or a file server
  base: "./",
  resolve: { conditions: ["source", ...defaultClientConditions] },
  worker: { format: "es" },
  server: { host: "127.0.0.1", port: 5173, strictPort: true },
  preview: { host: "127.0.0.1" },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 2000 },
});
