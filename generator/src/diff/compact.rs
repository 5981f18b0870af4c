//! Slider compaction as git does it (`xdl_change_compact`, without the indent heuristic):
//! a run of changed lines that could sit at several places is slid down as far as it goes,
//! merged with the runs it meets, then moved back up to line up with a change on the other
//! side when it can. Without this, hunks would differ from `git diff` on ambiguous blocks.

use imara_diff::intern::Token;

/// One side's changed-line marks with sentinels, so `[-1]` and `[n]` read as unchanged.
struct Side<'a> {
    tokens: &'a [Token],
    changed: Vec<bool>,
}

#[derive(Clone, Copy)]
struct Group {
    start: usize,
    end: usize,
}

impl Side<'_> {
    fn n(&self) -> usize {
        self.tokens.len()
    }

    /// Index shifted by one for the leading sentinel.
    fn at(&self, i: usize) -> bool {
        self.changed[i + 1]
    }

    fn set(&mut self, i: usize, value: bool) {
        self.changed[i + 1] = value;
    }

    fn before(&self, i: usize) -> bool {
        self.changed[i]
    }

    fn first(&self) -> Group {
        let mut end = 0;
        while self.at(end) {
            end += 1;
        }
        Group { start: 0, end }
    }

    fn next(&self, g: &mut Group) -> bool {
        if g.end == self.n() {
            return false;
        }
        g.start = g.end + 1;
        g.end = g.start;
        while self.at(g.end) {
            g.end += 1;
        }
        true
    }

    fn previous(&self, g: &mut Group) -> bool {
        if g.start == 0 {
            return false;
        }
        g.end = g.start - 1;
        g.start = g.end;
        while self.before(g.start) {
            g.start -= 1;
        }
        true
    }

    fn slide_down(&mut self, g: &mut Group) -> bool {
        if g.end < self.n() && self.tokens[g.start] == self.tokens[g.end] {
            self.set(g.start, false);
            self.set(g.end, true);
            g.start += 1;
            g.end += 1;
            while self.at(g.end) {
                g.end += 1;
            }
            true
        } else {
            false
        }
    }

    fn slide_up(&mut self, g: &mut Group) -> bool {
        if g.start > 0 && self.tokens[g.start - 1] == self.tokens[g.end - 1] {
            g.start -= 1;
            g.end -= 1;
            self.set(g.start, true);
            self.set(g.end, false);
            while self.before(g.start) {
                g.start -= 1;
            }
            true
        } else {
            false
        }
    }
}

fn compact_side(side: &mut Side, other: &Side) {
    let (mut g, mut go) = (side.first(), other.first());
    loop {
        if g.end != g.start {
            let mut earliest_end;
            let mut end_matching_other;
            loop {
                let size = g.end - g.start;
                end_matching_other = None;
                while side.slide_up(&mut g) {
                    other.previous(&mut go);
                }
                earliest_end = g.end;
                if go.end > go.start {
                    end_matching_other = Some(g.end);
                }
                while side.slide_down(&mut g) {
                    other.next(&mut go);
                    if go.end > go.start {
                        end_matching_other = Some(g.end);
                    }
                }
                if size == g.end - g.start {
                    break;
                }
            }
            if g.end != earliest_end && end_matching_other.is_some() {
                while go.end == go.start {
                    if !side.slide_up(&mut g) || !other.previous(&mut go) {
                        break;
                    }
                }
            }
        }
        if !side.next(&mut g) || !other.next(&mut go) {
            break;
        }
    }
}

fn marks(n: usize, ranges: impl Iterator<Item = std::ops::Range<u32>>) -> Vec<bool> {
    let mut changed = vec![false; n + 2];
    for r in ranges {
        for i in r {
            changed[i as usize + 1] = true;
        }
    }
    changed
}

/// Compacts `changes` (0-based line ranges per side) the way git does before printing.
pub(super) fn compact(
    changes: &[(std::ops::Range<u32>, std::ops::Range<u32>)],
    before: &[Token],
    after: &[Token],
) -> Vec<(std::ops::Range<u32>, std::ops::Range<u32>)> {
    let mut old = Side {
        tokens: before,
        changed: marks(before.len(), changes.iter().map(|c| c.0.clone())),
    };
    let mut new = Side {
        tokens: after,
        changed: marks(after.len(), changes.iter().map(|c| c.1.clone())),
    };
    compact_side(&mut old, &new);
    compact_side(&mut new, &old);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.n() || j < new.n() {
        if (i >= old.n() || !old.at(i)) && (j >= new.n() || !new.at(j)) {
            i += 1;
            j += 1;
            continue;
        }
        let (si, sj) = (i, j);
        while i < old.n() && old.at(i) {
            i += 1;
        }
        while j < new.n() && new.at(j) {
            j += 1;
        }
        out.push((si as u32..i as u32, sj as u32..j as u32));
    }
    out
}
