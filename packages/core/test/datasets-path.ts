// Where the shared research datasets live: ../shared/datasets beside the checkout
// (CI lays a copy of shared/ beside its clone), or TIEGRAPH_DATASETS.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(import.meta.url), "../../../..");
const candidates = [process.env.TIEGRAPH_DATASETS, join(repo, "..", "shared", "datasets"), "/work/shared/datasets"].filter((p): p is string => !!p);
/** Absolute path of the datasets folder. */
export const DATASETS = candidates.find((p) => existsSync(join(p, "lazega_lawfirm"))) ?? candidates[0]!;
