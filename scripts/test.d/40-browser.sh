#!/usr/bin/env bash
# The candidate's page in a real browser: Debian chromium driven by playwright-core against
# `reviewroom serve` (release build, SQLite store), axe-core for accessibility. Screenshots of
# the main states land in target/screenshots/ (git-ignored).
set -euo pipefail
cd "$ROOT"
if [[ ! -x /usr/bin/chromium ]]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi
cd tests-browser
if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
cd "$ROOT"
cargo build --release --locked --bin reviewroom
node --test --test-concurrency=1 tests-browser/*.test.mjs
