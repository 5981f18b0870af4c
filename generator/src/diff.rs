//! Stage 2, `diff`: one file pair -> hunks of line rows (histogram line diff, 3 lines of
//! context like git) with intra-line word changes on paired removed/added lines.

use std::ops::Range;

use imara_diff::{Algorithm, Diff, InternedInput};

/// Lines of unchanged context around each change, as `git diff` shows.
pub const CONTEXT: u32 = 3;
/// A paired line whose word changes cover more than this share of it is shown as a plain
/// removal and addition: marking nearly everything helps no reader.
const MAX_WORD_CHANGE_SHARE: f64 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Context,
    Added,
    Removed,
}

/// One row of a hunk. Line numbers are 1-based and present only on the sides the row has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub original: Option<u32>,
    pub modified: Option<u32>,
    /// Byte ranges of the row's text that changed against its paired line, merged and sorted.
    pub words: Vec<Range<usize>>,
}

/// A run of changes with their context. Ranges are 0-based, half-open line indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub original: Range<u32>,
    pub modified: Range<u32>,
    pub rows: Vec<Row>,
}

impl Hunk {
    /// `@@ -a,b +c,d @@`, numbered as git numbers them.
    pub fn header(&self) -> String {
        fn side(range: &Range<u32>) -> String {
            let len = range.end - range.start;
            match len {
                0 => format!("{},0", range.start),
                1 => format!("{}", range.start + 1),
                _ => format!("{},{}", range.start + 1, len),
            }
        }
        format!("@@ -{} +{} @@", side(&self.original), side(&self.modified))
    }
}

/// One value for each side of a file pair (delta's `MinusPlus`): the original, the modified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sides<T> {
    pub original: T,
    pub modified: T,
}

impl<T> Sides<T> {
    pub fn new(original: T, modified: T) -> Sides<T> {
        Sides { original, modified }
    }
}

/// One change: the original lines it replaces and the modified lines that replace them
/// (0-based, half-open; either may be empty).
pub type Change = Sides<Range<u32>>;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileDiff {
    pub hunks: Vec<Hunk>,
    /// The changes the hunks were built from (see [`changes`]).
    pub changes: Vec<Change>,
    pub added: u32,
    pub removed: u32,
    pub original_lines: u32,
    pub modified_lines: u32,
}

/// The changes of the histogram diff, in order. Sliders are placed as git places them without
/// its indent heuristic (imara-diff's postprocessing), so hunks agree with
/// `git diff --histogram --no-indent-heuristic`.
pub fn changes(original: &[&str], modified: &[&str]) -> Vec<Change> {
    let mut input = InternedInput::default();
    input.update_before(original.iter().copied());
    input.update_after(modified.iter().copied());
    let mut diff = Diff::compute(Algorithm::Histogram, &input);
    diff.postprocess_no_heuristic(&input);
    diff.hunks()
        .map(|h| Sides::new(h.before, h.after))
        .collect()
}

/// Diffs two texts into hunks with `context` lines around each change.
pub fn diff_files(original: &str, modified: &str, context: u32) -> FileDiff {
    let lines = Sides::new(
        original.lines().collect::<Vec<&str>>(),
        modified.lines().collect::<Vec<&str>>(),
    );
    let changes = changes(&lines.original, &lines.modified);
    let mut diff = FileDiff {
        changes: changes.clone(),
        original_lines: lines.original.len() as u32,
        modified_lines: lines.modified.len() as u32,
        ..FileDiff::default()
    };
    for change in &changes {
        diff.removed += change.original.len() as u32;
        diff.added += change.modified.len() as u32;
    }
    let mut start = 0;
    while start < changes.len() {
        let mut end = start + 1;
        while end < changes.len()
            && changes[end].original.start - changes[end - 1].original.end <= 2 * context
        {
            end += 1;
        }
        diff.hunks.push(hunk(&changes[start..end], &lines, context));
        start = end;
    }
    diff
}

fn hunk(group: &[Change], lines: &Sides<Vec<&str>>, context: u32) -> Hunk {
    let (first, last) = (&group[0], &group[group.len() - 1]);
    let lead = context.min(first.original.start).min(first.modified.start);
    let trail = context
        .min(lines.original.len() as u32 - last.original.end)
        .min(lines.modified.len() as u32 - last.modified.end);
    let original = first.original.start - lead..last.original.end + trail;
    let modified = first.modified.start - lead..last.modified.end + trail;
    let mut rows = Vec::new();
    let (mut o, mut m) = (original.start, modified.start);
    let context_row = |o: u32, m: u32| Row {
        kind: RowKind::Context,
        original: Some(o + 1),
        modified: Some(m + 1),
        words: Vec::new(),
    };
    for change in group {
        while o < change.original.start {
            rows.push(context_row(o, m));
            o += 1;
            m += 1;
        }
        let mut removed: Vec<Row> = change
            .original
            .clone()
            .map(|i| Row {
                kind: RowKind::Removed,
                original: Some(i + 1),
                modified: None,
                words: Vec::new(),
            })
            .collect();
        let mut added: Vec<Row> = change
            .modified
            .clone()
            .map(|i| Row {
                kind: RowKind::Added,
                original: None,
                modified: Some(i + 1),
                words: Vec::new(),
            })
            .collect();
        let paired = lines.original[change.original.start as usize..change.original.end as usize]
            .iter()
            .zip(&lines.modified[change.modified.start as usize..change.modified.end as usize]);
        for (k, (original_line, modified_line)) in paired.enumerate() {
            if let Some(words) = word_changes(original_line, modified_line) {
                removed[k].words = words.original;
                added[k].words = words.modified;
            }
        }
        rows.append(&mut removed);
        rows.append(&mut added);
        o = change.original.end;
        m = change.modified.end;
    }
    while o < original.end {
        rows.push(context_row(o, m));
        o += 1;
        m += 1;
    }
    Hunk {
        original,
        modified,
        rows,
    }
}

impl FileDiff {
    /// The regions between changes, the same text on both sides.
    pub fn unchanged(&self) -> Vec<Sides<Range<u32>>> {
        let mut out = Vec::new();
        let (mut o, mut m) = (0, 0);
        for change in &self.changes {
            if change.original.start > o {
                out.push(Sides::new(
                    o..change.original.start,
                    m..change.modified.start,
                ));
            }
            (o, m) = (change.original.end, change.modified.end);
        }
        if self.original_lines > o {
            out.push(Sides::new(o..self.original_lines, m..self.modified_lines));
        }
        out
    }
}

/// Words, runs of spaces, and single other characters: the units intra-line changes mark.
fn words(line: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut chars = line.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let class = |c: char| {
            if c.is_alphanumeric() || c == '_' {
                0
            } else if c.is_whitespace() {
                1
            } else {
                2
            }
        };
        let kind = class(c);
        let mut end = start + c.len_utf8();
        if kind != 2 {
            while let Some(&(i, next)) = chars.peek() {
                if class(next) != kind {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        out.push(start..end);
    }
    out
}

/// The changed byte ranges of the removed (original) line and of the added (modified) line.
pub type WordChanges = Sides<Vec<Range<usize>>>;

/// The changed byte ranges of each line of a pair, or None when too much changed to help.
pub fn word_changes(original: &str, modified: &str) -> Option<WordChanges> {
    let words = Sides::new(words(original), words(modified));
    let mut input = InternedInput::default();
    input.update_before(words.original.iter().map(|r| &original[r.clone()]));
    input.update_after(words.modified.iter().map(|r| &modified[r.clone()]));
    // The byte range from the first to the last of a run of changed words.
    let bytes = |words: &[Range<usize>], run: Range<u32>| {
        (!run.is_empty()).then(|| words[run.start as usize].start..words[run.end as usize - 1].end)
    };
    let mut changed = Sides::new(Vec::new(), Vec::new());
    for hunk in Diff::compute(Algorithm::Myers, &input).hunks() {
        changed.original.extend(bytes(&words.original, hunk.before));
        changed.modified.extend(bytes(&words.modified, hunk.after));
    }
    let share = |ranges: &[Range<usize>], line: &str| {
        let changed: usize = ranges.iter().map(|r| r.end - r.start).sum();
        changed as f64 / line.trim().len().max(1) as f64
    };
    let too_much = share(&changed.original, original) > MAX_WORD_CHANGE_SHARE
        || share(&changed.modified, modified) > MAX_WORD_CHANGE_SHARE;
    if too_much || (changed.original.is_empty() && changed.modified.is_empty()) {
        return None;
    }
    Some(Sides::new(merge(changed.original), merge(changed.modified)))
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

#[cfg(test)]
mod tests;
