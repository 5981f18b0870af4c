//! The HTTP server behind `reviewroom serve`, fit to face the network of one machine: bounded
//! time for headers, bodies and idle connections, a cap on open connections, the CDN's security
//! headers, a log line per request, and dist/ served without following a link out of it.

mod layers;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::services::{ServeDir, ServeFile};

/// How long and how much a client may take.
#[derive(Debug, Clone)]
pub struct Limits {
    /// To send a request's headers; also how long a kept-alive connection may sit idle
    /// before its next request (hyper starts the same timer when it waits for a head).
    pub header: Duration,
    /// To send a whole request body.
    pub body: Duration,
    /// Bytes a request body may have: the API's limit; a longer Content-Length is refused
    /// before any byte of the body is read (so no `100 Continue` is sent for it).
    pub body_bytes: usize,
    /// Connections served at once; one more is answered 503 and closed.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header: Duration::from_secs(10),
            body: Duration::from_secs(20),
            body_bytes: submit_fn::api::extract::BODY_LIMIT,
            connections: 256,
        }
    }
}

/// dist/ as static files (never a symbolic link, a hidden file or anything outside it) and
/// `api` nested at `api_path`, with the security headers and the request log around both.
pub fn app(dist: &Path, api_path: &str, api: Router, limits: &Limits) -> Result<Router> {
    let root = dist
        .canonicalize()
        .with_context(|| format!("cannot resolve {}", dist.display()))?;
    let site = ServeDir::new(&root)
        .append_index_html_on_directories(true)
        .not_found_service(ServeFile::new(root.join("404.html")));
    let guard = axum::middleware::from_fn_with_state(Arc::new(root), layers::no_links);
    let site = Router::new().fallback_service(tower::Layer::layer(&guard, site));
    let router = if api_path.is_empty() {
        site.merge(api)
    } else {
        // `nested` also answers `<api_path>/` itself, which `nest` leaves to the site.
        submit_fn::api::nested(api_path, api).merge(site)
    };
    Ok(layers::around(router, limits))
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<()> {
    let permits = Arc::new(Semaphore::new(limits.connections));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header)
        .keep_alive(true);
    let http = Arc::new(http);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: back off instead of spinning.
                Err(err) => {
                    tracing::warn!(%err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => return Ok(()),
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            tracing::warn!(%peer, "connection refused: {} open", limits.connections);
            tokio::spawn(refuse(stream));
            continue;
        };
        let service = TowerToHyperService::new(app.clone());
        let http = http.clone();
        tokio::spawn(async move {
            let connection = http.serve_connection(TokioIo::new(stream), service);
            if let Err(err) = connection.await {
                tracing::debug!(%peer, %err, "connection closed");
            }
            drop(permit);
        });
    }
}

/// Answers 503 and closes, after reading what the client sent for up to a second, so the
/// close is not a reset that loses the answer.
async fn refuse(stream: tokio::net::TcpStream) {
    // A fresh socket's send buffer takes these few bytes at once.
    let _ = stream.try_write(BUSY);
    let drain = async {
        let mut buf = [0u8; 4096];
        while stream.readable().await.is_ok() {
            match stream.try_read(&mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(_) => break,
            }
        }
    };
    let _ = tokio::time::timeout(Duration::from_secs(1), drain).await;
}

const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

/// Request logs on stderr (`RUST_LOG` overrides the `info` default). Lines name the method,
/// path, status and time, never a header, so no token is written.
pub fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .try_init();
}
