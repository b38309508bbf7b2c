// Lint rules for the workspace: typescript-eslint's recommended set; on the packages' sources also
// type-aware promise rules (through the TypeScript project service); core's layering per folder.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "docs/api/**", "**/.vite/**", "bench/.out/**", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-restricted-globals": ["error", { name: "fetch", message: "tiegraph never sends anything anywhere." }],
      "no-restricted-syntax": ["error", { selector: "AssignmentExpression[left.property.name='innerHTML']", message: "Names are text, never HTML: use textContent." }],
    },
  },
  {
    // Type-aware rules on the packages' sources, through the TypeScript project service
    // (the nearest tsconfig.json of each file): promises that are never awaited or
    // handled, and awaits of things that are not promises.
    files: ["packages/*/src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  ...coreLayers(),
);

/**
 * Core's layering: data flows one way, model → graph → measures → paths →
 * cadence. A folder may import from its own layer and those below, never
 * above (a measure never reads the plan; the model never knows a graph). The
 * wording and requests folders sit on top. Core also runs in browsers and
 * depends on no other tiegraph package.
 */
function coreLayers() {
  const outside = { group: ["node:*", "fs", "path", "@tiegraph/io", "@tiegraph/viz", "@tiegraph/cli"], message: "@tiegraph/core runs in browsers and depends on no other tiegraph package." };
  const layers = [
    { folders: ["model", "random"], may: "errors.ts, model/ and random/ only" },
    { folders: ["graph", "format", "generate", "datasets"], may: "model/ and graph/" },
    { folders: ["reciprocity", "mix", "brokerage"], may: "model/, graph/ and the other measures" },
    { folders: ["paths"], may: "model/, graph/ and the measures" },
    { folders: ["cadence", "wording", "requests"], may: "anything in core" },
  ];
  const above = (i) => layers.slice(i + 1).flatMap((l) => l.folders);
  const configs = [{ files: ["packages/core/src/**/*.ts"], rules: { "no-restricted-imports": ["error", { patterns: [outside] }] } }];
  layers.forEach((layer, i) => {
    const banned = above(i);
    if (banned.length === 0) return;
    configs.push({
      files: layer.folders.map((f) => `packages/core/src/${f}/**/*.ts`),
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              outside,
              { group: banned.flatMap((f) => [`../${f}`, `../${f}/*`]), message: `core's layers run model → graph → measures → paths → cadence: ${layer.folders.join("/, ")}/ may import ${layer.may}, nothing above.` },
            ],
          },
        ],
      },
    });
  });
  return configs;
}
