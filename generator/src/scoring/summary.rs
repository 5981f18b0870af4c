//! The review's summary, paragraph by paragraph: a paragraph that names a shown file (by path,
//! or a tail of it no other path has: "routes/comments.js", "comments.js") is scored as a comment on that file, or on a line of it when it names one
//! ("line 42", "L42", "file.ts:42"); one that names no file is scored as said of the review
//! as a whole, so only a clear statement of a flaw is credited ("says it elsewhere").

use std::sync::OnceLock;

use regex::Regex;
use submit_fn::model::Side;

use super::place::{At, Place};

/// A summary paragraph to score: its id in the score (`summary:N`, 1-based), where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub id: String,
    pub at: Vec<At>,
    pub text: String,
}

fn line_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?:\blines?\s+|\bL|:)(\d{1,5})(?:\s*[-–]\s*L?(\d{1,5}))?\b")
            .expect("a valid pattern")
    })
}

/// Whether `name` appears in `text` as a whole word (not inside a longer name).
fn names(text: &str, name: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '/' || c == '.';
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(|c| is_word(c) && c != '.')
    })
}

/// The names a text may use for each shown file: its path, and each tail of it after a `/`
/// ("routes/comments.js", "comments.js") that no other shown path ends with.
fn file_names(files: &[String]) -> Vec<(&str, &String)> {
    let mut out = Vec::new();
    for path in files {
        out.push((path.as_str(), path));
        for (i, _) in path.match_indices('/') {
            let tail = &path[i + 1..];
            let unique = files
                .iter()
                .filter(|p| *p == tail || p.ends_with(&format!("/{tail}")))
                .count()
                == 1;
            if unique && !tail.is_empty() {
                out.push((tail, path));
            }
        }
    }
    out
}

/// The shown files a paragraph names: by path, or by a tail of it no other path has.
fn named_files<'a>(text: &str, files: &'a [String]) -> Vec<&'a String> {
    let mut named: Vec<&String> = Vec::new();
    for (name, path) in file_names(files) {
        if !named.contains(&path) && names(text, name) {
            named.push(path);
        }
    }
    named.sort_by_key(|p| files.iter().position(|f| f == *p));
    named
}

/// The first line range a text names ("line 42", "L42-L50", ":42"), if any.
pub fn line_of(text: &str) -> Option<(u32, u32)> {
    line_pattern().captures(text).and_then(|c| {
        let start: u32 = c.get(1)?.as_str().parse().ok()?;
        let end = c.get(2).and_then(|m| m.as_str().parse().ok());
        Some((start, end.unwrap_or(start).max(start)))
    })
}

/// Where a text points when it names a shown file: that file's line when it names one file
/// and a line, else the files. `None` when it names no file.
pub fn place_of(text: &str, files: &[String]) -> Option<Vec<At>> {
    let named = named_files(text, files);
    match (named.as_slice(), line_of(text)) {
        ([], _) => None,
        ([file], Some((start, end))) if start > 0 => Some(vec![At::Lines(Place {
            file: (*file).clone(),
            side: Side::Modified,
            start,
            end,
        })]),
        _ => Some(named.into_iter().map(|f| At::File(f.clone())).collect()),
    }
}

/// The names [`without_places`] blanks: every shown path and each tail of one that no other
/// path has ([`file_names`]), longest first (so a path is blanked whole before a shorter name
/// is looked for). Computed once per key, not per comment.
pub fn place_names(files: &[String]) -> Vec<String> {
    let mut names: Vec<&str> = file_names(files).into_iter().map(|(n, _)| n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.into_iter().map(str::to_string).collect()
}

/// The text with its references to shown files and lines blanked: they say where, which
/// [`place_of`] has read, not what is wrong; as terms they would only dilute what it says
/// ("the Datadog key at line 131 of `deploy/karpenter/provisioner.yaml`"). `names` comes from
/// [`place_names`].
pub fn without_places(text: &str, names: &[String]) -> String {
    let mut out = line_pattern().replace_all(text, " ").into_owned();
    for name in names {
        while let Some(at) = whole_word(&out, name) {
            out.replace_range(at..at + name.len(), " ");
        }
    }
    out
}

/// Where `name` first appears in `text` as a whole word.
fn whole_word(text: &str, name: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '/' || c == '.';
    text.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(|c| is_word(c) && c != '.')
    })
}

pub fn paragraphs(summary: &str, files: &[String]) -> Vec<Paragraph> {
    let normalised = crate::printable::normalise_newlines(summary);
    normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
        .map(|(i, text)| Paragraph {
            id: format!("summary:{}", i + 1),
            at: place_of(text, files).unwrap_or_else(|| vec![At::Review]),
            text: text.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<String> {
        ["src/queue/jobQueue.ts", "src/server.ts", "test/server.ts"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_paragraph_naming_a_file_and_line_is_placed_there() {
        let p = paragraphs(
            "Overall fine.\n\nIn jobQueue.ts line 33 the queue is unbounded.",
            &files(),
        );
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].at, [At::Review]);
        assert_eq!(p[1].id, "summary:2");
        assert_eq!(
            p[1].at,
            [At::Lines(Place {
                file: "src/queue/jobQueue.ts".into(),
                side: Side::Modified,
                start: 33,
                end: 33
            })]
        );
    }

    #[test]
    fn ambiguous_file_names_need_the_path_and_unnamed_paragraphs_are_the_review() {
        assert_eq!(
            paragraphs("server.ts starts the worker", &files())[0].at,
            [At::Review]
        );
        let p = paragraphs(
            "src/server.ts starts the worker; jobQueue.ts grows",
            &files(),
        );
        assert_eq!(p[0].at.len(), 2);
        assert_eq!(paragraphs("No tests at all.", &files())[0].at, [At::Review]);
        assert_eq!(
            paragraphs("see myjobQueue.ts", &files())[0].at,
            [At::Review]
        );
    }

    #[test]
    fn a_tail_of_a_path_no_other_path_has_names_the_file() {
        let p = paragraphs("queue/jobQueue.ts:33 grows without bound", &files());
        assert_eq!(
            p[0].at,
            [At::Lines(Place {
                file: "src/queue/jobQueue.ts".into(),
                side: Side::Modified,
                start: 33,
                end: 33
            })]
        );
        // Two paths end in server.ts: its tail names neither, a longer one names one.
        assert_eq!(
            paragraphs("server.ts is slow", &files())[0].at,
            [At::Review]
        );
        assert_eq!(
            paragraphs("test/server.ts is slow", &files())[0].at,
            [At::File("test/server.ts".into())]
        );
        let names = place_names(&files());
        assert!(names.contains(&"queue/jobQueue.ts".to_string()));
        assert!(!names.contains(&"server.ts".to_string()));
        assert_eq!(
            without_places("in queue/jobQueue.ts the queue grows", &names),
            "in   the queue grows"
        );
    }
}
