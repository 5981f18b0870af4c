//! The test fixture scenario copied into a temporary folder, for the properties that edit a
//! scenario (`scenario_key`, `scenario_paths`, which reach it as `super::fixture`): whoever
//! includes them (tests/fuzz_replay.rs, the fuzz targets) includes this file beside them.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// A fresh copy of the fixture; the lock keeps one check at a time writing into it.
pub fn copy() -> Mutex<(tempfile::TempDir, PathBuf)> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../generator/tests/fixtures/scenarios/demo-review");
    let root = tempfile::tempdir().expect("a temporary folder");
    let dir = root.path().join("demo-review");
    for entry in walkdir::WalkDir::new(&fixture) {
        let entry = entry.expect("read the fixture folder");
        let to = dir.join(
            entry
                .path()
                .strip_prefix(&fixture)
                .expect("inside the fixture"),
        );
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy fixture file");
        }
    }
    Mutex::new((root, dir))
}

/// The copy, locked for one check; a check that panicked leaves it usable for the next.
pub fn lock(
    copy: &Mutex<(tempfile::TempDir, PathBuf)>,
) -> MutexGuard<'_, (tempfile::TempDir, PathBuf)> {
    copy.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
