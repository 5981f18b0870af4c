//! The review's summary, paragraph by paragraph: a paragraph that names a shown file
//! ([`Files::place_of`]) is scored as a comment on that file, or on a line of it when it names
//! one; one that names no file is scored as said of the review as a whole, so only a clear
//! statement of a flaw is credited ("says it elsewhere").

use super::files::Files;
use super::place::At;

/// A summary paragraph to score: its id in the score (`summary:N`, 1-based), where it points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub id: String,
    pub at: Vec<At>,
    pub text: String,
}

pub fn paragraphs(summary: &str, files: &Files) -> Vec<Paragraph> {
    let normalised = crate::printable::normalise_newlines(summary);
    normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
        .map(|(i, text)| Paragraph {
            id: format!("summary:{}", i + 1),
            at: files.place_of(text).unwrap_or_else(|| vec![At::Review]),
            text: text.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::place::Place;
    use submit_fn::model::Side;

    fn files() -> Files {
        Files::new(
            ["src/queue/jobQueue.ts", "src/server.ts", "test/server.ts"]
                .map(String::from)
                .to_vec(),
        )
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
}
