//! What only the Lambda adds around the router: its log filter, and the check that a request
//! came through CloudFront (the execute-api endpoint is public; CloudFront adds a secret header).

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;
use tower_http::set_header::SetResponseHeaderLayer;
use tracing::Level;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::{FilterExt, Targets};
use tracing_subscriber::layer::Filter;

use crate::api::ApiError;

/// The header CloudFront sets on every `/api/*` request to the origin (infra/template.yaml).
pub const ORIGIN_HEADER: &str = "x-origin-verify";

/// Crates of the Lambda runtime that log raw events (headers, the bearer token included) at
/// debug and trace: capped at info whatever `RUST_LOG` says.
const RUNTIME_TARGETS: &[&str] = &["lambda_runtime", "lambda_runtime_api_client", "lambda_http"];

/// `RUST_LOG` (`info` when unset or unreadable), with the runtime's crates capped at info.
pub fn log_filter<S>(rust_log: Option<&str>) -> impl Filter<S> + use<S> {
    let env = rust_log
        .and_then(|spec| EnvFilter::try_new(spec).ok())
        .unwrap_or_else(|| EnvFilter::new("info"));
    let pins = RUNTIME_TARGETS
        .iter()
        .fold(Targets::new().with_default(Level::TRACE), |t, target| {
            t.with_target(*target, Level::INFO)
        });
    env.and(pins)
}

/// With a secret, every request without it in `x-origin-verify` answers the JSON 404 (as an
/// unknown route would, so the endpoint tells nothing); without one, nothing is checked (local
/// runs, `reviewroom serve`).
pub fn require_origin(router: Router, secret: Option<String>) -> Router {
    let Some(secret) = secret.filter(|s| !s.is_empty()) else {
        return router;
    };
    let secret: std::sync::Arc<[u8]> = secret.into_bytes().into();
    router
        .layer(middleware::from_fn(move |request: Request, next: Next| {
            let secret = secret.clone();
            async move {
                let sent = request.headers().get(ORIGIN_HEADER);
                if sent.is_some_and(|v| bool::from(v.as_bytes().ct_eq(&secret))) {
                    next.run(request).await
                } else {
                    tracing::warn!(
                        present = sent.is_some(),
                        "request without the origin secret"
                    );
                    not_found()
                }
            }
        }))
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

fn not_found() -> Response {
    ApiError::NotFound.into_response()
}

#[cfg(test)]
mod tests;
