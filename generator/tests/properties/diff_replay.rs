//! The `diff_replay` property: for any two texts (split at the first NUL byte), the hunks
//! replay the original into the modified text, every line number is inside its side, and every
//! word-change range cuts its own line on character boundaries (the renderer slices with them).
//! Shared by the fuzz target and `tests/fuzz_replay.rs` (both include this file by path).

use generator::diff::{CONTEXT, RowKind, diff_files};

/// Panics when the property fails; input that is not UTF-8 is skipped, as libFuzzer's `&str`
/// targets skip it.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (original, modified) = text.split_once('\0').unwrap_or((text, ""));
    let diff = diff_files(original, modified, CONTEXT);
    let original_lines: Vec<&str> = original.lines().collect();
    let modified_lines: Vec<&str> = modified.lines().collect();
    let mut replayed: Vec<&str> = Vec::new();
    let mut at = 0usize;
    for hunk in &diff.hunks {
        assert!(
            hunk.original.start as usize >= at,
            "hunks overlap or go backwards"
        );
        replayed.extend_from_slice(&original_lines[at..hunk.original.start as usize]);
        for row in &hunk.rows {
            let line = match row.kind {
                RowKind::Removed => {
                    original_lines
                        [row.original.expect("a removed row has an original line") as usize - 1]
                }
                _ => {
                    modified_lines[row.modified.expect("this row has a modified line") as usize - 1]
                }
            };
            if let Some(n) = row.original {
                assert!(
                    n as usize >= 1 && n as usize <= original_lines.len(),
                    "original line {n}"
                );
            }
            if row.kind != RowKind::Removed {
                replayed.push(line);
            }
            for range in &row.words {
                assert!(
                    range.start < range.end && range.end <= line.len(),
                    "{range:?} in {line:?}"
                );
                assert!(line.is_char_boundary(range.start) && line.is_char_boundary(range.end));
            }
        }
        at = hunk.original.end as usize;
    }
    replayed.extend_from_slice(&original_lines[at..]);
    assert_eq!(
        replayed, modified_lines,
        "the hunks do not replay to the modified text"
    );
    let added = diff
        .hunks
        .iter()
        .flat_map(|h| &h.rows)
        .filter(|r| r.kind == RowKind::Added)
        .count();
    assert_eq!(added as u32, diff.added);
}
