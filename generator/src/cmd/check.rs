//! `reviewroom check [PATH]`: validates one scenario folder or a folder of them, writing nothing.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::cli::CheckArgs;
use crate::config::Project;
use crate::scenario;

pub fn run(project: &Project, args: &CheckArgs, quiet: bool) -> Result<()> {
    let path = args
        .path
        .clone()
        .unwrap_or_else(|| project.path(&project.config.scenarios_dir));
    let dirs = scenario::discover(&path)?;
    if dirs.is_empty() {
        bail!("no scenario folders under {}", path.display());
    }
    let mut failed: Vec<PathBuf> = Vec::new();
    for dir in &dirs {
        match scenario::load(dir) {
            Ok(scenario) => {
                if !quiet {
                    println!(
                        "ok   {} ({} files, {} issues)",
                        scenario.slug,
                        scenario.files.len(),
                        scenario.key.len()
                    );
                }
            }
            Err(err) => {
                eprintln!("FAIL {}: {err}", dir.display());
                failed.push(dir.clone());
            }
        }
    }
    if !failed.is_empty() {
        bail!("{} of {} scenarios are invalid", failed.len(), dirs.len());
    }
    Ok(())
}
