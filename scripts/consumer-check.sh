#!/usr/bin/env bash
# The published packages as another project uses them: packs every package
# (pnpm pack, as publishing would), installs the tarballs into a fresh project
# in a temporary folder (their dependencies come from the npm registry), then
# compiles test/consumer under NodeNext and under Bundler with skipLibCheck
# false, runs it in Node as ESM, require()s every package from CommonJS,
# bundles core and viz for the browser with vite, and checks each tarball's
# files. Needs the packages built (pnpm build). TIEGRAPH_KEEP_CONSUMER=1 keeps
# the temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PNPM="npx -y pnpm@12.4.2"
TSC="node $ROOT/node_modules/typescript/bin/tsc"
VITE="$ROOT/node_modules/.bin/vite"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tiegraph-consumer.XXXXXX")
if [ "${TIEGRAPH_KEEP_CONSUMER:-}" = "1" ]; then trap 'echo "  (kept $WORK)"' EXIT; else trap 'rm -rf "$WORK"' EXIT; fi
START=$SECONDS
step() { echo "  -- $* ($((SECONDS - START)) s)"; }

for p in core io viz cli; do
  [ -f "packages/$p/dist/index.js" ] || { echo "packages/$p is not built: run pnpm build first" >&2; exit 1; }
done

step "packing core, io, viz, cli"
mkdir -p "$WORK/tarballs"
for p in core io viz cli; do (cd "packages/$p" && $PNPM --silent pack --pack-destination "$WORK/tarballs" >/dev/null); done

step "tarball contents"
node scripts/consumer-check-files.mjs "$WORK"/tarballs/*.tgz

step "installing the tarballs into a fresh project"
cp -r test/consumer "$WORK/project"
cd "$WORK/project"
TYPES_NODE=$(node -p 'require(process.argv[1]).devDependencies["@types/node"]' "$ROOT/package.json")
printf '{ "name": "tiegraph-consumer", "private": true, "type": "module" }\n' > package.json
npm install --prefer-offline --no-audit --no-fund --loglevel=error --no-package-lock "$WORK"/tarballs/*.tgz "@types/node@$TYPES_NODE" >/dev/null

step "the tiegraph command as installed (one bundled file) prints what the sources print"
# the same day for both runs, so that "as of today" cannot differ across midnight
export TIEGRAPH_TODAY=2026-11-30
SAMPLE="$ROOT/examples/data/sample-network.json"
for args in "report $SAMPLE --json" "intro $SAMPLE --from p1 --to p50" "plan $SAMPLE --week 2026-10-05"; do
  # shellcheck disable=SC2086
  ./node_modules/.bin/tiegraph $args > installed.out
  # shellcheck disable=SC2086
  node --conditions=source --import "$ROOT/node_modules/tsx/dist/esm/index.mjs" "$ROOT/packages/cli/src/bin.ts" $args > sources.out
  cmp -s installed.out sources.out || { echo "the installed tiegraph printed something else for: $args" >&2; diff installed.out sources.out | head -20 >&2; exit 1; }
done

step "the installed command builds the tie index on its worker thread (dist/files/index-worker.js) when it reads a columnar copy"
cp "$SAMPLE" copied.json
# the first read writes the copy; the second reads it, with the index built ahead
TIEGRAPH_COLUMNS=always ./node_modules/.bin/tiegraph report copied.json --json > first.out
TIEGRAPH_COLUMNS=always TIEGRAPH_INDEX_AHEAD=trace ./node_modules/.bin/tiegraph report copied.json --json > ahead.out 2> ahead.err
grep -q "the directed tie index built ahead was taken" ahead.err || { echo "the installed tiegraph did not take the index built on its worker thread:" >&2; cat ahead.err >&2; exit 1; }
cmp -s first.out ahead.out || { echo "the installed tiegraph printed something else through the columnar copy" >&2; exit 1; }

step "the installed import reads its exchanges CSV on its worker thread (dist/files/import-worker.js), writes their text there, and writes what reading it here writes"
FIX="$ROOT/examples/data/fixtures-cli"
TIEGRAPH_IMPORT_AHEAD=off ./node_modules/.bin/tiegraph import --people "$FIX/people.csv" --exchanges "$FIX/exchanges.csv" -o here.json > here.out
TIEGRAPH_IMPORT_AHEAD=trace ./node_modules/.bin/tiegraph import --people "$FIX/people.csv" --exchanges "$FIX/exchanges.csv" -o there.json > there.out 2> there.err
[ "$(cat there.err)" = "tiegraph: import: $FIX/exchanges.csv was read on a worker thread
tiegraph: import: the exchanges' text written on the worker thread was used" ] || { echo "the installed tiegraph did not read the exchanges and write their text on its worker thread:" >&2; cat there.err >&2; exit 1; }
# the file the worker wrote the text to is gone
if ls -A | grep -q '\.exchanges\.tmp$'; then echo "the installed import left its exchanges' text file behind" >&2; exit 1; fi
cmp -s here.json there.json || { echo "the installed tiegraph wrote another network from its worker thread" >&2; exit 1; }
[ "$(sed 's/there\.json/here.json/' there.out)" = "$(cat here.out)" ] || { echo "the installed tiegraph printed something else from its worker thread" >&2; exit 1; }
unset TIEGRAPH_TODAY

step "compiling under module NodeNext, skipLibCheck false"
$TSC -p tsconfig.nodenext.json
step "running it in Node (ESM)"
node out/main.js

step "compiling under moduleResolution Bundler, skipLibCheck false"
$TSC -p tsconfig.bundler.json

step "require() from CommonJS"
node src/require.cjs

step "bundling core and viz with vite"
$VITE build --config vite.config.mjs
node - <<'JS'
// Each page's JavaScript: its entry and every chunk it imports (vite's manifest).
// The E-I page imports only the main entries: no sigma in it. The view page has it.
const { readFileSync } = require("node:fs");
const manifest = JSON.parse(readFileSync("dist-browser/.vite/manifest.json", "utf8"));
const page = (html) => {
  const seen = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(k);
  };
  visit(html);
  if (seen.size === 0) throw new Error(`the manifest has no ${html}`);
  return [...seen].map((f) => readFileSync(`dist-browser/${f}`, "utf8")).join("\n");
};
const ei = page("index.html");
const view = page("view.html");
if (ei.includes("WebGL2RenderingContext")) throw new Error("the E-I page's bundle carries sigma: @tiegraph/viz's main entry pulls in the browser-only parts");
if (!view.includes("WebGL2RenderingContext")) throw new Error("the view page's bundle has no sigma");
const kB = (text) => (Buffer.byteLength(text) / 1024).toFixed(1);
console.log(`  E-I page ${kB(ei)} kB (core + a viz encoding, no sigma), view page ${kB(view)} kB (with sigma and the ForceAtlas2 worker)`);
JS
step "consumer check passed"
