#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need (npm packages, and the
# Debian packages for real browser, PDF, LibreOffice and PostgreSQL checks), then runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
bash scripts/ensure-node-modules.sh

# Formatting, import order and lint rules (biome.jsonc), then types.
npx biome ci .
npx tsc -p .
# The compiled CLI the tests run (as `npx nianbao` does) is built from these sources, not older ones.
node scripts/cli-build.mjs

report=$(mktemp)
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
# A plain closing line ("Tests: N passed, N failed") that any CI can read, whatever the runner.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' "$report" || true
rm -f "$report"
exit $status
