"""Run once (2026-11-30) to split the labelled comments: 70% to tune, 30% held out.

Input: one labelled file per blind review (<slug>--<persona>.toml). Output: tune/<slug>.toml and
heldout/<slug>.toml. The half is decided by SHA-256 of the comment id with a fixed salt, so the
split does not depend on order or content and is never redone.

`--tune-only` adds a later batch whole to tune/, after the comments already there, so the held-out
half stays the one every figure since the split was reported on.
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


def main(src: pathlib.Path, out: pathlib.Path, tune_only: bool) -> None:
    halves: dict[str, dict[str, list]] = {"tune": {}} if tune_only else {"tune": {}, "heldout": {}}
    seen: set[str] = set()
    if tune_only:
        for path in sorted((out / "tune").glob("*.toml")):
            data = tomllib.loads(path.read_text())
            halves["tune"][data["scenario"]] = data["comment"]
            seen.update(c["id"] for c in data["comment"])
    for path in sorted(src.glob("*--*.toml")):
        data = tomllib.loads(path.read_text())
        for comment in data["comment"]:
            if comment["id"] in seen:
                sys.exit(f"{path}: comment {comment['id']} is already in the set")
            seen.add(comment["id"])
            comment["reviewer"] = data["reviewer"]
            kept = {k: comment[k] for k in FIELDS if k in comment}
            name = "tune" if tune_only else half(comment["id"])
            halves[name].setdefault(data["scenario"], []).append(kept)
    for name, scenarios in halves.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for slug, comments in scenarios.items():
            doc = {"scenario": slug, "comment": comments}
            (out / name / f"{slug}.toml").write_text(tomli_w.dumps(doc, multiline_strings=True))
        print(name, sum(len(c) for c in scenarios.values()), "comments")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--tune-only"]
    main(pathlib.Path(args[0]), pathlib.Path(args[1]), "--tune-only" in sys.argv[1:])
