//! What both reports show, computed once: per file, the candidate's comments and the key issues
//! there (with the comments credited to each, and those only possibly about it), the missed
//! issues and the comments credited to none.

use submit_fn::model::{Comment, Side};

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use crate::scenario::{Issue, Level};
use crate::scoring::Match;

pub struct IssueView<'a> {
    pub issue: &'a Issue,
    /// Ids of the comments credited to it.
    pub credited: &'a [String],
    /// Ids of comments on its lines that do not say it.
    pub possible: &'a [String],
}

pub struct FileView<'a> {
    pub path: &'a str,
    /// Line comments, in line order.
    pub comments: Vec<&'a Comment>,
    /// Comments on the whole file, shown beside its issues.
    pub file_comments: Vec<&'a Comment>,
    pub issues: Vec<IssueView<'a>>,
}

pub struct Report<'a> {
    pub record: &'a ExportRecord,
    pub context: Option<&'a ScenarioContext>,
    /// Files with a comment or a key issue, in the scenario's order.
    pub files: Vec<FileView<'a>>,
    /// Key issues no comment is credited to, by level (junior first).
    pub missed: Vec<&'a Issue>,
    /// Comments (line or file) credited to no issue: possible extra findings, to judge.
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
                                credited: record.score.credited(&issue.id),
                                possible: record.score.possibly(&issue.id),
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
                    .filter(|i| record.score.credited(&i.id).is_empty())
                    .collect()
            })
            .unwrap_or_default();
        missed.sort_by_key(|i| LEVELS.iter().position(|l| *l == i.level));
        let unmatched = live
            .iter()
            .copied()
            .filter(|c| record.score.credits(&c.id).is_empty())
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

/// One line per match of a comment: "credited to ID (on the lines and says it: a, b, c)" or
/// "possibly ID (on the lines only, possibly)".
pub fn evidence(matches: &[Match]) -> Vec<String> {
    matches
        .iter()
        .map(|m| {
            let verb = if m.tier.is_credit() {
                "credited to"
            } else {
                "possibly"
            };
            if m.terms.is_empty() {
                format!("{verb} {} ({})", m.issue, m.tier.label())
            } else {
                format!(
                    "{verb} {} ({}: {})",
                    m.issue,
                    m.tier.label(),
                    m.terms.join(", ")
                )
            }
        })
        .collect()
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

/// The time taken, each figure labelled with who measured it: the server (Start to receipt) and
/// the candidate's page (what it reported). None when neither is known.
pub fn time_taken(record: &ExportRecord) -> Option<String> {
    let minutes = |s: u64| format!("{} min {} s", s / 60, s % 60);
    let server = record
        .invite
        .server_elapsed_seconds
        .map(|s| format!("{} measured by the server (Start to receipt)", minutes(s)));
    let reported = Some(record.review.elapsed_seconds)
        .filter(|s| *s > 0)
        .map(|s| format!("{} reported by the candidate's page", minutes(s)));
    match (server, reported) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}
