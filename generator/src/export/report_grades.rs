//! The reports' results section: each key issue's result, confirmed by the graders where a
//! grade of this review counts and suggested by scoring elsewhere (labelled so), then each
//! grader's recommendation and notes. Drawn for the Markdown and the HTML report.

use std::fmt::Write as _;

use super::report::{LEVELS, Report};
use crate::grading::results::{counting, names};
use crate::html::escape;

/// "confirmed by Ada and Grace" or "suggested by scoring (no grade yet)".
fn source(report: &Report) -> String {
    let graders: Vec<&str> = counting(&report.record.grades).map(|(g, _)| g).collect();
    if graders.is_empty() {
        "suggested by scoring (no grade of this review yet)".into()
    } else {
        format!("confirmed by {}", names(graders))
    }
}

/// (level, title, id, label) per key issue, senior first.
fn rows<'a>(report: &'a Report) -> Vec<(&'static str, &'a str, &'a str, &'a str)> {
    let Some(ctx) = report.context else {
        return Vec::new();
    };
    let mut issues: Vec<_> = ctx.scenario.key.iter().collect();
    issues.sort_by_key(|i| std::cmp::Reverse(LEVELS.iter().position(|l| *l == i.level)));
    issues
        .into_iter()
        .filter_map(|i| {
            let result = report.record.results.get(&i.id)?;
            Some((
                i.level.as_str(),
                i.title.as_str(),
                i.id.as_str(),
                result.label.as_str(),
            ))
        })
        .collect()
}

pub fn markdown(report: &Report) -> String {
    use super::report_md::{code_span, inline, quote_candidate};
    let mut out = format!("\n## Results, {}\n\n", source(report));
    out.push_str("| issue | level | result |\n| --- | --- | --- |\n");
    for (level, title, id, label) in rows(report) {
        let _ = writeln!(
            out,
            "| {} {} | {level} | {} |",
            inline(title),
            code_span(id),
            inline(label)
        );
    }
    for (grader, sheet) in counting(&report.record.grades) {
        let _ = writeln!(
            out,
            "\n### Graded by {}: {}\n",
            inline(grader),
            sheet.recommendation.label()
        );
        if !sheet.notes.trim().is_empty() {
            // The grader's own words, quoted as inertly as a candidate's.
            out.push_str(&quote_candidate(&sheet.notes));
        }
    }
    out
}

pub fn html(report: &Report) -> String {
    let mut out = format!(
        "<h2>Results, {}</h2><table class=\"results\"><thead><tr><th scope=\"col\">issue</th><th scope=\"col\">level</th><th scope=\"col\">result</th></tr></thead><tbody>",
        escape(&source(report))
    );
    for (level, title, _, label) in rows(report) {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{level}</td><td>{}</td></tr>",
            escape(title),
            escape(label)
        );
    }
    out.push_str("</tbody></table>");
    for (grader, sheet) in counting(&report.record.grades) {
        let _ = write!(
            out,
            "<h3>Graded by {}: {}</h3>",
            escape(grader),
            sheet.recommendation.label()
        );
        if !sheet.notes.trim().is_empty() {
            let _ = write!(
                out,
                "<blockquote class=\"notes\">{}</blockquote>",
                escape(&sheet.notes)
            );
        }
    }
    out
}
