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
# --test-force-exit: a failed assertion that skips a browser's close must fail the stage, not hang it.
node --test --test-concurrency=1 --test-force-exit tests-browser/*.test.mjs
