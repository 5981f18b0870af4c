# Local services for the tests, each started on 127.0.0.1 and stopped by its PID.
# Sourced by scripts/test.sh; stages find the addresses in the exported variables.

SERVICE_PIDS=()

services_stop() {
  for pid in "${SERVICE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVICE_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until something listens on 127.0.0.1:PORT, checking every 0.1 s at most TRIES times;
# the caller checks the service itself.
wait_for_port() {
  local port=$1 tries=$2
  for _ in $(seq 1 "$tries"); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
}

# dynalite (a local DynamoDB-compatible server, from tests-browser/) on a free port; exports
# REVIEWROOM_TEST_DYNAMODB, DYNALITE_PID and fake AWS credentials for the local endpoint.
start_dynalite() {
  if [[ ! -f "$ROOT/tests-browser/node_modules/dynalite/cli.js" ]]; then
    (cd "$ROOT/tests-browser" && npm ci --no-audit --no-fund >/dev/null)
  fi
  local port
  port=$(free_port)
  node "$ROOT/tests-browser/node_modules/dynalite/cli.js" --host 127.0.0.1 --port "$port" \
    --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 >/dev/null 2>&1 &
  DYNALITE_PID=$!
  SERVICE_PIDS+=("$DYNALITE_PID")
  wait_for_port "$port" 50
  export DYNALITE_PID
  export REVIEWROOM_TEST_DYNAMODB="http://127.0.0.1:$port"
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1
}

# moto's server (S3, CloudFront and CloudFormation on one port; `moto[server]` in the test venv)
# on a free port, its recorder on (every request appended as JSON to a file, so the tests can
# check publish's order); exports REVIEWROOM_TEST_AWS, REVIEWROOM_TEST_AWS_RECORDING and
# MOTO_PID. Needs pyenv_ensure first.
start_moto() {
  local port recording
  port=$(free_port)
  recording="$(mktemp -d)/moto-recording.jsonl"
  MOTO_ENABLE_RECORDING=true MOTO_RECORDER_FILEPATH="$recording" \
    "$(dirname "$PY")/moto_server" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
  MOTO_PID=$!
  SERVICE_PIDS+=("$MOTO_PID")
  # Its imports take seconds on a loaded machine.
  wait_for_port "$port" 300
  export MOTO_PID REVIEWROOM_TEST_AWS_RECORDING="$recording"
  export REVIEWROOM_TEST_AWS="http://127.0.0.1:$port"
}
