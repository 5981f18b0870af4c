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
# --workspace, as stage 10 built it: one package alone unifies other features and rebuilds most
# crates. The filter keeps the run to submit-fn's DynamoStore tests.
cargo test --workspace --locked --lib -- --ignored store::dynamo

# Reliability (bounded, not timed): 200 simulated candidates x 20 drafts + one submission with
# duplicate retries on each store; on DynamoDB, dynalite is stopped for 8 s mid-run and the API
# must answer 503 meanwhile. The example exits non-zero unless every acknowledged submission
# is stored exactly once.
# `cargo test` builds the examples too, so this is stage 10's build (a no-op after it).
cargo test --workspace --locked --no-run
target/debug/examples/load --store sqlite --candidates 200 --drafts 20
target/debug/examples/load --store dynamodb --candidates 200 --drafts 20 \
  --pause-pid "$DYNALITE_PID" --pause-secs 8
cargo test --workspace --locked --test export_stores --test grade_cli --test invite_commands -- --ignored
