//! Stage 3, `highlight`: syntect with two-face's extra syntaxes, loaded once. One parse state
//! per file so a comment or string opened above a hunk stays right inside it; scopes become a
//! few short token classes and adjacent spans of one class merge.

mod classes;
pub mod css;

use std::ops::Range;
use std::sync::OnceLock;

use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};

use crate::diff::Sides;

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
    let mut file = FileHighlighter::new(syntax);
    Highlighted {
        language: syntax.name.clone(),
        lines: text.lines().map(|line| file.line(line)).collect(),
    }
}

/// Highlights both sides of a changed file. `unchanged` lists the regions (0-based line
/// ranges) that are the same text on both sides: where the original's
/// parse state on entering one equals the modified side's, the result inside is the same too,
/// so the original side skips it (its spans are copied) instead of parsing it twice.
pub fn highlight_pair(
    original_path: &str,
    original: &str,
    modified_path: &str,
    modified: &str,
    unchanged: &[Sides<Range<u32>>],
) -> (Highlighted, Highlighted) {
    let syntax = syntax_for(modified_path);
    if syntax.name != syntax_for(original_path).name {
        return (
            highlight(original_path, original),
            highlight(modified_path, modified),
        );
    }
    // Modified side: full parse, remembering the state at each region's start and end.
    let mut file = FileHighlighter::new(syntax);
    let mut marks: std::collections::HashMap<u32, Snapshot> = std::collections::HashMap::new();
    let wanted: std::collections::HashSet<u32> = unchanged
        .iter()
        .flat_map(|u| [u.modified.start, u.modified.end])
        .collect();
    let mut modified_lines = Vec::new();
    for (i, line) in modified.lines().enumerate() {
        if wanted.contains(&(i as u32)) {
            marks.insert(i as u32, file.snapshot());
        }
        modified_lines.push(file.line(line));
    }
    let count = modified_lines.len() as u32;
    if wanted.contains(&count) {
        marks.insert(count, file.snapshot());
    }
    // Original side: parse, jumping over regions entered in the same state.
    let starts: std::collections::HashMap<u32, &Range<u32>> = unchanged
        .iter()
        .map(|u| (u.original.start, &u.modified))
        .collect();
    let lines: Vec<&str> = original.lines().collect();
    let mut file = FileHighlighter::new(syntax);
    let mut original_lines = Vec::with_capacity(lines.len());
    let mut i = 0usize;
    while i < lines.len() {
        if let Some(m) = starts.get(&(i as u32)) {
            let same = marks.get(&m.start).is_some_and(|s| file.is_at(s));
            if let (true, Some(end)) = (same, marks.get(&m.end)) {
                let len = (m.end - m.start) as usize;
                original_lines.extend(
                    modified_lines[m.start as usize..m.end as usize]
                        .iter()
                        .cloned(),
                );
                file.restore(end);
                i += len;
                continue;
            }
        }
        original_lines.push(file.line(lines[i]));
        i += 1;
    }
    let language = syntax.name.clone();
    (
        Highlighted {
            language: language.clone(),
            lines: original_lines,
        },
        Highlighted {
            language,
            lines: modified_lines,
        },
    )
}

/// The parser's state between two lines.
#[derive(Clone)]
struct Snapshot {
    state: Option<ParseState>,
    stack: ScopeStack,
}

/// One file's parser: state carried from line to line.
struct FileHighlighter {
    state: Option<ParseState>,
    stack: ScopeStack,
    mapper: classes::Mapper,
    buffer: String,
}

impl FileHighlighter {
    fn new(syntax: &SyntaxReference) -> FileHighlighter {
        FileHighlighter {
            state: Some(ParseState::new(syntax)),
            stack: ScopeStack::new(),
            mapper: classes::Mapper::default(),
            buffer: String::new(),
        }
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            state: self.state.clone(),
            stack: self.stack.clone(),
        }
    }

    fn is_at(&self, snapshot: &Snapshot) -> bool {
        self.state == snapshot.state && self.stack == snapshot.stack
    }

    fn restore(&mut self, snapshot: &Snapshot) {
        self.state = snapshot.state.clone();
        self.stack = snapshot.stack.clone();
    }

    /// One line's spans. Past a parse error the rest of the file is plain text.
    fn line(&mut self, line: &str) -> Vec<Span> {
        let set = syntaxes();
        let Some(parser) = self.state.as_mut() else {
            return plain(line);
        };
        self.buffer.clear();
        self.buffer.push_str(line);
        self.buffer.push('\n');
        let Ok(ops) = parser.parse_line(&self.buffer, set) else {
            self.state = None;
            return plain(line);
        };
        let mut spans: Vec<Span> = Vec::new();
        let mut at = 0;
        let mut class = self.mapper.class(&self.stack);
        for (offset, op) in ops {
            let offset = offset.min(line.len());
            push(&mut spans, at..offset, class);
            at = offset.max(at);
            if self.stack.apply(&op).is_err() {
                self.state = None;
                break;
            }
            class = self.mapper.class(&self.stack);
        }
        push(&mut spans, at..line.len(), class);
        spans
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
