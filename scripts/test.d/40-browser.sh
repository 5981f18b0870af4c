#!/usr/bin/env bash
# The candidate's page in a real browser: Debian chromium driven by playwright-core against
# `reviewroom serve` (the debug build `cargo test` already made, SQLite store), axe-core for
# accessibility. Screenshots of the main states land in target/screenshots/ (git-ignored).
set -euo pipefail
cd "$ROOT"
# shellcheck source=scripts/lib/browser.sh
source scripts/lib/browser.sh
browser_ensure
# The Rust stage's own command, so a no-op after it (`cargo build` would rebuild: dev-dependencies
# change features); it leaves target/debug/reviewroom, and builds it when this stage runs alone.
cargo test --workspace --locked --no-run
node --test --test-concurrency=1 tests-browser/*.test.mjs
