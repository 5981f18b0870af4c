//! The interviewer's side: reviews read from the store, scored against the key, written as
//! JSON, CSV, Markdown or a self-contained HTML report.

pub mod collect;
pub mod compare;
pub mod csv;
pub mod json;
pub mod record;
pub mod report;
pub mod report_grades;
pub mod report_html;
pub mod report_md;

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use submit_fn::store::InviteState;

use crate::build::manifest::scenario_hash;
use crate::cli::ExportFormat;
use crate::config::Project;
use collect::ScenarioContext;
use record::ExportRecord;
use report::Report;

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

/// Writes the records in `format`. Reports put one review after another. Every format goes
/// out through [`printable`](crate::printable): no control character reaches a reader.
pub fn write(
    records: &[ExportRecord],
    scenarios: &BTreeMap<String, ScenarioContext>,
    format: ExportFormat,
    exported_at: &str,
    mut out: impl Write,
) -> Result<()> {
    match format {
        ExportFormat::Json => {
            let mut buffer = Vec::new();
            json::write(records, exported_at, &mut buffer)?;
            let text = String::from_utf8(buffer)?;
            out.write_all(crate::printable::json(&text).as_bytes())?;
            Ok(())
        }
        ExportFormat::Csv => csv::write(records, scenarios, out),
        ExportFormat::Md => {
            for record in records {
                let report = Report::new(record, scenarios.get(&record.invite.scenario));
                let text = report_md::render(&report);
                out.write_all(crate::printable::escape(&text).as_bytes())?;
                out.write_all(b"\n---\n\n")?;
            }
            Ok(())
        }
        ExportFormat::Html => {
            let reports: Vec<Report> = records
                .iter()
                .map(|r| Report::new(r, scenarios.get(&r.invite.scenario)))
                .collect();
            let html = report_html::render_all(&reports);
            out.write_all(crate::printable::escape(&html).as_bytes())?;
            Ok(())
        }
    }
}
