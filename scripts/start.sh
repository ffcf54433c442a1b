#!/usr/bin/env bash
# `npm start`: on a fresh clone installs the npm packages, builds the app (about a second, so it is
# never stale) and runs the server on the embedded database in ./data (DATABASE_URL for PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node-modules.sh
npx vite build --logLevel warn
exec npx tsx src/server/main.ts
