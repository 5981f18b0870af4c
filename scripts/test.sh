#!/usr/bin/env bash
# Installs what the tests need (idempotently), starts local services on 127.0.0.1, runs every
# test stage in scripts/test.d/ in order, stops what it started by PID, and exits non-zero on
# any failure. Usage: scripts/test.sh [STAGE-NAME-FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export ROOT
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
# A test run builds each crate once: incremental state would only add gigabytes to the target.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
# Clippy lints the workspace's own crates while `cargo test` compiles them: clippy-driver is the
# compiler for workspace members (dependencies keep plain rustc), so every dependency is compiled
# once, not checked for `cargo clippy` and then built again for the tests. CLIPPY_ARGS is how
# cargo-clippy hands clippy-driver its arguments (separated by __CLIPPY_HACKERY__). Every stage
# sees the same two variables, so no stage rebuilds what another built.
RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
[[ -x "$RUSTC_WORKSPACE_WRAPPER" ]] || { echo "no clippy-driver: rustup component add clippy" >&2; exit 1; }
export RUSTC_WORKSPACE_WRAPPER
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
filter=${1:-}

# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh
trap services_stop EXIT

failed=()
for stage in scripts/test.d/*.sh; do
  name=$(basename "$stage" .sh)
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  echo "==> $name"
  start=$(date +%s)
  if bash "$stage"; then
    echo "<== $name ok ($(( $(date +%s) - start ))s)"
  else
    echo "<== $name FAILED ($(( $(date +%s) - start ))s)"
    failed+=("$name")
  fi
done

if ((${#failed[@]})); then
  echo "failed stages: ${failed[*]}"
  exit 1
fi
echo "all test stages passed"
