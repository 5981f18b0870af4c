//! Stage 3, `highlight`: syntect with two-face's extra syntaxes, loaded once. One parse state
//! per file so a comment or string opened above a hunk stays right inside it; scopes become a
//! few short token classes and adjacent spans of one class merge.

mod classes;
pub mod css;

use std::ops::Range;
use std::sync::OnceLock;

use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};

pub use classes::TokenClass;

/// A run of one line's text with one token class (None: plain text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub class: Option<TokenClass>,
}

/// A whole file, highlighted line by line (lines as `str::lines` splits them).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlighted {
    /// The syntax's name, or "Plain Text".
    pub language: String,
    pub lines: Vec<Vec<Span>>,
}

/// The syntax set, deserialised once per process (tens of milliseconds).
pub fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// The syntax for a repo path by its file name; `.heex`/`.eex` as HTML, unknown as plain text.
pub fn syntax_for(path: &str) -> &'static SyntaxReference {
    let set = syntaxes();
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name.rsplit_once('.').map(|(_, ext)| ext).unwrap_or("");
    let found = if name == "Dockerfile" || name.starts_with("Dockerfile.") {
        set.find_syntax_by_extension("Dockerfile")
    } else {
        match ext.to_ascii_lowercase().as_str() {
            "heex" | "eex" | "leex" => set.find_syntax_by_extension("html"),
            "yml" => set.find_syntax_by_extension("yaml"),
            "" => set.find_syntax_by_extension(name),
            ext => set
                .find_syntax_by_extension(ext)
                .or_else(|| set.find_syntax_by_extension(name)),
        }
    };
    found.unwrap_or_else(|| set.find_syntax_plain_text())
}

/// Highlights a whole file. Never fails: past a parse error the rest is plain text.
pub fn highlight(path: &str, text: &str) -> Highlighted {
    highlight_with(syntax_for(path), text)
}

/// Highlights `text` with the syntax named by a fenced code block's info string, if known.
pub fn highlight_lang(lang: &str, text: &str) -> Highlighted {
    let set = syntaxes();
    let syntax = set
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| set.find_syntax_plain_text());
    highlight_with(syntax, text)
}

fn highlight_with(syntax: &SyntaxReference, text: &str) -> Highlighted {
    let set = syntaxes();
    let mut state = Some(ParseState::new(syntax));
    let mut stack = ScopeStack::new();
    let mut mapper = classes::Mapper::default();
    let mut buffer = String::new();
    let mut lines = Vec::new();
    for line in text.lines() {
        let Some(parser) = state.as_mut() else {
            lines.push(plain(line));
            continue;
        };
        buffer.clear();
        buffer.push_str(line);
        buffer.push('\n');
        let ops = match parser.parse_line(&buffer, set) {
            Ok(ops) => ops,
            Err(_) => {
                state = None;
                lines.push(plain(line));
                continue;
            }
        };
        let mut spans: Vec<Span> = Vec::new();
        let mut at = 0;
        let mut class = mapper.class(&stack);
        for (offset, op) in ops {
            let offset = offset.min(line.len());
            push(&mut spans, at..offset, class);
            at = offset.max(at);
            if stack.apply(&op).is_err() {
                state = None;
                break;
            }
            class = mapper.class(&stack);
        }
        push(&mut spans, at..line.len(), class);
        lines.push(spans);
    }
    Highlighted {
        language: syntax.name.clone(),
        lines,
    }
}

fn plain(line: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    push(&mut spans, 0..line.len(), None);
    spans
}

/// Appends a span, merging it into the previous one when the class is the same.
fn push(spans: &mut Vec<Span>, range: Range<usize>, class: Option<TokenClass>) {
    if range.start >= range.end {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.class == class && last.range.end == range.start => {
            last.range.end = range.end
        }
        _ => spans.push(Span { range, class }),
    }
}

#[cfg(test)]
mod tests;
