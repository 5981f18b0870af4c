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
                let (invite, token) = demo_invite(project, &*store, manifest, &first.slug).await?;
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
const DEMO_DAYS: u64 = 7;
/// The demo invite's token, kept (mode 0600, like the path secret) so serving again prints
/// the same link: a tab in the middle of the demo keeps working.
const DEMO_TOKEN_FILE: &str = "demo-token";

/// The demo invite: the one minted last, while it is still open on this build (its expiry
/// renewed if it is not started), else a new one.
async fn demo_invite(
    project: &Project,
    store: &dyn ReviewStore,
    manifest: Manifest,
    slug: &str,
) -> Result<(Invite, Token)> {
    let file = project.state_dir()?.join(DEMO_TOKEN_FILE);
    if let Some(kept) = kept_demo(store, &file, &manifest).await? {
        return Ok(kept);
    }
    let new = NewInvite {
        scenario: slug,
        candidate: DEMO_CANDIDATE,
        reference: Some(DEMO_REF),
        expires: Duration::from_secs(DEMO_DAYS * 24 * 3600),
        time_limit: None,
    };
    let (invite, token) = mint(store, manifest, &new).await?;
    if file.exists() {
        std::fs::remove_file(&file)
            .with_context(|| format!("cannot replace {}", file.display()))?;
    }
    crate::secret::write_private(&file, token.as_str())?;
    Ok((invite, token))
}

/// The kept demo invite with its token, if it is still the demo on this build and open.
async fn kept_demo(
    store: &dyn ReviewStore,
    file: &std::path::Path,
    manifest: &Manifest,
) -> Result<Option<(Invite, Token)>> {
    let Some(token) = std::fs::read_to_string(file)
        .ok()
        .and_then(|text| Token::parse(text.trim()).ok())
    else {
        return Ok(None);
    };
    let Some(state) = store.load(&token.invite_id()).await? else {
        return Ok(None);
    };
    let current = state.invite.token_hash == token.hash().to_hex()
        && state.invite.candidate == DEMO_CANDIDATE
        && state.invite.manifest == *manifest;
    let status = state.status(now());
    if !current
        || !matches!(
            status,
            InviteStatus::Invited | InviteStatus::Opened | InviteStatus::Started
        )
    {
        return Ok(None);
    }
    let mut invite = state.invite;
    if status != InviteStatus::Started {
        let expires_at = now() + Duration::from_secs(DEMO_DAYS * 24 * 3600);
        invite = store
            .change(&invite.id, InviteChange::Extend { expires_at })
            .await
            .with_context(|| format!("cannot extend the demo invite {}", invite.id))?;
    }
    Ok(Some((invite, token)))
}
