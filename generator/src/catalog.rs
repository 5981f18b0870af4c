//! The interviewer's catalog ("pick a scenario"): one card per scenario and one page per
//! scenario with its full key. Written under `.reviewroom/catalog/`, never under dist/.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::export::report::LEVELS;
use crate::html::escape;
use crate::scenario::Scenario;

const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const STYLE: &str = include_str!("export/report.css");

/// A scenario with where its page is published.
pub struct Entry {
    pub scenario: Scenario,
    pub preview_url: String,
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"><meta name=\"referrer\" content=\"no-referrer\"><meta name=\"robots\" content=\"noindex\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}\n.cards{{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}}.card{{border:1px solid #d0d7de;border-radius:8px;padding:1rem}}.card h2{{font-size:1.1rem;margin:0 0 .4rem;border:0}}.tags{{color:#57606a;font-size:13px}}</style></head><body><main>{body}</main></body></html>\n",
        escape(title)
    )
}

fn counts(scenario: &Scenario) -> String {
    let mut per_level: BTreeMap<&str, usize> = BTreeMap::new();
    for issue in &scenario.key {
        *per_level.entry(issue.level.as_str()).or_default() += 1;
    }
    let parts: Vec<String> = LEVELS
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                per_level.get(l.as_str()).copied().unwrap_or(0),
                l.as_str()
            )
        })
        .collect();
    format!("{} issues: {}", scenario.key.len(), parts.join(", "))
}

pub fn index_html(entries: &[Entry]) -> String {
    let mut by_track: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for entry in entries {
        by_track
            .entry(entry.scenario.meta.track.as_str())
            .or_default()
            .push(entry);
    }
    let mut body = String::from(
        "<h1>Pick a scenario</h1><p>Interviewers only: this catalog and the keys it links to are never published.</p>",
    );
    for (track, entries) in by_track {
        let _ = write!(body, "<h2>{}</h2><div class=\"cards\">", escape(track));
        for entry in entries {
            let s = &entry.scenario;
            let _ = write!(
                body,
                "<article class=\"card\"><h2>{}</h2><p class=\"tags\">{} · {} minutes</p><p class=\"tags\">For: {}</p><p>{}</p><p>{}</p><p><a href=\"{}\">Preview the candidate page</a> · <a href=\"{}.html\">Answer key</a></p><p class=\"tags\">Invite: <code>reviewroom invite {} --candidate NAME</code></p></article>",
                escape(&s.meta.title),
                escape(&s.meta.stack.join(", ")),
                s.meta.minutes,
                escape(&s.meta.roles.join(", ")),
                escape(&s.meta.summary),
                escape(&counts(s)),
                escape(&entry.preview_url),
                escape(&s.slug),
                escape(&s.slug)
            );
        }
        body.push_str("</div>");
    }
    page("reviewroom catalog", &body)
}

pub fn key_html(entry: &Entry) -> String {
    let s = &entry.scenario;
    let mut body = format!(
        "<p><a href=\"index.html\">All scenarios</a></p><h1>{}</h1><p class=\"tags\">{} · {} · {} minutes · {}</p><p>{}</p><p><a href=\"{}\">Preview the candidate page</a></p><h2>The key</h2>",
        escape(&s.meta.title),
        escape(&s.meta.track),
        escape(&s.meta.stack.join(", ")),
        s.meta.minutes,
        escape(&counts(s)),
        escape(&s.meta.summary),
        escape(&entry.preview_url)
    );
    for level in LEVELS {
        let _ = write!(body, "<h2>{}</h2>", level.as_str());
        for issue in s.key.iter().filter(|i| i.level == level) {
            let places: Vec<String> = issue
                .places()
                .iter()
                .map(|p| {
                    format!(
                        "<code>{}</code> {:?} {}-{}",
                        escape(&p.file),
                        p.side,
                        p.lines.0,
                        p.lines.1
                    )
                })
                .collect();
            let _ = write!(
                body,
                "<section class=\"issue\" id=\"{}\"><h3>{}</h3><p class=\"meta\">{} · {}</p><div class=\"markdown\">{}</div></section>",
                escape(&issue.id),
                escape(&issue.title),
                issue.category.as_str(),
                places.join("; "),
                crate::markdown::to_html(&issue.detail)
            );
        }
    }
    page(&s.meta.title, &body)
}

/// Writes `index.html` and one `<slug>.html` per scenario into `out`; returns the files.
pub fn write(entries: &[Entry], out: &Path) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut written = Vec::new();
    let mut files = vec![(out.join("index.html"), index_html(entries))];
    files.extend(
        entries
            .iter()
            .map(|e| (out.join(format!("{}.html", e.scenario.slug)), key_html(e))),
    );
    for (path, html) in files {
        std::fs::write(&path, html).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
