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
