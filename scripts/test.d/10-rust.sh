#!/usr/bin/env bash
# Formatting, lints and every Rust test of the workspace, the fuzz properties replayed on their
# seeds included (generator/tests/fuzz_replay.rs; instrumented fuzzing is scripts/fuzz.sh).
set -euo pipefail
cd "$ROOT"
cargo fmt --all -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The README's demo build: the CLI without the AWS SDK (docs/design.md §1).
cargo clippy -p generator --no-default-features --lib --bins --locked -- -D warnings
cargo test --workspace --locked
