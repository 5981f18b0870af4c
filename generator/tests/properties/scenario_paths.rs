//! The `scenario_paths` property: `check`'s path rules (docs/design.md §2) against a file of any
//! name. The first byte's low bit picks original/ or modified/; the rest, split at `/`, is the
//! new file's path inside it (not always UTF-8). The loader refuses the file, naming it, when
//! its path holds a byte that is not a letter, a digit or one of `. _ - + @ ( ) [ ] /` (or is not
//! UTF-8); a path of only those characters is never refused for its characters, and an accepted
//! scenario shows the file under that path. Names the file system refuses, and names of files
//! the fixture has already, are skipped. Shared by the fuzz target and `tests/fuzz_replay.rs`
//! (both include this file by path).

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use generator::scenario::{self, InvalidScenario};

/// What the page, the reports and the terminal can show without escaping.
fn allowed(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"._-+@()[]/".contains(&byte)
}

/// A copy of the test fixture scenario, made once per process.
static FOLDER: LazyLock<Mutex<(tempfile::TempDir, PathBuf)>> = LazyLock::new(super::fixture::copy);

/// Creates `base/<parts>` as a new file; the folders it made (outermost first) and the file,
/// or None when the file system refuses the name or the path exists.
fn create(base: &Path, parts: &[&[u8]]) -> Option<(Vec<PathBuf>, PathBuf)> {
    let (name, folders) = parts.split_last()?;
    let mut made = Vec::new();
    let mut at = base.to_path_buf();
    for part in folders {
        at.push(OsStr::from_bytes(part));
        if !at.exists() {
            if std::fs::create_dir(&at).is_err() {
                remove(&made, None);
                return None;
            }
            made.push(at.clone());
        } else if !at.is_dir() {
            remove(&made, None);
            return None;
        }
    }
    let file = at.join(OsStr::from_bytes(name));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"x\n"));
    if written.is_err() {
        remove(&made, None);
        return None;
    }
    Some((made, file))
}

fn remove(folders: &[PathBuf], file: Option<&Path>) {
    if let Some(file) = file {
        std::fs::remove_file(file).expect("remove the fuzzed file");
    }
    for folder in folders.iter().rev() {
        std::fs::remove_dir(folder).expect("remove a fuzzed folder");
    }
}

/// Panics when the property fails.
pub fn check(data: &[u8]) {
    let folder = super::fixture::lock(&FOLDER);
    let Some((&first, path)) = data.split_first() else {
        return;
    };
    let side = if first & 1 == 1 {
        "modified"
    } else {
        "original"
    };
    // `.`, `..` and empty parts are not names a walk can meet.
    let parts: Vec<&[u8]> = path
        .split(|&b| b == b'/')
        .filter(|p| !p.is_empty() && *p != b"." && *p != b"..")
        .collect();
    if parts.iter().any(|p| p.contains(&0)) {
        return;
    }
    let base = folder.1.join(side);
    let Some((made, file)) = create(&base, &parts) else {
        return;
    };
    let loaded = scenario::load(&folder.1);
    remove(&made, Some(&file));
    let repo_path = parts.join(&b'/');
    let plain = repo_path.iter().all(|&b| allowed(b));
    let about_file: Vec<String> = match &loaded {
        Ok(_) => Vec::new(),
        Err(err) => err
            .downcast_ref::<InvalidScenario>()
            .expect("a scenario problem list")
            .problems
            .iter()
            .filter(|p| p.file == file)
            .map(|p| p.message.clone())
            .collect(),
    };
    let shown = String::from_utf8_lossy(&repo_path);
    if plain {
        assert!(
            !about_file
                .iter()
                .any(|m| m.contains("file paths use only") || m.contains("not valid UTF-8")),
            "{shown:?} refused for its characters: {about_file:?}"
        );
        if let Ok(scenario) = &loaded {
            let repo_path = std::str::from_utf8(&repo_path).expect("plain is ASCII");
            assert!(
                scenario.file(repo_path).is_some(),
                "{repo_path:?} accepted but not shown"
            );
        }
    } else {
        assert!(loaded.is_err(), "{shown:?} accepted");
        let why = match std::str::from_utf8(&repo_path) {
            Ok(text) => {
                let bad = text.chars().find(|&c| !c.is_ascii() || !allowed(c as u8));
                format!("the path holds {:?}", bad.expect("a refused character"))
            }
            Err(_) => "the path is not valid UTF-8".to_string(),
        };
        assert!(
            about_file.iter().any(|m| m.contains(&why)),
            "{shown:?}: expected {why:?} naming {}, got {about_file:?}",
            file.display()
        );
    }
    if let Ok(scenario) = &loaded {
        for shown in scenario.files.iter() {
            assert!(
                shown.path.bytes().all(allowed),
                "a shown path with another character: {:?}",
                shown.path
            );
        }
    }
}
