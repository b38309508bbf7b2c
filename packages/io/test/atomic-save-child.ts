// Child process of atomic-save.test.ts: saves two large versions of a file in turn, forever, until killed.
import { saveNetworkFileAtomic } from "../src/storage/atomic-save.js";

const [path, size] = process.argv.slice(2);
const versions = ["A", "B"].map((c) => `{"version":"${c}","body":"${c.repeat(Number(size))}"}\n`);
for (let i = 0; ; i++) {
  await saveNetworkFileAtomic(path!, versions[i % 2]!);
  process.stdout.write(`saved ${i}\n`);
}
