# Sourced by scripts/bench.sh: a benchmark corpus of real changes, each scenario two published
# versions of a package (npm: `npm pack`; PyPI: `pip download --no-deps`, a wheel), downloaded
# once into target/bench-corpus/downloads/ and reused. The original/ tree is the older
# version's folder, modified/ the newer one's; renames are the ones git detects (`-M`), declared
# in scenario.toml as docs/design.md §2 asks; the key holds one placeholder issue (a key needs
# one). Together: added, deleted and renamed files and more than five files of 500+ lines.

# slug  registry  package  original version  modified version  package root  folder taken
CORPUS_PACKAGES=(
  "npm-marked npm marked 5.0.0 6.0.0 package src"
  "pypi-click pypi click 8.0.4 8.1.3 . click"
)

# corpus_fetch REGISTRY PACKAGE VERSION DOWNLOADS -> prints the unpacked folder
corpus_fetch() {
  local registry=$1 package=$2 version=$3 downloads=$4
  local dir="$downloads/$registry-$package-$version"
  if [ ! -d "$dir/unpacked" ]; then
    rm -rf "$dir" && mkdir -p "$dir/unpacked"
    if [ "$registry" = npm ]; then
      (cd "$dir" && npm pack --silent "$package@$version" >/dev/null)
      tar -xzf "$dir"/*.tgz -C "$dir/unpacked"
    else
      python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$dir" "$package==$version"
      python3 -m zipfile -e "$dir"/*.whl "$dir/unpacked"
    fi
  fi
  echo "$dir/unpacked"
}

# corpus_scenario SLUG ORIGINAL_ROOT MODIFIED_ROOT FOLDER OUT: a scenario folder that passes
# `check`, with ROOT/FOLDER of each version as original/FOLDER and modified/FOLDER
corpus_scenario() {
  local slug=$1 original=$2 modified=$3 folder=$4 out=$5
  local dir="$out/$slug"
  rm -rf "$dir" && mkdir -p "$dir/original" "$dir/modified"
  cp -r "$original/$folder" "$dir/original/"
  cp -r "$modified/$folder" "$dir/modified/"
  {
    printf 'title = "%s"\ntrack = "Benchmark"\nstack = []\nroles = []\n' "$slug"
    printf 'summary = "Two published versions of a package."\nminutes = 60\n'
    printf 'author = "bench"\nbase = "main"\nhead = "upgrade"\n\n[renames]\n'
    (cd "$dir" && git diff --no-index -M --name-status original modified || true) |
      awk -F'\t' '$1 ~ /^R/ { sub(/^original\//, "", $2); sub(/^modified\//, "", $3); printf "\"%s\" = \"%s\"\n", $3, $2 }'
  } > "$dir/scenario.toml"
  local first
  first=$(cd "$dir/modified" && find . -type f -size +0 | sed 's|^\./||' | sort | head -1)
  printf '# A placeholder: a key needs one issue.\n[[issue]]\nid = "placeholder"\nfile = "%s"\nlines = [1, 1]\nlevel = "mid"\ncategory = "correctness"\ntitle = "Placeholder"\ndetail = "None."\n' \
    "$first" > "$dir/key.toml"
  printf 'Upgrade %s.\n' "$slug" > "$dir/description.md"
}

# build_corpus OUT: every scenario of CORPUS_PACKAGES under OUT/scenarios
build_corpus() {
  local out=$1 downloads="$1/downloads" slug registry package v1 v2 root folder
  mkdir -p "$downloads" "$out/scenarios"
  for line in "${CORPUS_PACKAGES[@]}"; do
    read -r slug registry package v1 v2 root folder <<< "$line"
    corpus_scenario "$slug" \
      "$(corpus_fetch "$registry" "$package" "$v1" "$downloads")/$root" \
      "$(corpus_fetch "$registry" "$package" "$v2" "$downloads")/$root" "$folder" "$out/scenarios"
  done
}
