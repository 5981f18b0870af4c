//! JSON export: the complete, versioned record of every exported invite.

use std::io::Write;

use anyhow::{Context, Result};
use serde::Serialize;

use super::record::{ExportRecord, FORMAT_VERSION};

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    exported_at: &'a str,
    records: &'a [ExportRecord],
}

pub fn write(records: &[ExportRecord], exported_at: &str, mut out: impl Write) -> Result<()> {
    let document = Document {
        format: "reviewroom-export",
        version: FORMAT_VERSION,
        exported_at,
        records,
    };
    serde_json::to_writer_pretty(&mut out, &document).context("cannot write JSON")?;
    writeln!(out).context("cannot write JSON")
}
