//! HTML built by hand where a template would be slow: escaping, highlighted lines with
//! intra-line marks, and a file's diff rows (the markup contract in ARCHITECTURE.md).

use std::ops::Range;

use crate::diff::{FileDiff, Row, RowKind};
use crate::highlight::{Highlighted, Span};

/// Escapes text for HTML content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// One line's highlighted spans, with `words` (sorted byte ranges) wrapped in `word_tag`
/// (`ins` or `del`, class "word").
pub fn push_line(
    out: &mut String,
    line: &str,
    spans: &[Span],
    words: &[Range<usize>],
    word_tag: Option<&str>,
) {
    let mut cuts: Vec<usize> = words.iter().flat_map(|w| [w.start, w.end]).collect();
    cuts.sort_unstable();
    let in_word = |at: usize| words.iter().any(|w| w.start <= at && at < w.end);
    let mut open = false;
    let mut covered = 0;
    let fallback;
    let spans = if spans.is_empty() && !line.is_empty() {
        fallback = [Span {
            range: 0..line.len(),
            class: None,
        }];
        &fallback[..]
    } else {
        spans
    };
    for span in spans {
        let (start, end) = (
            span.range.start.min(line.len()),
            span.range.end.min(line.len()),
        );
        if start >= end || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
            continue;
        }
        covered = covered.max(end);
        let mut at = start;
        while at < end {
            let next = cuts
                .iter()
                .copied()
                .find(|&c| c > at && c < end && line.is_char_boundary(c))
                .unwrap_or(end);
            let word = word_tag.is_some() && in_word(at);
            if word != open {
                if let Some(tag) = word_tag {
                    if word {
                        out.push_str(&format!("<{tag} class=\"word\">"));
                    } else {
                        out.push_str(&format!("</{tag}>"));
                    }
                }
                open = word;
            }
            match span.class {
                Some(class) => {
                    out.push_str("<span class=\"");
                    out.push_str(class.css());
                    out.push_str("\">");
                    escape_into(out, &line[at..next]);
                    out.push_str("</span>");
                }
                None => escape_into(out, &line[at..next]),
            }
            at = next;
        }
    }
    if let (true, Some(tag)) = (open, word_tag) {
        out.push_str(&format!("</{tag}>"));
    }
    if covered < line.len() && line.is_char_boundary(covered) {
        escape_into(out, &line[covered..]);
    }
}

/// The highlighted text of one side, line by line.
pub struct SideText<'a> {
    pub lines: Vec<&'a str>,
    pub highlighted: &'a Highlighted,
}

impl<'a> SideText<'a> {
    pub fn new(text: &'a str, highlighted: &'a Highlighted) -> SideText<'a> {
        SideText {
            lines: text.lines().collect(),
            highlighted,
        }
    }

    fn push(&self, out: &mut String, number: u32, words: &[Range<usize>], tag: Option<&str>) {
        let i = number as usize - 1;
        let line = self.lines.get(i).copied().unwrap_or("");
        let spans = self
            .highlighted
            .lines
            .get(i)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        push_line(out, line, spans, words, tag);
    }
}

fn push_row(out: &mut String, row: &Row, original: &SideText, modified: &SideText) {
    let (class, marker) = match row.kind {
        RowKind::Context => ("row row-ctx", " "),
        RowKind::Added => ("row row-add", "+"),
        RowKind::Removed => ("row row-del", "-"),
    };
    out.push_str("<tr class=\"");
    out.push_str(class);
    out.push('"');
    if let Some(n) = row.original {
        out.push_str(&format!(" data-original=\"{n}\""));
    }
    if let Some(n) = row.modified {
        out.push_str(&format!(" data-modified=\"{n}\""));
    }
    out.push_str("><td class=\"ln ln-original\">");
    if let Some(n) = row.original {
        out.push_str(&n.to_string());
    }
    out.push_str("</td><td class=\"ln ln-modified\">");
    if let Some(n) = row.modified {
        out.push_str(&n.to_string());
    }
    out.push_str("</td><td class=\"marker\" aria-hidden=\"true\">");
    out.push_str(marker);
    out.push_str("</td><td class=\"code\">");
    match (row.kind, row.original, row.modified) {
        (RowKind::Added, _, Some(n)) => {
            out.push_str(&format!(
                "<span class=\"visually-hidden\">added line {n}: </span>"
            ));
            modified.push(out, n, &row.words, Some("ins"));
        }
        (RowKind::Removed, Some(n), _) => {
            out.push_str(&format!(
                "<span class=\"visually-hidden\">removed line {n}: </span>"
            ));
            original.push(out, n, &row.words, Some("del"));
        }
        (_, _, Some(n)) => modified.push(out, n, &[], None),
        (_, Some(n), None) => original.push(out, n, &[], None),
        _ => {}
    }
    out.push_str("</td></tr>\n");
}

fn context_row(original: u32, modified: u32) -> Row {
    Row {
        kind: RowKind::Context,
        original: Some(original),
        modified: Some(modified),
        words: Vec::new(),
    }
}

/// The `<tbody>` groups of a changed file: hidden context before, between and after hunks,
/// and each hunk with its header row.
pub fn diff_rows(diff: &FileDiff, original: &SideText, modified: &SideText) -> String {
    let mut out = String::new();
    let (mut o, mut m) = (0u32, 0u32);
    let hidden = |out: &mut String, attr: &str, o: u32, m: u32, end: u32| {
        if o >= end {
            return;
        }
        out.push_str(&format!("<tbody class=\"context\" hidden {attr}>\n"));
        for k in 0..end - o {
            push_row(out, &context_row(o + k + 1, m + k + 1), original, modified);
        }
        out.push_str("</tbody>\n");
    };
    for (i, hunk) in diff.hunks.iter().enumerate() {
        hidden(
            &mut out,
            &format!("data-before-hunk=\"{i}\""),
            o,
            m,
            hunk.original.start,
        );
        out.push_str(&format!(
            "<tbody class=\"hunk\" data-hunk=\"{i}\">\n<tr class=\"hunk-header\"><td colspan=\"4\">{}</td></tr>\n",
            hunk.header()
        ));
        for row in &hunk.rows {
            push_row(&mut out, row, original, modified);
        }
        out.push_str("</tbody>\n");
        o = hunk.original.end;
        m = hunk.modified.end;
    }
    hidden(&mut out, "data-after-last", o, m, diff.original_lines);
    out
}

/// Every line of an unchanged file as context rows in one `<tbody>`.
pub fn unchanged_rows(text: &SideText) -> String {
    let mut out = String::from("<tbody class=\"file-lines\">\n");
    for n in 1..=text.lines.len() as u32 {
        push_row(&mut out, &context_row(n, n), text, text);
    }
    out.push_str("</tbody>\n");
    out
}
