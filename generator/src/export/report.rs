//! What both reports show, computed once: per file, the candidate's comments and the key issues
//! there (with the comments near each), the missed issues and the comments near none.

use submit_fn::model::{Comment, Side};

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use crate::scenario::{Issue, Level};

pub struct IssueView<'a> {
    pub issue: &'a Issue,
    /// Ids of the comments near it.
    pub near: &'a [String],
}

pub struct FileView<'a> {
    pub path: &'a str,
    /// Line comments, in line order.
    pub comments: Vec<&'a Comment>,
    /// Comments on the whole file: shown beside its issues, counted toward none.
    pub file_comments: Vec<&'a Comment>,
    pub issues: Vec<IssueView<'a>>,
}

pub struct Report<'a> {
    pub record: &'a ExportRecord,
    pub context: Option<&'a ScenarioContext>,
    /// Files with a comment or a key issue, in the scenario's order.
    pub files: Vec<FileView<'a>>,
    /// Key issues with no comment near them, by level (junior first).
    pub missed: Vec<&'a Issue>,
    /// Line comments near no issue: possible extra findings, for the interviewer to judge.
    pub unmatched: Vec<&'a Comment>,
}

pub const LEVELS: [Level; 3] = [Level::Junior, Level::Mid, Level::Senior];

impl<'a> Report<'a> {
    pub fn new(record: &'a ExportRecord, context: Option<&'a ScenarioContext>) -> Report<'a> {
        let live: Vec<&Comment> = record
            .review
            .comments
            .iter()
            .filter(|c| !c.deleted)
            .collect();
        let mut paths: Vec<&str> = Vec::new();
        if let Some(ctx) = context {
            paths.extend(ctx.scenario.files.iter().map(|f| f.path.as_str()));
        }
        for c in &live {
            if !paths.contains(&c.file.as_str()) {
                paths.push(&c.file);
            }
        }
        let files = paths
            .into_iter()
            .filter_map(|path| {
                let mut comments: Vec<&Comment> = live
                    .iter()
                    .copied()
                    .filter(|c| c.file == path && c.start_line.is_some())
                    .collect();
                comments.sort_by_key(|c| (c.side == Side::Modified, c.start_line, c.end_line));
                let file_comments = live
                    .iter()
                    .copied()
                    .filter(|c| c.file == path && c.start_line.is_none())
                    .collect();
                let issues: Vec<IssueView> = context
                    .map(|ctx| {
                        ctx.scenario
                            .key
                            .iter()
                            .filter(|i| i.file == path || i.also.iter().any(|p| p.file == path))
                            .map(|issue| IssueView {
                                issue,
                                near: record.score.issues_near(&issue.id),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let view = FileView {
                    path,
                    comments,
                    file_comments,
                    issues,
                };
                let shown = !view.comments.is_empty()
                    || !view.file_comments.is_empty()
                    || !view.issues.is_empty();
                shown.then_some(view)
            })
            .collect();
        let mut missed: Vec<&Issue> = context
            .map(|ctx| {
                ctx.scenario
                    .key
                    .iter()
                    .filter(|i| record.score.issues_near(&i.id).is_empty())
                    .collect()
            })
            .unwrap_or_default();
        missed.sort_by_key(|i| LEVELS.iter().position(|l| *l == i.level));
        let unmatched = live
            .iter()
            .copied()
            .filter(|c| c.start_line.is_some() && record.score.matched_issues(&c.id).is_empty())
            .collect();
        Report {
            record,
            context,
            files,
            missed,
            unmatched,
        }
    }

    pub fn title(&self) -> &str {
        self.context
            .map(|c| c.scenario.meta.title.as_str())
            .unwrap_or(&self.record.invite.scenario)
    }

    /// The lines of one side of a file, for quoting around a comment.
    pub fn lines(&self, path: &str, side: Side) -> Vec<&'a str> {
        self.context
            .and_then(|ctx| ctx.scenario.file(path))
            .map(|f| f.text(side).lines().collect())
            .unwrap_or_default()
    }
}

/// "12" or "12-15", for a comment's or an issue's lines.
pub fn line_label(start: u32, end: u32) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    }
}

pub fn side_label(side: Side) -> &'static str {
    match side {
        Side::Original => "original",
        Side::Modified => "modified",
    }
}
