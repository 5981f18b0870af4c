#!/usr/bin/env bash
# The Lambda build the README and infra/ document: `cargo lambda build --release --arm64`
# (cargo-lambda and its zig from PyPI, the aarch64 standard library from rustup), and a check
# that it produced an arm64 `bootstrap` for provided.al2023.
set -euo pipefail
cd "$ROOT"
source scripts/lib/pyenv.sh
pyenv_ensure
if ! rustup target list --installed | grep -qx aarch64-unknown-linux-gnu; then
  rustup target add aarch64-unknown-linux-gnu
fi
PATH="$(dirname "$PY"):$PATH" cargo lambda build --release --arm64 --bin submit-fn --locked
bootstrap=target/lambda/submit-fn/bootstrap
[[ -x "$bootstrap" ]] || { echo "no $bootstrap after cargo lambda build" >&2; exit 1; }
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
echo "lambda: $bootstrap is an arm64 ELF ($(du -h "$bootstrap" | cut -f1))"
