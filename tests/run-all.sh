#!/usr/bin/env bash
# `npm test`: unit and integration tests on SQLite, the integration tests again on PostgreSQL when
# TEST_POSTGRES_URL names a server, then the end-to-end tests in Chromium against the built preview.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/ensure-chromium.sh

echo "== Unit and integration tests (SQLite)"
npx vitest run

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== Integration tests (PostgreSQL)"
  TEST_DATABASE=postgresql npx vitest run tests/integration tests/faults tests/security
else
  echo "== PostgreSQL integration tests not run: set TEST_POSTGRES_URL=postgresql://user@host:5432/db to run them"
fi

echo "== End-to-end tests (Chromium, offline preview)"
npx vitest run --config vitest.e2e.config.ts
