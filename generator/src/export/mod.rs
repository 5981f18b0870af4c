//! The interviewer's side: reviews read from the store, scored against the key, written as
//! JSON, CSV, Markdown or a self-contained HTML report.

pub mod collect;
pub mod compare;
pub mod csv;
pub mod excerpt;
pub mod json;
pub mod record;
pub mod report;
pub mod report_facts;
pub mod report_grades;
pub mod report_html;
pub mod report_md;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use submit_fn::store::InviteState;

use crate::cli::ExportFormat;
use crate::config::Project;
use crate::render::{Theme, documents::Documents};
use crate::site::manifest::scenario_hash;
use collect::ScenarioContext;
use record::ExportRecord;
use report::Report;

/// The scenarios the invites name, read once, and each invite's record scored against its key:
/// what `export` and `compare` both start from.
pub fn scored(
    project: &Project,
    states: &[InviteState],
) -> Result<(BTreeMap<String, ScenarioContext>, Vec<ExportRecord>)> {
    let (contexts, hashes) = scenarios(project, states)?;
    let params = project.config.scoring.params();
    let records = records(states, &contexts, &hashes, &params)?;
    Ok((contexts, records))
}

/// Turns invite states into scored records; `hashes` holds each scenario's current hash.
pub fn records(
    states: &[InviteState],
    scenarios: &BTreeMap<String, ScenarioContext>,
    hashes: &BTreeMap<String, String>,
    params: &crate::scoring::Params,
) -> Result<Vec<ExportRecord>> {
    states
        .iter()
        .map(|state| {
            let slug = &state.invite.scenario;
            collect::record(
                state,
                scenarios.get(slug),
                hashes.get(slug).map(String::as_str),
                params,
            )
        })
        .collect()
}

/// The scenarios the states name, loaded from the project's scenarios folder, and each one's
/// current hash (a stored review on an older hash gets a warning).
pub fn scenarios(
    project: &Project,
    states: &[InviteState],
) -> Result<(BTreeMap<String, ScenarioContext>, BTreeMap<String, String>)> {
    let dir = project.path(&project.config.scenarios_dir);
    let contexts = collect::scenarios_for(states, &dir)?;
    let hashes = contexts
        .iter()
        .map(|(slug, c)| (slug.clone(), scenario_hash(&c.scenario)))
        .collect();
    Ok((contexts, hashes))
}

/// The report of each record, against its scenario when the folder has it.
pub fn reports(
    records: &[ExportRecord],
    scenarios: &BTreeMap<String, ScenarioContext>,
) -> Vec<Report> {
    records
        .iter()
        .map(|r| Report::new(r, scenarios.get(&r.invite.scenario)))
        .collect()
}

/// Writes the records in `format`. Reports put one review after another; the HTML one is drawn
/// by the theme's templates (`theme`: the project's theme folder over the embedded default).
/// Every format goes out through [`printable`](crate::printable): no control character reaches
/// a reader.
pub fn write(
    records: &[ExportRecord],
    scenarios: &BTreeMap<String, ScenarioContext>,
    format: ExportFormat,
    exported_at: &str,
    theme: Option<&Path>,
    mut out: impl Write,
) -> Result<()> {
    let text = match format {
        ExportFormat::Json => {
            let mut buffer = Vec::new();
            json::write(
                records,
                &reports(records, scenarios),
                exported_at,
                &mut buffer,
            )?;
            let text = String::from_utf8(buffer)?;
            crate::printable::json(&text).into_owned()
        }
        ExportFormat::Csv => return csv::write(records, scenarios, out),
        ExportFormat::Md => {
            let mut text = String::new();
            for report in reports(records, scenarios) {
                text.push_str(&report_md::render(&report));
                text.push_str("\n---\n\n");
            }
            crate::printable::escape(&text).into_owned()
        }
        ExportFormat::Html => {
            let documents = Documents::new(&Theme::load(theme)?)?;
            let html = report_html::render_all(&documents, &reports(records, scenarios))?;
            crate::printable::escape(&html).into_owned()
        }
    };
    out.write_all(text.as_bytes())
        .context("cannot write the export")
}
