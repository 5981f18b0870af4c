# What the browser tests need: Debian's chromium (installed when missing, about 40 s) and the npm
# packages of tests-browser/ (playwright-core, axe-core, dynalite, Biome), installed again only
# when package-lock.json changed.
npm_ensure() {
  local dir="$ROOT/tests-browser"
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock"; then
    (cd "$dir" && npm ci --no-audit --no-fund >/dev/null)
    cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock"
  fi
}

browser_ensure() {
  if [[ ! -x /usr/bin/chromium ]]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  fi
  npm_ensure
}
