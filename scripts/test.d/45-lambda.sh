#!/usr/bin/env bash
# The production code path end to end: submit-fn under `cargo lambda watch` (the Lambda runtime
# API and function URL events; cargo-lambda from the test venv) storing in dynalite through
# DynamoStore, behind a stand-in for CloudFront that serves the built site through the
# template's CloudFront Function and forwards /api/* with X-Origin-Verify
# (tests-browser/lambda/). The API's HTTP flow and error shapes, and one candidate in chromium.
# Builds nothing new: target/debug/submit-fn and reviewroom are the Rust stage's.
set -euo pipefail
cd "$ROOT"
# shellcheck source=scripts/lib/pyenv.sh
source scripts/lib/pyenv.sh
# shellcheck source=scripts/lib/browser.sh
source scripts/lib/browser.sh
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh
trap services_stop EXIT
pyenv_ensure
browser_ensure
start_dynalite
# A no-op after the Rust stage (the same command); builds both binaries when run alone.
cargo test --workspace --locked --no-run
PATH="$(dirname "$PY"):$PATH" node --test --test-concurrency=1 tests-browser/lambda/*.test.mjs
