//! CSV export: one row per comment, one per summary and one per key issue (its result,
//! confirmed or suggested), safe to open in a spreadsheet.

use std::io::Write;

use anyhow::{Context, Result};

use super::collect::ScenarioContext;
use super::record::ExportRecord;
use crate::grading::results::{extra_label, match_label};

const HEADER: [&str; 18] = [
    "invite",
    "ref",
    "candidate",
    "scenario",
    "status",
    "late_seconds",
    "row",
    "file",
    "side",
    "start_line",
    "end_line",
    "severity",
    "verdict",
    "body",
    "credited_issue_ids",
    "possible_issue_ids",
    "evidence",
    "result",
];

/// Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a
/// formula; a leading apostrophe makes it text. A spreadsheet whose list separator is `;`
/// (or `|`, or a tab) splits the cell there and reads each part as a cell of its own, so a
/// formula start after any separator or line break gets the apostrophe too. Controls are
/// shown escaped ([`printable`](crate::printable)).
pub fn neutralise(cell: &str) -> String {
    let cell = crate::printable::text(cell);
    let mut out = String::with_capacity(cell.len() + 2);
    let mut at_start = true;
    for c in cell.chars() {
        if at_start && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            out.push('\'');
        }
        out.push(c);
        // Spaces and quotes before a formula start do not stop it from running.
        at_start = SEPARATORS.contains(c) || (at_start && matches!(c, ' ' | '"'));
    }
    out
}

/// Characters some spreadsheet splits a line into cells at.
const SEPARATORS: &str = ",;|\t\n";

/// Every cell quoted, so no separator inside a cell can end it for any reader.
pub(crate) fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(out)
}

fn json_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub fn write(
    records: &[ExportRecord],
    scenarios: &std::collections::BTreeMap<String, ScenarioContext>,
    out: impl Write,
) -> Result<()> {
    let mut csv = writer(out);
    csv.write_record(HEADER).context("cannot write CSV")?;
    for record in records {
        let invite = &record.invite;
        let verdict = record
            .review
            .verdict
            .as_ref()
            .map(json_name)
            .unwrap_or_default();
        let base = [
            invite.id.clone(),
            invite.reference.clone().unwrap_or_default(),
            invite.candidate.clone(),
            invite.scenario.clone(),
            record.status.as_str().to_string(),
            invite
                .late_seconds
                .map(|s| s.to_string())
                .unwrap_or_default(),
        ];
        for comment in record.review.comments.iter().filter(|c| !c.deleted) {
            let line = |l: Option<u32>| l.map(|l| l.to_string()).unwrap_or_default();
            let row = [
                "comment".to_string(),
                comment.file.clone(),
                json_name(&comment.side),
                line(comment.start_line),
                line(comment.end_line),
                comment.severity.as_ref().map(json_name).unwrap_or_default(),
                String::new(),
                comment.body.clone(),
            ];
            let row = row
                .into_iter()
                .chain(matches(record, |id| id == comment.id))
                .chain([decisions(record, &comment.id)]);
            write_row(&mut csv, &base, row)?;
        }
        let summary = [
            "summary".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            verdict,
            record.review.summary.clone(),
        ];
        let summary = summary
            .into_iter()
            .chain(matches(record, |id| id.starts_with("summary:")))
            .chain([recommendations(record)]);
        write_row(&mut csv, &base, summary)?;
        let key = scenarios
            .get(&record.invite.scenario)
            .map(|c| c.scenario.key.as_slice())
            .unwrap_or_default();
        for issue in key {
            let result = record.results.get(&issue.id).map(|r| r.label.clone());
            let row = [
                "issue".to_string(),
                issue.file.clone(),
                issue.side.as_str().to_string(),
                issue.lines.0.to_string(),
                issue.lines.1.to_string(),
                String::new(),
                String::new(),
                issue.title.clone(),
                issue.id.clone(),
                String::new(),
                String::new(),
                result.unwrap_or_default(),
            ];
            write_row(&mut csv, &base, row)?;
        }
    }
    csv.flush().context("cannot write CSV")?;
    Ok(())
}

/// The credited ids, the possible ids and the evidence ("id: tier: terms; ...") of the scored
/// items `which` selects (a comment, or the summary's paragraphs).
fn matches(record: &ExportRecord, which: impl Fn(&str) -> bool) -> [String; 3] {
    let found: Vec<&crate::scoring::Match> = record
        .score
        .comments
        .iter()
        .filter(|(id, _)| which(id))
        .flat_map(|(_, m)| m)
        .collect();
    let ids = |credit: bool| {
        found
            .iter()
            .filter(|m| m.tier.is_credit() == credit)
            .map(|m| m.issue.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let evidence = found
        .iter()
        .map(|m| format!("{}: {}: {}", m.issue, m.tier.as_str(), m.terms.join(" ")))
        .collect::<Vec<_>>()
        .join("; ");
    [ids(true), ids(false), evidence]
}

/// The graders' decisions on a comment: on each match ("ISSUE: confirmed by Ada") or, for a
/// comment credited to none, as an extra ("valid extra, by Ada").
fn decisions(record: &ExportRecord, comment: &str) -> String {
    let mut each: Vec<String> = record
        .score
        .matches(comment)
        .iter()
        .filter_map(|m| {
            Some(format!(
                "{}: {}",
                m.issue,
                match_label(&record.grades, &m.issue, comment)?
            ))
        })
        .collect();
    each.extend(extra_label(&record.grades, comment));
    each.join("; ")
}

/// The summary row's result: each counting grade's recommendation ("Ada: Yes").
fn recommendations(record: &ExportRecord) -> String {
    crate::grading::results::counting(&record.grades)
        .map(|(grader, sheet)| format!("{grader}: {}", sheet.recommendation.label()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn write_row<W: Write>(
    csv: &mut csv::Writer<W>,
    base: &[String],
    row: impl IntoIterator<Item = String>,
) -> Result<()> {
    let cells = base.iter().cloned().chain(row).map(|c| neutralise(&c));
    csv.write_record(cells).context("cannot write CSV")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_become_text() {
        for cell in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx"] {
            assert!(neutralise(cell).starts_with('\''), "{cell}");
        }
        assert_eq!(neutralise("plain = text"), "plain = text");
        assert_eq!(neutralise(""), "");
    }

    /// Issue 19, item 3: `;=1+1` went out unquoted and unneutralised, and a spreadsheet whose
    /// list separator is `;` evaluated it.
    #[test]
    fn formula_starts_after_any_separator_become_text() {
        for (cell, expect) in [
            (";=1+1", ";'=1+1"),
            ("a; =1+1", "a; '=1+1"),
            ("a,\"=1", "a,\"'=1"),
            ("x|@SUM(A1)", "x|'@SUM(A1)"),
            ("line\n-2+3", "line\n'-2+3"),
            ("a\t+1", "a\t'+1"),
            ("a b=c", "a b=c"),
        ] {
            assert_eq!(neutralise(cell), expect, "{cell:?}");
        }
        let mut out = Vec::new();
        let mut csv = writer(&mut out);
        csv.write_record([neutralise(";=1+1"), neutralise("plain")])
            .unwrap();
        drop(csv);
        assert_eq!(String::from_utf8(out).unwrap(), "\";'=1+1\",\"plain\"\n");
    }
}
