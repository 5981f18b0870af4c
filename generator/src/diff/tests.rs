use proptest::prelude::*;

use super::*;

fn numbered(n: u32) -> String {
    (1..=n).map(|i| format!("line {i}\n")).collect()
}

#[test]
fn one_change_has_three_lines_of_context_and_a_git_header() {
    let original = numbered(20);
    let modified = original.replace("line 10\n", "line ten\n");
    let diff = diff_files(&original, &modified, CONTEXT);
    assert_eq!(diff.hunks.len(), 1);
    let hunk = &diff.hunks[0];
    assert_eq!(hunk.header(), "@@ -7,7 +7,7 @@");
    assert_eq!((diff.added, diff.removed), (1, 1));
    let kinds: Vec<RowKind> = hunk.rows.iter().map(|r| r.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == RowKind::Context).count(), 6);
    let removed = hunk
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Removed)
        .unwrap();
    assert_eq!((removed.original, removed.modified), (Some(10), None));
}

#[test]
fn distant_changes_make_two_hunks_and_near_ones_merge() {
    let original = numbered(40);
    let far = original
        .replace("line 5\n", "x\n")
        .replace("line 30\n", "y\n");
    assert_eq!(diff_files(&original, &far, CONTEXT).hunks.len(), 2);
    // Six unchanged lines between: the contexts touch, one hunk (as git does).
    let near = original
        .replace("line 5\n", "x\n")
        .replace("line 12\n", "y\n");
    assert_eq!(diff_files(&original, &near, CONTEXT).hunks.len(), 1);
    let apart = original
        .replace("line 5\n", "x\n")
        .replace("line 13\n", "y\n");
    assert_eq!(diff_files(&original, &apart, CONTEXT).hunks.len(), 2);
}

#[test]
fn added_and_deleted_files_are_one_hunk_from_zero() {
    let diff = diff_files("", "a\nb\n", CONTEXT);
    assert_eq!(diff.hunks[0].header(), "@@ -0,0 +1,2 @@");
    let diff = diff_files("a\n", "", CONTEXT);
    assert_eq!(diff.hunks[0].header(), "@@ -1 +0,0 @@");
    assert!(diff_files("same\n", "same\n", CONTEXT).hunks.is_empty());
}

#[test]
fn paired_lines_mark_only_the_changed_words() {
    let words = word_changes(
        "    return base + \"/\" + path;",
        "    return base.trim() + \"/\" + path;",
    )
    .expect("a small change is marked");
    assert!(words.original.is_empty(), "{words:?}");
    assert_eq!(words.modified.len(), 1);
    let marked = &"    return base.trim() + \"/\" + path;"[words.modified[0].clone()];
    assert_eq!(marked, ".trim()");
    assert!(
        word_changes("abc def", "xyz uvw").is_none(),
        "total rewrite is not marked"
    );
}

#[test]
fn rows_in_a_hunk_number_both_sides_consistently() {
    let original = "a\nb\nc\nd\n";
    let modified = "a\nB\nc\nd\ne\n";
    let diff = diff_files(original, modified, CONTEXT);
    let rows = &diff.hunks[0].rows;
    let sides: Vec<(Option<u32>, Option<u32>)> =
        rows.iter().map(|r| (r.original, r.modified)).collect();
    assert_eq!(
        sides,
        vec![
            (Some(1), Some(1)),
            (Some(2), None),
            (None, Some(2)),
            (Some(3), Some(3)),
            (Some(4), Some(4)),
            (None, Some(5)),
        ]
    );
}

fn lines_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["a", "b", "c", "", "  x", "é ü", "}"]),
        0..40,
    )
    .prop_map(|lines| lines.into_iter().map(|l| format!("{l}\n")).collect())
}

proptest! {
    /// Applying the rows of every hunk to the original gives the modified text back, and
    /// every line number stays inside its side.
    #[test]
    fn hunks_replay_to_the_modified_text(original in lines_strategy(), modified in lines_strategy()) {
        let diff = diff_files(&original, &modified, CONTEXT);
        let original_lines: Vec<&str> = original.lines().collect();
        let modified_lines: Vec<&str> = modified.lines().collect();
        let mut out: Vec<&str> = Vec::new();
        let mut at = 0usize;
        for hunk in &diff.hunks {
            out.extend_from_slice(&original_lines[at..hunk.original.start as usize]);
            for row in &hunk.rows {
                if let Some(n) = row.original {
                    prop_assert!(n as usize <= original_lines.len());
                }
                if let Some(n) = row.modified {
                    prop_assert!(n as usize <= modified_lines.len());
                    out.push(modified_lines[n as usize - 1]);
                }
            }
            at = hunk.original.end as usize;
        }
        out.extend_from_slice(&original_lines[at..]);
        prop_assert_eq!(out, modified_lines);
    }

    #[test]
    fn word_changes_stay_on_char_boundaries(a in "\\PC{0,30}", b in "\\PC{0,30}") {
        if let Some(words) = word_changes(&a, &b) {
            for r in words.original {
                prop_assert!(a.is_char_boundary(r.start) && a.is_char_boundary(r.end) && r.start < r.end);
            }
            for r in words.modified {
                prop_assert!(b.is_char_boundary(r.start) && b.is_char_boundary(r.end) && r.start < r.end);
            }
        }
    }
}
