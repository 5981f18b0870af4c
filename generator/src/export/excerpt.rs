//! The diff around one place (a comment's or a key issue's lines), as rows the report's
//! templates draw and its JSON carries. An unchanged file (no hunks) gives its lines as context,
//! so a key issue there never shows as an empty table.

use serde::Serialize;
use submit_fn::model::Side;

use crate::diff::{self, RowKind};
use crate::scenario::ScenarioFile;
use crate::scenario::line_label;

/// Lines shown before and after the place.
pub const AROUND: u32 = 3;

#[derive(Debug, Clone, Serialize)]
pub struct Excerpt {
    pub file: String,
    /// "modified 18-19".
    pub place: String,
    pub rows: Vec<ExcerptRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExcerptRow {
    /// "add", "del" or "ctx".
    pub kind: &'static str,
    pub original: Option<u32>,
    pub modified: Option<u32>,
    pub text: String,
    /// Inside the place's own lines.
    pub marked: bool,
}

struct Line {
    kind: RowKind,
    original: Option<u32>,
    modified: Option<u32>,
}

/// Every line of the file as diff rows: the whole-file diff, or (no change, or no hunk) each
/// line as context numbered on both sides.
fn all_rows(file: &ScenarioFile) -> Vec<Line> {
    let whole = diff::diff_files(&file.original, &file.modified, u32::MAX / 4);
    let rows: Vec<Line> = whole
        .hunks
        .iter()
        .flat_map(|h| &h.rows)
        .map(|r| Line {
            kind: r.kind,
            original: r.original,
            modified: r.modified,
        })
        .collect();
    if !rows.is_empty() {
        return rows;
    }
    let count = file.lines(Side::Modified).max(file.lines(Side::Original));
    (1..=count)
        .map(|n| Line {
            kind: RowKind::Context,
            original: Some(n),
            modified: Some(n),
        })
        .collect()
}

fn number(line: &Line, side: Side) -> Option<u32> {
    match side {
        Side::Original => line.original,
        Side::Modified => line.modified,
    }
}

/// The rows from [`AROUND`] lines before `lines` on `side` to as many after, with the rows of
/// the other side that fall between them. None when the place lies outside the file.
pub fn excerpt(file: &ScenarioFile, side: Side, lines: (u32, u32)) -> Option<Excerpt> {
    let rows = all_rows(file);
    let (low, high) = (
        lines.0.saturating_sub(AROUND),
        lines.1.saturating_add(AROUND),
    );
    let inside = |l: &Line| number(l, side).is_some_and(|n| n >= low && n <= high);
    let first = rows.iter().position(inside)?;
    let last = rows.iter().rposition(inside)?;
    let original: Vec<&str> = file.original.lines().collect();
    let modified: Vec<&str> = file.modified.lines().collect();
    let text = |n: Option<u32>, of: &[&str]| {
        n.and_then(|n| n.checked_sub(1))
            .and_then(|i| of.get(i as usize))
            .copied()
            .unwrap_or_default()
            .to_string()
    };
    let shown = rows[first..=last]
        .iter()
        .map(|l| ExcerptRow {
            kind: match l.kind {
                RowKind::Added => "add",
                RowKind::Removed => "del",
                RowKind::Context => "ctx",
            },
            original: l.original,
            modified: l.modified,
            text: match l.kind {
                RowKind::Removed => text(l.original, &original),
                _ => text(l.modified, &modified),
            },
            marked: number(l, side).is_some_and(|n| n >= lines.0 && n <= lines.1),
        })
        .collect();
    Some(Excerpt {
        file: file.path.clone(),
        place: format!("{} {}", side.as_str(), line_label(lines.0, lines.1)),
        rows: shown,
    })
}
