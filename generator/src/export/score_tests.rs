use super::*;
use submit_fn::model::Comment;

fn place(file: &str, side: Side, start: u32, end: u32) -> Place {
    Place {
        file: file.into(),
        side,
        start,
        end,
    }
}

fn issue(id: &str, level: &str, places: Vec<Place>) -> KeyIssue {
    KeyIssue {
        id: id.into(),
        level: level.into(),
        category: "correctness".into(),
        places,
    }
}

fn comment(id: &str, file: &str, side: Side, lines: Option<(u32, u32)>) -> Comment {
    Comment {
        id: id.into(),
        file: file.into(),
        side,
        start_line: lines.map(|l| l.0),
        end_line: lines.map(|l| l.1),
        severity: None,
        body: "looks wrong".into(),
        updated_at: "2026-01-01T00:00:00Z".into(),
        deleted: false,
    }
}

fn review(comments: Vec<Comment>) -> Review {
    Review {
        comments,
        ..Review::default()
    }
}

const M: Side = Side::Modified;
const O: Side = Side::Original;

#[test]
fn overlap_counts_at_both_edges_and_not_one_past() {
    let key = vec![issue("a", "junior", vec![place("x.ts", M, 10, 12)])];
    for (lines, near) in [((12, 15), true), ((5, 10), true), ((11, 11), true)] {
        let s = score(
            &key,
            &review(vec![comment("c", "x.ts", M, Some(lines))]),
            &NoLineMap,
            0,
        );
        assert_eq!(!s.issues_near("a").is_empty(), near, "{lines:?}");
    }
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", M, Some((13, 13)))]),
        &NoLineMap,
        0,
    );
    assert!(
        s.issues_near("a").is_empty(),
        "one line past with widen 0 is not near"
    );
}

#[test]
fn one_comment_overlapping_several_issues_counts_for_each() {
    let key = vec![
        issue("a", "junior", vec![place("x.ts", M, 10, 12)]),
        issue("b", "senior", vec![place("x.ts", M, 12, 20)]),
        issue("c", "mid", vec![place("x.ts", M, 30, 31)]),
    ];
    let s = score(
        &key,
        &review(vec![comment("c1", "x.ts", M, Some((11, 13)))]),
        &NoLineMap,
        3,
    );
    assert_eq!(s.matched_issues("c1"), ["a", "b"]);
    assert_eq!(s.near, 2);
    assert_eq!(s.per_level["senior"], Tally { near: 1, total: 1 });
    assert_eq!(s.per_level["mid"], Tally { near: 0, total: 1 });
}

#[test]
fn widen_only_when_nothing_overlaps_and_goes_to_the_nearest() {
    let key = vec![
        issue("far", "junior", vec![place("x.ts", M, 1, 2)]),
        issue("near", "junior", vec![place("x.ts", M, 8, 8)]),
        issue("hit", "junior", vec![place("x.ts", M, 5, 5)]),
    ];
    // Overlaps "hit": the two others within widen are not credited.
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", M, Some((5, 6)))]),
        &NoLineMap,
        3,
    );
    assert_eq!(s.matched_issues("c"), ["hit"]);
    // Overlaps nothing: line 6.. nearest is "near" at distance 1 (8-7), "hit" at 2.
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", M, Some((7, 7)))]),
        &NoLineMap,
        3,
    );
    assert_eq!(s.matched_issues("c"), ["near"]);
    // Beyond widen: nothing.
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", M, Some((20, 20)))]),
        &NoLineMap,
        3,
    );
    assert!(s.matched_issues("c").is_empty());
}

#[test]
fn also_places_count_with_their_own_side() {
    let key = vec![issue(
        "a",
        "mid",
        vec![place("x.ts", M, 40, 41), place("old.py", O, 3, 4)],
    )];
    let s = score(
        &key,
        &review(vec![comment("c", "old.py", O, Some((4, 4)))]),
        &NoLineMap,
        0,
    );
    assert_eq!(s.matched_issues("c"), ["a"]);
}

#[test]
fn side_mismatch_is_not_near() {
    let key = vec![issue("a", "mid", vec![place("x.ts", M, 10, 10)])];
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", O, Some((10, 10)))]),
        &NoLineMap,
        3,
    );
    assert!(s.matched_issues("c").is_empty());
    let s = score(
        &key,
        &review(vec![comment("c", "y.ts", M, Some((10, 10)))]),
        &NoLineMap,
        3,
    );
    assert!(s.matched_issues("c").is_empty());
}

struct Shift(u32);
impl LineMap for Shift {
    fn unchanged_to_modified(&self, file: &str, line: u32) -> Option<u32> {
        (file == "x.ts" && line < 100).then_some(line + self.0)
    }
}

#[test]
fn unchanged_original_lines_are_mapped_to_modified_first() {
    let key = vec![issue("a", "senior", vec![place("x.ts", M, 15, 15)])];
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", O, Some((10, 10)))]),
        &Shift(5),
        0,
    );
    assert_eq!(s.matched_issues("c"), ["a"]);
    // A removed line (no mapping) stays on the original side.
    let s = score(
        &key,
        &review(vec![comment("c", "x.ts", O, Some((150, 150)))]),
        &Shift(5),
        3,
    );
    assert!(s.matched_issues("c").is_empty());
}

#[test]
fn file_comments_summary_and_tombstones_count_toward_none() {
    let key = vec![issue("a", "junior", vec![place("x.ts", M, 1, 400)])];
    let mut deleted = comment("gone", "x.ts", M, Some((5, 5)));
    deleted.deleted = true;
    let mut r = review(vec![comment("file", "x.ts", M, None), deleted]);
    r.summary = "x.ts line 5 is wrong".into();
    let s = score(&key, &r, &NoLineMap, 3);
    assert_eq!(s.near, 0);
    assert_eq!(s.matched_issues("file"), [] as [String; 0]);
    assert!(!s.comments.contains_key("gone"));
}

#[test]
fn empty_review_scores_zero_of_total() {
    let key = vec![
        issue("a", "junior", vec![place("x.ts", M, 1, 1)]),
        issue("b", "mid", vec![]),
    ];
    let s = score(&key, &Review::default(), &NoLineMap, 3);
    assert_eq!((s.near, s.total), (0, 2));
    assert_eq!(s.per_category["correctness"], Tally { near: 0, total: 2 });
}
