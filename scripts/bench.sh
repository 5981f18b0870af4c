#!/usr/bin/env bash
# Build benchmark (not run by CI): a cold `reviewroom build` of every scenario under a folder
# against diff2html-cli rendering the same diffs (`git diff --no-index --histogram` of original/
# vs modified/), then a rebuild with nothing changed, and the largest page of each, raw and
# gzipped; once on the project's scenarios (or SCENARIOS_DIR) and once on a corpus of real
# changes between published npm and PyPI package versions (scripts/lib/corpus.sh, downloaded
# once into target/bench-corpus/). The candidate page in the browser is measured on the
# corpus's largest page. diff2html-cli is installed with npm under target/bench-node/
# (untracked). Every figure is printed beside the peer's, measured in the same run.
#
#   scripts/bench.sh [SCENARIOS_DIR] [RUNS]     (BENCH_SKIP_API=1, BENCH_BIN=path: see DEVELOPERS.md)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCENARIOS="$(cd "${1:-$ROOT/scenarios}" && pwd)"
RUNS="${2:-3}"
NODE_DIR="$ROOT/target/bench-node"
CORPUS="$ROOT/target/bench-corpus"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$NODE_DIR/node_modules/.bin/diff2html" ]; then
  echo "installing diff2html-cli into $NODE_DIR" >&2
  npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" diff2html-cli >&2
fi
D2H="$NODE_DIR/node_modules/.bin/diff2html"
# shellcheck source=scripts/lib/corpus.sh
source "$ROOT/scripts/lib/corpus.sh"
build_corpus "$CORPUS"
# BENCH_BIN: measure that reviewroom binary (an earlier build, for before/after) instead.
if [ -n "${BENCH_BIN:-}" ]; then
  BIN="$(cd "$(dirname "$BENCH_BIN")" && pwd)/$(basename "$BENCH_BIN")"
else
  (cd "$ROOT" && cargo build --quiet --release -p generator)
  BIN="$ROOT/target/release/reviewroom"
fi
REVIEWROOM_SECRET="$("$BIN" secret new)"
export REVIEWROOM_SECRET

# bash's own clock: no process spawned around the measured command
now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo "$((t / 1000)).$(((t / 100) % 10))"; }
# best of $RUNS for a command given as arguments; prints milliseconds
best_ms() {
  local best="" start end took
  for _ in $(seq "$RUNS"); do
    [ -n "${BEFORE_EACH:-}" ] && eval "$BEFORE_EACH"
    start=$(now_ms); "$@" >/dev/null 2>&1; end=$(now_ms)
    took=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    if [ -z "$best" ] || awk -v t="$took" -v b="$best" 'BEGIN { exit !(t < b) }'; then best=$took; fi
  done
  echo "$best"
}
ratio() { awk -v a="$1" -v b="$2" -v f="${3:-%.3f}" 'BEGIN { printf f, a / b }'; }

largest() { # folder pattern -> "bytes gzip_bytes path" of the largest file
  local best=0 path=""
  while IFS= read -r f; do
    size=$(wc -c < "$f"); if [ "$size" -gt "$best" ]; then best=$size; path=$f; fi
  done < <(find "$1" -name "$2" -type f)
  echo "$best $(gzip -9 -c "$path" | wc -c) $path"
}

# bench_build LABEL SCENARIOS_DIR: the build beside diff2html-cli on one folder of scenarios
bench_build() {
  local label=$1 from=$2 at="$WORK/$1"
  local slugs=() diff_lines=0 slug dir cold warm d2h
  mkdir -p "$at/project" "$at/diffs" "$at/d2h" "$at/scenarios" "$at/empty"
  # Only folders with a scenario.toml (a scenario being written is skipped), copied so the
  # build sees exactly these.
  for dir in "$from"/*/; do
    [ -f "$dir/scenario.toml" ] || continue
    slug="$(basename "$dir")"
    slugs+=("$slug")
    cp -r "$dir" "$at/scenarios/$slug"
    (cd "$dir" && git diff --no-index --histogram --no-color \
        "${PWD}/$( [ -d original ] && echo original || echo "$at/empty")" \
        "${PWD}/$( [ -d modified ] && echo modified || echo "$at/empty")" \
        > "$at/diffs/$slug.diff") || true
    diff_lines=$((diff_lines + $(wc -l < "$at/diffs/$slug.diff")))
  done
  [ "${#slugs[@]}" -gt 0 ] || { echo "no scenarios under $from" >&2; exit 1; }
  build() { "$BIN" --root "$at/project" --quiet build --scenarios "$at/scenarios" --out "$at/dist"; }
  d2h_all() {
    for slug in "${slugs[@]}"; do
      "$D2H" -s line -f html -i file -F "$at/d2h/$slug.html" -- "$at/diffs/$slug.diff"
    done
  }
  BEFORE_EACH='rm -rf "$at/project/.reviewroom/cache" "$at/dist"'
  cold=$(best_ms build)
  BEFORE_EACH=''
  build || { echo "reviewroom build failed:" >&2; build >&2; exit 1; }
  warm=$(best_ms build)
  d2h=$(best_ms d2h_all)
  read -r ours_raw ours_gz _ <<< "$(largest "$at/dist/s" index.html)"
  read -r d2h_raw d2h_gz _ <<< "$(largest "$at/d2h" '*.html')"

  echo "$label: ${#slugs[@]} scenarios (${slugs[*]}), ${diff_lines} lines of git diff; best of $RUNS runs"
  printf '  %-34s %10s\n' "diff2html-cli (same diffs)" "${d2h} ms"
  printf '  %-34s %10s   %s of diff2html\n' "reviewroom build, cold" "${cold} ms" "$(ratio "$cold" "$d2h")"
  printf '  %-34s %10s   %s of diff2html\n' "reviewroom build, nothing changed" "${warm} ms" "$(ratio "$warm" "$d2h" %.4f)"
  printf '  %-34s %10s bytes, %8s gzip   %s / %s of diff2html\n' "largest reviewroom page" "$ours_raw" "$ours_gz" \
    "$(ratio "$ours_raw" "$d2h_raw")" "$(ratio "$ours_gz" "$d2h_gz")"
  printf '  %-34s %10s bytes, %8s gzip\n' "largest diff2html page" "$d2h_raw" "$d2h_gz"
}

bench_build "project scenarios" "$SCENARIOS"
bench_build "published packages" "$CORPUS/scenarios"

# ---------- store/API benchmark ----------
# The API on a local server, per store, beside a bare axum route as this machine's ceiling:
# 200 simulated candidates x (20 drafts + 1 submission, with duplicate retries), each on its
# own keep-alive connection, opened before the clock starts. Printed, not asserted (the exactly-once check still runs). dynalite is
# an in-memory JavaScript stand-in, so its figure says nothing of DynamoDB's own latency.
if [ "${BENCH_SKIP_API:-}" != 1 ]; then
  # shellcheck source=scripts/lib/services.sh
  source "$ROOT/scripts/lib/services.sh"
  trap 'services_stop; rm -rf "$WORK"' EXIT
  start_dynalite
  (cd "$ROOT" && cargo build --quiet --release -p submit-fn --example load)
  LOAD="$ROOT/target/release/examples/load"
  echo "API: 200 candidates x (20 drafts + 1 submission), one keep-alive connection each"
  "$LOAD" --store bare --candidates 200 --drafts 20 | grep req/s
  "$LOAD" --store sqlite --candidates 200 --drafts 20 | grep req/s
  "$LOAD" --store dynamodb --candidates 200 --drafts 20 | grep req/s

  # ---------- export ----------
  # `reviewroom export`'s read + score + write of 10,000 submitted reviews, per store; on
  # SQLite beside the raw floor (one SELECT, rows to JSON, no scoring).
  (cd "$ROOT" && cargo build --quiet --release -p generator --example bench_export)
  echo "export: ${EXPORT_REVIEWS:=10000} submitted reviews of 10 comments each"
  "$ROOT/target/release/examples/bench_export" sqlite "$EXPORT_REVIEWS"
  "$ROOT/target/release/examples/bench_export" dynamodb "$EXPORT_REVIEWS" "$REVIEWROOM_TEST_DYNAMODB"
fi

# ---------- candidate page in the browser ----------
# DOM-interactive, DOM size and page size of the corpus's largest page beside diff2html-cli's
# rendering of the same diff, and the page script/stylesheet sizes (tests-browser/measure.mjs).
(cd "$ROOT/tests-browser" && npm ci --silent --no-audit --no-fund >&2)
REVIEWROOM_BIN="$BIN" node "$ROOT/tests-browser/measure.mjs" "$CORPUS/scenarios" "$RUNS"
