//! A file's diff rows built by hand where a template would be slow (the markup contract in
//! ARCHITECTURE.md): hunks with their headers and each line's row, and the lines a reader only
//! sees on demand (hidden context, unchanged files) as compact data rather than rows, so a large
//! change loads with only its visible rows in the DOM.

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
    // The +/- marker is the stylesheet's (`td.code::before`): one element less per row.
    let class = match row.kind {
        RowKind::Context => "row row-ctx",
        RowKind::Added => "row row-add",
        RowKind::Removed => "row row-del",
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
    // No newline between rows: each would be one more text node in the DOM.
    out.push_str("</td></tr>");
}

fn context_row(original: u32, modified: u32) -> Row {
    Row {
        kind: RowKind::Context,
        original: Some(original),
        modified: Some(modified),
        words: Vec::new(),
    }
}

/// A file's rows: the visible `<tbody>` groups, and the lines of its empty on-demand groups
/// (`tbody[data-lines]`, in page order) as a JSON array per group of each line's highlighted
/// HTML, for the page's script to turn into rows (`[]` when there are none).
#[derive(Default)]
pub struct FileRows {
    pub rows: String,
    pub lines: String,
    /// How many line rows `rows` holds (hunk headers and on-demand lines not counted).
    pub visible: usize,
    /// Where `rows` may be cut in two (the start of each hunk, with the context before it), as
    /// (byte offset, line rows before it).
    cuts: Vec<(usize, usize)>,
}

impl FileRows {
    /// An empty group standing for lines `original + 1..` / `modified + 1..`, `count` of them,
    /// with those lines (the same text on both sides) appended to the data.
    fn on_demand(&mut self, open: &str, original: u32, modified: u32, count: u32, text: &SideText) {
        self.rows.push_str(&format!(
            "{open} data-original-from=\"{}\" data-modified-from=\"{}\" data-lines=\"{count}\"></tbody>\n",
            original + 1,
            modified + 1
        ));
        self.lines
            .push_str(if self.lines.is_empty() { "[[" } else { ",[" });
        let mut line = String::new();
        for k in 0..count {
            line.clear();
            text.push(&mut line, modified + k + 1, &[], None);
            if k > 0 {
                self.lines.push(',');
            }
            push_json_string(&mut self.lines, &line);
        }
        self.lines.push(']');
    }

    /// The rows cut at the first hunk that starts at or past `budget` line rows: (drawn at
    /// load, later, how many line rows come later). Nothing comes later within the budget.
    pub fn cut(&self, budget: usize) -> (&str, &str, usize) {
        match self.cuts.iter().find(|&&(_, before)| before >= budget) {
            Some(&(at, before)) => (&self.rows[..at], &self.rows[at..], self.visible - before),
            None => (&self.rows, "", 0),
        }
    }

    fn finish(mut self) -> FileRows {
        self.lines
            .push_str(if self.lines.is_empty() { "[]" } else { "]" });
        self
    }
}

/// A JSON string that is also safe as the text of a `<script type="application/json">`: the
/// line's HTML has no `<` of its own (code text is escaped), and `</` becomes `<\/`.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    let mut after_lt = false;
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if after_lt => out.push_str("\\/"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
        after_lt = c == '<';
    }
    out.push('"');
}

/// A changed file's `<tbody>` groups: each hunk with its header row, and the unchanged lines
/// before, between and after hunks as empty on-demand groups.
pub fn diff_rows(diff: &FileDiff, original: &SideText, modified: &SideText) -> FileRows {
    let mut out = FileRows::default();
    let (mut o, mut m) = (0u32, 0u32);
    for (i, hunk) in diff.hunks.iter().enumerate() {
        out.cuts.push((out.rows.len(), out.visible));
        if o < hunk.original.start {
            let open = format!("<tbody class=\"context\" hidden data-before-hunk=\"{i}\"");
            out.on_demand(&open, o, m, hunk.original.start - o, modified);
        }
        out.rows.push_str(&format!(
            "<tbody class=\"hunk\" data-hunk=\"{i}\">\n<tr class=\"hunk-header\"><td colspan=\"3\">{}</td></tr>\n",
            hunk.header()
        ));
        for row in &hunk.rows {
            push_row(&mut out.rows, row, original, modified);
        }
        out.visible += hunk.rows.len();
        out.rows.push_str("</tbody>\n");
        o = hunk.original.end;
        m = hunk.modified.end;
    }
    if o < diff.original_lines {
        let open = "<tbody class=\"context\" hidden data-after-last";
        out.on_demand(open, o, m, diff.original_lines - o, modified);
    }
    out.finish()
}

/// Every line of a file as context rows in one visible `<tbody>` (a pure rename).
pub fn unchanged_rows(text: &SideText) -> FileRows {
    let mut rows = String::from("<tbody class=\"file-lines\">\n");
    for n in 1..=text.lines.len() as u32 {
        push_row(&mut rows, &context_row(n, n), text, text);
    }
    rows.push_str("</tbody>\n");
    FileRows {
        rows,
        lines: "[]".into(),
        visible: text.lines.len(),
        cuts: vec![(0, 0)],
    }
}

/// Every line of an unchanged file, shown collapsed, as one empty on-demand group.
pub fn unchanged_on_demand(text: &SideText) -> FileRows {
    let mut out = FileRows::default();
    let count = text.lines.len() as u32;
    if count > 0 {
        out.on_demand("<tbody class=\"file-lines\"", 0, 0, count, text);
    }
    out.finish()
}
