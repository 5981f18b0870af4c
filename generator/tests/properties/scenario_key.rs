//! The `scenario_key` property: a scenario folder with a fuzzed key.toml or scenario.toml (the
//! first byte's low bit picks which; the rest is the file, not always UTF-8). The loader either
//! accepts it, and then every key place lies inside its file with its anchor in those lines, or
//! lists problems that each name a file of the folder and a line that exists. Shared by the
//! fuzz target and `tests/fuzz_replay.rs` (both include this file by path).

use std::path::PathBuf;
use std::sync::{LazyLock, Mutex};

use generator::scenario::{self, InvalidScenario, line_count};

/// A copy of the test fixture scenario, made once per process.
static FOLDER: LazyLock<Mutex<(tempfile::TempDir, PathBuf)>> = LazyLock::new(super::fixture::copy);

/// Panics when the property fails.
pub fn check(data: &[u8]) {
    let folder = super::fixture::lock(&FOLDER);
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let meta = first & 1 == 1;
    let dir = &folder.1;
    let name = if meta { "scenario.toml" } else { "key.toml" };
    let target = dir.join(name);
    let saved = std::fs::read(&target).expect("read the fixture file");
    std::fs::write(&target, bytes).expect("write the fuzzed file");
    let loaded = scenario::load(dir);
    std::fs::write(&target, saved).expect("restore the fixture file");
    match loaded {
        Ok(scenario) => {
            for issue in &scenario.key {
                for place in issue.places() {
                    let file = scenario
                        .file(&place.file)
                        .expect("an accepted place names a shown file");
                    let text = file.text(place.side);
                    let (start, end) = place.lines;
                    assert!(
                        1 <= start && start <= end && end <= line_count(text),
                        "{place:?}"
                    );
                    if let Some(anchor) = &place.anchor {
                        let lines: Vec<&str> = text.lines().collect();
                        let span = lines[start as usize - 1..end as usize].join("\n");
                        assert!(
                            span.contains(anchor.as_str()),
                            "anchor {anchor:?} not in {place:?}"
                        );
                    }
                }
            }
        }
        Err(err) => {
            let invalid = err
                .downcast_ref::<InvalidScenario>()
                .expect("a scenario problem list");
            assert!(!invalid.problems.is_empty());
            for problem in &invalid.problems {
                assert!(problem.file.starts_with(dir), "{problem}");
                if let (Some(line), true) = (problem.line, problem.file.ends_with(name)) {
                    let lines = bytes.split(|&b| b == b'\n').count();
                    assert!(
                        line >= 1 && line <= lines,
                        "{problem} in {:?}",
                        String::from_utf8_lossy(bytes)
                    );
                }
            }
        }
    }
}
