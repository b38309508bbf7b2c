// Bundles the `tiegraph` command (dist/bin.js, as tsc wrote it) with everything it
// imports into that one file, in place. Node then loads one module instead of
// resolving and linking about a hundred (the workspace packages' files and the
// dependencies'): every command starts ~0.15 s sooner (docs/benchmarks.md,
// "Commands"). The library entry (dist/index.js) is left as tsc wrote it.
// No source map: one would point at the other packages' sources, which this
// package does not ship; tsc's map of the unbundled file is removed with it.
// The bundled third-party packages' licences are written beside it
// (dist/THIRD-PARTY-LICENSES.txt), and the file's first comment names them.
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const common = {
  entryPoints: [bin],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: false,
  logLevel: "warning",
};

/** The third-party package a bundled input file belongs to, and that package's folder (undefined: tiegraph's own file). */
function packageOf(input) {
  const at = input.lastIndexOf("node_modules/");
  if (at < 0) return undefined;
  const rest = input.slice(at + "node_modules/".length).split("/");
  const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  return { name, root: join(input.slice(0, at), "node_modules", name) };
}

// first pass: which third-party packages end up in the bundle
const probe = await build({ ...common, write: false, metafile: true, outfile: bin });
const packages = new Map();
for (const input of Object.keys(probe.metafile.inputs)) {
  const found = packageOf(input);
  if (found === undefined) continue;
  const { name, root } = found;
  if (packages.has(name)) continue;
  const pkg = JSON.parse(readFileSync(root + "/package.json", "utf8"));
  const licenceFile = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  packages.set(name, { version: pkg.version, license: pkg.license, text: licenceFile ? readFileSync(join(root, licenceFile), "utf8").trim() : "" });
}
const named = [...packages].sort(([a], [b]) => a.localeCompare(b));
const notice = [
  "/*",
  " * tiegraph command, bundled with the packages it uses. Third-party code in this file",
  " * (unmodified; each package's own source is on the npm registry, licences in THIRD-PARTY-LICENSES.txt beside this file):",
  ...named.map(([name, p]) => ` *   ${name} ${p.version} (${p.license})`),
  " */",
].join("\n");
const licences = named.map(([name, p]) => `${name} ${p.version} (${p.license})\n\n${p.text || "(no licence file in the package)"}\n`).join("\n" + "-".repeat(72) + "\n\n");

await build({
  ...common,
  outfile: bin,
  allowOverwrite: true,
  // CommonJS dependencies (commander) call require() for Node's own modules; an
  // ES module has no require of its own, so it is made here
  banner: { js: `${notice}\nimport { createRequire as tiegraphCreateRequire } from "node:module";\nconst require = tiegraphCreateRequire(import.meta.url);` },
  legalComments: "eof",
});
writeFileSync(join(dirname(bin), "THIRD-PARTY-LICENSES.txt"), licences);

// the worker thread that builds a tie index while the command decodes a columnar copy
// (src/files/index-ahead.ts): bundled on its own so that it loads only what it runs
// (tiegraph's own packages: no third-party code)
const worker = fileURLToPath(new URL("../dist/files/index-worker.js", import.meta.url));
await build({ ...common, entryPoints: [worker], outfile: worker, allowOverwrite: true });
if (existsSync(`${worker}.map`)) rmSync(`${worker}.map`);

// the worker thread that reads `import`'s exchanges CSVs while the other files are read (src/files/import-ahead.ts):
// io's CSV reading, with the CSV parser it falls back on (a package bin.js bundles too: its licence is in the same file)
const importWorker = fileURLToPath(new URL("../dist/files/import-worker.js", import.meta.url));
const probeWorker = await build({ ...common, entryPoints: [importWorker], write: false, metafile: true, outfile: importWorker });
const workerPackages = [...new Set(Object.keys(probeWorker.metafile.inputs).flatMap((i) => packageOf(i)?.name ?? []))].sort();
for (const name of workerPackages) if (!packages.has(name)) throw new Error(`import-worker.js bundles ${name}, which bin.js does not: its licence would be missing`);
const workerNotice = ["/*", " * tiegraph's import worker thread, bundled with the packages it uses. Third-party code in this file", " * (unmodified; licences in ../THIRD-PARTY-LICENSES.txt):", ...workerPackages.map((name) => ` *   ${name} ${packages.get(name).version} (${packages.get(name).license})`), " */"].join("\n");
await build({ ...common, entryPoints: [importWorker], outfile: importWorker, allowOverwrite: true, banner: { js: workerNotice }, legalComments: "eof" });
if (existsSync(`${importWorker}.map`)) rmSync(`${importWorker}.map`);
if (existsSync(`${bin}.map`)) rmSync(`${bin}.map`);
