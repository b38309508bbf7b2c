// Checks what each packed tarball holds: LICENSE, README and the built entry
// points; no tests, no workspace: versions, no "source" condition; every
// export target present, "types" first and a "default" in every entry (so
// both import and require resolve); every source map's sources shipped.
// Usage: node scripts/consumer-check-files.mjs <tarball.tgz>...
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const problems = [];
for (const tarball of process.argv.slice(2)) {
  const dir = mkdtempSync(join(tmpdir(), "tiegraph-tarball-"));
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", dir]);
    const root = join(dir, "package");
    const files = walk(root).map((f) => relative(root, f));
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const where = `${pkg.name} (${tarball.split("/").pop()})`;
    const fail = (what) => problems.push(`${where}: ${what}`);
    for (const needed of ["LICENSE", "README.md", "package.json", "dist/index.js", "dist/index.d.ts"]) if (!files.includes(needed)) fail(`${needed} is missing`);
    if (pkg.license !== "MIT") fail(`license is ${JSON.stringify(pkg.license)}, expected "MIT" like LICENSE`);
    for (const f of files) {
      if (/(^|\/)(test|__screenshots__)\//.test(f) || /\.test\.[cm]?[jt]s(\.map)?$|\.d\.test\.ts$/.test(f)) fail(`ships a test file: ${f}`);
      if (/\.tsbuildinfo$|(^|\/)tsconfig[^/]*\.json$/.test(f)) fail(`ships a build file: ${f}`);
    }
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies"])
      for (const [name, range] of Object.entries(pkg[field] ?? {})) if (String(range).startsWith("workspace:")) fail(`${field}.${name} is ${range}`);
    if (pkg.publishConfig?.exports) fail("publishConfig.exports was not applied at pack time");
    const entries = Object.entries(pkg.exports ?? {});
    if (entries.length === 0) fail("no exports map");
    for (const [subpath, target] of entries) {
      if (typeof target === "string") {
        if (!files.includes(target.replace(/^\.\//, ""))) fail(`exports["${subpath}"] → ${target} is not in the tarball`);
        continue;
      }
      const keys = Object.keys(target);
      if (keys.includes("source")) fail(`exports["${subpath}"] has a "source" condition (TypeScript sources are not for consumers)`);
      if (keys[0] !== "types") fail(`exports["${subpath}"]: "types" must come first (got ${keys.join(", ")})`);
      if (!keys.includes("default")) fail(`exports["${subpath}"] has no "default" condition: require() and other resolvers find nothing`);
      for (const [condition, file] of Object.entries(target))
        if (typeof file !== "string" || !files.includes(file.replace(/^\.\//, ""))) fail(`exports["${subpath}"].${condition} → ${JSON.stringify(file)} is not in the tarball`);
    }
    for (const [name, file] of Object.entries(typeof pkg.bin === "string" ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {}))) {
      const path = file.replace(/^\.\//, "");
      if (!files.includes(path)) fail(`bin ${name} → ${file} is not in the tarball`);
      else if (!readFileSync(join(root, path), "utf8").startsWith("#!/usr/bin/env node")) fail(`bin ${name} → ${file} has no #!/usr/bin/env node line`);
    }
    // source maps and declaration maps point at files that ship (src/ is shipped for them)
    let maps = 0;
    for (const f of files.filter((f) => f.endsWith(".map"))) {
      maps++;
      const map = JSON.parse(readFileSync(join(root, f), "utf8"));
      for (const s of map.sources ?? []) {
        const target = resolve(dirname(join(root, f)), map.sourceRoot ?? "", s);
        if (!target.startsWith(root + "/") || !existsSync(target)) fail(`${f} points at ${s}, which is not in the tarball`);
      }
    }
    const bytes = files.reduce((n, f) => n + statSync(join(root, f)).size, 0);
    console.log(`  ${pkg.name}@${pkg.version}: ${files.length} files (${maps} maps), ${(bytes / 1024).toFixed(0)} kB unpacked; exports ${entries.map(([s]) => s).join(", ")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (problems.length > 0) {
  console.error(`tarball contents: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
