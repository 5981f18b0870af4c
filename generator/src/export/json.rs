//! JSON export: the complete, versioned record of every exported invite, with its report.

use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

use super::record::{ExportRecord, FORMAT_VERSION};
use super::report::Report;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    exported_at: &'a str,
    records: Vec<Entry<'a>>,
}

/// A record with its report: what the HTML and Markdown reports show, as data.
#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    record: &'a ExportRecord,
    report: &'a Report,
}

/// `reports` holds one report per record, in the same order.
pub fn write(
    records: &[ExportRecord],
    reports: &[Report],
    exported_at: &str,
    mut out: impl Write,
) -> Result<()> {
    let document = Document {
        format: "reviewroom-export",
        version: FORMAT_VERSION,
        exported_at,
        records: records
            .iter()
            .zip(reports)
            .map(|(record, report)| Entry { record, report })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut out, &document).context("cannot write JSON")?;
    writeln!(out).context("cannot write JSON")
}
