//! The Lambda's log filter under `RUST_LOG=trace`, and the origin check on the real router.

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;
use tracing_subscriber::Layer;
use tracing_subscriber::layer::SubscriberExt;

use super::*;
use crate::store::SqliteStore;
use crate::{AppState, app};

/// Log lines, written where the test can read them.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn logged_under(rust_log: Option<&str>) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::registry().with(
        tracing_subscriber::fmt::layer()
            .with_writer(move || writer.clone())
            .with_filter(log_filter(rust_log)),
    );
    tracing::subscriber::with_default(subscriber, || {
        tracing::trace!(target: "lambda_runtime::layers::api_response", "raw event rr1_token");
        tracing::debug!(target: "lambda_runtime_api_client", "raw body rr1_token");
        tracing::trace!(target: "lambda_http", "raw request rr1_token");
        tracing::info!(target: "lambda_runtime", "runtime ready");
        tracing::trace!(target: "submit_fn::api", "own trace");
        tracing::debug!(target: "aws_sdk_dynamodb", "sdk debug");
    });
    String::from_utf8(captured.0.lock().unwrap().clone()).unwrap()
}

#[test]
fn rust_log_trace_never_logs_the_runtime_s_raw_events() {
    let logged = logged_under(Some("trace"));
    assert!(!logged.contains("rr1_token"), "{logged}");
    for line in ["runtime ready", "own trace", "sdk debug"] {
        assert!(logged.contains(line), "{line} missing from {logged}");
    }
    let pinned = logged_under(Some("lambda_runtime=trace,lambda_http=trace"));
    assert!(!pinned.contains("rr1_token"), "{pinned}");
}

#[test]
fn rust_log_unset_or_unreadable_means_info() {
    for spec in [None, Some("=[nonsense")] {
        let logged = logged_under(spec);
        assert!(logged.contains("runtime ready"), "{logged}");
        assert!(
            !logged.contains("own trace") && !logged.contains("sdk debug"),
            "{logged}"
        );
    }
}

async fn health(router: &Router, origin: Option<&str>) -> (StatusCode, Value) {
    let mut request = Request::get("/api/health");
    if let Some(origin) = origin {
        request = request.header(ORIGIN_HEADER, origin);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap())
}

#[tokio::test]
async fn only_requests_with_the_origin_secret_reach_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(SqliteStore::open(&dir.path().join("r.sqlite3"), None).unwrap());
    let secret = "s3cret-from-cloudfront-0123456789";
    let checked = require_origin(app(AppState::new(store.clone())), Some(secret.into()));
    assert_eq!(health(&checked, Some(secret)).await.0, StatusCode::OK);
    for origin in [
        None,
        Some("wrong"),
        Some(""),
        Some("s3cret-from-cloudfront-012345678"),
    ] {
        let (status, body) = health(&checked, origin).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{origin:?}");
        assert_eq!(body["error"]["code"], "not_found");
    }
    for unset in [None, Some(String::new())] {
        let open = require_origin(app(AppState::new(store.clone())), unset);
        assert_eq!(health(&open, None).await.0, StatusCode::OK);
    }
}
