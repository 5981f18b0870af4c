//! key.toml: the answer key. Parsed with spans so every rule names the line it breaks; the
//! public types carry no spans. Nothing here is ever published.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use submit_fn::model::Side;
use toml::Spanned;

use super::problem::{Problems, line_at, toml_problem};
use super::{KEY_TOML, ScenarioFile, files, is_slug};

/// Who should catch an issue; `senior` covers staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Junior,
    Mid,
    Senior,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Correctness,
    Security,
    Performance,
    Reliability,
    Scalability,
    Concurrency,
    Data,
    ApiDesign,
    Maintainability,
    Testing,
    Observability,
    Accessibility,
    Operations,
    Cost,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Junior => "junior",
            Level::Mid => "mid",
            Level::Senior => "senior",
        }
    }
}

impl Category {
    /// The key.toml spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Security => "security",
            Category::Performance => "performance",
            Category::Reliability => "reliability",
            Category::Scalability => "scalability",
            Category::Concurrency => "concurrency",
            Category::Data => "data",
            Category::ApiDesign => "api-design",
            Category::Maintainability => "maintainability",
            Category::Testing => "testing",
            Category::Observability => "observability",
            Category::Accessibility => "accessibility",
            Category::Operations => "operations",
            Category::Cost => "cost",
        }
    }
}

/// One place an issue lives: a line range on one side of one shown file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuePlace {
    pub file: String,
    pub side: Side,
    /// 1-based, inclusive.
    pub lines: (u32, u32),
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// One deliberate issue of the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issue {
    pub id: String,
    pub file: String,
    pub side: Side,
    /// 1-based, inclusive.
    pub lines: (u32, u32),
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    pub level: Level,
    pub category: Category,
    pub title: String,
    /// Markdown for the interviewer.
    pub detail: String,
    /// Other places of the same issue.
    #[serde(default)]
    pub also: Vec<IssuePlace>,
    /// Words a strong comment would use that the code does not contain ("tenant",
    /// "idempotency"): scoring reads them beside the title and detail.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
}

impl IssuePlace {
    /// "src/app.rs modified 12-15": how the catalog and the reports list an issue's places.
    pub fn label(&self) -> String {
        let (start, end) = self.lines;
        format!(
            "{} {} {}",
            self.file,
            self.side.as_str(),
            line_label(start, end)
        )
    }
}

/// "12" or "12-15", for a comment's or an issue's lines.
pub fn line_label(start: u32, end: u32) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}-{end}")
    }
}

impl Issue {
    /// The main place followed by the `also` places.
    pub fn places(&self) -> Vec<IssuePlace> {
        let main = IssuePlace {
            file: self.file.clone(),
            side: self.side,
            lines: self.lines,
            anchor: self.anchor.clone(),
        };
        std::iter::once(main)
            .chain(self.also.iter().cloned())
            .collect()
    }
}

fn modified() -> Side {
    Side::Modified
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKey {
    #[serde(default)]
    issue: Vec<RawIssue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIssue {
    id: Spanned<String>,
    file: Spanned<String>,
    #[serde(default = "modified")]
    side: Side,
    lines: Spanned<[u32; 2]>,
    anchor: Option<Spanned<String>>,
    level: Level,
    category: Category,
    title: String,
    detail: String,
    #[serde(default)]
    also: Vec<Spanned<RawPlace>>,
    terms: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    file: String,
    #[serde(default = "modified")]
    side: Side,
    lines: [u32; 2],
    anchor: Option<String>,
}

pub(super) fn read(dir: &Path, shown: &[ScenarioFile], problems: &mut Problems) -> Vec<Issue> {
    let file = dir.join(KEY_TOML);
    let Some(text) = files::read_text(&file, problems) else {
        return Vec::new();
    };
    let raw = match toml::from_str::<RawKey>(&text) {
        Ok(raw) => raw,
        Err(err) => {
            problems.0.push(toml_problem(&file, &text, &err));
            return Vec::new();
        }
    };
    if raw.issue.is_empty() {
        problems.at(
            &file,
            None,
            "no [[issue]]: the key needs at least one".into(),
        );
    }
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut issues = Vec::new();
    for issue in raw.issue {
        let id_line = line_at(&text, issue.id.span().start);
        let id = issue.id.into_inner();
        if !is_slug(&id) {
            problems.at(
                &file,
                Some(id_line),
                format!("issue id {id:?} is not [a-z0-9-]+"),
            );
        }
        if let Some(first) = seen.insert(id.clone(), id_line) {
            problems.at(
                &file,
                Some(id_line),
                format!("duplicate issue id {id:?} (first on line {first})"),
            );
        }
        let lines_line = line_at(&text, issue.lines.span().start);
        let main = IssuePlace {
            file: issue.file.get_ref().clone(),
            side: issue.side,
            lines: (issue.lines.get_ref()[0], issue.lines.get_ref()[1]),
            anchor: issue.anchor.as_ref().map(|a| a.get_ref().clone()),
        };
        check_place(&main, shown, &id, lines_line, &file, problems);
        let mut also = Vec::new();
        for place in issue.also {
            let line = line_at(&text, place.span().start);
            let raw = place.into_inner();
            let place = IssuePlace {
                file: raw.file,
                side: raw.side,
                lines: (raw.lines[0], raw.lines[1]),
                anchor: raw.anchor,
            };
            check_place(&place, shown, &id, line, &file, problems);
            also.push(place);
        }
        if let Some(terms) = issue
            .terms
            .as_ref()
            .filter(|t| t.get_ref().iter().any(|t| t.trim().is_empty()))
        {
            let line = line_at(&text, terms.span().start);
            problems.at(
                &file,
                Some(line),
                format!("issue {id:?}: terms must not be empty strings"),
            );
        }
        issues.push(Issue {
            id,
            file: main.file,
            side: main.side,
            lines: main.lines,
            anchor: main.anchor,
            level: issue.level,
            category: issue.category,
            title: issue.title,
            detail: issue.detail,
            also,
            terms: issue.terms.map(Spanned::into_inner).unwrap_or_default(),
        });
    }
    issues
}

/// The file is shown, the range lies inside that side, and the anchor appears within it.
fn check_place(
    place: &IssuePlace,
    shown: &[ScenarioFile],
    id: &str,
    line: usize,
    key_file: &Path,
    problems: &mut Problems,
) {
    let Some(file) = shown.iter().find(|f| f.path == place.file) else {
        problems.at(
            key_file,
            Some(line),
            format!(
                "issue {id:?}: {:?} is not a file the scenario shows",
                place.file
            ),
        );
        return;
    };
    let (start, end) = place.lines;
    let count = file.lines(place.side);
    let side = place.side.as_str();
    if start == 0 || start > end || end > count {
        problems.at(
            key_file,
            Some(line),
            format!(
                "issue {id:?}: lines [{start}, {end}] are outside {side} {} ({count} lines)",
                place.file
            ),
        );
        return;
    }
    if let Some(anchor) = &place.anchor {
        let window: Vec<&str> = file
            .text(place.side)
            .lines()
            .skip(start as usize - 1)
            .take((end - start + 1) as usize)
            .collect();
        if !window.join("\n").contains(anchor.as_str()) {
            problems.at(
                key_file,
                Some(line),
                format!(
                    "issue {id:?}: anchor {anchor:?} not found within lines [{start}, {end}] of {side} {}",
                    place.file
                ),
            );
        }
    }
}
