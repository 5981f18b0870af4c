"""Run once (2026-11-30) to split the labelled comments: 70% to tune, 30% held out.

Input: one labelled file per blind review (<slug>--<persona>.toml). Output: tune/<slug>.toml and
heldout/<slug>.toml. The half is decided by SHA-256 of the comment id with a fixed salt, so the
split does not depend on order or content and is never redone.
"""
import hashlib
import pathlib
import sys
import tomllib

import tomli_w

SALT = b"reviewroom-scoring-eval-2026-11-30"
FIELDS = ("id", "reviewer", "kind", "file", "side", "lines", "body", "issues", "note")


def half(comment_id: str) -> str:
    digest = hashlib.sha256(SALT + comment_id.encode()).digest()
    return "tune" if digest[0] < int(256 * 0.7) else "heldout"


def main(src: pathlib.Path, out: pathlib.Path) -> None:
    halves: dict[str, dict[str, list]] = {"tune": {}, "heldout": {}}
    for path in sorted(src.glob("*--*.toml")):
        data = tomllib.loads(path.read_text())
        for comment in data["comment"]:
            comment["reviewer"] = data["reviewer"]
            kept = {k: comment[k] for k in FIELDS if k in comment}
            halves[half(comment["id"])].setdefault(data["scenario"], []).append(kept)
    for name, scenarios in halves.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for slug, comments in scenarios.items():
            doc = {"scenario": slug, "comment": comments}
            (out / name / f"{slug}.toml").write_text(tomli_w.dumps(doc, multiline_strings=True))
        print(name, sum(len(c) for c in scenarios.values()), "comments")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
