#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz + libFuzzer) of what parses untrusted input: the API's
# request bodies, candidate markdown, the diff, scenario TOML. Not part of CI, which replays the
# same properties on the same seeds in `cargo test` (generator/tests/fuzz_replay.rs). Seeds come
# from the repository (written by that test), plus fuzz/regressions/<target>/; each target runs
# SECONDS (default 60). Prints each target's runs, speed, coverage and corpus; exits non-zero on
# any crash, leaving its input in fuzz/artifacts/<target>/.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
# The replay test checks the seeds and writes them into fuzz/corpus/<target>/.
FUZZ_CORPUS="$PWD/fuzz/corpus" cargo test --quiet --locked --workspace --test fuzz_replay

cd fuzz
# Stable Rust: no sanitizer (the code forbids `unsafe`; panics, overflows with debug
# assertions on, hangs and memory blow-ups are what the fuzzer reports).
flags=(--sanitizer none --debug-assertions)
cargo fuzz build "${flags[@]}"
mapfile -t targets < <(if (($#)); then printf '%s\n' "$@"; else cargo fuzz list; fi)

failed=()
for target in "${targets[@]}"; do
  log=$(mktemp)
  corpora=("corpus/$target")
  [[ -d "regressions/$target" ]] && corpora+=("regressions/$target")
  if cargo fuzz run "${flags[@]}" "$target" "${corpora[@]}" -- -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
    speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$')
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -1)
    echo "fuzz $target: ${runs:-?} runs in ${seconds}s (${speed:-?}/s), no crash; $cov"
  else
    echo "fuzz $target: FAILED; its log:" >&2
    grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$log" | tail -40 >&2
    failed+=("$target")
  fi
  rm -f "$log"
done
if ((${#failed[@]})); then
  echo "fuzz targets that failed: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
