//! `reviewroom export`: reads the store, scores against the key, writes one format.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::{Context, Result, bail};
use submit_fn::store::InviteState;

use crate::build::manifest::scenario_hash;
use crate::cli::{ExportArgs, StoreArgs};
use crate::config::Project;
use crate::export::{self, collect};

/// The states to export, read with one store call.
pub(crate) fn states(
    project: &Project,
    store: &StoreArgs,
    scenario: Option<&str>,
    invite: Option<&str>,
) -> Result<Vec<InviteState>> {
    crate::store::runtime()?.block_on(async {
        let store = crate::store::open(project, store).await?;
        match invite {
            Some(id) => match store.load(id).await? {
                Some(state) => Ok(vec![state]),
                None => bail!("no invite {id} in the store"),
            },
            None => Ok(store.list(scenario).await?),
        }
    })
}

/// Loaded scenarios and their current hashes, for the states' scenarios.
pub(crate) fn scenarios(
    project: &Project,
    states: &[InviteState],
) -> Result<(
    BTreeMap<String, collect::ScenarioContext>,
    BTreeMap<String, String>,
)> {
    let contexts = collect::scenarios_for(states, &project.path(&project.config.scenarios_dir))?;
    let hashes = contexts
        .iter()
        .map(|(slug, c)| (slug.clone(), scenario_hash(&c.scenario)))
        .collect();
    Ok((contexts, hashes))
}

pub(crate) fn output(path: Option<&std::path::Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    })
}

pub fn run(project: &Project, args: &ExportArgs, quiet: bool) -> Result<()> {
    if args.scenario.is_none() && args.invite.is_none() && !args.all {
        bail!("say what to export: --scenario SLUG, --invite ID or --all");
    }
    let states = states(
        project,
        &args.store,
        args.scenario.as_deref(),
        args.invite.as_deref(),
    )?;
    let (contexts, hashes) = scenarios(project, &states)?;
    let records = export::records(&states, &contexts, &hashes, project.config.scoring.widen)?;
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    // Written to memory first, so a failure leaves no half-written file behind.
    let mut buffer = Vec::new();
    export::write(&records, &contexts, args.format, &now, &mut buffer)?;
    let mut out = output(args.out.as_deref())?;
    out.write_all(&buffer)
        .and_then(|()| out.flush())
        .context("cannot write the export")?;
    if !quiet {
        if let Some(path) = &args.out {
            eprintln!("exported {} invite(s) to {}", records.len(), path.display());
        }
        for warning in records.iter().flat_map(|r| &r.warnings) {
            eprintln!("warning: {}", crate::printable::line(warning));
        }
    }
    Ok(())
}
