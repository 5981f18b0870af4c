//! The types that cross the parts: the manifest a build writes and an invite keeps, and the
//! review a candidate drafts and submits. Field names are the JSON of docs/design.md §4-§6.

use serde::{Deserialize, Serialize};

/// Which version of a file a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Original,
    Modified,
}

impl Side {
    /// The JSON spelling, also used in reports, key.toml and the page.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Original => "original",
            Side::Modified => "modified",
        }
    }
}

/// How a shown file relates to the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    Added,
    Deleted,
    Modified,
    Renamed,
    /// Identical on both sides: shown for context under "Unchanged files".
    Unchanged,
}

impl FileStatus {
    /// The JSON spelling, also the page's `data-status` and part of the scenario hash.
    pub fn as_str(self) -> &'static str {
        match self {
            FileStatus::Added => "added",
            FileStatus::Deleted => "deleted",
            FileStatus::Modified => "modified",
            FileStatus::Renamed => "renamed",
            FileStatus::Unchanged => "unchanged",
        }
    }
}

/// What `reviewroom build` writes to `.reviewroom/manifests/<slug>.json` and what an invite
/// keeps a copy of, so the API can validate comments without the scenario folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version of this record.
    pub version: u32,
    pub scenario: String,
    /// Hash over the scenario's published inputs; the page carries the same value.
    pub scenario_hash: String,
    /// First 8 hex characters of HMAC(secret, "fingerprint").
    pub secret_fingerprint: String,
    /// The published path, `/s/<k>/`.
    pub path: String,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// The new path (the old path when the file was deleted).
    pub path: String,
    /// Set for renamed files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_path: Option<String>,
    pub status: FileStatus,
    /// Line count of the original side (0 when added).
    pub original_lines: u32,
    /// Line count of the modified side (0 when deleted).
    pub modified_lines: u32,
}

impl Manifest {
    pub fn file(&self, path: &str) -> Option<&ManifestFile> {
        self.files.iter().find(|f| f.path == path)
    }
}

impl ManifestFile {
    pub fn lines(&self, side: Side) -> u32 {
        match side {
            Side::Original => self.original_lines,
            Side::Modified => self.modified_lines,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approve,
    RequestChanges,
    Comment,
}

impl Verdict {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Approve => "approve",
            Verdict::RequestChanges => "request_changes",
            Verdict::Comment => "comment",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Blocker,
    Major,
    Minor,
    Nit,
    Question,
}

impl Severity {
    /// The JSON spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Major => "major",
            Severity::Minor => "minor",
            Severity::Nit => "nit",
            Severity::Question => "question",
        }
    }
}

/// A candidate's review: the draft's `review`, and a submission less its `submission_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Required on submission; a draft may not have chosen one yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub elapsed_seconds: u64,
    /// The changed files the candidate marked viewed, for the report's "files viewed of N".
    /// None in reviews saved by pages that did not send it (docs/design.md §6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewed_files: Option<Vec<String>>,
}

/// One comment: on a line range of one side, or (both lines absent) on a whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// Client-made id, unique within the review; drafts merge by it.
    pub id: String,
    pub file: String,
    pub side: Side,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    pub body: String,
    /// RFC 3339 time of the last edit, set by the client.
    pub updated_at: String,
    /// A tombstone kept in drafts so a merge does not bring a deleted comment back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[cfg(test)]
mod tests;
