// The packages' manifests, checked in the unit tests so a slip shows before the
// consumer check (scripts/consumer-check.sh) packs and installs them: every
// export has a workspace-only "source" and a published twin without it, types
// first and a "default" for require(); LICENSE, README and the same version.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const PACKAGES = ["core", "io", "viz", "cli"];
type Entry = Record<string, string>;
interface Manifest {
  name: string;
  version: string;
  license: string;
  exports: Record<string, Entry | string>;
  publishConfig?: { exports?: Record<string, Entry | string> };
  files: string[];
  dependencies?: Record<string, string>;
}
const manifest = (p: string) => JSON.parse(readFileSync(join(root, "packages", p, "package.json"), "utf8")) as Manifest;

describe.each(PACKAGES)("@tiegraph/%s's package.json", (p) => {
  const m = manifest(p);

  it("exports: source (the workspace's TypeScript), then types and default (import and require) into dist", () => {
    for (const [subpath, entry] of Object.entries(m.exports)) {
      if (subpath === "./package.json") continue;
      expect(typeof entry).toBe("object");
      const e = entry as Entry;
      expect(Object.keys(e)).toEqual(["source", "types", "default"]);
      const stem = subpath === "." ? "index" : subpath.slice(2);
      expect(e).toEqual({ source: `./src/${stem}.ts`, types: `./dist/${stem}.d.ts`, default: `./dist/${stem}.js` });
      expect(existsSync(join(root, "packages", p, e.source!))).toBe(true);
    }
  });

  it("publishes the same exports without the source condition", () => {
    const published = Object.fromEntries(Object.entries(m.exports).map(([k, v]) => [k, typeof v === "string" ? v : Object.fromEntries(Object.entries(v).filter(([c]) => c !== "source"))]));
    expect(m.publishConfig?.exports).toEqual(published);
  });

  it("ships dist, src without tests, README and LICENSE, under the MIT licence, at the workspace's one version", () => {
    expect(m.files).toEqual(["dist", "src", "!src/**/*.test.ts", "!dist/**/*.test.*", "README.md", "LICENSE"]);
    expect(m.license).toBe("MIT");
    expect(readFileSync(join(root, "packages", p, "LICENSE"), "utf8")).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
    expect(existsSync(join(root, "packages", p, "README.md"))).toBe(true);
    expect(m.version).toBe(manifest("core").version);
    for (const [name, range] of Object.entries(m.dependencies ?? {})) if (name.startsWith("@tiegraph/")) expect(range).toBe("workspace:*");
  });
});
