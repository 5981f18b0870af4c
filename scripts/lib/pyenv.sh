# The Python tools of the tests (cfn-lint, tree-sitter grammars, aws-sam-cli, cargo-lambda, moto) in
# target/test-venv, installed once and again only when scripts/requirements-test.txt changes.
# uv installs them: pip's resolver took 5 to 8 minutes over aws-sam-cli and moto, uv about 20 s.
pyenv_ensure() {
  local venv="$ROOT/target/test-venv" req="$ROOT/scripts/requirements-test.txt"
  if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
  fi
  if ! cmp -s "$req" "$venv/.installed"; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check uv
    # uv reads its own settings, not pip's: a pip mirror set in the environment serves both.
    if [[ -n "${PIP_INDEX_URL:-}" && -z "${UV_INDEX_URL:-}" ]]; then
      export UV_INDEX_URL="$PIP_INDEX_URL"
    fi
    "$venv/bin/uv" pip install --quiet --python "$venv/bin/python" -r "$req"
    cp "$req" "$venv/.installed"
  fi
  PY="$venv/bin/python"
  export PY
}
