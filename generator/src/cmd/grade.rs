//! `reviewroom grade INVITE [--grader NAME]`: serves the grade page for one invite's review on
//! 127.0.0.1 (never another address) until Ctrl-C; each save is stored under the grader's name
//! in the configured store ([`crate::grading`]).

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use anyhow::{Context, Result, bail};

use crate::cli::GradeArgs;
use crate::config::Project;
use crate::grading::{grader_name, page, server};
use crate::render::Theme;
use crate::site::cache::Cache;

/// `--grader`, else the login name.
fn grader(args: &GradeArgs) -> Result<String> {
    let given = args
        .grader
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .or_else(|| std::env::var("USERNAME").ok());
    let Some(given) = given else {
        bail!("say who grades: --grader NAME");
    };
    grader_name(&given).with_context(|| {
        format!(
            "--grader {given:?}: a name of 1 to {} characters without control characters",
            crate::grading::GRADER_MAX
        )
    })
}

pub fn run(project: &Project, args: &GradeArgs, quiet: bool) -> Result<()> {
    let grader = grader(args)?;
    let theme_dir = project.config.theme.as_ref().map(|t| project.path(t));
    let theme = Theme::load(theme_dir.as_deref())?;
    let tera = page::templates(&theme)?;
    let syntax_css = Cache::new(project.state_subdir("cache")?).syntax_css();
    let (stylesheets, files) = server::files(&theme, &syntax_css)?;
    let runtime = crate::store::runtime()?;
    runtime.block_on(async {
        let store = crate::store::open(project, &args.store).await?;
        let Some(state) = store.load(&args.invite).await? else {
            bail!(
                "no invite {} in the store (`reviewroom invites` lists them)",
                args.invite
            );
        };
        let slug = state.invite.scenario.clone();
        let (mut contexts, mut hashes) =
            crate::export::scenarios(project, std::slice::from_ref(&state))?;
        let (Some(context), Some(scenario_hash)) = (contexts.remove(&slug), hashes.remove(&slug))
        else {
            bail!("scenario {slug} is not in the scenarios folder: grading needs its key");
        };
        if !quiet && state.current_submission().is_none() {
            eprintln!(
                "note: invite {} has no submission of its current round: grading what it has",
                args.invite
            );
        }
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, args.port)))
                .await
                .with_context(|| format!("cannot listen on 127.0.0.1:{}", args.port))?;
        let host = listener
            .local_addr()
            .context("no local address")?
            .to_string();
        let grade = Arc::new(server::GradeServer {
            store,
            invite: args.invite.clone(),
            grader: grader.clone(),
            token: server::run_token()?,
            host: host.clone(),
            tera,
            files,
            stylesheets,
            context,
            scenario_hash,
            params: project.config.scoring.params(),
        });
        let candidate = crate::printable::line(&state.invite.candidate);
        println!(
            "grading invite {} ({candidate}, {slug}) as {}:",
            args.invite,
            crate::printable::line(&grader)
        );
        println!("  http://{host}{}", grade.page_path());
        println!("open it in a browser; Ctrl-C stops");
        crate::server::init_logs();
        let app = server::router(grade);
        crate::server::serve(listener, app, crate::server::Limits::default(), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the grade server stopped")
    })
}
