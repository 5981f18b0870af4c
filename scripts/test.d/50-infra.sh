#!/usr/bin/env bash
# The AWS SAM template passes cfn-lint.
set -euo pipefail
cd "$ROOT"
source scripts/lib/pyenv.sh
pyenv_ensure
"$(dirname "$PY")/cfn-lint" infra/template.yaml
echo "cfn-lint: infra/template.yaml clean"
