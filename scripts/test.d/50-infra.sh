#!/usr/bin/env bash
# The AWS SAM template: cfn-lint and `sam validate --lint`, the CloudFront Function's tests in
# node (run on the code read out of the template), and `sam build --beta-features`, the one
# Lambda build (BuildMethod rust-cargolambda: cargo-lambda and its zig from PyPI, the aarch64
# standard library from rustup), checked to have made an arm64 `bootstrap` for provided.al2023.
set -euo pipefail
cd "$ROOT"
source scripts/lib/pyenv.sh
pyenv_ensure
venv_bin=$(dirname "$PY")
# No telemetry and no update check: the stage runs offline once the tools are installed.
export SAM_CLI_TELEMETRY=0 SAM_CLI_DISABLE_UPDATE_CHECK=1 AWS_REGION=${AWS_REGION:-us-east-1}

"$venv_bin/cfn-lint" infra/template.yaml
"$venv_bin/sam" validate --lint --template-file infra/template.yaml
echo "cfn-lint, sam validate --lint: infra/template.yaml clean"
node --test infra/*.test.mjs

if ! rustup target list --installed | grep -qx aarch64-unknown-linux-gnu; then
  rustup target add aarch64-unknown-linux-gnu
fi
build=target/sam/build
# The production build as an operator runs it: plain rustc, not the lint wrapper test.sh sets.
env -u RUSTC_WORKSPACE_WRAPPER -u CLIPPY_ARGS PATH="$venv_bin:$PATH" "$venv_bin/sam" build --beta-features --template-file infra/template.yaml \
  --build-dir "$build" --cache-dir target/sam/cache
bootstrap=$build/SubmitFunction/bootstrap
[[ -x "$bootstrap" ]] || { echo "no $bootstrap after sam build" >&2; exit 1; }
if ! "$PY" - "$bootstrap" <<'PY'
import struct, sys
with open(sys.argv[1], "rb") as f:
    head = f.read(20)
# ELF magic, then e_machine at offset 18: 0xB7 is AArch64.
ok = head[:4] == b"\x7fELF" and struct.unpack_from("<H", head, 18)[0] == 0xB7
sys.exit(0 if ok else 1)
PY
then
  echo "$bootstrap is not an arm64 ELF binary" >&2
  exit 1
fi
echo "sam build: $bootstrap is an arm64 ELF ($(du -h "$bootstrap" | cut -f1))"
