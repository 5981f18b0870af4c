//! The scenario's file trees: walks original/ and modified/, applies renames, and enforces the
//! file rules (no symlinks, no path leaving the folder, plain path characters, UTF-8 text only,
//! at most 1 MiB a file, 2 MiB and 200 files a scenario).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path};

use submit_fn::model::FileStatus;

use super::problem::{Problems, line_of};
use super::{
    MAX_FILE_BYTES, MAX_FILES, MAX_SCENARIO_BYTES, MODIFIED_DIR, ORIGINAL_DIR, SCENARIO_TOML,
    ScenarioFile,
};

/// Characters a file path may hold: a path is shown in the page, the reports and the
/// terminal, so nothing that could break out of HTML, Markdown code or a line.
fn path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._-+@()[]/".contains(c)
}

/// What both trees of one scenario may still hold ([`MAX_FILES`], [`MAX_SCENARIO_BYTES`]).
struct Budget {
    files: usize,
    bytes: u64,
    exceeded: bool,
}

impl Budget {
    /// Counts `file` of `len` bytes; reports the first file over the budget, by name.
    fn take(&mut self, file: &Path, len: u64, problems: &mut Problems) -> bool {
        self.files += 1;
        self.bytes += len;
        let over = if self.files > MAX_FILES {
            format!(
                "the scenario holds more than {MAX_FILES} files (original/ and modified/ together)"
            )
        } else if self.bytes > MAX_SCENARIO_BYTES {
            format!(
                "the scenario's files pass {} MiB together here: split it or cut the files",
                MAX_SCENARIO_BYTES / (1024 * 1024)
            )
        } else {
            return true;
        };
        if !self.exceeded {
            problems.at(file, None, over);
            self.exceeded = true;
        }
        false
    }
}

/// Reads one file as text, recording why it cannot be shown when it cannot.
pub(super) fn read_text(file: &Path, problems: &mut Problems) -> Option<String> {
    let meta = match std::fs::symlink_metadata(file) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            problems.at(file, None, "missing file".into());
            return None;
        }
        Err(err) => {
            problems.at(file, None, format!("cannot read: {err}"));
            return None;
        }
    };
    if meta.file_type().is_symlink() {
        problems.at(file, None, "symlinks are not allowed".into());
        return None;
    }
    if meta.len() > MAX_FILE_BYTES {
        problems.at(
            file,
            None,
            format!("{} bytes is over the 1 MiB limit", meta.len()),
        );
        return None;
    }
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => {
            problems.at(file, None, format!("cannot read: {err}"));
            return None;
        }
    };
    if bytes.contains(&0) {
        problems.at(file, None, "binary files are not allowed".into());
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let line = err.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            problems.at(file, Some(line), "not valid UTF-8".into());
            None
        }
    }
}

/// Every file under `root/<side>/`, by repo path (forward slashes).
fn read_tree(
    root: &Path,
    side: &str,
    budget: &mut Budget,
    problems: &mut Problems,
) -> BTreeMap<String, String> {
    let base = root.join(side);
    let mut out = BTreeMap::new();
    if !base.is_dir() {
        return out;
    }
    for entry in walkdir::WalkDir::new(&base)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.at(&base, None, format!("cannot read: {err}"));
                continue;
            }
        };
        let path = entry.path();
        if entry.path_is_symlink() {
            problems.at(path, None, "symlinks are not allowed".into());
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = path.strip_prefix(&base) else {
            continue;
        };
        let Some(repo_path) = repo_path(relative) else {
            problems.at(path, None, "the path is not valid UTF-8".into());
            continue;
        };
        if let Some(c) = repo_path.chars().find(|&c| !path_char(c)) {
            problems.at(
                path,
                None,
                format!(
                    "the path holds {c:?}: file paths use only letters, digits and . _ - + @ ( ) [ ] /"
                ),
            );
            continue;
        }
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        if !budget.take(path, len, problems) {
            continue;
        }
        if let Some(text) = read_text(path, problems) {
            out.insert(repo_path, text);
        }
    }
    out
}

fn repo_path(relative: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = relative
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    parts.map(|p| p.join("/"))
}

/// Whether a declared path stays inside its tree: relative, no `..`, no empty parts.
pub(super) fn stays_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Pairs the two trees into shown files, applying scenario.toml's renames.
pub(super) fn read_sides(
    dir: &Path,
    renames: &BTreeMap<String, String>,
    problems: &mut Problems,
) -> Vec<ScenarioFile> {
    if !dir.join(ORIGINAL_DIR).is_dir() && !dir.join(MODIFIED_DIR).is_dir() {
        problems.at(dir, None, "neither original/ nor modified/ exists".into());
    }
    let mut budget = Budget {
        files: 0,
        bytes: 0,
        exceeded: false,
    };
    let mut original = read_tree(dir, ORIGINAL_DIR, &mut budget, problems);
    let mut modified = read_tree(dir, MODIFIED_DIR, &mut budget, problems);
    let toml_file = dir.join(SCENARIO_TOML);
    let toml_text = std::fs::read_to_string(&toml_file).unwrap_or_default();
    let mut files = Vec::new();
    let mut renamed_old = BTreeSet::new();
    for (new, old) in renames {
        let line = line_of(&toml_text, &format!("\"{new}\""));
        if !stays_inside(new) || !stays_inside(old) {
            problems.at(
                &toml_file,
                line,
                format!("rename {new:?} = {old:?}: the path leaves the scenario folder"),
            );
            continue;
        }
        if !modified.contains_key(new) {
            problems.at(
                &toml_file,
                line,
                format!("rename: modified/{new} does not exist"),
            );
        }
        if !original.contains_key(old) {
            problems.at(
                &toml_file,
                line,
                format!("rename: original/{old} does not exist"),
            );
        }
        if original.contains_key(new) || modified.contains_key(old) {
            problems.at(
                &toml_file,
                line,
                format!("rename {new:?} = {old:?}: both paths must exist on one side only"),
            );
        }
        if !renamed_old.insert(old.clone()) {
            problems.at(
                &toml_file,
                line,
                format!("rename: {old:?} is renamed twice"),
            );
        }
        if let (Some(m), Some(o)) = (modified.get(new), original.get(old)) {
            files.push(ScenarioFile {
                path: new.clone(),
                old_path: old.clone(),
                status: FileStatus::Renamed,
                original: o.clone(),
                modified: m.clone(),
            });
        }
    }
    for file in &files {
        original.remove(&file.old_path);
        modified.remove(&file.path);
    }
    let paths: BTreeSet<String> = original.keys().chain(modified.keys()).cloned().collect();
    for path in paths {
        let (o, m) = (original.remove(&path), modified.remove(&path));
        let status = match (&o, &m) {
            (Some(o), Some(m)) if o == m => FileStatus::Unchanged,
            (Some(_), Some(_)) => FileStatus::Modified,
            (None, Some(_)) => FileStatus::Added,
            _ => FileStatus::Deleted,
        };
        files.push(ScenarioFile {
            old_path: path.clone(),
            path,
            status,
            original: o.unwrap_or_default(),
            modified: m.unwrap_or_default(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}
