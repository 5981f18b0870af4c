//! The HTTP API of docs/design.md §6: `app(state)` builds the one router that the Lambda and
//! `reviewroom serve` both run. Layers: body limit, `Cache-Control: no-store`, tracing with
//! the Authorization header marked sensitive, JSON 404/405 fallbacks.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Request, header};
use axum::routing::{any, get, post, put};
use tower_http::sensitive_headers::SetSensitiveRequestHeadersLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::store::{ReviewStore, StoreError, StoreFuture};

pub mod error;
pub mod extract;
mod handlers;
mod session;

pub use error::ApiError;

/// How store calls are bounded, so the API answers its own 503 well inside the Lambda's 10 s.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub timeout: Duration,
    pub attempts: u32,
    /// Pause before the second attempt; doubled each time after.
    pub backoff: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout: Duration::from_secs(3),
            attempts: 3,
            backoff: Duration::from_millis(100),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn ReviewStore>,
    pub policy: Policy,
}

impl AppState {
    pub fn new(store: Arc<dyn ReviewStore>) -> AppState {
        AppState {
            store,
            policy: Policy::default(),
        }
    }

    /// Runs one store call with the timeout and attempts of `policy`. Retrying is safe: every
    /// write is conditional, so a retry of a write that landed reads back the stored record.
    pub(crate) async fn call<'a, T>(
        &'a self,
        mut op: impl FnMut(&'a dyn ReviewStore) -> StoreFuture<'a, T>,
    ) -> Result<T, ApiError> {
        let mut pause = self.policy.backoff;
        for attempt in 1..=self.policy.attempts {
            match tokio::time::timeout(self.policy.timeout, op(&*self.store)).await {
                Ok(Ok(value)) => return Ok(value),
                Ok(Err(StoreError::NotFound(_))) => return Err(ApiError::InviteNotFound),
                Ok(Err(StoreError::Unavailable(detail))) => {
                    tracing::warn!(attempt, %detail, "store unavailable");
                }
                Ok(Err(other)) => return Err(ApiError::Internal(other.to_string())),
                Err(_) => tracing::warn!(attempt, "store call timed out"),
            }
            if attempt < self.policy.attempts {
                tokio::time::sleep(pause).await;
                pause *= 2;
            }
        }
        Err(ApiError::Unavailable)
    }
}

/// The API routes with their layers, unprefixed: `reviewroom serve` nests them at the
/// configured `api_path`.
pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/health", get(handlers::health))
        .route("/session", get(handlers::session))
        .route("/session/start", post(handlers::start))
        .route("/draft", put(handlers::draft))
        .route("/submissions", post(handlers::submit))
        .fallback(handlers::not_found)
        .method_not_allowed_fallback(handlers::method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(extract::BODY_LIMIT))
        .layer(no_store())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    // The path only: no query, no headers (the token travels in one).
                    tracing::info_span!("request", method = %req.method(), route = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(SetSensitiveRequestHeadersLayer::new([header::AUTHORIZATION]))
}

/// `api` (the `routes`) nested at `path` (no trailing slash). `nest` matches `path` and
/// `path/...` but not `path/`, which would fall through to whatever serves the rest (the
/// static 404 page under `reviewroom serve`): that one answers the API's JSON 404 too.
pub fn nested(path: &str, api: Router) -> Router {
    let trailing = Router::new()
        .route(&format!("{path}/"), any(handlers::not_found))
        .layer(no_store());
    Router::new().nest(path, api).merge(trailing)
}

fn no_store() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))
}

/// The router the Lambda serves: the API at `/api` (API Gateway forwards `/api/{proxy+}`),
/// and a JSON 404 for anything else.
pub fn app(state: AppState) -> Router {
    nested("/api", routes(state))
        .fallback(handlers::not_found)
        .layer(no_store())
}

#[cfg(test)]
mod tests;
