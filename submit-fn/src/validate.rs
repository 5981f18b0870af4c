//! Checks a review against the invite's manifest and the size limits of docs/design.md §6. Every
//! rejection names the offending field as a JSON pointer.

use std::collections::HashSet;

use crate::model::{Comment, Manifest, Review};

pub const MAX_COMMENTS: usize = 500;
/// Unicode scalar values in one `body` or `summary`.
pub const MAX_TEXT: usize = 10_000;
/// Client-made ids: comment, save and submission ids.
pub const MAX_ID: usize = 128;
/// What a candidate-reported `elapsed_seconds` may exceed the server's own measure by (the
/// page's clock and the network).
pub const ELAPSED_SLACK_SECONDS: u64 = 300;

/// Paths in `viewed_files`: a scenario has at most 200 files (docs/design.md §2).
pub const MAX_VIEWED: usize = 200;

/// A rejected field: where (JSON pointer) and why. The CLI's grading sheet refuses with it too.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct Invalid {
    pub field: String,
    pub message: String,
}

/// One reference token of a JSON pointer (RFC 6901: `~` as `~0`, then `/` as `~1`).
pub fn pointer_token(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

pub fn invalid(field: String, message: impl Into<String>) -> Invalid {
    Invalid {
        field,
        message: message.into(),
    }
}

/// Whether the review is a draft (tombstones and no verdict allowed) or the final submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Draft,
    Submission,
}

/// A client-made id: non-empty, at most 128 printable ASCII characters.
pub fn check_id(value: &str, field: &str) -> Result<(), Invalid> {
    if value.is_empty() || value.len() > MAX_ID || !value.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(invalid(
            field.to_string(),
            format!("must be 1 to {MAX_ID} printable ASCII characters"),
        ));
    }
    Ok(())
}

/// Candidate text keeps newlines and tabs but no other control character (C0, DEL, C1): printed
/// to a terminal those are escape sequences (OSC 52 clipboard writes, OSC 8 links). Bidi
/// controls (U+202A-U+202E, U+2066-U+2069) are format characters, kept: right-to-left text
/// needs them and a review may quote them; every human-facing output shows them escaped.
pub fn check_text(value: &str, field: &str) -> Result<(), Invalid> {
    let found = value
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !matches!(c, '\n' | '\t'));
    match found {
        Some((at, c)) => Err(invalid(
            field.to_string(),
            format!(
                "must not contain control characters (U+{:04X} at character {}); only newline \
                 and tab are allowed",
                u32::from(c),
                at + 1
            ),
        )),
        None => Ok(()),
    }
}

/// A candidate-reported `elapsed_seconds` is at most `measured` (the server's seconds since
/// the invite started, or since it was made when not started) plus the slack.
pub fn check_elapsed(reported: u64, measured: u64, field: &str) -> Result<(), Invalid> {
    let most = measured.saturating_add(ELAPSED_SLACK_SECONDS);
    if reported > most {
        return Err(invalid(
            field.to_string(),
            format!("at most {most} seconds: the server measured {measured} since the start"),
        ));
    }
    Ok(())
}

/// Validates `review` found at JSON pointer `base` ("" for the body root).
pub fn review(
    review: &Review,
    manifest: &Manifest,
    stage: Stage,
    base: &str,
) -> Result<(), Invalid> {
    if stage == Stage::Submission && review.verdict.is_none() {
        return Err(invalid(format!("{base}/verdict"), "a verdict is required"));
    }
    check_text(&review.summary, &format!("{base}/summary"))?;
    if review.summary.chars().count() > MAX_TEXT {
        return Err(invalid(
            format!("{base}/summary"),
            format!("at most {MAX_TEXT} characters"),
        ));
    }
    if review.comments.len() > MAX_COMMENTS {
        return Err(invalid(
            format!("{base}/comments"),
            format!("at most {MAX_COMMENTS} comments"),
        ));
    }
    if let Some(viewed) = &review.viewed_files {
        viewed_files(viewed, manifest, &format!("{base}/viewed_files"))?;
    }
    let mut ids = HashSet::new();
    for (i, c) in review.comments.iter().enumerate() {
        let at = format!("{base}/comments/{i}");
        comment(c, manifest, stage, &at)?;
        if !ids.insert(c.id.as_str()) {
            return Err(invalid(format!("{at}/id"), "comment ids must be unique"));
        }
    }
    Ok(())
}

/// At most [`MAX_VIEWED`] paths, each a file of the manifest, none twice.
fn viewed_files(paths: &[String], manifest: &Manifest, at: &str) -> Result<(), Invalid> {
    if paths.len() > MAX_VIEWED {
        return Err(invalid(
            at.to_string(),
            format!("at most {MAX_VIEWED} paths"),
        ));
    }
    let mut seen = HashSet::new();
    for (i, path) in paths.iter().enumerate() {
        if manifest.file(path).is_none() {
            return Err(invalid(format!("{at}/{i}"), "not a file of this scenario"));
        }
        if !seen.insert(path.as_str()) {
            return Err(invalid(format!("{at}/{i}"), "each path once"));
        }
    }
    Ok(())
}

fn comment(c: &Comment, manifest: &Manifest, stage: Stage, at: &str) -> Result<(), Invalid> {
    check_id(&c.id, &format!("{at}/id"))?;
    if stage == Stage::Submission && c.deleted {
        return Err(invalid(
            format!("{at}/deleted"),
            "deleted comments belong to drafts only",
        ));
    }
    for (text, name) in [
        (&c.body, "body"),
        (&c.file, "file"),
        (&c.updated_at, "updated_at"),
    ] {
        check_text(text, &format!("{at}/{name}"))?;
    }
    if c.body.chars().count() > MAX_TEXT {
        return Err(invalid(
            format!("{at}/body"),
            format!("at most {MAX_TEXT} characters"),
        ));
    }
    if c.updated_at.len() > 64 {
        return Err(invalid(format!("{at}/updated_at"), "not a time"));
    }
    let Some(file) = manifest.file(&c.file) else {
        return Err(invalid(format!("{at}/file"), "not a file of this scenario"));
    };
    let lines = file.lines(c.side);
    match (c.start_line, c.end_line) {
        (None, None) => Ok(()),
        (Some(start), Some(end)) => {
            if start == 0 || start > lines {
                return Err(invalid(
                    format!("{at}/start_line"),
                    format!("outside this side of the file (1 to {lines})"),
                ));
            }
            if end < start || end > lines {
                return Err(invalid(
                    format!("{at}/end_line"),
                    format!("must be from start_line to {lines}"),
                ));
            }
            Ok(())
        }
        (Some(_), None) => Err(invalid(
            format!("{at}/end_line"),
            "start_line and end_line go together",
        )),
        (None, Some(_)) => Err(invalid(
            format!("{at}/start_line"),
            "start_line and end_line go together",
        )),
    }
}

#[cfg(test)]
mod tests;
