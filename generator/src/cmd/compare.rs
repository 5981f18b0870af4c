//! `reviewroom compare SLUG`: every candidate on one scenario side by side.

use anyhow::{Result, bail};

use crate::cli::CompareArgs;
use crate::config::Project;
use crate::export::{self, compare};

pub fn run(project: &Project, args: &CompareArgs) -> Result<()> {
    let states = crate::store::invite_states(project, &args.store, Some(&args.scenario), None)?;
    if states.is_empty() {
        project.scenario_dir(&args.scenario)?;
        bail!("no invites for scenario {} in the store", args.scenario);
    }
    let (contexts, records) = export::scored(project, &states)?;
    let Some(context) = contexts.get(&args.scenario) else {
        bail!(
            "scenario {} is not in {}",
            args.scenario,
            project.config.scenarios_dir.display()
        );
    };
    let mut buffer = Vec::new();
    let theme = project.theme_dir();
    compare::write(
        context,
        &records,
        args.format,
        theme.as_deref(),
        &mut buffer,
    )?;
    crate::output::write_whole(args.out.as_deref(), &buffer)
}
