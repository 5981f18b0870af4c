//! `reviewroom serve`: builds, then serves dist/ and the API (the same router as the Lambda,
//! nested at `api_path`) from one local server ([`crate::server`]). With `--demo` it also mints
//! a demo invite and prints its link: never by default, so a real store gains no stray invite.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use submit_fn::AppState;
use submit_fn::model::Manifest;
use submit_fn::store::{Invite, InviteChange, InviteStatus, ReviewStore, now};
use submit_fn::token::Token;

use crate::cli::ServeArgs;
use crate::config::{Project, StoreKind};
use crate::invite::{NewInvite, current_manifest, link, mint};
use crate::server::{self, Limits};

pub fn run(project: &Project, args: &ServeArgs, quiet: bool) -> Result<()> {
    let ip: IpAddr = args
        .bind
        .parse()
        .with_context(|| format!("--bind {:?} is not an IP address", args.bind))?;
    let store_config = args.store.resolve(project);
    if args.demo {
        if !ip.is_loopback() {
            bail!("--demo serves a demo invite: only on a loopback address, not on {ip}");
        }
        if store_config.kind == StoreKind::Dynamodb && store_config.endpoint_url.is_none() {
            bail!(
                "--demo would mint a demo invite in the DynamoDB table: only on the sqlite store \
                 or a local endpoint_url"
            );
        }
    }
    // Listen before building, so a busy port fails before dist/ is rewritten under the server
    // that holds it.
    let listener = std::net::TcpListener::bind(SocketAddr::new(ip, args.port)).with_context(|| {
        format!(
            "cannot listen on {ip}:{} (is another `reviewroom serve` running? pass --port N, or \
             --port 0 for any free one)",
            args.port
        )
    })?;
    listener
        .set_nonblocking(true)
        .context("cannot make the listener non-blocking")?;
    let report = crate::site::run(project, &args.build, quiet)?;
    if !ip.is_loopback() {
        eprintln!(
            "warning: serving on {ip}, reachable from other machines: put TLS in front of it \
             (tokens travel in the Authorization header)"
        );
    }
    let runtime = crate::store::runtime()?;
    runtime.block_on(async {
        let store = crate::store::open(project, &args.store).await?;
        let listener =
            tokio::net::TcpListener::from_std(listener).context("cannot listen with tokio")?;
        let local = listener.local_addr().context("no local address")?;
        let fallback_base = format!("http://{local}");
        let base = project.config.link_base(&fallback_base);
        crate::served::record(project, &fallback_base)?;

        match report.scenarios.first() {
            Some(first) if args.demo => {
                let manifest = current_manifest(project, &args.store, &first.slug, true)?;
                let (invite, token) = demo_invite(&*store, manifest, &first.slug).await?;
                println!("demo invite {} on {}:", invite.id, first.slug);
                println!("  {}", link(&base, &invite, &token));
            }
            Some(first) if !quiet => eprintln!(
                "mint a candidate link with `reviewroom invite new {} --candidate NAME` \
                 (or serve with --demo for a demo invite)",
                first.slug
            ),
            _ => {}
        }

        let dist = report.out_dir.clone();
        let api_path = project.config.api_path.trim_end_matches('/').to_string();
        let limits = Limits::default();
        let api = submit_fn::api::routes(AppState::new(store));
        let app = server::app(&dist, &api_path, api, &limits)?;
        server::init_logs();
        println!(
            "serving {} on {base} (API at {base}{api_path}); Ctrl-C stops",
            dist.display()
        );
        server::serve(listener, app, limits, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
    })
}

const DEMO_CANDIDATE: &str = "Demo candidate";
const DEMO_REF: &str = "demo";

/// The demo invite: the last one still open on this build, with a new link (its old link
/// stops working), so serving again does not pile up demo invites; else a new one.
async fn demo_invite(
    store: &dyn ReviewStore,
    manifest: Manifest,
    slug: &str,
) -> Result<(Invite, Token)> {
    let states = store.list(Some(slug)).await?;
    let open = states.iter().rev().find(|s| {
        s.invite.candidate == DEMO_CANDIDATE
            && s.invite.reference.as_deref() == Some(DEMO_REF)
            && s.invite.manifest == manifest
            && matches!(
                s.status(now()),
                InviteStatus::Invited | InviteStatus::Opened | InviteStatus::Started
            )
    });
    if let Some(state) = open {
        let id = &state.invite.id;
        let token = Token::mint_for(id).context("cannot mint a token")?;
        let token_hash = token.hash();
        let invite = store
            .change(id, InviteChange::Relink { token_hash })
            .await
            .with_context(|| format!("cannot relink the demo invite {id}"))?;
        return Ok((invite, token));
    }
    let new = NewInvite {
        scenario: slug,
        candidate: DEMO_CANDIDATE,
        reference: Some(DEMO_REF),
        expires: Duration::from_secs(7 * 24 * 3600),
        time_limit: None,
    };
    mint(store, manifest, &new).await
}
