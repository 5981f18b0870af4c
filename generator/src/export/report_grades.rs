//! The report's results: each key issue's result, confirmed by the graders where a grade of this
//! review counts and suggested by scoring elsewhere (labelled so), senior first, then each
//! grader's recommendation and notes. Part of the [`Report`](super::report::Report) every report
//! format draws.

use serde::Serialize;

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use super::report::{LEVELS, anchor};
use crate::grading::results::{counting, names};
use crate::grading::sheet::Outcome;
use crate::scenario::Issue;

#[derive(Debug, Clone, Serialize)]
pub struct Results {
    /// "confirmed by Ada and Grace", or "suggested by scoring (no grade of this review yet)".
    pub source: String,
    /// Whether a grade of this review counts.
    pub confirmed: bool,
    /// One per key issue, senior first.
    pub rows: Vec<ResultRow>,
    /// The counting grades, by grader.
    pub grades: Vec<GradeView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultRow {
    pub id: String,
    pub anchor: String,
    pub level: &'static str,
    pub title: String,
    /// "found, confirmed by Ada", "missed, suggested by scoring", "found by Ada, partly by
    /// Grace (graders disagree)".
    pub label: String,
    /// The agreed (or suggested) outcome; `None` where the graders disagree.
    pub outcome: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GradeView {
    pub grader: String,
    /// "Strong yes", "Yes", "No", "Strong no".
    pub recommendation: &'static str,
    /// The grader's own words (markdown, shown as inertly as a candidate's).
    pub notes: String,
}

/// Whether the report lists `issue` as missed: the graders agree it was missed, or (no grade)
/// scoring credited nothing to it. Issues the graders disagree on count as addressed, where the
/// conversation about them belongs.
pub fn is_missed(record: &ExportRecord, issue: &Issue) -> bool {
    match record.results.get(&issue.id) {
        Some(result) => result.outcome() == Some(Outcome::Missed),
        None => record.score.credited(&issue.id).is_empty(),
    }
}

/// The result label of `issue` ("" for an issue the record has no result for).
pub fn label(record: &ExportRecord, issue: &str) -> String {
    record
        .results
        .get(issue)
        .map(|r| r.label.clone())
        .unwrap_or_default()
}

pub fn results(record: &ExportRecord, context: Option<&ScenarioContext>) -> Results {
    let graders: Vec<&str> = counting(&record.grades).map(|(g, _)| g).collect();
    let source = if graders.is_empty() {
        "suggested by scoring (no grade of this review yet)".to_string()
    } else {
        format!("confirmed by {}", names(graders.iter().copied()))
    };
    let mut issues: Vec<&Issue> = context
        .map(|c| c.scenario.key.iter().collect())
        .unwrap_or_default();
    issues.sort_by_key(|i| std::cmp::Reverse(LEVELS.iter().position(|l| *l == i.level)));
    let rows = issues
        .into_iter()
        .filter_map(|i| {
            let result = record.results.get(&i.id)?;
            Some(ResultRow {
                id: i.id.clone(),
                anchor: anchor(&record.invite.id, &i.id),
                level: i.level.as_str(),
                title: i.title.clone(),
                label: result.label.clone(),
                outcome: result.outcome().map(Outcome::as_str),
            })
        })
        .collect();
    Results {
        source,
        confirmed: !graders.is_empty(),
        rows,
        grades: counting(&record.grades)
            .map(|(grader, sheet)| GradeView {
                grader: grader.to_string(),
                recommendation: sheet.recommendation.label(),
                notes: sheet.notes.clone(),
            })
            .collect(),
    }
}
