//! `reviewroom catalog`: the interviewer's scenario catalog, outside dist/.

use anyhow::{Result, bail};

use crate::catalog::{self, Entry};
use crate::cli::CatalogArgs;
use crate::config::Project;
use crate::scenario;
use crate::secret::PathSecret;

pub fn run(project: &Project, args: &CatalogArgs, quiet: bool) -> Result<()> {
    let secret = PathSecret::load(project, project.config.store.kind, quiet)?;
    let base = crate::served::link_base(project, quiet);
    let mut entries = Vec::new();
    for dir in scenario::discover(&project.path(&project.config.scenarios_dir))? {
        let scenario = scenario::load(&dir)?;
        let preview_url = format!(
            "{base}{}",
            secret.scenario_path(&scenario.slug, scenario.meta.path_epoch)
        );
        entries.push(Entry {
            scenario,
            preview_url,
        });
    }
    if entries.is_empty() {
        bail!(
            "no scenarios under {}",
            project.config.scenarios_dir.display()
        );
    }
    let out = match &args.out {
        Some(out) => out.clone(),
        None => project.state_subdir("catalog")?,
    };
    let documents = crate::render::documents::Documents::for_project(project)?;
    let written = catalog::write(&documents, &entries, &out)?;
    if !quiet {
        println!(
            "wrote {} files to {} ({} scenarios)",
            written.len(),
            out.display(),
            entries.len()
        );
    }
    Ok(())
}
