//! scenario.toml: the pull request's metadata and the interviewer's catalog fields.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::problem::{Problems, toml_problem};
use super::{SCENARIO_TOML, files};

/// Every field of scenario.toml. Only title, author, base, head and minutes are published;
/// track, stack, roles and summary are for the interviewer's catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The pull request's title.
    pub title: String,
    /// Catalog group. Never published.
    pub track: String,
    pub stack: Vec<String>,
    /// Never published.
    pub roles: Vec<String>,
    /// The interviewer's catalog text. Never published.
    pub summary: String,
    /// Suggested time box.
    pub minutes: u32,
    /// The fictional pull-request author.
    pub author: String,
    pub base: String,
    pub head: String,
    /// Bump to move a leaked URL.
    #[serde(default)]
    pub path_epoch: u32,
    /// New path -> old path.
    #[serde(default)]
    pub renames: BTreeMap<String, String>,
}

pub(super) fn read(dir: &Path, problems: &mut Problems) -> Option<Meta> {
    let file = dir.join(SCENARIO_TOML);
    let text = files::read_text(&file, problems)?;
    match toml::from_str::<Meta>(&text) {
        Ok(meta) => {
            for (field, value) in [
                ("title", &meta.title),
                ("author", &meta.author),
                ("base", &meta.base),
                ("head", &meta.head),
            ] {
                if value.trim().is_empty() {
                    let line = super::problem::line_of(&text, field);
                    problems.at(&file, line, format!("`{field}` must not be empty"));
                }
            }
            if meta.minutes == 0 {
                let line = super::problem::line_of(&text, "minutes");
                problems.at(&file, line, "`minutes` must be at least 1".into());
            }
            Some(meta)
        }
        Err(err) => {
            problems.0.push(toml_problem(&file, &text, &err));
            None
        }
    }
}
