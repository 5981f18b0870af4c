//! `reviewroom build`: a thin call into the build driver.

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::config::Project;

pub fn run(project: &Project, args: &BuildArgs, quiet: bool) -> Result<()> {
    crate::site::run(project, args, quiet).map(|_| ())
}
