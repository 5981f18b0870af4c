#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora under fuzz/corpus/<target>/ from what the repository
already holds: the shared markdown cases, every scenario's file pairs and TOML files, and valid
API bodies. Seeds only start the search; libFuzzer grows the corpus from them."""

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def seed(target: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def scenario_folders():
    yield from sorted(p for p in (ROOT / "scenarios").iterdir() if (p / "scenario.toml").is_file())
    yield ROOT / "generator" / "tests" / "fixtures" / "scenarios" / "demo-review"


def main() -> int:
    cases = json.loads((ROOT / "tests-browser" / "fixtures" / "markdown-cases.json").read_text())
    for case in cases:
        seed("candidate_markdown", case["input"].encode())

    for folder in scenario_folders():
        seed("scenario_key", b"\x00" + (folder / "key.toml").read_bytes())
        seed("scenario_key", b"\x01" + (folder / "scenario.toml").read_bytes())
        for original in (folder / "original").rglob("*"):
            modified = folder / "modified" / original.relative_to(folder / "original")
            if original.is_file() and modified.is_file():
                pair = original.read_bytes() + b"\x00" + modified.read_bytes()
                if len(pair) < 64 * 1024:
                    seed("diff_replay", pair)

    comment = {"id": "c1", "file": "src/a.ts", "side": "modified", "start_line": 2,
               "end_line": 3, "severity": "major", "body": "off by one",
               "updated_at": "2026-01-01T00:00:00Z"}
    review = {"verdict": "request_changes", "summary": "needs **work**",
              "comments": [comment, {**comment, "id": "c2", "file": "old.sql", "side": "original",
                                     "start_line": 7, "end_line": 7},
                           {"id": "c3", "file": "src/new.py", "side": "modified", "body": "file",
                            "updated_at": "2026-01-01T00:00:00Z", "deleted": True}],
              "elapsed_seconds": 60}
    draft = {"version": 0, "save_id": "save-1", "review": review}
    submission = {**review, "submission_id": "sub-1"}
    submission["comments"] = review["comments"][:2]
    for state in range(5):
        seed("api_request", bytes([state << 3 | 0]) + json.dumps(draft).encode())
        seed("api_request", bytes([state << 3 | 1]) + json.dumps(submission).encode())
        seed("api_request", bytes([state << 3 | 2]))
        seed("api_request", bytes([state << 3 | 3]))
    total = sum(1 for _ in CORPUS.rglob("*") if _.is_file())
    print(f"fuzz seeds: {total} files under {CORPUS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
