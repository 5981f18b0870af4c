//! The Lambda entry point: builds the store and the router once, then serves API Gateway
//! HTTP API (v2) events. `REVIEWROOM_TABLE` names the table; `REVIEWROOM_DYNAMODB_ENDPOINT`
//! (optional) points at a local DynamoDB-compatible server; `REVIEWROOM_ORIGIN_VERIFY` (set by
//! the SAM template) is the secret CloudFront sends, without which requests answer 404.

use std::sync::Arc;

use submit_fn::lambda::{log_filter, require_origin};
use submit_fn::store::DynamoStore;
use submit_fn::{AppState, app};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let rust_log = std::env::var("RUST_LOG").ok();
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .json()
                .with_current_span(false)
                .without_time()
                .with_filter(log_filter(rust_log.as_deref())),
        )
        .init();
    let table = std::env::var("REVIEWROOM_TABLE")
        .map_err(|_| "REVIEWROOM_TABLE is not set: the Lambda needs its table name")?;
    let endpoint = std::env::var("REVIEWROOM_DYNAMODB_ENDPOINT").ok();
    let retention_days = std::env::var("REVIEWROOM_RETENTION_DAYS")
        .ok()
        .and_then(|d| d.parse().ok());
    let origin_secret = std::env::var("REVIEWROOM_ORIGIN_VERIFY").ok();
    if origin_secret.is_none() {
        tracing::warn!(
            "REVIEWROOM_ORIGIN_VERIFY is not set: requests are not checked for CloudFront's header"
        );
    }
    let store = DynamoStore::connect(&table, None, endpoint.as_deref(), retention_days).await;
    let router = require_origin(app(AppState::new(Arc::new(store))), origin_secret);
    lambda_http::run(router).await
}
