#!/usr/bin/env bash
# Formatting, lints and every Rust test of the workspace, the fuzz properties replayed on their
# seeds included (generator/tests/fuzz_replay.rs; instrumented fuzzing is scripts/fuzz.sh).
set -euo pipefail
cd "$ROOT"
cargo fmt --all -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
# Lints with `-D warnings` as the workspace is compiled (scripts/test.sh sets clippy-driver as
# the compiler of workspace members): libraries, binaries, tests and examples, as
# `cargo clippy --workspace --all-targets` would (the workspace has no benches).
cargo test --workspace --locked --no-run
# The README's demo build: the CLI without the AWS SDK (docs/design.md §1), linted.
cargo check -p generator --no-default-features --lib --bins --locked
cargo test --workspace --locked
