//! `reviewroom export`: reads the store, scores against the key, writes one format.

use anyhow::{Result, bail};

use crate::cli::ExportArgs;
use crate::config::Project;
use crate::export;

pub fn run(project: &Project, args: &ExportArgs, quiet: bool) -> Result<()> {
    if args.scenario.is_none() && args.invite.is_none() && !args.all {
        bail!("say what to export: --scenario SLUG, --invite ID or --all");
    }
    let states = crate::store::invite_states(
        project,
        &args.store,
        args.scenario.as_deref(),
        args.invite.as_deref(),
    )?;
    if states.is_empty() {
        // An empty report would read as "nobody found anything"; say there was nothing.
        if let Some(slug) = &args.scenario {
            project.scenario_dir(slug)?;
        }
        match &args.scenario {
            Some(slug) => bail!(
                "no invites for scenario {slug} in the store: nothing exported \
                 (`reviewroom invites` lists them; `reviewroom invite new {slug} --candidate NAME` makes one)"
            ),
            None => bail!("no invites in the store: nothing exported"),
        }
    }
    let (contexts, records) = export::scored(project, &states)?;
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    // Written to memory first, so a failure leaves no half-written file behind.
    let mut buffer = Vec::new();
    let theme = project.theme_dir();
    export::write(
        &records,
        &contexts,
        args.format,
        &now,
        theme.as_deref(),
        &mut buffer,
    )?;
    crate::output::write_whole(args.out.as_deref(), &buffer)?;
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
