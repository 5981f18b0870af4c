//! Confirmed results beside scoring's suggestions: what every export format and `compare`
//! show per key issue. A grade counts for the review it graded only (a later submission, after
//! `--reopen`, makes it stale); where no grade counts, the suggestion is shown, labelled so.

use std::collections::BTreeMap;

use serde::Serialize;
use submit_fn::store::Grade;

use super::sheet::{Decision, Extra, Outcome, Sheet};
use crate::scoring::Score;

/// A stored grade as exported.
#[derive(Debug, Clone, Serialize)]
pub struct GradeRecord {
    pub grader: String,
    /// The review it graded: a `submission_id`, or `draft-<version>`.
    pub review_id: String,
    pub saved_at: String,
    /// Whether it grades the exported review; a stale grade is shown, never counted.
    pub current: bool,
    /// `None` when the stored sheet could not be read (a warning says so).
    pub sheet: Option<Sheet>,
}

/// One key issue's result: scoring's suggestion and every counting grader's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct IssueResult {
    /// `found` when scoring credited a comment to it, else `missed`.
    pub suggested: Outcome,
    /// Grader -> outcome, from the grades of the exported review.
    pub confirmed: BTreeMap<String, Outcome>,
    /// "found, confirmed by Ada", "missed, suggested by scoring", "found by Ada, partly by
    /// Grace (graders disagree)".
    pub label: String,
}

impl IssueResult {
    /// The outcome the graders agree on, else (ungraded) the suggestion; `None` when they
    /// disagree.
    pub fn outcome(&self) -> Option<Outcome> {
        let mut given = self.confirmed.values();
        match given.next() {
            None => Some(self.suggested),
            Some(first) => given.all(|o| o == first).then_some(*first),
        }
    }

    pub fn is_confirmed(&self) -> bool {
        !self.confirmed.is_empty()
    }
}

/// "Ada", "Ada and Grace", "Ada, Grace and Linus".
pub fn names<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn label(suggested: Outcome, confirmed: &BTreeMap<String, Outcome>) -> String {
    let mut outcomes = confirmed.values();
    match outcomes.next() {
        None => format!("{}, suggested by scoring", suggested.as_str()),
        Some(first) if outcomes.all(|o| o == first) => format!(
            "{}, confirmed by {}",
            first.as_str(),
            names(confirmed.keys().map(String::as_str))
        ),
        Some(_) => {
            let each: Vec<String> = confirmed
                .iter()
                .map(|(grader, o)| format!("{} by {grader}", o.as_str()))
                .collect();
            format!("{} (graders disagree)", each.join(", "))
        }
    }
}

/// The stored grades as exported; unreadable and stale ones are reported in `warnings`.
pub fn grade_records(
    grades: &[Grade],
    review_id: &str,
    warnings: &mut Vec<String>,
) -> Vec<GradeRecord> {
    grades
        .iter()
        .map(|g| {
            let sheet = serde_json::from_str::<Sheet>(&g.sheet).ok();
            if sheet.is_none() {
                warnings.push(format!(
                    "the grade by {} could not be read: not counted",
                    g.grader
                ));
            }
            let current = g.review_id == review_id;
            if !current {
                warnings.push(format!(
                    "the grade by {} is of review {}, not of the exported {review_id}: not counted",
                    g.grader, g.review_id
                ));
            }
            GradeRecord {
                grader: g.grader.clone(),
                review_id: g.review_id.clone(),
                saved_at: submit_fn::store::rfc3339(g.saved_at),
                current,
                sheet,
            }
        })
        .collect()
}

/// The grades that count: readable and of the exported review.
pub fn counting(grades: &[GradeRecord]) -> impl Iterator<Item = (&str, &Sheet)> {
    grades
        .iter()
        .filter(|g| g.current)
        .filter_map(|g| Some((g.grader.as_str(), g.sheet.as_ref()?)))
}

/// Every key issue's result, by issue id.
pub fn issue_results<'a>(
    issues: impl Iterator<Item = &'a str>,
    score: &Score,
    grades: &[GradeRecord],
) -> BTreeMap<String, IssueResult> {
    issues
        .map(|id| {
            let suggested = if score.credited(id).is_empty() {
                Outcome::Missed
            } else {
                Outcome::Found
            };
            let confirmed: BTreeMap<String, Outcome> = counting(grades)
                .filter_map(|(grader, sheet)| {
                    Some((grader.to_string(), sheet.issues.get(id)?.outcome))
                })
                .collect();
            let label = label(suggested, &confirmed);
            (
                id.to_string(),
                IssueResult {
                    suggested,
                    confirmed,
                    label,
                },
            )
        })
        .collect()
}

/// What the graders decided of scoring's match of `comment` to `issue`: "confirmed by Ada",
/// "rejected by Ada, confirmed by Grace"; `None` when no counting grade decided it.
pub fn match_label(grades: &[GradeRecord], issue: &str, comment: &str) -> Option<String> {
    let each: Vec<String> = counting(grades)
        .filter_map(|(grader, sheet)| {
            let decision = sheet.issues.get(issue)?.matches.get(comment)?;
            let verb = match decision {
                Decision::Confirmed => "confirmed",
                Decision::Rejected => "rejected",
            };
            Some(format!("{verb} by {grader}"))
        })
        .collect();
    (!each.is_empty()).then(|| each.join(", "))
}

/// What the graders judged of a comment credited to no issue: "valid extra, by Ada".
pub fn extra_label(grades: &[GradeRecord], comment: &str) -> Option<String> {
    let each: Vec<String> = counting(grades)
        .filter_map(|(grader, sheet)| {
            let judged = match sheet.extras.get(comment)? {
                Extra::Valid => "valid",
                Extra::Invalid => "not valid",
            };
            Some(format!("{judged} extra, by {grader}"))
        })
        .collect();
    (!each.is_empty()).then(|| each.join("; "))
}
