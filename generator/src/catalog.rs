//! The interviewer's catalog ("pick a scenario"): one card per scenario and one page per
//! scenario with its full key, drawn by the theme's `interviewer/catalog.html` and
//! `interviewer/key.html`. Written under `.reviewroom/catalog/`, never under dist/.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::export::report::{LEVELS, split_detail};
use crate::render::documents::Documents;
use crate::scenario::{Issue, IssuePlace, Scenario};

/// A scenario with where its page is published.
pub struct Entry {
    pub scenario: Scenario,
    pub preview_url: String,
}

#[derive(Serialize)]
struct Card<'a> {
    slug: &'a str,
    title: &'a str,
    track: &'a str,
    stack: &'a [String],
    roles: &'a [String],
    minutes: u32,
    summary: &'a str,
    counts: String,
    preview_url: &'a str,
}

#[derive(Serialize)]
struct Track<'a> {
    name: &'a str,
    scenarios: Vec<Card<'a>>,
}

#[derive(Serialize)]
struct KeyIssue<'a> {
    id: &'a str,
    title: &'a str,
    category: &'static str,
    places: Vec<String>,
    explanation: String,
    strong: Option<String>,
    follow_up: Option<String>,
}

#[derive(Serialize)]
struct KeyLevel<'a> {
    level: &'static str,
    issues: Vec<KeyIssue<'a>>,
}

#[derive(Serialize)]
struct KeyPage<'a> {
    scenario: Card<'a>,
    levels: Vec<KeyLevel<'a>>,
}

/// "5 issues: 2 junior, 2 mid, 1 senior".
fn counts(scenario: &Scenario) -> String {
    let parts: Vec<String> = LEVELS
        .iter()
        .map(|l| {
            let n = scenario.key.iter().filter(|i| i.level == *l).count();
            format!("{n} {}", l.as_str())
        })
        .collect();
    format!("{} issues: {}", scenario.key.len(), parts.join(", "))
}

fn card(entry: &Entry) -> Card<'_> {
    let s = &entry.scenario;
    Card {
        slug: &s.slug,
        title: &s.meta.title,
        track: &s.meta.track,
        stack: &s.meta.stack,
        roles: &s.meta.roles,
        minutes: s.meta.minutes,
        summary: &s.meta.summary,
        counts: counts(s),
        preview_url: &entry.preview_url,
    }
}

fn key_issue(issue: &Issue) -> KeyIssue<'_> {
    let detail = split_detail(&issue.detail);
    KeyIssue {
        id: &issue.id,
        title: &issue.title,
        category: issue.category.as_str(),
        places: issue.places().iter().map(IssuePlace::label).collect(),
        explanation: detail.explanation,
        strong: detail.strong,
        follow_up: detail.follow_up,
    }
}

pub fn index_html(documents: &Documents, entries: &[Entry]) -> Result<String> {
    let mut by_track: BTreeMap<&str, Vec<Card>> = BTreeMap::new();
    for entry in entries {
        by_track
            .entry(entry.scenario.meta.track.as_str())
            .or_default()
            .push(card(entry));
    }
    let tracks: Vec<Track> = by_track
        .into_iter()
        .map(|(name, scenarios)| Track { name, scenarios })
        .collect();
    documents.render(
        "catalog.html",
        "reviewroom catalog",
        &serde_json::json!({ "tracks": tracks }),
    )
}

/// The key page, senior issues first.
pub fn key_html(documents: &Documents, entry: &Entry) -> Result<String> {
    let s = &entry.scenario;
    let levels = LEVELS
        .iter()
        .rev()
        .map(|level| KeyLevel {
            level: level.as_str(),
            issues: s
                .key
                .iter()
                .filter(|i| i.level == *level)
                .map(key_issue)
                .collect(),
        })
        .collect();
    let page = KeyPage {
        scenario: card(entry),
        levels,
    };
    documents.render("key.html", &s.meta.title, &page)
}

/// Writes `index.html` and one `<slug>.html` per scenario into `out`; returns the files.
pub fn write(documents: &Documents, entries: &[Entry], out: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut files = vec![(out.join("index.html"), index_html(documents, entries)?)];
    for entry in entries {
        let path = out.join(format!("{}.html", entry.scenario.slug));
        files.push((path, key_html(documents, entry)?));
    }
    let mut written = Vec::new();
    for (path, html) in files {
        std::fs::write(&path, html).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
