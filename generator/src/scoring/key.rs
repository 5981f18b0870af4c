//! The key in scoring form: each issue's places (original context moved to modified) and its
//! text by field, the BM25 index over those texts, the scenario's file paths and line map.

use submit_fn::model::Comment;

use super::DiffLineMap;
use super::files::Files;
use super::index::{Index, IssueText};
use super::place::{At, LineMap, Place, normalise};
use crate::scenario::{Issue, Scenario};

/// What scoring needs of a key issue.
#[derive(Debug, Clone)]
pub struct KeyIssue {
    pub id: String,
    pub level: String,
    pub category: String,
    /// Every place the issue is seen, normalised.
    pub places: Vec<Place>,
    pub text: IssueText,
}

pub struct Key {
    pub issues: Vec<KeyIssue>,
    /// Every shown file's path (and a renamed file's old path), with the names a comment may
    /// point at one by.
    pub files: Files,
    pub(super) index: Index,
    map: Box<dyn LineMap + Send + Sync>,
}

impl Key {
    pub fn new(
        mut issues: Vec<KeyIssue>,
        files: Vec<String>,
        map: Box<dyn LineMap + Send + Sync>,
    ) -> Key {
        for issue in &mut issues {
            issue.places = std::mem::take(&mut issue.places)
                .into_iter()
                .map(|p| normalise(p, map.as_ref()))
                .collect();
        }
        let index = Index::new(&issues.iter().map(|i| i.text.clone()).collect::<Vec<_>>());
        Key {
            issues,
            files: Files::new(files),
            index,
            map,
        }
    }

    pub fn from_scenario(scenario: &Scenario) -> Key {
        let issues = scenario
            .key
            .iter()
            .map(|issue| key_issue(scenario, issue))
            .collect();
        let mut files: Vec<String> = scenario.files.iter().map(|f| f.path.clone()).collect();
        files.extend(
            scenario
                .files
                .iter()
                .filter(|f| f.old_path != f.path)
                .map(|f| f.old_path.clone()),
        );
        Key::new(issues, files, Box::new(DiffLineMap::new(scenario)))
    }

    /// Where a comment sits: its lines (normalised) or its whole file.
    pub(super) fn at(&self, comment: &Comment) -> At {
        match (comment.start_line, comment.end_line) {
            (Some(start), Some(end)) => self.normalise(At::Lines(Place {
                file: comment.file.clone(),
                side: comment.side,
                start: start.min(end),
                end: start.max(end),
            })),
            _ => At::File(comment.file.clone()),
        }
    }

    pub(super) fn normalise(&self, at: At) -> At {
        match at {
            At::Lines(place) => At::Lines(normalise(place, self.map.as_ref())),
            other => other,
        }
    }
}

/// An issue's text: title, detail, `terms`, and as code its anchors and the lines it names.
fn key_issue(scenario: &Scenario, issue: &Issue) -> KeyIssue {
    let places = issue.places();
    let mut code = String::new();
    for place in &places {
        if let Some(anchor) = &place.anchor {
            code.push_str(anchor);
            code.push('\n');
        }
        if let Some(file) = scenario.files.iter().find(|f| f.path == place.file) {
            let (start, end) = place.lines;
            for line in file
                .text(place.side)
                .lines()
                .skip(start.saturating_sub(1) as usize)
                .take((end.saturating_sub(start) + 1) as usize)
            {
                code.push_str(line);
                code.push('\n');
            }
        }
    }
    KeyIssue {
        id: issue.id.clone(),
        level: issue.level.as_str().to_string(),
        category: issue.category.as_str().to_string(),
        places: places
            .into_iter()
            .map(|p| Place {
                file: p.file,
                side: p.side,
                start: p.lines.0,
                end: p.lines.1,
            })
            .collect(),
        text: IssueText {
            title: issue.title.clone(),
            detail: issue.detail.clone(),
            code,
            terms: issue.terms.clone(),
        },
    }
}

impl Key {
    /// The text matches of some terms against every issue, in key order (for tuning tools).
    pub fn index_matches(&self, terms: &[String]) -> Vec<super::index::TextMatch> {
        self.index.matches(terms)
    }
}
