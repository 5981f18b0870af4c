//! The scenario's unchanged lines, original -> modified, from the same diff the page shows.

use std::collections::HashMap;

use submit_fn::model::FileStatus;

use super::place::LineMap;
use crate::diff::{self, Change};
use crate::scenario::Scenario;

/// Per file, the changes of the histogram diff.
pub struct DiffLineMap {
    files: HashMap<String, Vec<Change>>,
}

impl DiffLineMap {
    pub fn new(scenario: &Scenario) -> DiffLineMap {
        let files = scenario
            .files
            .iter()
            .filter(|f| {
                matches!(
                    f.status,
                    FileStatus::Modified | FileStatus::Renamed | FileStatus::Unchanged
                )
            })
            .map(|f| {
                let original: Vec<&str> = f.original.lines().collect();
                let modified: Vec<&str> = f.modified.lines().collect();
                (f.path.clone(), diff::changes(&original, &modified))
            })
            .collect();
        DiffLineMap { files }
    }
}

impl LineMap for DiffLineMap {
    fn unchanged_to_modified(&self, file: &str, original_line: u32) -> Option<u32> {
        let changes = self.files.get(file)?;
        let line = original_line.checked_sub(1)?;
        // Changes are in order: each one wholly before the line shifts it by what it added
        // less what it removed; a change covering the line means the line is not unchanged.
        let mut shift: i64 = 0;
        for change in changes {
            if line < change.original.start {
                break;
            }
            if line < change.original.end {
                return None;
            }
            shift += change.modified.len() as i64 - change.original.len() as i64;
        }
        u32::try_from(i64::from(line) + shift + 1).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(original: &str, modified: &str) -> DiffLineMap {
        let original: Vec<&str> = original.lines().collect();
        let modified: Vec<&str> = modified.lines().collect();
        DiffLineMap {
            files: HashMap::from([("f".to_string(), diff::changes(&original, &modified))]),
        }
    }

    #[test]
    fn lines_after_insertions_and_removals_shift() {
        let m = map("a\nb\nc\nd\ne\n", "a\nx\ny\nb\nc\ne\n");
        assert_eq!(m.unchanged_to_modified("f", 1), Some(1));
        assert_eq!(m.unchanged_to_modified("f", 2), Some(4));
        assert_eq!(m.unchanged_to_modified("f", 3), Some(5));
        assert_eq!(m.unchanged_to_modified("f", 4), None, "d was removed");
        assert_eq!(m.unchanged_to_modified("f", 5), Some(6));
        assert_eq!(m.unchanged_to_modified("g", 1), None, "unknown file");
    }

    #[test]
    fn replaced_lines_do_not_map() {
        let m = map("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(m.unchanged_to_modified("f", 2), None);
        assert_eq!(m.unchanged_to_modified("f", 3), Some(3));
    }
}
