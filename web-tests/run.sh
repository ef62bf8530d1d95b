#!/usr/bin/env bash
# Browser tests: installs what they need when missing (Debian's Chromium, playwright-core from npm),
# then runs them against the server started from target/china-ai-kg.jar (build it first: mvn package).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1; then
  echo "web-tests: installing Debian's chromium" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --silent
[ -f ../target/china-ai-kg.jar ] || { echo "web-tests: ../target/china-ai-kg.jar is missing; run mvn package first" >&2; exit 2; }
exec node --test
