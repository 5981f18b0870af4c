#!/usr/bin/env bash
# The theme's JavaScript and the Node tests' modules through Biome (biome.json at the root):
# formatting and lint, read-only (`biome ci` fails on any difference; `biome check --write .`
# from the root applies the formatting and the safe fixes).
set -euo pipefail
cd "$ROOT"
# shellcheck source=scripts/lib/browser.sh
source scripts/lib/browser.sh
npm_ensure
tests-browser/node_modules/.bin/biome ci --colors=off --error-on-warnings .
