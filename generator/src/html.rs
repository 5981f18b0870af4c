//! HTML text built by hand, shared by the page (`render`) and scenario and candidate markdown
//! (`markdown`): escaping (also every tera template's escape), and one highlighted line with its
//! intra-line word marks.

use std::ops::Range;

use crate::highlight::Span;

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
