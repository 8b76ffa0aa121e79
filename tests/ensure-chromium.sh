#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium. Install it when it is missing and we may (root with
# apt); otherwise stop with the command to run, rather than skipping the tests.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "== Installing Debian's chromium for the end-to-end tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing at $CHROMIUM: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)" >&2
exit 1
