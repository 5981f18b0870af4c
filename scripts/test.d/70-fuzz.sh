#!/usr/bin/env bash
# The fuzz targets (fuzz/, outside the workspace): formatted, clippy-clean, and each run for
# 30 s from the repository's seeds as a regression check. Longer campaigns: scripts/fuzz.sh.
set -euo pipefail
cd "$ROOT"
cargo fmt --manifest-path fuzz/Cargo.toml --check
cargo clippy --manifest-path fuzz/Cargo.toml --all-targets --locked -- -D warnings
scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
