//! Stage 1, `scenario`: loads a scenario folder (docs/design.md §2), validating every rule, so the
//! later stages only ever see a consistent scenario. `check`, `build` and the export share it.

mod files;
mod key;
mod meta;
mod problem;

use std::path::{Path, PathBuf};

use anyhow::Result;
use submit_fn::model::{FileStatus, Side};

pub use key::{Category, Issue, IssuePlace, Level, line_label};
pub use meta::Meta;
pub use problem::{InvalidScenario, Problem};

pub const SCENARIO_TOML: &str = "scenario.toml";
pub const DESCRIPTION_MD: &str = "description.md";
pub const KEY_TOML: &str = "key.toml";
pub const ORIGINAL_DIR: &str = "original";
pub const MODIFIED_DIR: &str = "modified";
/// Larger files are rejected: a review page is no place for them.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// A scenario's files on both sides together: a page grows about tenfold from its sources.
pub const MAX_SCENARIO_BYTES: u64 = 2 * 1024 * 1024;
/// Files on both sides together: a review of more is no interview.
pub const MAX_FILES: usize = 200;

/// A loaded, valid scenario.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub slug: String,
    pub dir: PathBuf,
    pub meta: Meta,
    pub description: String,
    /// Every shown file, sorted by path: changed files and unchanged neighbours alike.
    pub files: Vec<ScenarioFile>,
    /// The answer key. Never published.
    pub key: Vec<Issue>,
}

/// One shown file with both sides' text (empty on the side it does not exist on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioFile {
    /// The new path; the old path when the file was deleted.
    pub path: String,
    /// The original side's path (differs from `path` only for renames).
    pub old_path: String,
    pub status: FileStatus,
    pub original: String,
    pub modified: String,
}

impl ScenarioFile {
    pub fn text(&self, side: Side) -> &str {
        match side {
            Side::Original => &self.original,
            Side::Modified => &self.modified,
        }
    }

    /// Line count of one side, as the diff and the key number them.
    pub fn lines(&self, side: Side) -> u32 {
        line_count(self.text(side))
    }

    pub fn is_changed(&self) -> bool {
        self.status != FileStatus::Unchanged
    }
}

impl Scenario {
    pub fn file(&self, path: &str) -> Option<&ScenarioFile> {
        self.files.iter().find(|f| f.path == path)
    }

    pub fn changed_files(&self) -> impl Iterator<Item = &ScenarioFile> {
        self.files.iter().filter(|f| f.is_changed())
    }

    pub fn unchanged_files(&self) -> impl Iterator<Item = &ScenarioFile> {
        self.files.iter().filter(|f| !f.is_changed())
    }
}

/// Lines as `str::lines` splits them: a final newline does not start another line.
pub fn line_count(text: &str) -> u32 {
    u32::try_from(text.lines().count()).unwrap_or(u32::MAX)
}

/// Loads and validates `dir`; fails with [`InvalidScenario`] listing every problem found.
pub fn load(dir: &Path) -> Result<Scenario> {
    validate(dir).map_err(|problems| anyhow::Error::new(InvalidScenario { problems }))
}

/// Whether `name` is a valid slug or issue id: `[a-z0-9-]+`.
pub fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The folders under `path` that are scenarios: `path` itself when it holds a scenario.toml,
/// else its subfolders (sorted), skipping hidden ones. A link to a folder counts as one (ops
/// may keep scenarios elsewhere); a link to nothing is an error, not a scenario silently
/// skipped; links inside a scenario are refused by the loader.
pub fn discover(path: &Path) -> Result<Vec<PathBuf>> {
    use anyhow::Context;
    if path.join(SCENARIO_TOML).is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries =
        std::fs::read_dir(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", path.display()))?;
        let name = entry.file_name();
        let hidden = name.to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        let link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if link && !entry.path().exists() {
            anyhow::bail!(
                "{} is a link to {}, which does not exist",
                entry.path().display(),
                std::fs::read_link(entry.path())
                    .map(|t| t.display().to_string())
                    .unwrap_or_default()
            );
        }
        if entry.path().is_dir() {
            dirs.push(entry.path());
        }
    }
    dirs.sort();
    Ok(dirs)
}

fn validate(dir: &Path) -> std::result::Result<Scenario, Vec<Problem>> {
    let mut problems = problem::Problems::default();
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_slug(&slug) {
        problems.at(
            dir,
            None,
            format!("the folder name {slug:?} is not a valid slug ([a-z0-9-]+)"),
        );
    }
    let meta = meta::read(dir, &mut problems);
    let description = files::read_text(&dir.join(DESCRIPTION_MD), &mut problems);
    let renames = meta.as_ref().map(|m| m.renames.clone()).unwrap_or_default();
    let shown = files::read_sides(dir, &renames, &mut problems);
    let key = key::read(dir, &shown, &mut problems);
    match (meta, description, problems.0.is_empty()) {
        (Some(meta), Some(description), true) => Ok(Scenario {
            slug,
            dir: dir.to_path_buf(),
            meta,
            description,
            files: shown,
            key,
        }),
        _ => Err(problems.0),
    }
}
