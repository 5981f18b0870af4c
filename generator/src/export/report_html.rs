//! The HTML report: the [`Report`] of each review drawn by the theme's
//! `interviewer/report.html`, one self-contained file (no script, styles inline, the CSP of
//! [`documents`](crate::render::documents)).

use anyhow::Result;
use serde::Serialize;

use super::report::Report;
use crate::render::documents::Documents;

pub use crate::render::documents::CSP;

#[derive(Serialize)]
struct Page<'a> {
    reports: &'a [Report],
}

/// Several reviews in one document, one article each.
pub fn render_all(documents: &Documents, reports: &[Report]) -> Result<String> {
    let title = match reports {
        [one] => format!("Review: {} by {}", one.facts.title, one.facts.candidate),
        _ => format!("{} reviews", reports.len()),
    };
    documents.render("report.html", &title, &Page { reports })
}
