//! `reviewroom compare`: every candidate on one scenario side by side, so interviewers can
//! calibrate: per level found / total, per key issue each candidate's result (confirmed by
//! the graders where a grade counts, else suggested by scoring, labelled so), and where two
//! graders graded the same reviews, their agreement per level and their disagreements.

use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use super::report::LEVELS;
use crate::cli::ExportFormat;
use crate::grading::calibration::{Calibration, calibrate};
use crate::grading::results::{counting, names};
use crate::grading::sheet::{Outcome, Sheet};
use crate::render::{Theme, documents::Documents};
use crate::scenario::Level;

#[derive(Serialize)]
struct Matrix<'a> {
    scenario: &'a str,
    candidates: Vec<Column<'a>>,
    issues: Vec<IssueRow<'a>>,
    calibration: Calibration,
}

#[derive(Serialize)]
struct Column<'a> {
    invite: &'a str,
    candidate: &'a str,
    /// The review's status, or for an invite with nothing saved its state as `invites` says
    /// it (invited, opened, started, expired, revoked): not a candidate who found nothing.
    status: &'a str,
    /// Something was saved or submitted; when not, the counts are not shown as a score.
    saved: bool,
    /// "confirmed by Ada and Grace", or "suggested by scoring" when no grade counts.
    source: String,
    /// Grader -> recommendation.
    recommendations: Vec<(String, &'static str)>,
    /// Issues found: confirmed where graded (issues the graders disagree on not counted).
    found: usize,
    total: usize,
    per_level: Vec<(&'static str, usize, usize)>,
}

#[derive(Serialize)]
struct IssueRow<'a> {
    id: &'a str,
    level: &'static str,
    title: &'a str,
    /// One entry per candidate, in column order: the result's label ("found, confirmed by
    /// Ada"), "possibly, suggested by scoring", or "" (scoring credited nothing, no grade).
    marks: Vec<String>,
}

/// Found / total per level, by the results (confirmed where graded).
fn tally(context: &ScenarioContext, record: &ExportRecord, level: Option<Level>) -> (usize, usize) {
    let issues = context
        .scenario
        .key
        .iter()
        .filter(|i| level.is_none_or(|l| i.level == l));
    let (mut found, mut total) = (0, 0);
    for issue in issues {
        total += 1;
        let result = record.results.get(&issue.id);
        found += usize::from(result.and_then(|r| r.outcome()) == Some(Outcome::Found));
    }
    (found, total)
}

fn column<'a>(context: &ScenarioContext, r: &'a ExportRecord) -> Column<'a> {
    let graders: Vec<(&str, &Sheet)> = counting(&r.grades).collect();
    let saved = r.saved();
    let status = if saved {
        r.status.as_str()
    } else {
        r.invite_state.as_str()
    };
    let source = if !saved {
        "nothing saved yet".to_string()
    } else if graders.is_empty() {
        "suggested by scoring".to_string()
    } else {
        format!("confirmed by {}", names(graders.iter().map(|(g, _)| *g)))
    };
    let (found, total) = tally(context, r, None);
    Column {
        invite: &r.invite.id,
        candidate: &r.invite.candidate,
        status,
        saved,
        source,
        recommendations: graders
            .iter()
            .map(|(g, s)| (g.to_string(), s.recommendation.label()))
            .collect(),
        found,
        total,
        per_level: LEVELS
            .iter()
            .map(|l| {
                let (found, total) = tally(context, r, Some(*l));
                (l.as_str(), found, total)
            })
            .collect(),
    }
}

fn matrix<'a>(context: &'a ScenarioContext, records: &'a [ExportRecord]) -> Matrix<'a> {
    let candidates = records.iter().map(|r| column(context, r)).collect();
    let mut issues: Vec<IssueRow> = context
        .scenario
        .key
        .iter()
        .map(|i| IssueRow {
            id: &i.id,
            level: i.level.as_str(),
            title: &i.title,
            marks: records.iter().map(|r| mark(r, &i.id)).collect(),
        })
        .collect();
    issues.sort_by_key(|i| LEVELS.iter().position(|l| l.as_str() == i.level));
    Matrix {
        scenario: &context.scenario.slug,
        candidates,
        issues,
        calibration: calibrate(context, records),
    }
}

/// The result's label where it is confirmed or scoring credited a comment; "possibly, suggested
/// by scoring" when one only sits on its lines; "" otherwise.
fn mark(record: &ExportRecord, issue: &str) -> String {
    match record.results.get(issue) {
        Some(r) if r.is_confirmed() || r.suggested == Outcome::Found => r.label.clone(),
        _ if !record.score.possibly(issue).is_empty() => "possibly, suggested by scoring".into(),
        _ => String::new(),
    }
}

/// Writes the comparison in `format`; the HTML through the theme's `interviewer/compare.html`
/// (`theme`: the project's theme folder over the embedded default).
pub fn write(
    context: &ScenarioContext,
    records: &[ExportRecord],
    format: ExportFormat,
    theme: Option<&Path>,
    mut out: impl Write,
) -> Result<()> {
    let m = matrix(context, records);
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&m).context("cannot write JSON")? + "\n",
        ExportFormat::Csv => {
            let mut csv = super::csv::writer(Vec::new());
            let mut header = vec!["issue".to_string(), "level".into(), "title".into()];
            header.extend(
                m.candidates
                    .iter()
                    .map(|c| format!("{} ({})", c.candidate, c.invite)),
            );
            csv.write_record(header.iter().map(|h| super::csv::neutralise(h)))?;
            let summary = |what: &str, cell: &dyn Fn(&Column) -> String| {
                let mut cells = vec![String::new(), String::new(), what.to_string()];
                cells.extend(m.candidates.iter().map(cell));
                cells
            };
            for cells in [
                summary("results", &|c| c.source.clone()),
                summary("recommendation", &recommendations),
            ] {
                csv.write_record(cells.iter().map(|c| super::csv::neutralise(c)))?;
            }
            for row in &m.issues {
                let mut cells = vec![
                    row.id.to_string(),
                    row.level.to_string(),
                    row.title.to_string(),
                ];
                cells.extend(row.marks.iter().map(|m| m.to_string()));
                csv.write_record(cells.iter().map(|c| super::csv::neutralise(c)))?;
            }
            String::from_utf8(csv.into_inner().context("cannot write CSV")?)?
        }
        ExportFormat::Md => markdown(&m, &context.scenario.meta.title),
        ExportFormat::Html => {
            let title = &context.scenario.meta.title;
            let levels: Vec<&str> = LEVELS.iter().map(|l| l.as_str()).collect();
            Documents::new(&Theme::load(theme)?)?.render(
                "compare.html",
                &format!("Compare: {title}"),
                &serde_json::json!({ "title": title, "matrix": m, "levels": levels }),
            )?
        }
    };
    let text = match format {
        ExportFormat::Json => crate::printable::json(&text),
        _ => crate::printable::escape(&text),
    };
    out.write_all(text.as_bytes())
        .context("cannot write the comparison")
}

fn markdown(m: &Matrix, title: &str) -> String {
    let mut out = format!(
        "# Compare: {}

| candidate | status | results | recommendation | found / total |",
        md_cell(title)
    );
    for level in LEVELS {
        let _ = write!(out, " {} |", level.as_str());
    }
    out.push_str("\n| --- | --- | --- | --- | --- |");
    out.push_str(&" --- |".repeat(LEVELS.len()));
    for c in &m.candidates {
        let counts = |found: usize, total: usize| {
            if c.saved {
                format!("{found} / {total}")
            } else {
                "-".to_string()
            }
        };
        let _ = write!(
            out,
            "\n| {} (`{}`) | {} | {} | {} | {} |",
            md_cell(c.candidate),
            c.invite,
            c.status,
            md_cell(&c.source),
            md_cell(&recommendations(c)),
            counts(c.found, c.total)
        );
        for (_, found, total) in &c.per_level {
            let _ = write!(out, " {} |", counts(*found, *total));
        }
    }
    out.push_str("\n\n## Per key issue\n\n| issue | level |");
    for c in &m.candidates {
        let _ = write!(out, " {} |", md_cell(c.candidate));
    }
    out.push_str("\n| --- | --- |");
    out.push_str(&" --- |".repeat(m.candidates.len()));
    for row in &m.issues {
        let _ = write!(out, "\n| {} | {} |", md_cell(row.title), row.level);
        for mark in &row.marks {
            let _ = write!(
                out,
                " {} |",
                if mark.is_empty() {
                    "-".into()
                } else {
                    md_cell(mark)
                }
            );
        }
    }
    out.push('\n');
    out.push_str(&crate::grading::calibration::markdown(
        &m.calibration,
        md_cell,
    ));
    out
}

/// "Ada: Yes; Grace: No", or "-" when nobody graded.
fn recommendations(c: &Column) -> String {
    if c.recommendations.is_empty() {
        return "-".into();
    }
    let each: Vec<String> = c
        .recommendations
        .iter()
        .map(|(g, r)| format!("{g}: {r}"))
        .collect();
    each.join("; ")
}

/// A table cell that cannot break the table or carry HTML or markdown.
fn md_cell(text: &str) -> String {
    super::report_md::inline(text)
}
