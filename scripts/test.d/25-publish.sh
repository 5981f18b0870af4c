#!/usr/bin/env bash
# `reviewroom publish` against moto's server (S3, CloudFront and CloudFormation on one local
# port, `moto[server]` from scripts/requirements-test.txt): the #[ignore]d tests of
# generator/tests/publish/ (first publish, no-op, dry run, changed and removed scenario,
# --prune-assets, --stack).
set -euo pipefail
cd "$ROOT"
# shellcheck source=scripts/lib/pyenv.sh
source scripts/lib/pyenv.sh
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh
trap services_stop EXIT
pyenv_ensure
start_moto
address=${REVIEWROOM_TEST_AWS#http://}
if ! (echo >"/dev/tcp/${address/:/\/}") 2>/dev/null; then
  echo "moto's server did not start on $REVIEWROOM_TEST_AWS" >&2
  exit 1
fi
# --workspace, as stage 10 built it: one package alone unifies other features and rebuilds most crates.
cargo test --workspace --locked --test publish -- --ignored
