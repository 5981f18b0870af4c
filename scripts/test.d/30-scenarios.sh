#!/usr/bin/env bash
# Every scenario: `reviewroom check` (docs/design.md §2) and a tree-sitter parse of every file.
set -euo pipefail
cd "$ROOT"
source scripts/lib/pyenv.sh
pyenv_ensure
cargo run --quiet --bin reviewroom -- check scenarios
"$PY" scripts/check_syntax.py scenarios
