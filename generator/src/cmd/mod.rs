//! One module per subcommand; `run` dispatches. Each command is a thin call into the stages.

use anyhow::Result;

use crate::cli::{Cli, Command, SecretAction};

pub mod build;
pub mod catalog;
pub mod check;
pub mod compare;
pub mod eval_scoring;
pub mod export;
pub mod grade;
pub mod invite;
pub mod invites;
pub mod new;
#[cfg(feature = "publish")]
pub mod publish;
pub mod serve;

pub fn run(cli: Cli) -> Result<()> {
    // `secret new` needs no project; everything else reads reviewroom.toml once.
    if let Command::Secret(args) = &cli.command {
        return match args.action {
            SecretAction::New => {
                println!("{}", crate::secret::PathSecret::generate()?);
                Ok(())
            }
        };
    }
    let project = crate::config::Project::load(&cli.root)?;
    if matches!(
        cli.command,
        Command::Invite(_)
            | Command::Invites(_)
            | Command::Export(_)
            | Command::Grade(_)
            | Command::Compare(_)
    ) {
        project.require_project()?;
    }
    match cli.command {
        Command::Build(args) => build::run(&project, &args, cli.quiet),
        Command::Check(args) => check::run(&project, &args, cli.quiet),
        Command::New(args) => new::run(&project, &args, cli.quiet),
        Command::Catalog(args) => catalog::run(&project, &args, cli.quiet),
        Command::Serve(args) => serve::run(&project, &args, cli.quiet),
        Command::Invite(args) => invite::run(&project, &args, cli.quiet),
        Command::Invites(args) => invites::run(&project, &args, cli.quiet),
        Command::Export(args) => export::run(&project, &args, cli.quiet),
        Command::Grade(args) => grade::run(&project, &args, cli.quiet),
        Command::Compare(args) => compare::run(&project, &args),
        Command::EvalScoring(args) => eval_scoring::run(&project, &args),
        #[cfg(feature = "publish")]
        Command::Publish(args) => publish::run(&project, &args, cli.quiet),
        Command::Secret(_) => Ok(()),
    }
}
