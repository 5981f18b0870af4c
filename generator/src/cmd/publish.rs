//! `reviewroom publish`: a thin call into [`crate::publish`].

use anyhow::Result;

use crate::cli::PublishArgs;
use crate::config::Project;

pub fn run(project: &Project, args: &PublishArgs, quiet: bool) -> Result<()> {
    crate::publish::run(project, args, quiet)
}
