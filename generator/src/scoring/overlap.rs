//! The scoring this replaced, kept only as the baseline `eval-scoring` prints beside the new
//! figures: a line comment counts toward every issue whose lines it overlaps, else the nearest
//! within `widen` lines, whatever it says; file comments and the summary count toward none.

use submit_fn::model::Comment;

use super::Key;
use super::place::{At, distance};

/// The issue ids the old rule gives one comment.
pub fn overlap_only(key: &Key, comment: &Comment, widen: u32) -> Vec<String> {
    let At::Lines(at) = key.at(comment) else {
        return Vec::new();
    };
    let places = key
        .issues
        .iter()
        .enumerate()
        .flat_map(|(i, issue)| issue.places.iter().map(move |p| (i, p)));
    let mut hits: Vec<usize> = places
        .clone()
        .filter(|(_, p)| distance(&at, p) == Some(0))
        .map(|(i, _)| i)
        .collect();
    if hits.is_empty() {
        hits = places
            .filter_map(|(i, p)| distance(&at, p).filter(|d| *d <= widen).map(|d| (d, i)))
            .min()
            .map(|(_, i)| vec![i])
            .unwrap_or_default();
    }
    hits.sort_unstable();
    hits.dedup();
    hits.into_iter().map(|i| key.issues[i].id.clone()).collect()
}
