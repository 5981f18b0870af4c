//! Stage 5, `render`: view models -> tera templates of the theme. Diff rows are built by
//! `rows` (fast, escaped by construction); everything from the scenario that reaches a template
//! goes through tera's autoescape. Only title, author, base, head, minutes, the description and
//! the files are handed to templates: nothing from the key, nor summary, roles or track.

pub mod documents;
pub mod imports;
pub mod rows;
pub mod theme;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::diff::{self, FileDiff};
use crate::highlight::{self, Highlighted};
use crate::scenario::{Scenario, ScenarioFile};
pub use theme::{Assets, Theme};

/// The page's Content-Security-Policy: nothing inline, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'";

pub struct Renderer {
    tera: Tera,
    assets: Assets,
}

#[derive(Serialize)]
struct PageView<'a> {
    slug: &'a str,
    scenario_hash: &'a str,
    api_path: &'a str,
    title: &'a str,
    author: &'a str,
    base: &'a str,
    head: &'a str,
    minutes: u32,
    description: String,
    files_changed: usize,
    added: u32,
    removed: u32,
    files: Vec<PageFile>,
    unchanged: Vec<PageFile>,
}

#[derive(Serialize)]
struct PageFile {
    n: usize,
    path: String,
    old_path: String,
    status: &'static str,
    original_lines: u32,
    modified_lines: u32,
    lang: String,
    added: u32,
    removed: u32,
    rows: String,
    /// Rows past the page's first screens: inside `<noscript>`, made rows by the page's script.
    rows_later: String,
    rows_later_count: usize,
    lines: String,
}

/// Line rows drawn at load, in page order, before the rest of the hunks wait in `<noscript>`:
/// several screens, so what a reader sees first never waits and a large change parses only this.
pub const EAGER_ROWS: usize = 300;

#[derive(Serialize)]
struct AssetView {
    stylesheets: Vec<String>,
    script: Option<String>,
    csp: &'static str,
}

/// One file diffed, highlighted and rendered to its `<tbody>` groups and on-demand lines.
pub struct RenderedFile {
    pub diff: FileDiff,
    pub language: String,
    pub rows: rows::FileRows,
}

/// Renders one file pair's diff rows for the page. `path` picks the syntax.
pub fn render_file(file: &ScenarioFile) -> RenderedFile {
    let syntax_path = &file.path;
    if !file.is_changed() {
        let hl = highlight::highlight(syntax_path, &file.modified);
        let side = rows::SideText::new(&file.modified, &hl);
        return RenderedFile {
            diff: diff::diff_files(&file.original, &file.modified, diff::CONTEXT),
            rows: rows::unchanged_on_demand(&side),
            language: hl.language,
        };
    }
    let diff = diff::diff_files(&file.original, &file.modified, diff::CONTEXT);
    let empty = Highlighted::default();
    let (original_hl, modified_hl) = match (file.original.is_empty(), file.modified.is_empty()) {
        (false, false) => {
            let (o, m) = highlight::highlight_pair(
                &file.old_path,
                &file.original,
                syntax_path,
                &file.modified,
                &diff.unchanged(),
            );
            (Some(o), Some(m))
        }
        (false, true) => (
            Some(highlight::highlight(&file.old_path, &file.original)),
            None,
        ),
        (true, false) => (
            None,
            Some(highlight::highlight(syntax_path, &file.modified)),
        ),
        (true, true) => (None, None),
    };
    let original = rows::SideText::new(&file.original, original_hl.as_ref().unwrap_or(&empty));
    let modified = rows::SideText::new(&file.modified, modified_hl.as_ref().unwrap_or(&empty));
    let rows = if diff.hunks.is_empty() {
        rows::unchanged_rows(&modified)
    } else {
        rows::diff_rows(&diff, &original, &modified)
    };
    let language = modified_hl
        .or(original_hl)
        .map(|h| h.language)
        .unwrap_or_else(|| highlight::syntax_for(syntax_path).name.clone());
    RenderedFile {
        diff,
        language,
        rows,
    }
}

impl Renderer {
    pub fn new(theme: &Theme, assets: Assets) -> Result<Renderer> {
        let mut tera = Tera::default();
        // Entities only where HTML needs them: `/` stays readable in paths and URLs.
        tera.set_escape_fn(crate::html::escape);
        tera.add_raw_templates(theme.templates()?)
            .context("invalid theme template")?;
        Ok(Renderer { tera, assets })
    }

    pub fn assets(&self) -> &Assets {
        &self.assets
    }

    fn context(&self) -> tera::Context {
        let mut context = tera::Context::new();
        context.insert(
            "assets",
            &AssetView {
                stylesheets: self.assets.stylesheets(),
                script: self.assets.url(theme::ENTRY_JS).map(str::to_string),
                csp: CSP,
            },
        );
        context
    }

    /// The candidate page of one scenario.
    pub fn scenario_page(&self, scenario: &Scenario, hash: &str, api_path: &str) -> Result<String> {
        let rendered: Vec<(&ScenarioFile, RenderedFile)> = scenario
            .files
            .par_iter()
            .map(|file| (file, render_file(file)))
            .collect();
        let (mut files, mut unchanged) = (Vec::new(), Vec::new());
        let (mut added, mut removed, mut drawn) = (0, 0, 0);
        for (n, (file, out)) in rendered.into_iter().enumerate() {
            let (rows, later, later_count) = out.rows.cut(EAGER_ROWS.saturating_sub(drawn));
            drawn += out.rows.visible - later_count;
            let view = PageFile {
                n,
                path: file.path.clone(),
                old_path: file.old_path.clone(),
                status: file.status.as_str(),
                original_lines: out.diff.original_lines,
                modified_lines: out.diff.modified_lines,
                lang: out.language,
                added: out.diff.added,
                removed: out.diff.removed,
                rows: rows.to_string(),
                rows_later: later.to_string(),
                rows_later_count: later_count,
                lines: out.rows.lines,
            };
            if file.is_changed() {
                added += view.added;
                removed += view.removed;
                files.push(view);
            } else {
                unchanged.push(view);
            }
        }
        let meta = &scenario.meta;
        let page = PageView {
            slug: &scenario.slug,
            scenario_hash: hash,
            api_path,
            title: &meta.title,
            author: &meta.author,
            base: &meta.base,
            head: &meta.head,
            minutes: meta.minutes,
            description: crate::markdown::to_html(&scenario.description),
            files_changed: files.len(),
            added,
            removed,
            files,
            unchanged,
        };
        let mut context = self.context();
        context.insert("page", &page);
        self.render("page.html", &context)
    }

    /// `/index.html` and `/404.html`: neutral, listing nothing.
    pub fn static_page(&self, name: &str) -> Result<String> {
        self.render(name, &self.context())
    }

    fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(name, context)
            .with_context(|| format!("cannot render theme template {name}"))
    }
}

#[cfg(test)]
mod tests;
