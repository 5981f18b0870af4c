//! The diff agrees with `git diff --no-index --histogram --no-indent-heuristic`: the same
//! lines are removed and added on each side.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use generator::diff::Sides;

/// Changed line numbers (1-based) per side from git's zero-context hunk headers.
fn git_changes(original: &Path, modified: &Path) -> Sides<BTreeSet<u32>> {
    let out = Command::new("git")
        .args([
            "diff",
            "--no-index",
            "--histogram",
            "--no-indent-heuristic",
            "-U0",
            "--no-color",
        ])
        .arg(original)
        .arg(modified)
        .output()
        .expect("git runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut changed = Sides::<BTreeSet<u32>>::default();
    for line in text.lines().filter(|l| l.starts_with("@@ ")) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let range = |s: &str| -> (u32, u32) {
            let s = &s[1..];
            match s.split_once(',') {
                Some((a, b)) => (a.parse().unwrap(), b.parse().unwrap()),
                None => (s.parse().unwrap(), 1),
            }
        };
        let (start, len) = range(parts[1]);
        changed.original.extend(start..start + len);
        let (start, len) = range(parts[2]);
        changed.modified.extend(start..start + len);
    }
    changed
}

fn our_changes(original: &str, modified: &str) -> Sides<BTreeSet<u32>> {
    let original: Vec<&str> = original.lines().collect();
    let modified: Vec<&str> = modified.lines().collect();
    let mut changed = Sides::<BTreeSet<u32>>::default();
    for change in generator::diff::changes(&original, &modified) {
        changed
            .original
            .extend(change.original.start + 1..change.original.end + 1);
        changed
            .modified
            .extend(change.modified.start + 1..change.modified.end + 1);
    }
    changed
}

fn assert_agrees(original: &Path, modified: &Path) {
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    let ours = our_changes(&read(original), &read(modified));
    let git = git_changes(original, modified);
    assert_eq!(
        ours,
        git,
        "{} vs {}",
        original.display(),
        modified.display()
    );
}

#[test]
fn paired_fixtures_agree_with_git() {
    let dir = support::fixtures().join("diff");
    let mut pairs = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some((stem, ext)) = name.split_once("_1.") {
            assert_agrees(&path, &dir.join(format!("{stem}_2.{ext}")));
            pairs += 1;
        }
    }
    assert!(pairs >= 2);
}

#[test]
fn fixture_scenario_files_agree_with_git() {
    let scenario = generator::scenario::load(&support::fixture_scenario()).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for (i, file) in scenario.changed_files().enumerate() {
        let (o, m) = (
            tmp.path().join(format!("{i}_o")),
            tmp.path().join(format!("{i}_m")),
        );
        std::fs::write(&o, &file.original).unwrap();
        std::fs::write(&m, &file.modified).unwrap();
        assert_agrees(&o, &m);
    }
}
