//! `reviewroom compare SLUG`: every candidate on one scenario side by side.

use std::io::Write;

use anyhow::{Context, Result, bail};

use super::export::{output, scenarios, states};
use crate::cli::CompareArgs;
use crate::config::Project;
use crate::export::{self, compare};

pub fn run(project: &Project, args: &CompareArgs) -> Result<()> {
    let states = states(project, &args.store, Some(&args.scenario), None)?;
    if states.is_empty() {
        bail!("no invites for scenario {} in the store", args.scenario);
    }
    let (contexts, hashes) = scenarios(project, &states)?;
    let Some(context) = contexts.get(&args.scenario) else {
        bail!(
            "scenario {} is not in {}",
            args.scenario,
            project.config.scenarios_dir.display()
        );
    };
    let records = export::records(&states, &contexts, &hashes, project.config.scoring.widen)?;
    let mut buffer = Vec::new();
    compare::write(context, &records, args.format, &mut buffer)?;
    let mut out = output(args.out.as_deref())?;
    out.write_all(&buffer)
        .and_then(|()| out.flush())
        .context("cannot write the comparison")
}
