// Child process of atomic-save.test.ts: saves two large versions of a file in turn, forever, until killed.
// It imports the package by its own name: the built package under plain node, the TypeScript sources
// under tsx with --conditions=source (the test chooses, see test/built.ts).
import { saveNetworkFileAtomic } from "@tiegraph/io/node";

const [path, size] = process.argv.slice(2);
const versions = ["A", "B"].map((c) => `{"version":"${c}","body":"${c.repeat(Number(size))}"}\n`);
for (let i = 0; ; i++) {
  await saveNetworkFileAtomic(path, versions[i % 2]);
  process.stdout.write(`saved ${i}\n`);
}
