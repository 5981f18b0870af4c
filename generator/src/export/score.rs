//! Scoring a review against the key (docs/design.md §8): which key issues each comment lands near.
//! The report says "commented near", never "found": the interviewer judges what was said.

use std::collections::BTreeMap;

use serde::Serialize;
use submit_fn::model::{Review, Side};

/// A line range of one side of one file, 1-based and inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub side: Side,
    pub start: u32,
    pub end: u32,
}

/// What scoring needs of a key issue: its id, level, category and every place it is seen.
#[derive(Debug, Clone)]
pub struct KeyIssue {
    pub id: String,
    pub level: String,
    pub category: String,
    pub places: Vec<Place>,
}

/// Maps an unchanged line of the original side to its modified line, so that a comment on the
/// left of a context line and an issue keyed on the right meet.
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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub near: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Issue id -> ids of the comments near it, in key order.
    pub issues: BTreeMap<String, Vec<String>>,
    /// Comment id -> ids of the issues it counts toward (empty: near no issue).
    pub comments: BTreeMap<String, Vec<String>>,
    pub per_level: BTreeMap<String, Tally>,
    pub per_category: BTreeMap<String, Tally>,
    pub near: usize,
    pub total: usize,
}

impl Score {
    pub fn issues_near(&self, issue: &str) -> &[String] {
        self.issues.get(issue).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn matched_issues(&self, comment: &str) -> &[String] {
        self.comments.get(comment).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Moves a place on an unchanged original line (both ends unchanged) to the modified side.
fn normalise(place: Place, map: &dyn LineMap) -> Place {
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
fn distance(a: &Place, b: &Place) -> Option<u32> {
    if a.file != b.file || a.side != b.side {
        return None;
    }
    // Both are 0 when the ranges overlap; at most one is positive otherwise.
    Some(
        b.start
            .saturating_sub(a.end)
            .max(a.start.saturating_sub(b.end)),
    )
}

/// Scores line comments: overlap first; only a comment overlapping no issue goes to the
/// nearest one within `widen` lines (ties to the first in key order). File comments, tombstones
/// and the summary count toward none.
pub fn score(key: &[KeyIssue], review: &Review, map: &dyn LineMap, widen: u32) -> Score {
    let places: Vec<(usize, Place)> = key
        .iter()
        .enumerate()
        .flat_map(|(i, issue)| issue.places.iter().map(move |p| (i, p.clone())))
        .map(|(i, p)| (i, normalise(p, map)))
        .collect();

    let mut near_issue: Vec<Vec<String>> = vec![Vec::new(); key.len()];
    let mut comments = BTreeMap::new();
    for comment in review.comments.iter().filter(|c| !c.deleted) {
        let (Some(start), Some(end)) = (comment.start_line, comment.end_line) else {
            comments.insert(comment.id.clone(), Vec::new());
            continue;
        };
        let at = normalise(
            Place {
                file: comment.file.clone(),
                side: comment.side,
                start: start.min(end),
                end: start.max(end),
            },
            map,
        );
        let mut hits: Vec<usize> = places
            .iter()
            .filter(|(_, p)| distance(&at, p) == Some(0))
            .map(|(i, _)| *i)
            .collect();
        if hits.is_empty() {
            hits = places
                .iter()
                .filter_map(|(i, p)| distance(&at, p).filter(|d| *d <= widen).map(|d| (d, *i)))
                .min()
                .map(|(_, i)| vec![i])
                .unwrap_or_default();
        }
        hits.sort_unstable();
        hits.dedup();
        for &i in &hits {
            near_issue[i].push(comment.id.clone());
        }
        comments.insert(
            comment.id.clone(),
            hits.iter().map(|&i| key[i].id.clone()).collect(),
        );
    }

    let mut result = Score {
        comments,
        total: key.len(),
        ..Score::default()
    };
    for (issue, near) in key.iter().zip(near_issue) {
        let found = !near.is_empty();
        for tally in [
            result.per_level.entry(issue.level.clone()).or_default(),
            result
                .per_category
                .entry(issue.category.clone())
                .or_default(),
        ] {
            tally.total += 1;
            tally.near += usize::from(found);
        }
        result.near += usize::from(found);
        result.issues.insert(issue.id.clone(), near);
    }
    result
}

#[cfg(test)]
#[path = "score_tests.rs"]
mod tests;
