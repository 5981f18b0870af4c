//! The fuzz targets' properties as plain tests: each one (`properties/`, included by path here
//! and by fuzz/fuzz_targets/) runs over the seeds made from what the repository holds (the
//! shared markdown cases, every scenario's TOML and file pairs, valid API bodies, the tune
//! half's labelled review comments and a few hostile ones) and over the
//! committed inputs that once failed (fuzz/regressions/<target>/). With `FUZZ_CORPUS=<dir>` the
//! seeds are also written to `<dir>/<target>/`, where scripts/fuzz.sh starts libFuzzer from them.

use std::path::{Path, PathBuf};

use data_encoding::HEXLOWER;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

#[path = "properties/api_request.rs"]
mod api_request;
#[path = "properties/candidate_markdown.rs"]
mod candidate_markdown;
#[path = "properties/diff_replay.rs"]
mod diff_replay;
#[path = "properties/fixture.rs"]
mod fixture;
#[path = "properties/review_scoring.rs"]
mod review_scoring;
#[path = "properties/scenario_key.rs"]
mod scenario_key;
#[path = "properties/scenario_paths.rs"]
mod scenario_paths;

/// Diff seeds above this size slow the fuzzer more than they teach it.
const MAX_PAIR: usize = 64 * 1024;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every scenario of the repository and the test fixture.
fn scenario_folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("read scenarios/")
        .map(|entry| entry.expect("read scenarios/").path())
        .filter(|path| path.join("scenario.toml").is_file())
        .collect();
    folders.sort();
    folders.push(root().join("generator/tests/fixtures/scenarios/demo-review"));
    folders
}

/// Runs `check` on every seed and every committed regression input of `target`; fails naming
/// each input the property failed on (its panic message is printed above).
fn replay(target: &str, seeds: Vec<Vec<u8>>, check: fn(&[u8])) {
    assert!(!seeds.is_empty(), "no seeds for {target}");
    if let Some(corpus) = std::env::var_os("FUZZ_CORPUS") {
        let dir = Path::new(&corpus).join(target);
        std::fs::create_dir_all(&dir).expect("create the corpus folder");
        for seed in &seeds {
            let name = HEXLOWER.encode(&Sha256::digest(seed)[..20]);
            std::fs::write(dir.join(name), seed).expect("write a seed");
        }
    }
    let mut inputs: Vec<(String, Vec<u8>)> = seeds
        .into_iter()
        .enumerate()
        .map(|(i, seed)| (format!("seed {i}"), seed))
        .collect();
    let regressions = root().join("fuzz/regressions").join(target);
    if regressions.is_dir() {
        for entry in std::fs::read_dir(&regressions).expect("read the regressions folder") {
            let path = entry.expect("read the regressions folder").path();
            inputs.push((path.display().to_string(), read(&path)));
        }
    }
    let failed: Vec<&str> = inputs
        .iter()
        .filter(|(_, data)| std::panic::catch_unwind(|| check(data)).is_err())
        .map(|(name, _)| name.as_str())
        .collect();
    assert!(
        failed.is_empty(),
        "{target}: the property fails on {failed:?}"
    );
}

#[test]
fn candidate_markdown_on_the_shared_cases() {
    let path = root().join("tests-browser/fixtures/markdown-cases.json");
    let cases: Vec<Value> = serde_json::from_slice(&read(&path)).expect("markdown cases JSON");
    let seeds = cases
        .iter()
        .map(|case| case["input"].as_str().expect("a case's input").into())
        .collect();
    replay("candidate_markdown", seeds, candidate_markdown::check);
}

#[test]
fn scenario_key_on_every_scenario_s_toml() {
    let mut seeds = Vec::new();
    for folder in scenario_folders() {
        seeds.push([&[0u8][..], &read(&folder.join("key.toml"))].concat());
        seeds.push([&[1u8][..], &read(&folder.join("scenario.toml"))].concat());
    }
    replay("scenario_key", seeds, scenario_key::check);
}

#[test]
fn scenario_paths_on_every_scenario_s_paths_and_refused_names() {
    let mut seeds = Vec::new();
    for folder in scenario_folders() {
        for (selector, side) in [(0u8, "original"), (1, "modified")] {
            let base = folder.join(side);
            for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
                let entry = entry.expect("read a scenario folder");
                if entry.file_type().is_file() {
                    let relative = entry.path().strip_prefix(&base).expect("inside");
                    // Beside the real file, so the seed is not skipped as an existing name.
                    let path = format!("{}.new", relative.display());
                    seeds.push([&[selector][..], path.as_bytes()].concat());
                }
            }
        }
    }
    // The names issue 19 found accepted, and their neighbours.
    for name in [
        &b"src/a\\nb.ts"[..],
        b"src/a\nb.ts",
        b"<img src=x onerror=alert(1)>.ts",
        b"docs/a`b.ts",
        b"x y.ts",
        b"caf\xc3\xa9.ts",
        b"bad\xff.ts",
        b"a\tb",
        b"../escape.ts",
        b"./dot/./x.ts",
        b"[x](y)+@_-.ts",
        b"\xe2\x80\xaebidi.ts",
    ] {
        seeds.push([&[1u8][..], name].concat());
    }
    replay("scenario_paths", seeds, scenario_paths::check);
}

#[test]
fn diff_replay_on_every_scenario_s_file_pairs() {
    let mut seeds = Vec::new();
    for folder in scenario_folders() {
        let original = folder.join("original");
        for entry in walkdir::WalkDir::new(&original).sort_by_file_name() {
            let entry = entry.expect("read a scenario folder");
            let relative = entry.path().strip_prefix(&original).expect("inside");
            let modified = folder.join("modified").join(relative);
            if entry.file_type().is_file() && modified.is_file() {
                let pair = [read(entry.path()), vec![0], read(&modified)].concat();
                if pair.len() < MAX_PAIR {
                    seeds.push(pair);
                }
            }
        }
    }
    replay("diff_replay", seeds, diff_replay::check);
}

#[test]
fn api_request_on_valid_bodies_in_every_invite_state() {
    let comment = json!({"id": "c1", "file": "src/a.ts", "side": "modified", "start_line": 2,
        "end_line": 3, "severity": "major", "body": "off by one",
        "updated_at": "2026-01-01T00:00:00Z"});
    let mut on_original = comment.clone();
    on_original["id"] = json!("c2");
    on_original["file"] = json!("old.sql");
    on_original["side"] = json!("original");
    on_original["start_line"] = json!(7);
    on_original["end_line"] = json!(7);
    let deleted = json!({"id": "c3", "file": "src/new.py", "side": "modified", "body": "file",
        "updated_at": "2026-01-01T00:00:00Z", "deleted": true});
    let review = json!({"verdict": "request_changes", "summary": "needs **work**",
        "comments": [comment, on_original, deleted], "elapsed_seconds": 60});
    let draft = json!({"version": 0, "save_id": "save-1", "review": review});
    let mut submission = review.clone();
    submission["submission_id"] = json!("sub-1");
    submission["comments"] = json!([comment, on_original]);
    let mut seeds = Vec::new();
    // The selector byte: route in the low 3 bits (0 draft, 1 submission, 2 session, 3 start),
    // the invite's state in the next 3, JSON declared (high bit clear).
    for state in 0u8..5 {
        seeds.push([vec![state << 3], draft.to_string().into_bytes()].concat());
        seeds.push([vec![state << 3 | 1], submission.to_string().into_bytes()].concat());
        seeds.push(vec![state << 3 | 2]);
        seeds.push(vec![state << 3 | 3]);
    }
    replay("api_request", seeds, api_request::check);
}

#[test]
fn review_scoring_on_the_tune_half_of_the_labelled_comments() {
    use generator::scoring::eval::{self, Kind};
    // The tune half only: of the held-out half, only the evaluation's figures are ever seen.
    let sets = eval::load(&root().join("eval/scoring/tune")).expect("the tune half");
    let keys = &*review_scoring::KEYS;
    let mut seeds = Vec::new();
    for set in &sets {
        let scenario = keys
            .iter()
            .position(|(name, _)| *name == set.scenario)
            .expect("a labelled scenario of the repository");
        let files = keys[scenario].1.files.paths();
        for c in &set.comments {
            let kind = match (c.kind, c.side) {
                (Kind::Line, Some(submit_fn::model::Side::Original)) => 3,
                (Kind::Line, _) => 0,
                (Kind::File, _) => 1,
                (Kind::Summary, _) => 2,
            };
            let file = c
                .file
                .as_ref()
                .and_then(|f| files.iter().position(|g| g == f))
                .unwrap_or(0);
            let [start, end] = c.lines.unwrap_or([1, 1]).map(|l| l as u16);
            seeds.push(
                [
                    &[(scenario as u8) << 2 | kind, file as u8][..],
                    &start.to_le_bytes(),
                    &end.to_le_bytes(),
                    c.body.as_bytes(),
                ]
                .concat(),
            );
        }
    }
    // Hostile text and places: empty, fences left open, bidi, huge and reversed line numbers,
    // line references past any file.
    for body in [
        "",
        "```",
        "```suggestion\nx",
        "\u{202e}nit: +1 nice",
        "see line 4294967295 and L0 and a.ts:99999999999",
        "`",
        "and, and, (and) [also]: then",
    ] {
        for selector in 0u8..4 {
            seeds.push([&[selector, 0, 0xff, 0xff, 1, 0][..], body.as_bytes()].concat());
        }
    }
    replay("review_scoring", seeds, review_scoring::check);
}
