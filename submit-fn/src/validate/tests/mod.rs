//! Line ranges inside each side, unknown files, duplicate ids, sizes, control characters, viewed
//! files and a submission's verdict: each refusal names the field that broke the rule.

use super::*;
use crate::model::{Side, Verdict};

fn manifest() -> Manifest {
    crate::store::tests::conformance::manifest("demo")
}

fn comment(start: Option<u32>, end: Option<u32>, side: Side) -> Comment {
    Comment {
        id: "c1".into(),
        file: "src/lib.rs".into(),
        side,
        start_line: start,
        end_line: end,
        severity: None,
        body: "b".into(),
        updated_at: "2026-01-01T00:00:00Z".into(),
        deleted: false,
    }
}

fn with(c: Comment) -> Review {
    Review {
        verdict: Some(Verdict::Comment),
        comments: vec![c],
        ..Review::default()
    }
}

fn field(r: &Review, stage: Stage) -> Option<String> {
    review(r, &manifest(), stage, "").err().map(|e| e.field)
}

#[test]
fn lines_inside_each_side_pass_and_outside_fail() {
    let m = Stage::Submission;
    assert_eq!(
        field(&with(comment(Some(12), Some(12), Side::Modified)), m),
        None
    );
    assert_eq!(
        field(&with(comment(Some(11), Some(11), Side::Original)), m).as_deref(),
        Some("/comments/0/start_line")
    );
    assert_eq!(
        field(&with(comment(Some(3), Some(2), Side::Original)), m).as_deref(),
        Some("/comments/0/end_line")
    );
    assert_eq!(
        field(&with(comment(Some(0), Some(1), Side::Original)), m).as_deref(),
        Some("/comments/0/start_line")
    );
    assert_eq!(field(&with(comment(None, None, Side::Original)), m), None);
    assert!(field(&with(comment(Some(1), None, Side::Original)), m).is_some());
}

#[test]
fn unknown_file_duplicate_ids_and_sizes() {
    let mut c = comment(None, None, Side::Modified);
    c.file = "other.rs".into();
    assert_eq!(
        field(&with(c), Stage::Draft).as_deref(),
        Some("/comments/0/file")
    );
    let mut r = with(comment(None, None, Side::Modified));
    r.comments.push(r.comments[0].clone());
    assert_eq!(field(&r, Stage::Draft).as_deref(), Some("/comments/1/id"));
    let mut r = with(comment(None, None, Side::Modified));
    r.summary = "é".repeat(MAX_TEXT);
    assert_eq!(field(&r, Stage::Draft), None);
    r.summary.push('x');
    assert_eq!(field(&r, Stage::Draft).as_deref(), Some("/summary"));
    let mut r = Review::default();
    for i in 0..=MAX_COMMENTS {
        let mut c = comment(None, None, Side::Modified);
        c.id = format!("c{i}");
        r.comments.push(c);
    }
    assert_eq!(field(&r, Stage::Draft).as_deref(), Some("/comments"));
}

#[test]
fn control_characters_are_refused_except_newline_and_tab() {
    let mut r = with(comment(None, None, Side::Modified));
    r.summary = "line one\n\tindented".into();
    r.comments[0].body = "ok\nok".into();
    assert_eq!(field(&r, Stage::Submission), None);
    for bad in [
        "\u{1b}]52;c;aGk=\u{7}",
        "a\rb",
        "nul\0",
        "del\u{7f}",
        "c1\u{9b}31m",
    ] {
        let mut r = with(comment(None, None, Side::Modified));
        r.summary = bad.into();
        assert_eq!(
            field(&r, Stage::Draft).as_deref(),
            Some("/summary"),
            "{bad:?}"
        );
        let mut r = with(comment(None, None, Side::Modified));
        r.comments[0].body = bad.into();
        assert_eq!(
            field(&r, Stage::Submission).as_deref(),
            Some("/comments/0/body"),
            "{bad:?}"
        );
    }
    let mut r = with(comment(None, None, Side::Modified));
    r.comments[0].updated_at = "2026\u{1b}[2J".into();
    assert_eq!(
        field(&r, Stage::Draft).as_deref(),
        Some("/comments/0/updated_at")
    );
    // Bidi controls are kept (outputs escape them).
    let mut r = with(comment(None, None, Side::Modified));
    r.comments[0].body = "quote: \u{202e}gnp.exe\u{2066}x\u{2069}".into();
    assert_eq!(field(&r, Stage::Submission), None);
    let message = review(&with_summary("\u{1b}"), &manifest(), Stage::Draft, "")
        .unwrap_err()
        .message;
    assert!(message.contains("U+001B at character 1"), "{message}");
}

fn with_summary(summary: &str) -> Review {
    Review {
        summary: summary.into(),
        ..Review::default()
    }
}

#[test]
fn viewed_files_are_known_paths_once_each_and_optional() {
    let mut r = with(comment(None, None, Side::Modified));
    assert_eq!(field(&r, Stage::Submission), None, "absent: an older page");
    r.viewed_files = Some(vec!["src/lib.rs".into()]);
    assert_eq!(field(&r, Stage::Submission), None);
    r.viewed_files = Some(vec!["src/lib.rs".into(), "src/lib.rs".into()]);
    assert_eq!(field(&r, Stage::Draft).as_deref(), Some("/viewed_files/1"));
    r.viewed_files = Some(vec!["../etc/passwd".into()]);
    assert_eq!(
        field(&r, Stage::Submission).as_deref(),
        Some("/viewed_files/0")
    );
    r.viewed_files = Some(vec!["src/lib.rs".into(); MAX_VIEWED + 1]);
    assert_eq!(field(&r, Stage::Draft).as_deref(), Some("/viewed_files"));
}

#[test]
fn submission_needs_a_verdict_and_no_tombstones() {
    let mut r = with(comment(None, None, Side::Modified));
    r.comments[0].deleted = true;
    assert_eq!(field(&r, Stage::Draft), None);
    assert_eq!(
        field(&r, Stage::Submission).as_deref(),
        Some("/comments/0/deleted")
    );
    r.verdict = None;
    assert_eq!(field(&r, Stage::Submission).as_deref(), Some("/verdict"));
}
