//! The shown files, and how a comment's text points at one: by its path, or by a tail of the
//! path that no other shown path ends with ("routes/comments.js", "comments.js"), maybe with a
//! line ("line 42", "L42", "file.ts:42"). The names are worked out once per key, not per
//! sentence.

use std::sync::OnceLock;

use regex::Regex;
use submit_fn::model::Side;

use super::place::{At, Place};

/// The shown files (and a renamed file's old path) with every name a text may use for one.
#[derive(Debug, Default)]
pub struct Files {
    paths: Vec<String>,
    /// (name, index into `paths`), longest name first, so a path is read (and blanked) whole
    /// before a shorter name inside it is looked for.
    names: Vec<(String, usize)>,
}

impl Files {
    pub fn new(paths: Vec<String>) -> Files {
        let mut names = Vec::new();
        for (n, path) in paths.iter().enumerate() {
            names.push((path.clone(), n));
            for (i, _) in path.match_indices('/') {
                let tail = &path[i + 1..];
                if !tail.is_empty() && paths.iter().filter(|p| ends_with(p, tail)).count() == 1 {
                    names.push((tail.to_string(), n));
                }
            }
        }
        names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        Files { paths, names }
    }

    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    pub fn contains(&self, path: &str) -> bool {
        self.paths.iter().any(|p| p == path)
    }

    /// The shown files a text names, in the order they are shown.
    fn named(&self, text: &str) -> Vec<&String> {
        let mut named: Vec<usize> = self
            .names
            .iter()
            .filter(|(name, _)| whole_word(text, name).is_some())
            .map(|(_, n)| *n)
            .collect();
        named.sort_unstable();
        named.dedup();
        named.into_iter().map(|n| &self.paths[n]).collect()
    }

    /// Where a text points when it names a shown file: that file's line (on the modified side)
    /// when it names one file and a line, else the files. `None` when it names no file.
    pub fn place_of(&self, text: &str) -> Option<Vec<At>> {
        let named = self.named(text);
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

    /// The text with its references to shown files and lines blanked: they say where, which
    /// [`Files::place_of`] has read, not what is wrong; as terms they would only dilute what
    /// it says ("the Datadog key at line 131 of `deploy/karpenter/provisioner.yaml`").
    pub fn without_places(&self, text: &str) -> String {
        let mut out = line_pattern().replace_all(text, " ").into_owned();
        for (name, _) in &self.names {
            while let Some(at) = whole_word(&out, name) {
                out.replace_range(at..at + name.len(), " ");
            }
        }
        out
    }
}

/// Whether `path` is `tail` or ends with `/tail`.
fn ends_with(path: &str, tail: &str) -> bool {
    path == tail
        || path
            .strip_suffix(tail)
            .is_some_and(|rest| rest.ends_with('/'))
}

fn line_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?:\blines?\s+|\bL|:)(\d{1,5})(?:\s*[-–]\s*L?(\d{1,5}))?\b")
            .expect("a valid pattern")
    })
}

/// The first line range a text names ("line 42", "L42-L50", ":42"), if any.
pub fn line_of(text: &str) -> Option<(u32, u32)> {
    line_pattern().captures(text).and_then(|c| {
        let start: u32 = c.get(1)?.as_str().parse().ok()?;
        let end = c.get(2).and_then(|m| m.as_str().parse().ok());
        Some((start, end.unwrap_or(start).max(start)))
    })
}

/// Where `name` first appears in `text` as a whole word: not inside a longer name, though it
/// may follow "./" ("./src/server.ts").
fn whole_word(text: &str, name: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '/' || c == '.';
    text.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = &text[..i];
        let before = before
            .strip_suffix("./")
            .unwrap_or(before)
            .chars()
            .next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(|c| is_word(c) && c != '.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        Files::new(
            [
                "src/queue/jobQueue.ts",
                "src/server.ts",
                "test/server.ts",
                "comments.js",
                "routes/comments.js",
            ]
            .map(String::from)
            .to_vec(),
        )
    }

    fn at(file: &str, start: u32) -> Vec<At> {
        vec![At::Lines(Place {
            file: file.into(),
            side: Side::Modified,
            start,
            end: start,
        })]
    }

    #[test]
    fn a_tail_of_a_path_no_other_path_has_names_the_file() {
        let f = files();
        assert_eq!(
            f.place_of("queue/jobQueue.ts:33 grows"),
            Some(at("src/queue/jobQueue.ts", 33))
        );
        assert_eq!(
            f.place_of("see ./src/server.ts line 4"),
            Some(at("src/server.ts", 4))
        );
        // Two paths end in server.ts, and in comments.js: the tail names neither.
        assert_eq!(f.place_of("server.ts is slow"), None);
        assert_eq!(
            f.place_of("test/server.ts is slow"),
            Some(vec![At::File("test/server.ts".into())])
        );
        assert_eq!(
            f.place_of("comments.js has no cap"),
            Some(vec![At::File("comments.js".into())])
        );
        assert_eq!(
            f.place_of("routes/comments.js has no cap"),
            Some(vec![At::File("routes/comments.js".into())])
        );
        // Inside a longer name, or a folder of its own, is not the file.
        assert_eq!(f.place_of("see myjobQueue.ts and xqueue/jobQueue.ts"), None);
        assert_eq!(f.place_of("the queue/ folder"), None);
    }

    #[test]
    fn places_are_blanked_from_the_terms_whole() {
        assert_eq!(
            files().without_places("in queue/jobQueue.ts line 4 the queue grows"),
            "in     the queue grows"
        );
        assert_eq!(
            files().without_places("server.ts and test/server.ts"),
            "server.ts and  "
        );
    }
}
