//! A scenario's validation problems: each names the file and, where known, the line or field.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong with a scenario folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the problem is in (the scenario folder itself for folder-level problems).
    pub file: PathBuf,
    /// 1-based line in `file`, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// Every problem found in one scenario; `load` fails with this so `check` can list them all.
#[derive(Debug, thiserror::Error)]
pub struct InvalidScenario {
    pub problems: Vec<Problem>,
}

impl fmt::Display for InvalidScenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "{n} problem{}:", if n == 1 { "" } else { "s" })?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

/// Collects problems while the loader goes on, so one run reports everything.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub(crate) Vec<Problem>);

impl Problems {
    pub(crate) fn at(&mut self, file: &std::path::Path, line: Option<usize>, message: String) {
        self.0.push(Problem {
            file: file.to_path_buf(),
            line,
            message,
        });
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The first line of `text` containing `needle`, for fields serde gives no span for.
pub(crate) fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle).map(|offset| line_at(text, offset))
}

/// A TOML parse or schema error as a problem on the line its span starts at.
pub(crate) fn toml_problem(file: &std::path::Path, text: &str, err: &toml::de::Error) -> Problem {
    Problem {
        file: file.to_path_buf(),
        line: err.span().map(|span| line_at(text, span.start)),
        message: err.message().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_from_one() {
        let text = "a\nbb\nccc";
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_at(text, 2), 2);
        assert_eq!(line_at(text, 6), 3);
        assert_eq!(line_at(text, 99), 3);
        assert_eq!(line_of(text, "cc"), Some(3));
        assert_eq!(line_of(text, "zz"), None);
    }
}
