//! `reviewroom compare`: every candidate on one scenario side by side, so interviewers can
//! calibrate: per level commented near / total, and per key issue who commented near it.

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
    near: usize,
    total: usize,
    per_level: Vec<(&'static str, usize, usize)>,
}

#[derive(Serialize)]
struct IssueRow<'a> {
    id: &'a str,
    level: &'static str,
    title: &'a str,
    /// One entry per candidate, in column order.
    near: Vec<bool>,
}

fn matrix<'a>(context: &'a ScenarioContext, records: &'a [ExportRecord]) -> Matrix<'a> {
    let candidates = records
        .iter()
        .map(|r| Column {
            invite: &r.invite.id,
            candidate: &r.invite.candidate,
            status: r.status.as_str(),
            near: r.score.near,
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
                    (l.as_str(), t.near, t.total)
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
            near: records
                .iter()
                .map(|r| !r.score.issues_near(&i.id).is_empty())
                .collect(),
        })
        .collect();
    issues.sort_by_key(|i| LEVELS.iter().position(|l| l.as_str() == i.level));
    Matrix {
        scenario: &context.scenario.slug,
        candidates,
        issues,
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
                cells.extend(
                    row.near
                        .iter()
                        .map(|n| if *n { "near" } else { "" }.to_string()),
                );
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
        "# Compare: {}\n\n| candidate | status | near / total |",
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
            c.near,
            c.total
        );
        for (_, near, total) in &c.per_level {
            let _ = write!(out, " {near} / {total} |");
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
        for near in &row.near {
            out.push_str(if *near { " near |" } else { " - |" });
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
        "<h1>Compare: {}</h1><table class=\"compare\"><thead><tr><th scope=\"col\">candidate</th><th scope=\"col\">status</th><th scope=\"col\">near / total</th>",
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
            c.near,
            c.total
        );
        for (_, near, total) in &c.per_level {
            let _ = write!(out, "<td>{near} / {total}</td>");
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
        for near in &row.near {
            out.push_str(if *near { "<td>near</td>" } else { "<td>-</td>" });
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}
