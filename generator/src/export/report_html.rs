//! The HTML report: a self-contained file (no script, styles inline, docs/design.md §8's CSP) with
//! a chart of what was found, each file's diff with the candidate's comments in place and the
//! key beside them (each comment with its match evidence), the missed issues and the comments
//! credited to none.

use std::fmt::Write as _;

use submit_fn::model::{Comment, Side};

use super::report::{FileView, LEVELS, Report, line_label, side_label};
use crate::diff::{self, Row, RowKind};
use crate::html::escape;
use crate::scoring::{Tally, Tier};

pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
/// Lines shown around each change, comment or issue.
const AROUND: u32 = 2;
const STYLE: &str = include_str!("report.css");

/// Candidate markdown as HTML under the page's rule set (links only for http, https and
/// mailto; images as links; raw HTML escaped).
pub fn candidate_markdown(text: &str) -> String {
    crate::markdown::to_candidate_html(text)
}

/// A horizontal bar per row: found / total.
pub fn bar_chart(title: &str, rows: &[(&str, &Tally)]) -> String {
    let (bar_x, bar_w, row_h) = (130, 220, 22);
    let height = row_h * rows.len() + 8;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" width=\"420\" height=\"{height}\" viewBox=\"0 0 420 {height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(title)
    );
    for (i, (name, tally)) in rows.iter().enumerate() {
        let y = 4 + i * row_h;
        let filled = (bar_w * tally.found).checked_div(tally.total).unwrap_or(0);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" class=\"label\">{}</text><rect x=\"{bar_x}\" y=\"{y}\" width=\"{bar_w}\" height=\"14\" class=\"track\"/><rect x=\"{bar_x}\" y=\"{y}\" width=\"{filled}\" height=\"14\" class=\"fill\"/><text x=\"{}\" y=\"{}\" class=\"label\">{} / {}</text>",
            y + 12,
            escape(name),
            bar_x + bar_w + 8,
            y + 12,
            tally.found,
            tally.total
        );
    }
    svg.push_str("</svg>");
    svg
}

fn severity(comment: &Comment) -> String {
    comment
        .severity
        .as_ref()
        .and_then(|s| serde_json::to_value(s).ok())
        .and_then(|v| {
            v.as_str()
                .map(|s| format!("<span class=\"severity\">{}</span>", escape(s)))
        })
        .unwrap_or_default()
}

fn comment_block(report: &Report, comment: &Comment) -> String {
    let matches = report.record.score.matches(&comment.id);
    let near = if matches.is_empty() {
        "<span class=\"near none\">credited to no key issue</span>".to_string()
    } else {
        let items: Vec<String> = matches
            .iter()
            .map(|m| {
                let title = report
                    .context
                    .and_then(|c| c.issue(&m.issue))
                    .map(|i| i.title.as_str())
                    .unwrap_or(&m.issue);
                let verb = if m.tier.is_credit() { "credited to" } else { "possibly" };
                format!(
                    "<li class=\"match {}\">{verb} <a href=\"#{}-issue-{}\">{}</a> <span class=\"tier\">({}{}{})</span></li>",
                    m.tier.as_str(),
                    escape(&report.record.invite.id),
                    escape(&m.issue),
                    escape(title),
                    m.tier.label(),
                    if m.terms.is_empty() { "" } else { ": " },
                    escape(&m.terms.join(", "))
                )
            })
            .collect();
        format!("<ul class=\"near\">{}</ul>", items.join(""))
    };
    let place = match (comment.start_line, comment.end_line) {
        (Some(s), Some(e)) => format!("{} {}", side_label(comment.side), line_label(s, e)),
        _ => "whole file".to_string(),
    };
    format!(
        "<div class=\"comment\"><div class=\"meta\">{} {}</div><div class=\"body markdown\">{}</div><div>{}</div></div>",
        escape(&place),
        severity(comment),
        candidate_markdown(&comment.body),
        near
    )
}

fn row_number(row: &Row, side: Side) -> Option<u32> {
    match side {
        Side::Original => row.original,
        Side::Modified => row.modified,
    }
}

/// The file's diff rows near changes, comments and issues, with comments after their last line.
fn file_diff(report: &Report, file: &FileView) -> String {
    let Some(scenario_file) = report.context.and_then(|c| c.scenario.file(file.path)) else {
        return String::new();
    };
    let whole = diff::diff_files(
        &scenario_file.original,
        &scenario_file.modified,
        u32::MAX / 4,
    );
    let rows: Vec<&Row> = whole.hunks.iter().flat_map(|h| &h.rows).collect();
    let original: Vec<&str> = scenario_file.original.lines().collect();
    let modified: Vec<&str> = scenario_file.modified.lines().collect();
    let mut marks: Vec<(Side, u32, u32)> = file
        .comments
        .iter()
        .filter_map(|c| Some((c.side, c.start_line?, c.end_line?)))
        .collect();
    for view in &file.issues {
        for place in view
            .issue
            .places()
            .into_iter()
            .filter(|p| p.file == file.path)
        {
            marks.push((place.side, place.lines.0, place.lines.1));
        }
    }
    let near = |row: &Row| {
        row.kind != RowKind::Context
            || marks.iter().any(|&(side, s, e)| {
                row_number(row, side).is_some_and(|n| n + AROUND >= s && n <= e + AROUND)
            })
    };
    let shown: Vec<bool> = (0..rows.len())
        .map(|i| {
            let lo = i.saturating_sub(AROUND as usize);
            let hi = (i + AROUND as usize).min(rows.len().saturating_sub(1));
            (lo..=hi).any(|j| rows[j].kind != RowKind::Context) || near(rows[i])
        })
        .collect();
    let mut out = String::from("<table class=\"diff\">");
    let mut gap = false;
    for (row, show) in rows.iter().zip(&shown) {
        if !show {
            gap = true;
            continue;
        }
        if gap {
            out.push_str("<tr class=\"gap\"><td colspan=\"4\">⋯</td></tr>");
            gap = false;
        }
        let (class, marker, text) = match row.kind {
            RowKind::Added => (
                "add",
                "+",
                row.modified.and_then(|n| modified.get(n as usize - 1)),
            ),
            RowKind::Removed => (
                "del",
                "-",
                row.original.and_then(|n| original.get(n as usize - 1)),
            ),
            RowKind::Context => (
                "ctx",
                " ",
                row.modified.and_then(|n| modified.get(n as usize - 1)),
            ),
        };
        let issues: Vec<String> = file
            .issues
            .iter()
            .filter(|v| {
                v.issue
                    .places()
                    .iter()
                    .any(|p| p.file == file.path && row_number(row, p.side) == Some(p.lines.0))
            })
            .map(|v| {
                let state = match (v.credited.is_empty(), v.possible.is_empty()) {
                    (false, _) => "found",
                    (true, false) => "possibly",
                    (true, true) => "missed",
                };
                format!(
                    "<a class=\"key {state}\" href=\"#{}-issue-{}\">key ({state}): {}</a>",
                    escape(&report.record.invite.id),
                    escape(&v.issue.id),
                    escape(&v.issue.title)
                )
            })
            .collect();
        let _ = write!(
            out,
            "<tr class=\"{class}\"><td class=\"ln\">{}</td><td class=\"ln\">{}</td><td class=\"code\"><span class=\"marker\">{marker}</span>{}</td><td class=\"keys\">{}</td></tr>",
            row.original.map(|n| n.to_string()).unwrap_or_default(),
            row.modified.map(|n| n.to_string()).unwrap_or_default(),
            escape(text.copied().unwrap_or("")),
            issues.join("")
        );
        for comment in file
            .comments
            .iter()
            .filter(|c| row_number(row, c.side) == c.end_line && c.end_line.is_some())
        {
            let _ = write!(
                out,
                "<tr class=\"comment-row\"><td colspan=\"4\">{}</td></tr>",
                comment_block(report, comment)
            );
        }
    }
    out.push_str("</table>");
    out
}

/// A whole self-contained document around `body`.
pub fn document(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"><meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>\n",
        escape(title)
    )
}

/// One review as a whole document.
pub fn render(report: &Report) -> String {
    document(&format!("Review: {}", report.title()), &body(report))
}

/// Several reviews in one document, one article each.
pub fn render_all(reports: &[Report]) -> String {
    let title = match reports {
        [one] => format!("Review: {}", one.title()),
        _ => format!("{} reviews", reports.len()),
    };
    let bodies: Vec<String> = reports.iter().map(body).collect();
    document(&title, &bodies.join("<hr>"))
}

fn body(report: &Report) -> String {
    let record = report.record;
    let invite = &record.invite;
    let score = &record.score;
    let mut out = String::from("<article class=\"review\">");
    let _ = write!(
        out,
        "<h1>Review: {} — {}</h1><dl class=\"facts\">",
        escape(report.title()),
        escape(&invite.candidate)
    );
    let reference = invite
        .reference
        .as_deref()
        .map(|r| format!(" ({})", escape(r)))
        .unwrap_or_default();
    let late = invite
        .late_seconds
        .filter(|s| *s > 0)
        .map(|s| format!(", {s} s late"))
        .unwrap_or_default();
    let verdict = record
        .review
        .verdict
        .as_ref()
        .and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "none".into());
    for (term, value) in [
        (
            "Candidate",
            format!("{}{reference}", escape(&invite.candidate)),
        ),
        ("Invite", escape(&invite.id)),
        (
            "Status",
            format!(
                "{}{late}{}",
                record.status.as_str(),
                if invite.revoked { " (revoked)" } else { "" }
            ),
        ),
        ("Verdict", escape(&verdict)),
        (
            "Started",
            escape(invite.started_at.as_deref().unwrap_or("-")),
        ),
        (
            "Submitted",
            escape(invite.submitted_at.as_deref().unwrap_or("-")),
        ),
        (
            "Time taken",
            escape(&super::report::time_taken(record).unwrap_or_else(|| "-".into())),
        ),
    ] {
        let _ = write!(out, "<dt>{term}</dt><dd>{value}</dd>");
    }
    out.push_str("</dl>");
    for warning in &record.warnings {
        let _ = write!(
            out,
            "<p class=\"warning\" role=\"note\">{}</p>",
            escape(warning)
        );
    }
    out.push_str(&super::report_grades::html(report));
    let _ = write!(
        out,
        "<h2>Found, by the machine's reading: {} of {}</h2><p>Counts use credited matches only (the comment says it); matches on an issue's lines that do not say it are listed apart as \"possibly\".</p>",
        score.found, score.total
    );
    let levels: Vec<(&str, &Tally)> = LEVELS
        .iter()
        .filter_map(|l| score.per_level.get(l.as_str()).map(|t| (l.as_str(), t)))
        .collect();
    let categories: Vec<(&str, &Tally)> = score
        .per_category
        .iter()
        .map(|(c, t)| (c.as_str(), t))
        .collect();
    let _ = write!(
        out,
        "<div class=\"charts\">{}{}</div>",
        bar_chart("Per level", &levels),
        bar_chart("Per category", &categories)
    );
    let _ = write!(
        out,
        "<h2>The candidate's summary</h2><div class=\"summary markdown\">{}</div>",
        candidate_markdown(&record.review.summary)
    );
    let paragraphs: Vec<String> = score
        .comments
        .iter()
        .filter(|(id, _)| id.starts_with("summary:"))
        .flat_map(|(id, matches)| {
            matches
                .iter()
                .filter(|m| m.tier != Tier::Possible)
                .map(move |m| {
                    format!(
                        "<li>{}: credited to {} ({}: {})</li>",
                        escape(id),
                        escape(&m.issue),
                        m.tier.label(),
                        escape(&m.terms.join(", "))
                    )
                })
        })
        .collect();
    if !paragraphs.is_empty() {
        let _ = write!(out, "<ul class=\"near\">{}</ul>", paragraphs.join(""));
    }
    out.push_str("<h2>Files</h2>");
    for file in &report.files {
        let _ = write!(
            out,
            "<section class=\"file\"><h3><code>{}</code></h3>",
            escape(file.path)
        );
        for comment in &file.file_comments {
            out.push_str(&comment_block(report, comment));
        }
        out.push_str(&file_diff(report, file));
        out.push_str("</section>");
    }
    let _ = write!(
        out,
        "<h2>Key issues no comment was credited to ({})</h2>",
        report.missed.len()
    );
    for issue in &report.missed {
        let _ = write!(
            out,
            "<section class=\"issue\" id=\"{}-issue-{}\"><h3>{}</h3><p class=\"meta\">{} · {} · <code>{}</code> {} {}</p><div class=\"markdown\">{}</div></section>",
            escape(&invite.id),
            escape(&issue.id),
            escape(&issue.title),
            issue.level.as_str(),
            issue.category.as_str(),
            escape(&issue.file),
            side_label(issue.side),
            line_label(issue.lines.0, issue.lines.1),
            crate::markdown::to_html(&issue.detail)
        );
    }
    let _ = write!(
        out,
        "<h2>Comments credited to no key issue ({})</h2><p>Possible valid findings the key does not list: judge them.</p>",
        report.unmatched.len()
    );
    for comment in &report.unmatched {
        let _ = write!(
            out,
            "<p><code>{}</code></p>{}",
            escape(&comment.file),
            comment_block(report, comment)
        );
    }
    // Found issues get an anchor too, so every "credited to" link lands somewhere.
    out.push_str("<h2>Key issues found</h2><ul>");
    for issue in report
        .context
        .map(|c| c.scenario.key.as_slice())
        .unwrap_or_default()
    {
        if !record.score.credited(&issue.id).is_empty()
            || !record.score.possibly(&issue.id).is_empty()
        {
            let _ = write!(
                out,
                "<li id=\"{}-issue-{}\"><strong>{}</strong> ({}, {})</li>",
                escape(&invite.id),
                escape(&issue.id),
                escape(&issue.title),
                issue.level.as_str(),
                issue.category.as_str()
            );
        }
    }
    out.push_str("</ul></article>");
    out
}
