//! One module per subcommand; `run` dispatches. Each command is a thin call into the stages.

use anyhow::{Result, bail};

use crate::cli::{Cli, Command, SecretAction};

pub mod build;
pub mod catalog;
pub mod check;
pub mod invite;
pub mod invites;
pub mod new;
pub mod serve;

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            build::run(&project, &args, cli.quiet)
        }
        Command::Check(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            check::run(&project, &args, cli.quiet)
        }
        Command::New(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            new::run(&project, &args, cli.quiet)
        }
        Command::Catalog(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            catalog::run(&project, &args, cli.quiet)
        }
        Command::Serve(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            serve::run(&project, &args, cli.quiet)
        }
        Command::Invite(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            invite::run(&project, &args, cli.quiet)
        }
        Command::Invites(args) => {
            let project = crate::config::Project::load(&cli.root)?;
            invites::run(&project, &args, cli.quiet)
        }
        Command::Secret(args) => match args.action {
            SecretAction::New => {
                println!("{}", crate::secret::PathSecret::generate()?);
                Ok(())
            }
        },
        other => bail!("`{}` is not available in this build yet", name(&other)),
    }
}

fn name(command: &Command) -> &'static str {
    match command {
        Command::Build(_) => "build",
        Command::Check(_) => "check",
        Command::New(_) => "new",
        Command::Serve(_) => "serve",
        Command::Invite(_) => "invite",
        Command::Invites(_) => "invites",
        Command::Export(_) => "export",
        Command::Compare(_) => "compare",
        Command::Catalog(_) => "catalog",
        Command::Secret(_) => "secret",
    }
}
