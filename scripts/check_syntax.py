#!/usr/bin/env python3
"""Parses every file under scenarios/*/original and scenarios/*/modified with its tree-sitter
grammar. Fails naming the file and the first error position; lists the files it has no grammar
for. Usage: check_syntax.py [SCENARIOS_DIR]"""

import sys
from pathlib import Path

import tree_sitter as ts


def _grammars():
    import tree_sitter_elixir
    import tree_sitter_html
    import tree_sitter_java
    import tree_sitter_javascript
    import tree_sitter_json
    import tree_sitter_python
    import tree_sitter_sql
    import tree_sitter_typescript
    import tree_sitter_yaml

    by_ext = {
        ".ts": tree_sitter_typescript.language_typescript(),
        ".mts": tree_sitter_typescript.language_typescript(),
        ".tsx": tree_sitter_typescript.language_tsx(),
        ".js": tree_sitter_javascript.language(),
        ".mjs": tree_sitter_javascript.language(),
        ".cjs": tree_sitter_javascript.language(),
        ".jsx": tree_sitter_javascript.language(),
        ".py": tree_sitter_python.language(),
        ".java": tree_sitter_java.language(),
        ".ex": tree_sitter_elixir.language(),
        ".exs": tree_sitter_elixir.language(),
        ".yaml": tree_sitter_yaml.language(),
        ".yml": tree_sitter_yaml.language(),
        ".json": tree_sitter_json.language(),
        ".sql": tree_sitter_sql.language(),
        ".html": tree_sitter_html.language(),
    }
    return {ext: ts.Parser(ts.Language(lang)) for ext, lang in by_ext.items()}


def first_error(node):
    """The first ERROR or MISSING node in document order, or None."""
    if node.type == "ERROR" or node.is_missing:
        return node
    if not node.has_error:
        return None
    for child in node.children:
        found = first_error(child)
        if found is not None:
            return found
    return node


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "scenarios")
    parsers = _grammars()
    failures, unknown, parsed = [], [], 0
    for side in ("original", "modified"):
        for path in sorted(root.glob(f"*/{side}/**/*")):
            if not path.is_file():
                continue
            parser = parsers.get(path.suffix.lower())
            if parser is None:
                unknown.append(path)
                continue
            tree = parser.parse(path.read_bytes())
            parsed += 1
            error = first_error(tree.root_node)
            if error is not None:
                line, column = error.start_point
                what = "missing " + error.type if error.is_missing else "syntax error"
                failures.append(f"{path}:{line + 1}:{column + 1}: {what}")
    if unknown:
        print(f"no grammar for {len(unknown)} file(s):")
        for path in unknown:
            print(f"  {path}")
    for failure in failures:
        print(failure)
    print(f"{parsed - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
