//! A file's diff rows built by hand where a template would be slow (the markup contract in
//! ARCHITECTURE.md): hidden context, hunks with their headers, and each line's row.

use std::ops::Range;

use crate::diff::{FileDiff, Row, RowKind};
use crate::highlight::Highlighted;
use crate::html::push_line;

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
