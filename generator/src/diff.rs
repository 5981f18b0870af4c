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

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileDiff {
    pub hunks: Vec<Hunk>,
    /// The changed line ranges the hunks were built from (see [`changes`]).
    pub changes: Vec<(Range<u32>, Range<u32>)>,
    pub added: u32,
    pub removed: u32,
    pub original_lines: u32,
    pub modified_lines: u32,
}

/// The changed line ranges of the histogram diff: (original, modified), 0-based, in order.
/// Sliders are placed as git places them without its indent heuristic (imara-diff's
/// postprocessing), so hunks agree with `git diff --histogram --no-indent-heuristic`.
pub fn changes(original: &[&str], modified: &[&str]) -> Vec<(Range<u32>, Range<u32>)> {
    let mut input = InternedInput::default();
    input.update_before(original.iter().copied());
    input.update_after(modified.iter().copied());
    let mut diff = Diff::compute(Algorithm::Histogram, &input);
    diff.postprocess_no_heuristic(&input);
    diff.hunks().map(|h| (h.before, h.after)).collect()
}

/// Diffs two texts into hunks with `context` lines around each change.
pub fn diff_files(original: &str, modified: &str, context: u32) -> FileDiff {
    let old: Vec<&str> = original.lines().collect();
    let new: Vec<&str> = modified.lines().collect();
    let changes = changes(&old, &new);
    let mut diff = FileDiff {
        changes: changes.clone(),
        original_lines: old.len() as u32,
        modified_lines: new.len() as u32,
        ..FileDiff::default()
    };
    for (b, a) in &changes {
        diff.removed += b.end - b.start;
        diff.added += a.end - a.start;
    }
    let mut start = 0;
    while start < changes.len() {
        let mut end = start + 1;
        while end < changes.len() && changes[end].0.start - changes[end - 1].0.end <= 2 * context {
            end += 1;
        }
        diff.hunks
            .push(hunk(&changes[start..end], &old, &new, context));
        start = end;
    }
    diff
}

fn hunk(group: &[(Range<u32>, Range<u32>)], old: &[&str], new: &[&str], context: u32) -> Hunk {
    let (first, last) = (&group[0], &group[group.len() - 1]);
    let lead = context.min(first.0.start).min(first.1.start);
    let trail = context
        .min(old.len() as u32 - last.0.end)
        .min(new.len() as u32 - last.1.end);
    let original = first.0.start - lead..last.0.end + trail;
    let modified = first.1.start - lead..last.1.end + trail;
    let mut rows = Vec::new();
    let (mut o, mut m) = (original.start, modified.start);
    let context_row = |o: u32, m: u32| Row {
        kind: RowKind::Context,
        original: Some(o + 1),
        modified: Some(m + 1),
        words: Vec::new(),
    };
    for (b, a) in group {
        while o < b.start {
            rows.push(context_row(o, m));
            o += 1;
            m += 1;
        }
        let pairs = (b.end - b.start).min(a.end - a.start);
        let mut removed: Vec<Row> = (b.start..b.end)
            .map(|i| Row {
                kind: RowKind::Removed,
                original: Some(i + 1),
                modified: None,
                words: Vec::new(),
            })
            .collect();
        let mut added: Vec<Row> = (a.start..a.end)
            .map(|i| Row {
                kind: RowKind::Added,
                original: None,
                modified: Some(i + 1),
                words: Vec::new(),
            })
            .collect();
        for k in 0..pairs as usize {
            let (ol, nl) = (old[b.start as usize + k], new[a.start as usize + k]);
            if let Some((ow, nw)) = word_changes(ol, nl) {
                removed[k].words = ow;
                added[k].words = nw;
            }
        }
        rows.append(&mut removed);
        rows.append(&mut added);
        o = b.end;
        m = a.end;
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
    /// The regions between changes, the same text on both sides: (original, modified).
    pub fn unchanged(&self) -> Vec<(Range<u32>, Range<u32>)> {
        let mut out = Vec::new();
        let (mut o, mut m) = (0, 0);
        for (b, a) in &self.changes {
            if b.start > o {
                out.push((o..b.start, m..a.start));
            }
            (o, m) = (b.end, a.end);
        }
        if self.original_lines > o {
            out.push((o..self.original_lines, m..self.modified_lines));
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

/// Changed byte ranges of the removed line and of the added line.
pub type WordChanges = (Vec<Range<usize>>, Vec<Range<usize>>);

/// The changed byte ranges of each line of a pair, or None when too much changed to help.
pub fn word_changes(old: &str, new: &str) -> Option<WordChanges> {
    let (ow, nw) = (words(old), words(new));
    let mut input = InternedInput::default();
    input.update_before(ow.iter().map(|r| &old[r.clone()]));
    input.update_after(nw.iter().map(|r| &new[r.clone()]));
    let (mut old_ranges, mut new_ranges) = (Vec::new(), Vec::new());
    for hunk in Diff::compute(Algorithm::Myers, &input).hunks() {
        let (b, a) = (hunk.before, hunk.after);
        if b.start < b.end {
            old_ranges.push(ow[b.start as usize].start..ow[b.end as usize - 1].end);
        }
        if a.start < a.end {
            new_ranges.push(nw[a.start as usize].start..nw[a.end as usize - 1].end);
        }
    }
    let share = |ranges: &[Range<usize>], len: usize| {
        let changed: usize = ranges.iter().map(|r| r.end - r.start).sum();
        if len == 0 {
            1.0
        } else {
            changed as f64 / len as f64
        }
    };
    let too_much = share(&old_ranges, old.trim().len().max(1)) > MAX_WORD_CHANGE_SHARE
        || share(&new_ranges, new.trim().len().max(1)) > MAX_WORD_CHANGE_SHARE;
    if too_much || (old_ranges.is_empty() && new_ranges.is_empty()) {
        return None;
    }
    Some((merge(old_ranges), merge(new_ranges)))
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
