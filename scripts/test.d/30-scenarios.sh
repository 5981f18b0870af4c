#!/usr/bin/env bash
# Every scenario: `reviewroom check` (docs/design.md §2) and a tree-sitter parse of every file.
set -euo pipefail
cd "$ROOT"
source scripts/lib/pyenv.sh
pyenv_ensure
# Stage 10's build, a no-op after it (`cargo run` would rebuild: dev-dependencies change features).
cargo test --workspace --locked --no-run
target/debug/reviewroom check scenarios
"$PY" scripts/check_syntax.py scenarios
