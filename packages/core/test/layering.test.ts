// Core's layering is enforced by lint (eslint.config.js): a file that imports from a
// layer above its own fails, one that imports from below passes.
import { resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");
// The example files do not exist, so the TypeScript project service cannot type them: the
// layering rules need no types, so the type-aware part of the config is switched off here.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ["packages/*/src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off", "@typescript-eslint/await-thenable": "off" },
  },
});

/** The no-restricted-imports messages lint gives a file with this text at this path. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("core's layers: model → graph → measures → paths → cadence", () => {
  it.each([
    ["packages/core/src/model/zz-example.ts", 'import { tieGraph } from "../graph/index.js";\nexport const x = tieGraph;\n'],
    ["packages/core/src/graph/zz-example.ts", 'import { reciprocityLedger } from "../reciprocity/index.js";\nexport const x = reciprocityLedger;\n'],
    ["packages/core/src/mix/zz-example.ts", 'import { introductionPaths } from "../paths/index.js";\nexport const x = introductionPaths;\n'],
    ["packages/core/src/paths/zz-example.ts", 'import { weeklyPlan } from "../cadence/weekly-plan.js";\nexport const x = weeklyPlan;\n'],
  ])("%s importing from a layer above fails lint", async (path, code) => {
    const errors = await layerErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/core's layers run model → graph → measures → paths → cadence/);
  });

  it.each([
    ["packages/core/src/graph/zz-example.ts", 'import { Network } from "../model/network.js";\nexport const x = Network;\n'],
    ["packages/core/src/paths/zz-example.ts", 'import { reciprocityLedger } from "../reciprocity/index.js";\nexport const x = reciprocityLedger;\n'],
    ["packages/core/src/cadence/zz-example.ts", 'import { introductionPaths } from "../paths/index.js";\nexport const x = introductionPaths;\n'],
  ])("%s importing from below passes", async (path, code) => {
    expect(await layerErrors(path, code)).toEqual([]);
  });

  it("core importing Node or another tiegraph package still fails", async () => {
    expect(await layerErrors("packages/core/src/paths/zz-example.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n')).toEqual(["'node:fs' import is restricted from being used by a pattern. @tiegraph/core runs in browsers and depends on no other tiegraph package."]);
  });
});
