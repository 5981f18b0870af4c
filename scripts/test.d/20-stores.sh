#!/usr/bin/env bash
# The store tests that need services: the conformance suite and DynamoStore tests against
# dynalite (the #[ignore]d tests of submit-fn).
set -euo pipefail
cd "$ROOT"
# shellcheck source=scripts/lib/services.sh
source scripts/lib/services.sh
trap services_stop EXIT
start_dynalite
if [[ -z "${REVIEWROOM_TEST_DYNAMODB:-}" ]]; then
  echo "REVIEWROOM_TEST_DYNAMODB is not set: dynalite did not start" >&2
  exit 1
fi
cargo test -p submit-fn --locked -- --ignored
