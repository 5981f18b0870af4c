//! The Markdown report: the interviewer's reading of one review against the key. Candidate text
//! is quoted with raw HTML and images neutralised, so no viewer renders what a candidate typed.

use std::fmt::Write as _;

use submit_fn::model::Comment;

use super::report::{LEVELS, Report, evidence, line_label, side_label, time_taken};

/// One line of text (a name, a reference, a title) with no HTML or markdown structure: line
/// breaks become spaces, `<`, `>` and `&` entities, and every character that could start
/// emphasis, a link, an image, code or a table cell is backslash-escaped. (Controls are left
/// to the escape of the whole report.)
pub fn inline(text: &str) -> String {
    let line = crate::printable::normalise_newlines(text).replace(['\n', '\t'], " ");
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as one code span, fenced with more backticks than it holds in a row, so no path can
/// end the span early.
pub fn code_span(text: &str) -> String {
    let line = crate::printable::line(text);
    let mut longest = 0;
    let mut run = 0;
    for c in line.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if line.starts_with('`') || line.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{line}{pad}{fence}")
}

/// Markdown that keeps its formatting but loses raw HTML and images, with line endings
/// normalised so a lone CR cannot start a line a viewer sees and this code does not.
pub fn inert(text: &str) -> String {
    crate::printable::normalise_newlines(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace("![", "!\\[")
}

/// Candidate markdown made inert for a Markdown viewer ([`inert`]), every line quoted.
pub fn quote_candidate(text: &str) -> String {
    inert(text)
        .lines()
        .map(|l| format!("> {l}\n"))
        .collect::<String>()
        + if text.trim().is_empty() {
            "> (empty)\n"
        } else {
            ""
        }
}

fn severity(comment: &Comment) -> String {
    comment
        .severity
        .as_ref()
        .and_then(|s| serde_json::to_value(s).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .map(|s| format!(" · {s}"))
        .unwrap_or_default()
}

pub fn render(report: &Report) -> String {
    let record = report.record;
    let invite = &record.invite;
    let mut out = String::new();
    let _ = writeln!(out, "# Review: {}\n", inline(report.title()));
    let reference = invite
        .reference
        .as_deref()
        .map(|r| format!(" ({})", inline(r)))
        .unwrap_or_default();
    let _ = writeln!(out, "- Candidate: {}{reference}", inline(&invite.candidate));
    let _ = writeln!(
        out,
        "- Invite: {} · scenario {}",
        code_span(&invite.id),
        code_span(&invite.scenario)
    );
    let late = invite
        .late_seconds
        .filter(|s| *s > 0)
        .map(|s| format!(", {s} s late"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- Status: {}{late}{}",
        record.status.as_str(),
        if invite.revoked { " (revoked)" } else { "" }
    );
    if let Some(verdict) = record
        .review
        .verdict
        .as_ref()
        .and_then(|v| serde_json::to_value(v).ok())
    {
        let _ = writeln!(out, "- Verdict: {}", verdict.as_str().unwrap_or(""));
    }
    for (what, at) in [
        ("Opened", &invite.opened_at),
        ("Started", &invite.started_at),
        ("Submitted", &invite.submitted_at),
    ] {
        if let Some(at) = at {
            let _ = writeln!(out, "- {what}: {at}");
        }
    }
    if let Some(taken) = time_taken(record) {
        let _ = writeln!(out, "- Time taken: {taken}");
    }
    for warning in &record.warnings {
        let _ = writeln!(out, "\n> **Warning:** {}", inline(warning));
    }
    out.push_str(&super::report_grades::markdown(report));

    let score = &record.score;
    let _ = writeln!(
        out,
        "\n## Found, by the machine's reading: {} of {}\n",
        score.found, score.total
    );
    let _ = writeln!(
        out,
        "Counts use credited matches only (the comment says it); matches on an issue's lines \
         that do not say it are listed apart as \"possibly\".\n"
    );
    let _ = writeln!(out, "| level | found | total |\n| --- | --- | --- |");
    for level in LEVELS {
        if let Some(t) = score.per_level.get(level.as_str()) {
            let _ = writeln!(out, "| {} | {} | {} |", level.as_str(), t.found, t.total);
        }
    }
    let _ = writeln!(out, "\n| category | found | total |\n| --- | --- | --- |");
    for (category, t) in &score.per_category {
        let _ = writeln!(out, "| {category} | {} | {} |", t.found, t.total);
    }

    let _ = writeln!(out, "\n## The candidate's summary\n");
    out.push_str(&quote_candidate(&record.review.summary));
    for (id, matches) in score
        .comments
        .iter()
        .filter(|(id, _)| id.starts_with("summary:"))
    {
        for line in evidence(matches) {
            let _ = writeln!(out, "\n- {id}: {line}");
        }
    }

    let _ = writeln!(out, "\n## Files");
    for file in &report.files {
        let _ = writeln!(out, "\n### {}\n", code_span(file.path));
        if !file.issues.is_empty() {
            let _ = writeln!(out, "Key issues in this file:\n");
            for view in &file.issues {
                let i = view.issue;
                let place = i.places().into_iter().find(|p| p.file == file.path);
                let (side, lines) = place
                    .map(|p| (p.side, p.lines))
                    .unwrap_or((i.side, i.lines));
                let mark = match (view.credited.is_empty(), view.possible.is_empty()) {
                    (false, _) => "[x] found",
                    (true, false) => "[?] possibly",
                    (true, true) => "[ ] missed",
                };
                let _ = writeln!(
                    out,
                    "- {mark}: **{}** ({}, {}) at {} {}",
                    inline(&i.title),
                    i.level.as_str(),
                    i.category.as_str(),
                    side_label(side),
                    line_label(lines.0, lines.1)
                );
            }
            out.push('\n');
        }
        for comment in &file.file_comments {
            let _ = writeln!(out, "#### Comment on the whole file{}\n", severity(comment));
            out.push_str(&quote_candidate(&comment.body));
            write_evidence(&mut out, record.score.matches(&comment.id));
        }
        for comment in &file.comments {
            let (start, end) = (
                comment.start_line.unwrap_or(0),
                comment.end_line.unwrap_or(0),
            );
            let _ = writeln!(
                out,
                "#### {} {}{}\n",
                side_label(comment.side),
                line_label(start, end),
                severity(comment)
            );
            let lines = report.lines(file.path, comment.side);
            let _ = writeln!(out, "```");
            for n in start.saturating_sub(2).max(1)..=end.saturating_add(2) {
                if let Some(text) = lines.get(n as usize - 1) {
                    let mark = if (start..=end).contains(&n) { '>' } else { ' ' };
                    let _ = writeln!(out, "{mark}{n:>5} | {}", text.replace("```", "`\u{200b}``"));
                }
            }
            let _ = writeln!(out, "```\n");
            out.push_str(&quote_candidate(&comment.body));
            write_evidence(&mut out, record.score.matches(&comment.id));
        }
    }

    let _ = writeln!(
        out,
        "\n## Key issues no comment was credited to ({})\n",
        report.missed.len()
    );
    for issue in &report.missed {
        let _ = writeln!(
            out,
            "### {} ({}, {})\n\n{} {} {}\n\n{}\n",
            inline(&issue.title),
            issue.level.as_str(),
            issue.category.as_str(),
            code_span(&issue.file),
            side_label(issue.side),
            line_label(issue.lines.0, issue.lines.1),
            inert(issue.detail.trim())
        );
    }

    let _ = writeln!(
        out,
        "\n## Comments credited to no key issue ({})\n",
        report.unmatched.len()
    );
    let _ = writeln!(
        out,
        "Possible valid findings the key does not list: judge them.\n"
    );
    for comment in &report.unmatched {
        let at = match (comment.start_line, comment.end_line) {
            (Some(start), Some(end)) => {
                format!("{} {}", side_label(comment.side), line_label(start, end))
            }
            _ => "whole file".to_string(),
        };
        let _ = writeln!(
            out,
            "#### {} {at}{}
",
            code_span(&comment.file),
            severity(comment)
        );
        out.push_str(&quote_candidate(&comment.body));
        out.push('\n');
    }
    out
}

/// The matches under a comment, or "credited to no key issue".
fn write_evidence(out: &mut String, matches: &[crate::scoring::Match]) {
    let lines = evidence(matches);
    if lines.is_empty() {
        out.push_str("\nCredited to no key issue.\n\n");
        return;
    }
    out.push('\n');
    for line in lines {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidate_text_is_quoted_and_inert() {
        let q = quote_candidate("<img src=x onerror=alert(1)>\n![x](http://evil/p.png) & more");
        assert!(!q.contains("<img"), "{q}");
        assert!(q.contains("&lt;img"));
        assert!(!q.contains("!["), "{q}");
        assert!(q.lines().all(|l| l.starts_with("> ")));
    }

    #[test]
    fn names_and_paths_carry_no_markdown() {
        assert_eq!(
            inline("![](http://e/t.png) <b>*x*</b>\rnext"),
            "\\!\\[\\](http://e/t.png) &lt;b&gt;\\*x\\*&lt;/b&gt; next"
        );
        assert_eq!(code_span("src/a.ts"), "`src/a.ts`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a``"), "``` `a`` ```");
        assert_eq!(quote_candidate("a\rb"), "> a\n> b\n");
    }
}
