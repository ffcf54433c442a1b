#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what the tests need (npm packages, and the
# Debian packages for real browser, PDF, LibreOffice and PostgreSQL checks), then runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
bash scripts/ensure-node-modules.sh

npx tsc -p .
npx vitest run "$@"
