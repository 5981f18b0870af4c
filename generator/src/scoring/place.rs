//! Where a comment sits relative to an issue: on its lines, beside them, in its file, or
//! elsewhere. Original context lines are moved to their modified twins first, so a comment on
//! the left of an unchanged line meets an issue keyed on the right.

use serde::Serialize;
use submit_fn::model::Side;

/// A line range of one side of one file, 1-based and inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub side: Side,
    pub start: u32,
    pub end: u32,
}

/// Maps an unchanged line of the original side to its modified line.
pub trait LineMap {
    fn unchanged_to_modified(&self, file: &str, original_line: u32) -> Option<u32>;
}

/// No mapping: every original line stays on the original side.
pub struct NoLineMap;

impl LineMap for NoLineMap {
    fn unchanged_to_modified(&self, _: &str, _: u32) -> Option<u32> {
        None
    }
}

/// How close a comment sits to an issue, closest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// The comment's lines overlap one of the places.
    OnLines,
    /// Within `near` lines of a place, same file and side: the same function, usually.
    Beside,
    /// In a file the issue has a place in (a file-level comment is here).
    InFile,
    Elsewhere,
}

/// Where a comment is: a range of lines, a whole file, or the review as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    Lines(Place),
    File(String),
    Review,
}

/// Moves a place on an unchanged original line (both ends unchanged) to the modified side.
pub fn normalise(place: Place, map: &dyn LineMap) -> Place {
    if place.side != Side::Original {
        return place;
    }
    match (
        map.unchanged_to_modified(&place.file, place.start),
        map.unchanged_to_modified(&place.file, place.end),
    ) {
        (Some(start), Some(end)) => Place {
            side: Side::Modified,
            start,
            end,
            ..place
        },
        _ => place,
    }
}

/// Lines between two ranges of the same file and side: 0 when they overlap.
pub fn distance(a: &Place, b: &Place) -> Option<u32> {
    if a.file != b.file || a.side != b.side {
        return None;
    }
    Some(
        b.start
            .saturating_sub(a.end)
            .max(a.start.saturating_sub(b.end)),
    )
}

/// The closest reach of `at` to any of an issue's (normalised) places.
pub fn reach(at: &At, places: &[Place], near: u32) -> Reach {
    match at {
        At::Review => Reach::Elsewhere,
        At::File(file) if places.iter().any(|p| &p.file == file) => Reach::InFile,
        At::File(_) => Reach::Elsewhere,
        At::Lines(line) => places
            .iter()
            .map(|p| match distance(line, p) {
                Some(0) => Reach::OnLines,
                Some(d) if d <= near => Reach::Beside,
                _ if p.file == line.file => Reach::InFile,
                _ => Reach::Elsewhere,
            })
            .min()
            .unwrap_or(Reach::Elsewhere),
    }
}
