//! `reviewroom compare`: every candidate on one scenario side by side, so interviewers can
//! calibrate: per level found / total, and per key issue who was credited with it.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use super::report::LEVELS;
use super::report_html::document;
use crate::cli::ExportFormat;
use crate::html::escape;

#[derive(Serialize)]
struct Matrix<'a> {
    scenario: &'a str,
    candidates: Vec<Column<'a>>,
    issues: Vec<IssueRow<'a>>,
}

#[derive(Serialize)]
struct Column<'a> {
    invite: &'a str,
    candidate: &'a str,
    status: &'a str,
    found: usize,
    total: usize,
    per_level: Vec<(&'static str, usize, usize)>,
}

#[derive(Serialize)]
struct IssueRow<'a> {
    id: &'a str,
    level: &'static str,
    title: &'a str,
    /// One entry per candidate, in column order: "found", "possibly" or "".
    marks: Vec<&'static str>,
}

fn matrix<'a>(context: &'a ScenarioContext, records: &'a [ExportRecord]) -> Matrix<'a> {
    let candidates = records
        .iter()
        .map(|r| Column {
            invite: &r.invite.id,
            candidate: &r.invite.candidate,
            status: r.status.as_str(),
            found: r.score.found,
            total: r.score.total,
            per_level: LEVELS
                .iter()
                .map(|l| {
                    let t = r
                        .score
                        .per_level
                        .get(l.as_str())
                        .cloned()
                        .unwrap_or_default();
                    (l.as_str(), t.found, t.total)
                })
                .collect(),
        })
        .collect();
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
    }
}

/// "found" when a comment is credited to the issue, "possibly" when one only sits on its lines.
fn mark(record: &ExportRecord, issue: &str) -> &'static str {
    if !record.score.credited(issue).is_empty() {
        "found"
    } else if !record.score.possibly(issue).is_empty() {
        "possibly"
    } else {
        ""
    }
}

pub fn write(
    context: &ScenarioContext,
    records: &[ExportRecord],
    format: ExportFormat,
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
        ExportFormat::Html => document(
            &format!("Compare: {}", context.scenario.meta.title),
            &html(&m, &context.scenario.meta.title),
        ),
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

| candidate | status | found / total |",
        md_cell(title)
    );
    for level in LEVELS {
        let _ = write!(out, " {} |", level.as_str());
    }
    out.push_str("\n| --- | --- | --- |");
    out.push_str(&" --- |".repeat(LEVELS.len()));
    for c in &m.candidates {
        let _ = write!(
            out,
            "\n| {} (`{}`) | {} | {} / {} |",
            md_cell(c.candidate),
            c.invite,
            c.status,
            c.found,
            c.total
        );
        for (_, found, total) in &c.per_level {
            let _ = write!(out, " {found} / {total} |");
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
            let _ = write!(out, " {} |", if mark.is_empty() { "-" } else { mark });
        }
    }
    out.push('\n');
    out
}

/// A table cell that cannot break the table or carry HTML or markdown.
fn md_cell(text: &str) -> String {
    super::report_md::inline(text)
}

fn html(m: &Matrix, title: &str) -> String {
    let mut out = format!(
        "<h1>Compare: {}</h1><table class=\"compare\"><thead><tr><th scope=\"col\">candidate</th><th scope=\"col\">status</th><th scope=\"col\">found / total</th>",
        escape(title)
    );
    for level in LEVELS {
        let _ = write!(out, "<th scope=\"col\">{}</th>", level.as_str());
    }
    out.push_str("</tr></thead><tbody>");
    for c in &m.candidates {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{} / {}</td>",
            escape(c.candidate),
            c.status,
            c.found,
            c.total
        );
        for (_, found, total) in &c.per_level {
            let _ = write!(out, "<td>{found} / {total}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table><h2>Per key issue</h2><table class=\"compare\"><thead><tr><th scope=\"col\">issue</th><th scope=\"col\">level</th>");
    for c in &m.candidates {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(c.candidate));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &m.issues {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td>",
            escape(row.title),
            row.level
        );
        for mark in &row.marks {
            let _ = write!(out, "<td>{}</td>", if mark.is_empty() { "-" } else { mark });
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}
