//! The report an interviewer runs the debrief from, computed once: the facts (who, verdict,
//! time against the suggested time and limit, files viewed, comments by severity), then per
//! level from senior down the issues addressed and those missed, each with the candidate's
//! comments beside the key's strong comment, follow-up question and match evidence, then the
//! comments that address no issue. The HTML and Markdown reports draw this and the JSON export
//! carries it (`report` in each record), so the three say the same. A later grade adds its own
//! fields to [`IssueView`] and [`CommentView`] without changing what is here.

use serde::Serialize;
use submit_fn::model::Comment;

use super::collect::ScenarioContext;
use super::excerpt::{Excerpt, excerpt};
use super::record::ExportRecord;
use super::report_facts::{Facts, facts};
use super::report_grades::{Results, is_missed, label, results};
use crate::scenario::{Issue, IssuePlace, Level, line_label};
use crate::scoring::Match;

/// Junior first: tallies and compare read in this order; the report walks it reversed.
pub const LEVELS: [Level; 3] = [Level::Junior, Level::Mid, Level::Senior];

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    #[serde(flatten)]
    pub facts: Facts,
    /// The summary's paragraphs that were credited, with their evidence.
    pub summary_matches: Vec<SummaryMatch>,
    /// Each key issue's result (confirmed or suggested) and the graders' recommendations.
    pub results: Results,
    /// Senior first.
    pub levels: Vec<LevelSection>,
    /// Issues listed as addressed and as missed, over all levels.
    pub addressed: usize,
    pub missed: usize,
    /// Live comments credited to no issue (line and file comments): for the interviewer to
    /// judge as valid extras or not.
    pub extras: Vec<CommentView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SummaryMatch {
    /// `summary:N`.
    pub paragraph: String,
    pub matched: MatchView,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelSection {
    pub level: &'static str,
    /// Key issues of this level.
    pub total: usize,
    /// Issues the graders found (fully or partly) or disagree on; ungraded, those with a
    /// credited comment.
    pub addressed: Vec<IssueView>,
    /// Issues the graders agree were missed; ungraded, those no comment is credited to (with
    /// the comments only possibly about them).
    pub missed: Vec<IssueView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IssueView {
    pub id: String,
    /// The HTML id (unique across several reviews in one file).
    pub anchor: String,
    pub title: String,
    pub level: &'static str,
    pub category: &'static str,
    /// "found", "possibly" or "missed", by the machine's reading.
    pub state: &'static str,
    /// The result: "found, confirmed by Ada" or "missed, suggested by scoring".
    pub result: String,
    /// "path modified 24-26" per place.
    pub places: Vec<String>,
    /// The key's detail without the strong comment and the follow-up (markdown).
    pub explanation: String,
    /// The key's "A strong comment ..." paragraph (markdown).
    pub strong: Option<String>,
    /// The key's follow-up question, without its label (markdown).
    pub follow_up: Option<String>,
    /// Comments credited to the issue.
    pub comments: Vec<CommentView>,
    /// Comments on its lines that do not say it.
    pub possible: Vec<CommentView>,
    /// The diff around each place.
    pub excerpts: Vec<Excerpt>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommentView {
    pub id: String,
    pub file: String,
    /// "modified 18-19", or "whole file".
    pub place: String,
    pub severity: Option<&'static str>,
    /// The candidate's markdown, as sent.
    pub body: String,
    pub matches: Vec<MatchView>,
    /// The diff around a line comment.
    pub excerpt: Option<Excerpt>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatchView {
    pub issue: String,
    pub anchor: String,
    pub title: String,
    pub credited: bool,
    pub tier: &'static str,
    pub tier_label: &'static str,
    pub terms: Vec<String>,
}

/// The HTML id of an issue in one review's report.
pub fn anchor(invite: &str, issue: &str) -> String {
    format!("{invite}-issue-{issue}")
}

struct Builder<'a> {
    record: &'a ExportRecord,
    context: Option<&'a ScenarioContext>,
}

impl<'a> Builder<'a> {
    fn match_view(&self, m: &Match) -> MatchView {
        let title = self
            .context
            .and_then(|c| c.issue(&m.issue))
            .map_or_else(|| m.issue.clone(), |i| i.title.clone());
        MatchView {
            issue: m.issue.clone(),
            anchor: anchor(&self.record.invite.id, &m.issue),
            title,
            credited: m.tier.is_credit(),
            tier: m.tier.as_str(),
            tier_label: m.tier.label(),
            terms: m.terms.clone(),
        }
    }

    fn comment(&self, c: &Comment) -> CommentView {
        let lines = c.start_line.zip(c.end_line);
        let place = match lines {
            Some((s, e)) => format!("{} {}", c.side.as_str(), line_label(s, e)),
            None => "whole file".to_string(),
        };
        let file = self.context.and_then(|ctx| ctx.scenario.file(&c.file));
        CommentView {
            id: c.id.clone(),
            file: c.file.clone(),
            place,
            severity: c.severity.map(|s| s.as_str()),
            body: c.body.clone(),
            matches: self
                .record
                .score
                .matches(&c.id)
                .iter()
                .map(|m| self.match_view(m))
                .collect(),
            excerpt: file
                .zip(lines)
                .and_then(|(f, lines)| excerpt(f, c.side, lines)),
        }
    }

    fn comments(&self, ids: &[String]) -> Vec<CommentView> {
        let review = &self.record.review;
        ids.iter()
            .filter_map(|id| review.comments.iter().find(|c| &c.id == id && !c.deleted))
            .map(|c| self.comment(c))
            .collect()
    }

    fn issue(&self, issue: &Issue) -> IssueView {
        let score = &self.record.score;
        let comments = self.comments(score.credited(&issue.id));
        let possible = self.comments(score.possibly(&issue.id));
        let state = match (comments.is_empty(), possible.is_empty()) {
            (false, _) => "found",
            (true, false) => "possibly",
            (true, true) => "missed",
        };
        let detail = split_detail(&issue.detail);
        let places = issue.places();
        let excerpts = places
            .iter()
            .filter_map(|p| {
                let file = self.context?.scenario.file(&p.file)?;
                excerpt(file, p.side, p.lines)
            })
            .collect();
        IssueView {
            id: issue.id.clone(),
            anchor: anchor(&self.record.invite.id, &issue.id),
            title: issue.title.clone(),
            level: issue.level.as_str(),
            category: issue.category.as_str(),
            state,
            result: label(self.record, &issue.id),
            places: places.iter().map(IssuePlace::label).collect(),
            explanation: detail.explanation,
            strong: detail.strong,
            follow_up: detail.follow_up,
            comments,
            possible,
            excerpts,
        }
    }

    fn levels(&self) -> Vec<LevelSection> {
        let key = self.context.map(|c| c.scenario.key.as_slice());
        LEVELS
            .iter()
            .rev()
            .map(|level| {
                let (missed, addressed): (Vec<&Issue>, Vec<&Issue>) = key
                    .unwrap_or_default()
                    .iter()
                    .filter(|i| i.level == *level)
                    .partition(|i| is_missed(self.record, i));
                let view =
                    |issues: Vec<&Issue>| issues.into_iter().map(|i| self.issue(i)).collect();
                let (addressed, missed): (Vec<IssueView>, Vec<IssueView>) =
                    (view(addressed), view(missed));
                LevelSection {
                    level: level.as_str(),
                    total: addressed.len() + missed.len(),
                    addressed,
                    missed,
                }
            })
            .collect()
    }
}

impl Report {
    pub fn new(record: &ExportRecord, context: Option<&ScenarioContext>) -> Report {
        let builder = Builder { record, context };
        let score = &record.score;
        let summary_matches = score
            .comments
            .iter()
            .filter(|(id, _)| id.starts_with("summary:"))
            .flat_map(|(id, matches)| {
                let builder = &builder;
                matches
                    .iter()
                    .filter(|m| m.tier.is_credit())
                    .map(move |m| SummaryMatch {
                        paragraph: id.clone(),
                        matched: builder.match_view(m),
                    })
            })
            .collect();
        let extras = record
            .review
            .comments
            .iter()
            .filter(|c| !c.deleted && score.credits(&c.id).is_empty())
            .map(|c| builder.comment(c))
            .collect();
        let levels = builder.levels();
        Report {
            facts: facts(record, context),
            summary_matches,
            results: results(record, context),
            addressed: levels.iter().map(|l| l.addressed.len()).sum(),
            missed: levels.iter().map(|l| l.missed.len()).sum(),
            levels,
            extras,
        }
    }
}

/// A key issue's `detail` in its three parts: paragraphs opening "A strong comment" are the
/// strong comment, one opening "Follow-up" the question (label dropped), the rest explains.
pub struct Detail {
    pub explanation: String,
    pub strong: Option<String>,
    pub follow_up: Option<String>,
}

pub fn split_detail(detail: &str) -> Detail {
    let text = crate::printable::normalise_newlines(detail);
    let (mut explanation, mut strong, mut follow_up) = (Vec::new(), Vec::new(), Vec::new());
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lower = paragraph.to_ascii_lowercase();
        if lower.starts_with("a strong comment") {
            strong.push(paragraph);
        } else if lower.starts_with("follow-up") {
            let question = paragraph
                .split_once(':')
                .map_or(paragraph, |(_, rest)| rest.trim());
            follow_up.push(question);
        } else {
            explanation.push(paragraph);
        }
    }
    let joined = |parts: Vec<&str>| (!parts.is_empty()).then(|| parts.join("\n\n"));
    Detail {
        explanation: explanation.join("\n\n"),
        strong: joined(strong),
        follow_up: joined(follow_up),
    }
}

/// "credited to ID (on the lines and says it: a, b)" or "possibly ID (...)".
pub fn evidence(issue: &str, credited: bool, tier_label: &str, terms: &[String]) -> String {
    let verb = if credited { "credited to" } else { "possibly" };
    if terms.is_empty() {
        format!("{verb} {issue} ({tier_label})")
    } else {
        format!("{verb} {issue} ({tier_label}: {})", terms.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_splits_into_explanation_strong_comment_and_follow_up() {
        let d = split_detail(
            "What is wrong.\r\n\r\nWhy it matters.\n\nA strong comment: authorise first.\n\n\
             Follow-up: \"What must the key hold?\"",
        );
        assert_eq!(d.explanation, "What is wrong.\n\nWhy it matters.");
        assert_eq!(
            d.strong.as_deref(),
            Some("A strong comment: authorise first.")
        );
        assert_eq!(d.follow_up.as_deref(), Some("\"What must the key hold?\""));
        let plain = split_detail("Only an explanation.");
        assert_eq!(plain.explanation, "Only an explanation.");
        assert!(plain.strong.is_none() && plain.follow_up.is_none());
    }
}
