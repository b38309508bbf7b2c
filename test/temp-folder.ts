// Vitest global setup: the whole test run writes its temporary files (mkdtemp
// folders, copies of networks, the browser's profile) in one folder of its own,
// set as TMPDIR before any test worker starts, and the folder is removed when
// the run ends, so repeated runs do not fill the machine's /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), "tiegraph-test-run-"));
  process.env.TMPDIR = folder;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(folder, { recursive: true, force: true });
  };
}
