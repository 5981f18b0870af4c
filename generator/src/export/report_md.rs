//! The Markdown report: the [`Report`] in the HTML report's order (facts, issues addressed and
//! missed per level from senior down, comments that address no issue). Candidate text is
//! quoted with raw HTML and images neutralised, so no viewer renders what a candidate typed.

use std::fmt::Write as _;

use super::excerpt::Excerpt;
use super::report::{CommentView, IssueView, MatchView, Report};
use super::report_facts::Facts;
use super::report_grades::Results;

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

/// The diff rows around a place as a fenced block: `>` marks the place's own lines.
fn excerpt(out: &mut String, x: &Excerpt) {
    let _ = writeln!(out, "\n{} {}:\n\n```diff", code_span(&x.file), x.place);
    for row in &x.rows {
        let marker = match row.kind {
            "add" => '+',
            "del" => '-',
            _ => ' ',
        };
        let number = row.modified.or(row.original).unwrap_or(0);
        let mark = if row.marked { '>' } else { ' ' };
        let text = row.text.replace("```", "`\u{200b}``");
        let _ = writeln!(out, "{marker}{mark}{number:>5} | {text}");
    }
    out.push_str("```\n");
}

fn comment(out: &mut String, c: &CommentView) {
    let severity = c.severity.map(|s| format!(" · {s}")).unwrap_or_default();
    let _ = writeln!(out, "\n{} {}{severity}\n", code_span(&c.file), c.place);
    out.push_str(&quote_candidate(&c.body));
    if c.matches.is_empty() {
        out.push_str("\nCredited to no key issue.\n");
    } else {
        out.push('\n');
        for m in &c.matches {
            let _ = writeln!(out, "- {}", evidence(m));
        }
    }
    if let Some(x) = &c.excerpt {
        excerpt(out, x);
    }
}

fn evidence(m: &MatchView) -> String {
    super::report::evidence(&m.issue, m.credited, m.tier_label, &m.terms)
}

fn issue(out: &mut String, i: &IssueView) {
    let _ = writeln!(
        out,
        "\n#### {} ({}, {}, {})\n",
        inline(&i.title),
        i.state,
        i.level,
        i.category
    );
    let places: Vec<String> = i.places.iter().map(|p| code_span(p)).collect();
    let _ = writeln!(
        out,
        "Result: **{}**. At {}.\n\n**The candidate said:**",
        inline(&i.result),
        places.join("; ")
    );
    for c in &i.comments {
        comment(out, c);
    }
    if i.comments.is_empty() {
        out.push_str("\nNo comment credited to it.\n");
    }
    if !i.possible.is_empty() {
        out.push_str("\nOn its lines without saying it:\n");
        for c in &i.possible {
            comment(out, c);
        }
    }
    if let Some(strong) = &i.strong {
        let _ = writeln!(out, "\n**A strong comment (the key):** {}", inert(strong));
    }
    if let Some(question) = &i.follow_up {
        let _ = writeln!(out, "\n**Follow-up question:** {}", inert(question));
    }
    if !i.explanation.is_empty() {
        let _ = writeln!(
            out,
            "\n**What is wrong, by the key:**\n\n{}",
            inert(&i.explanation)
        );
    }
    for x in &i.excerpts {
        excerpt(out, x);
    }
}

/// Each key issue's result, senior first, then each grader's recommendation and notes.
fn results(out: &mut String, r: &Results) {
    let _ = writeln!(out, "\n## Results, {}\n", r.source);
    out.push_str("| issue | level | result |\n| --- | --- | --- |\n");
    for row in &r.rows {
        let _ = writeln!(
            out,
            "| {} {} | {} | {} |",
            inline(&row.title),
            code_span(&row.id),
            row.level,
            inline(&row.label)
        );
    }
    for g in &r.grades {
        let _ = writeln!(
            out,
            "\n### Graded by {}: {}\n",
            inline(&g.grader),
            g.recommendation
        );
        if !g.notes.trim().is_empty() {
            // The grader's own words, quoted as inertly as a candidate's.
            out.push_str(&quote_candidate(&g.notes));
        }
    }
}

fn header(out: &mut String, f: &Facts) {
    let _ = writeln!(
        out,
        "# Review: {} by {}\n",
        inline(&f.title),
        inline(&f.candidate)
    );
    let reference = f.reference.as_deref().map(|r| format!(" ({})", inline(r)));
    let _ = writeln!(
        out,
        "- Candidate: {}{}",
        inline(&f.candidate),
        reference.unwrap_or_default()
    );
    let revoked = if f.revoked { " (revoked)" } else { "" };
    let _ = writeln!(
        out,
        "- Scenario: {} {} · invite {} · {}{revoked}",
        inline(&f.title),
        code_span(&f.scenario),
        code_span(&f.invite),
        f.status
    );
    let _ = writeln!(out, "- Verdict: {}", f.verdict.unwrap_or("none"));
    let _ = writeln!(
        out,
        "- Started → submitted: {} → {}",
        f.started_at.as_deref().unwrap_or("not started"),
        f.submitted_at.as_deref().unwrap_or("not submitted")
    );
    time_lines(out, f);
    files_line(out, f);
    let counts: Vec<String> = f
        .severities
        .iter()
        .map(|c| format!("{} {}", c.count, c.name))
        .collect();
    let counts = if counts.is_empty() {
        String::new()
    } else {
        format!(": {}", counts.join(", "))
    };
    let _ = writeln!(out, "- Comments: {}{counts}", f.comments);
    let _ = writeln!(
        out,
        "- Key issues found: {} of {}, by the machine's reading (credited comments only)",
        f.found, f.total
    );
    for warning in &f.warnings {
        let _ = writeln!(out, "\n> **Warning:** {}", inline(warning));
    }
    for (what, rows) in [("level", &f.per_level), ("category", &f.per_category)] {
        let _ = writeln!(out, "\n| {what} | found | total |\n| --- | --- | --- |");
        for r in rows {
            let _ = writeln!(out, "| {} | {} | {} |", r.name, r.found, r.total);
        }
    }
}

/// The time taken against its budget, and lateness.
fn time_lines(out: &mut String, f: &Facts) {
    let t = &f.time;
    let against = t.against.as_deref().map(|a| format!(" — {a}"));
    let budget = t.budget.as_deref().map(|b| format!(" ({b})"));
    let _ = writeln!(
        out,
        "- Time taken: {}{}{}",
        t.taken.as_deref().unwrap_or("unknown"),
        against.unwrap_or_default(),
        budget.unwrap_or_default()
    );
    let _ = writeln!(out, "- Late: {}", t.late.as_deref().unwrap_or("no"));
}

/// The files marked viewed of the changed files, beside those commented on.
fn files_line(out: &mut String, f: &Facts) {
    let v = &f.files_viewed;
    if v.recorded {
        let missing: Vec<String> = v.not_viewed.iter().map(|p| code_span(p)).collect();
        let missing = joined_or_nothing(&missing, ", ", |list| {
            format!("; not marked viewed: {list}")
        });
        let _ = writeln!(
            out,
            "- Files marked viewed: {} of {} changed files (commented on {}){missing}",
            v.viewed.len(),
            v.of,
            v.commented
        );
    } else {
        let _ = writeln!(
            out,
            "- Files marked viewed: not recorded (the page did not send it); {} changed files \
             (commented on {})",
            v.of, v.commented
        );
    }
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let f = &report.facts;
    header(&mut out, f);
    let _ = writeln!(out, "\n## The candidate's summary\n");
    out.push_str(&quote_candidate(&f.summary));
    for s in &report.summary_matches {
        let _ = writeln!(out, "\n- {}: {}", s.paragraph, evidence(&s.matched));
    }
    results(&mut out, &report.results);
    let _ = writeln!(out, "\n## Issues addressed");
    for level in report.levels.iter().filter(|l| !l.addressed.is_empty()) {
        let _ = writeln!(
            out,
            "\n### {}: {} of {}",
            level.level,
            level.addressed.len(),
            level.total
        );
        level.addressed.iter().for_each(|i| issue(&mut out, i));
    }
    let _ = writeln!(out, "\n## Issues missed");
    for level in report.levels.iter().filter(|l| !l.missed.is_empty()) {
        let _ = writeln!(out, "\n### {}: {} missed", level.level, level.missed.len());
        level.missed.iter().for_each(|i| issue(&mut out, i));
    }
    let _ = writeln!(
        out,
        "\n## Comments that address no key issue ({})\n\nPossible valid findings the key does not list: judge them.",
        report.extras.len()
    );
    report.extras.iter().for_each(|c| comment(&mut out, c));
    out
}

/// `items` joined by `separator` and put in their place by `wrap`; nothing when there are none.
fn joined_or_nothing<S: AsRef<str>>(
    items: &[S],
    separator: &str,
    wrap: impl FnOnce(&str) -> String,
) -> String {
    if items.is_empty() {
        return String::new();
    }
    let texts: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    wrap(&texts.join(separator))
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
