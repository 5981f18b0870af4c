//! The interviewer's documents (the HTML report, `compare`, the catalog) rendered through the
//! theme's `templates/interviewer/` templates, overridable file by file like the candidate
//! page's. Each document is one self-contained file: the theme's colours (the generated syntax
//! stylesheet, light and dark) and `interviewer/style.css` inline, no script, the CSP below.

use std::collections::HashMap;

use anyhow::{Context, Result};
use serde::Serialize;
use tera::{Tera, Value};

use super::theme::{SYNTAX_CSS, Theme};
use crate::config::Project;

/// Nothing but inline styles and data: images.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

pub struct Documents {
    tera: Tera,
    colours: String,
}

#[derive(Serialize)]
struct Head<'a> {
    csp: &'static str,
    colours: &'a str,
    title: &'a str,
}

/// A tera filter from a markdown renderer: the value's text to HTML.
fn markdown_filter(
    render: fn(&str) -> String,
) -> impl Fn(&Value, &HashMap<String, Value>) -> tera::Result<Value> + Sync + Send {
    move |value, _| {
        let text = value
            .as_str()
            .ok_or_else(|| tera::Error::msg("markdown filters take text"))?;
        Ok(Value::String(render(text)))
    }
}

impl Documents {
    pub fn new(theme: &Theme) -> Result<Documents> {
        let mut tera = Tera::default();
        tera.set_escape_fn(crate::html::escape);
        tera.add_raw_templates(theme.templates()?)
            .context("invalid theme template")?;
        // Candidate text under the page's rules (links http, https, mailto only; raw HTML
        // escaped); the key's text under the scenario's.
        tera.register_filter(
            "candidate_markdown",
            markdown_filter(crate::markdown::to_candidate_html),
        );
        tera.register_filter("key_markdown", markdown_filter(crate::markdown::to_html));
        let colours = match theme.files.get(&format!("static/{SYNTAX_CSS}")) {
            Some(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            None => crate::highlight::css::stylesheet(),
        };
        Ok(Documents { tera, colours })
    }

    /// The default theme overlaid by the project's `theme` folder, if it names one.
    pub fn for_project(project: &Project) -> Result<Documents> {
        Documents::new(&Theme::load(project.theme_dir().as_deref())?)
    }

    /// Renders `interviewer/<name>` with `title` and `data` (as `data`).
    pub fn render(&self, name: &str, title: &str, data: &impl Serialize) -> Result<String> {
        let mut context = tera::Context::new();
        context.insert(
            "head",
            &Head {
                csp: CSP,
                colours: &self.colours,
                title,
            },
        );
        context.insert("data", data);
        let template = format!("interviewer/{name}");
        self.tera
            .render(&template, &context)
            .with_context(|| format!("cannot render theme template {template}"))
    }
}
