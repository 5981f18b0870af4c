//! The grade page's view model and its tera template (`themes/<theme>/grade/grade.html`,
//! extending the candidate page's `base.html`, with its stylesheets). Everything candidate-made
//! goes through tera's autoescape or the candidate markdown renderer. Other graders' grades are
//! shown only once this grader saved theirs, so each grades independently.

use anyhow::{Context, Result};
use serde::Serialize;
use tera::Tera;

use super::Subject;
use super::results::GradeRecord;
use super::sheet::{Decision, Extra, Outcome, Recommendation, Sheet, pointer};
use crate::export::report::LEVELS;
use crate::render::{CSP, Theme};
use crate::scenario::line_label;

pub const TEMPLATE: &str = "grade/grade.html";
/// Files of the theme the page loads besides its stylesheets, served at `/static/<name>`.
pub const SCRIPT: &str = "grade/grade.js";
pub const STYLE: &str = "grade/grade.css";

#[derive(Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct MatchView {
    comment: String,
    /// Its decision's JSON pointer in a posted grade.
    field: String,
    place: String,
    body: String,
    evidence: String,
    credit: bool,
    choices: Vec<Choice>,
}

#[derive(Serialize)]
struct OtherView {
    grader: String,
    outcome: &'static str,
}

#[derive(Serialize)]
struct IssueView {
    id: String,
    /// The issue's JSON pointer in a posted grade.
    field: String,
    level: &'static str,
    category: String,
    title: String,
    place: String,
    detail: String,
    suggested: &'static str,
    matches: Vec<MatchView>,
    outcomes: Vec<Choice>,
    note: String,
    others: Vec<OtherView>,
}

#[derive(Serialize)]
struct ExtraView {
    comment: String,
    field: String,
    place: String,
    severity: Option<&'static str>,
    body: String,
    choices: Vec<Choice>,
}

#[derive(Serialize)]
struct OtherGrade {
    grader: String,
    recommendation: &'static str,
    notes: String,
}

#[derive(Serialize)]
struct PageView {
    grader: String,
    candidate: String,
    invite: String,
    scenario: String,
    status: &'static str,
    review_id: String,
    verdict: Option<&'static str>,
    summary: String,
    saved_at: Option<String>,
    issues: Vec<IssueView>,
    extras: Vec<ExtraView>,
    notes: String,
    recommendations: Vec<Choice>,
    others: Vec<OtherGrade>,
    /// Graders whose grade exists but stays hidden until this grader saves.
    hidden: Vec<String>,
}

#[derive(Serialize)]
struct AssetView {
    stylesheets: Vec<String>,
    script: Option<String>,
    csp: &'static str,
}

/// The theme's templates with the grade page among them.
pub fn templates(theme: &Theme) -> Result<Tera> {
    let mut tera = Tera::default();
    tera.set_escape_fn(crate::html::escape);
    let mut templates = theme.templates()?;
    let page = theme
        .files
        .get(TEMPLATE)
        .with_context(|| format!("the theme has no {TEMPLATE}"))?;
    let page =
        String::from_utf8(page.clone()).with_context(|| format!("{TEMPLATE} is not UTF-8"))?;
    templates.push((TEMPLATE.to_string(), page));
    tera.add_raw_templates(templates)
        .context("invalid grade page template")?;
    Ok(tera)
}

fn choices<T: Copy + PartialEq>(
    all: &[(T, &'static str, &'static str)],
    current: Option<T>,
) -> Vec<Choice> {
    all.iter()
        .map(|&(v, value, label)| Choice {
            value,
            label,
            checked: current == Some(v),
        })
        .collect()
}

const OUTCOMES: [(Outcome, &str, &str); 3] = [
    (Outcome::Found, "found", "Found"),
    (Outcome::Partly, "partly", "Partly"),
    (Outcome::Missed, "missed", "Missed"),
];
const DECISIONS: [(Decision, &str, &str); 2] = [
    (Decision::Confirmed, "confirmed", "Confirm"),
    (Decision::Rejected, "rejected", "Reject"),
];
const EXTRAS: [(Extra, &str, &str); 2] = [
    (Extra::Valid, "valid", "Valid"),
    (Extra::Invalid, "invalid", "Not valid"),
];

fn place(subject: &Subject, comment: &str) -> (String, String) {
    match subject
        .record
        .review
        .comments
        .iter()
        .find(|c| c.id == comment)
    {
        Some(c) => {
            let at = match (c.start_line, c.end_line) {
                (Some(s), Some(e)) => {
                    format!("{}:{} ({})", c.file, line_label(s, e), c.side.as_str())
                }
                (Some(s), None) => format!("{}:{s} ({})", c.file, c.side.as_str()),
                _ => format!("{} (whole file)", c.file),
            };
            (at, crate::markdown::to_candidate_html(&c.body))
        }
        None => ("the summary".into(), String::new()),
    }
}

fn issue_views(
    subject: &Subject,
    own: Option<&Sheet>,
    others: &[(&str, &Sheet)],
) -> Vec<IssueView> {
    let mut issues: Vec<_> = subject.issues().collect();
    issues.sort_by_key(|i| std::cmp::Reverse(LEVELS.iter().position(|l| *l == i.level)));
    issues
        .into_iter()
        .map(|issue| {
            let graded = own.and_then(|s| s.issues.get(&issue.id));
            let matches = subject
                .suggested(&issue.id)
                .into_iter()
                .map(|s| {
                    let (place, body) = place(subject, s.comment);
                    let m = s.evidence;
                    let evidence = crate::export::report::evidence(
                        &m.issue,
                        m.tier.is_credit(),
                        m.tier.label(),
                        &m.terms,
                    );
                    MatchView {
                        comment: s.comment.to_string(),
                        field: pointer(&["issues", issue.id.as_str(), "matches", s.comment]),
                        place,
                        body,
                        evidence,
                        credit: s.evidence.tier.is_credit(),
                        choices: choices(
                            &DECISIONS,
                            graded.and_then(|g| g.matches.get(s.comment).copied()),
                        ),
                    }
                })
                .collect();
            let suggested = if subject.record.score.credited(&issue.id).is_empty() {
                "missed"
            } else {
                "found"
            };
            IssueView {
                id: issue.id.clone(),
                field: pointer(&["issues", issue.id.as_str()]),
                level: issue.level.as_str(),
                category: issue.category.as_str().to_string(),
                title: issue.title.clone(),
                place: format!(
                    "{}:{} ({})",
                    issue.file,
                    line_label(issue.lines.0, issue.lines.1),
                    issue.side.as_str()
                ),
                detail: crate::markdown::to_html(&issue.detail),
                suggested,
                matches,
                outcomes: choices(&OUTCOMES, graded.map(|g| g.outcome)),
                note: graded.map(|g| g.note.clone()).unwrap_or_default(),
                others: others
                    .iter()
                    .filter_map(|(grader, sheet)| {
                        Some(OtherView {
                            grader: grader.to_string(),
                            outcome: sheet.issues.get(&issue.id)?.outcome.as_str(),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The page for `grader`: their own grade filled in when saved, the others' shown only then.
pub fn render(
    tera: &Tera,
    stylesheets: Vec<String>,
    subject: &Subject,
    grader: &str,
) -> Result<String> {
    let grades: &[GradeRecord] = &subject.record.grades;
    let own = grades.iter().find(|g| g.grader == grader && g.current);
    let own_sheet = own.and_then(|g| g.sheet.as_ref());
    let counting: Vec<(&str, &Sheet)> = super::results::counting(grades)
        .filter(|(name, _)| *name != grader)
        .collect();
    let visible: &[(&str, &Sheet)] = if own_sheet.is_some() { &counting } else { &[] };
    let extras = subject
        .extras()
        .into_iter()
        .map(|c| {
            let (place, body) = place(subject, &c.id);
            ExtraView {
                comment: c.id.clone(),
                field: pointer(&["extras", c.id.as_str()]),
                place,
                severity: c.severity.map(|s| s.as_str()),
                body,
                choices: choices(
                    &EXTRAS,
                    own_sheet.and_then(|s| s.extras.get(&c.id).copied()),
                ),
            }
        })
        .collect();
    let recommendations = Recommendation::ALL
        .iter()
        .map(|r| Choice {
            value: r.as_str(),
            label: r.label(),
            checked: own_sheet.map(|s| s.recommendation) == Some(*r),
        })
        .collect();
    let record = subject.record;
    let view = PageView {
        grader: grader.to_string(),
        candidate: record.invite.candidate.clone(),
        invite: record.invite.id.clone(),
        scenario: subject.context.scenario.meta.title.clone(),
        status: record.status.as_str(),
        review_id: record.review_id.clone(),
        verdict: record.review.verdict.map(|v| v.as_str()),
        summary: crate::markdown::to_candidate_html(&record.review.summary),
        saved_at: own.map(|g| g.saved_at.clone()),
        issues: issue_views(subject, own_sheet, visible),
        extras,
        notes: own_sheet.map(|s| s.notes.clone()).unwrap_or_default(),
        recommendations,
        others: visible
            .iter()
            .map(|(grader, sheet)| OtherGrade {
                grader: grader.to_string(),
                recommendation: sheet.recommendation.label(),
                notes: sheet.notes.clone(),
            })
            .collect(),
        hidden: if own_sheet.is_some() {
            Vec::new()
        } else {
            counting.iter().map(|(g, _)| g.to_string()).collect()
        },
    };
    let mut context = tera::Context::new();
    context.insert(
        "assets",
        &AssetView {
            stylesheets,
            script: Some(format!("/static/{}", SCRIPT.trim_start_matches("grade/"))),
            csp: CSP,
        },
    );
    context.insert("page", &view);
    tera.render(TEMPLATE, &context)
        .with_context(|| format!("cannot render {TEMPLATE}"))
}
