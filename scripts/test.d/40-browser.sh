#!/usr/bin/env bash
# The candidate's page in a real browser: Debian chromium driven by playwright-core against
# `reviewroom serve` (the debug build `cargo test` already made, SQLite store), axe-core for
# accessibility. Screenshots of the main states land in target/screenshots/ (git-ignored).
set -euo pipefail
cd "$ROOT"
if [[ ! -x /usr/bin/chromium ]]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi
cd tests-browser
if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
cd "$ROOT"
# The Rust stage's own command, so a no-op after it (`cargo build` would rebuild: dev-dependencies
# change features); it leaves target/debug/reviewroom, and builds it when this stage runs alone.
cargo test --workspace --locked --no-run
node --test --test-concurrency=1 tests-browser/*.test.mjs
