//! `reviewroom serve`: builds, then serves dist/ and the API (the same router as the Lambda,
//! nested at `api_path`) from one local server, and prints a demo invite (sqlite store only).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use anyhow::{Context, Result};
use submit_fn::AppState;
use tower_http::services::{ServeDir, ServeFile};

use crate::cli::{ServeArgs, StoreKind};
use crate::cmd::invite::{NewInvite, current_manifest, link, mint};
use crate::config::Project;

pub fn run(project: &Project, args: &ServeArgs, quiet: bool) -> Result<()> {
    let report = crate::build::run(project, &args.build, quiet)?;
    let ip: IpAddr = args
        .bind
        .parse()
        .with_context(|| format!("--bind {:?} is not an IP address", args.bind))?;
    if !ip.is_loopback() {
        eprintln!(
            "warning: serving on {ip}, reachable from other machines: put TLS in front of it \
             (tokens travel in the Authorization header)"
        );
    }
    let runtime = crate::store::runtime()?;
    runtime.block_on(async {
        let store = crate::store::open(project, &args.store).await?;
        let listener = tokio::net::TcpListener::bind(SocketAddr::new(ip, args.port))
            .await
            .with_context(|| format!("cannot listen on {ip}:{}", args.port))?;
        let local = listener.local_addr().context("no local address")?;
        let fallback_base = format!("http://{local}");
        let base = project.config.link_base(&fallback_base);

        let sqlite = project.store(&args.store).kind == StoreKind::Sqlite;
        if let Some(first) = report.scenarios.first().filter(|_| sqlite) {
            let manifest = current_manifest(project, &args.store, &first.slug, true)?;
            let new = NewInvite {
                scenario: &first.slug,
                candidate: "Demo candidate",
                reference: Some("demo"),
                expires: Duration::from_secs(7 * 24 * 3600),
                time_limit: None,
            };
            let (invite, token) = mint(&*store, manifest, &new).await?;
            println!("demo invite {} on {}:", invite.id, first.slug);
            println!("  {}", link(&base, &invite, &token));
        }

        let dist = report.out_dir.clone();
        let site = ServeDir::new(&dist)
            .append_index_html_on_directories(true)
            .not_found_service(ServeFile::new(dist.join("404.html")));
        let api_path = project.config.api_path.trim_end_matches('/').to_string();
        let router = axum::Router::new()
            .nest(&api_path, submit_fn::api::routes(AppState::new(store)))
            .fallback_service(site);
        println!(
            "serving {} on {base} (API at {base}{api_path}); Ctrl-C stops",
            dist.display()
        );
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped")
    })
}
