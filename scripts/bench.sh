#!/usr/bin/env bash
# Build benchmark (not run by CI): a cold `reviewroom build` of every scenario under a folder
# against diff2html-cli rendering the same diffs (`git diff --no-index --histogram` of original/
# vs modified/), then a rebuild with nothing changed, and the largest page of each, raw and
# gzipped. diff2html-cli is installed with npm under target/bench-node/ (untracked).
#
#   scripts/bench.sh [SCENARIOS_DIR] [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCENARIOS="$(cd "${1:-$ROOT/scenarios}" && pwd)"
RUNS="${2:-3}"
NODE_DIR="$ROOT/target/bench-node"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$NODE_DIR/node_modules/.bin/diff2html" ]; then
  echo "installing diff2html-cli into $NODE_DIR" >&2
  npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" diff2html-cli >&2
fi
D2H="$NODE_DIR/node_modules/.bin/diff2html"
(cd "$ROOT" && cargo build --quiet --release -p generator)
BIN="$ROOT/target/release/reviewroom"
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

build() { "$BIN" --root "$WORK/project" --quiet build --scenarios "$WORK/scenarios" --out "$WORK/dist"; }

mkdir -p "$WORK/project" "$WORK/diffs" "$WORK/d2h" "$WORK/scenarios"
slugs=()
diff_lines=0
# Only folders with a scenario.toml (a scenario being written is skipped), copied so the
# build sees exactly these.
for dir in "$SCENARIOS"/*/; do
  [ -f "$dir/scenario.toml" ] || continue
  slug="$(basename "$dir")"
  slugs+=("$slug")
  cp -r "$dir" "$WORK/scenarios/$slug"
  mkdir -p "$WORK/empty"
  (cd "$dir" && git diff --no-index --histogram --no-color \
      "${PWD}/$( [ -d original ] && echo original || echo "$WORK/empty")" \
      "${PWD}/$( [ -d modified ] && echo modified || echo "$WORK/empty")" \
      > "$WORK/diffs/$slug.diff") || true
  diff_lines=$((diff_lines + $(wc -l < "$WORK/diffs/$slug.diff")))
done
[ "${#slugs[@]}" -gt 0 ] || { echo "no scenarios under $SCENARIOS" >&2; exit 1; }

d2h_all() {
  for slug in "${slugs[@]}"; do
    "$D2H" -s line -f html -i file -F "$WORK/d2h/$slug.html" -- "$WORK/diffs/$slug.diff"
  done
}

BEFORE_EACH='rm -rf "$WORK/project/.reviewroom/cache" "$WORK/dist"'
cold=$(best_ms build)
BEFORE_EACH=''
build || { echo "reviewroom build failed:" >&2; build >&2; exit 1; }
warm=$(best_ms build)
d2h=$(best_ms d2h_all)

largest() { # folder pattern -> "bytes gzip_bytes path" of the largest file
  local best=0 path=""
  while IFS= read -r f; do
    size=$(wc -c < "$f"); if [ "$size" -gt "$best" ]; then best=$size; path=$f; fi
  done < <(find "$1" -name "$2" -type f)
  echo "$best $(gzip -9 -c "$path" | wc -c) $path"
}
read -r ours_raw ours_gz _ <<< "$(largest "$WORK/dist/s" index.html)"
read -r d2h_raw d2h_gz _ <<< "$(largest "$WORK/d2h" '*.html')"

echo "scenarios: ${#slugs[@]} (${slugs[*]}), ${diff_lines} lines of git diff; best of $RUNS runs"
printf '%-34s %10s\n' "diff2html-cli (same diffs)" "${d2h} ms"
printf '%-34s %10s   %s of diff2html\n' "reviewroom build, cold" "${cold} ms" \
  "$(awk -v a="$cold" -v b="$d2h" 'BEGIN { printf "%.3f", a / b }')"
printf '%-34s %10s   %s of diff2html\n' "reviewroom build, nothing changed" "${warm} ms" \
  "$(awk -v a="$warm" -v b="$d2h" 'BEGIN { printf "%.4f", a / b }')"
printf '%-34s %10s bytes, %8s gzip (full context)\n' "largest reviewroom page" "$ours_raw" "$ours_gz"
printf '%-34s %10s bytes, %8s gzip\n' "largest diff2html page" "$d2h_raw" "$d2h_gz"

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
# Navigation-to-interactive and DOM size of the largest scenario's page beside diff2html-cli's
# rendering of the same diff, and the page script/stylesheet sizes (tests-browser/measure.mjs).
(cd "$ROOT/tests-browser" && npm ci --silent --no-audit --no-fund >&2)
REVIEWROOM_BIN="$BIN" node "$ROOT/tests-browser/measure.mjs" "$SCENARIOS" "$RUNS"
