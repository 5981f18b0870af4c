//! The Lambda entry point: builds the store and the router once, then serves API Gateway
//! HTTP API (v2) events. `REVIEWROOM_TABLE` names the table; `REVIEWROOM_DYNAMODB_ENDPOINT`
//! (optional) points at a local DynamoDB-compatible server.

use std::sync::Arc;

use submit_fn::store::DynamoStore;
use submit_fn::{AppState, app};

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_current_span(false)
        .without_time()
        .init();
    let table = std::env::var("REVIEWROOM_TABLE")
        .map_err(|_| "REVIEWROOM_TABLE is not set: the Lambda needs its table name")?;
    let endpoint = std::env::var("REVIEWROOM_DYNAMODB_ENDPOINT").ok();
    let retention_days = std::env::var("REVIEWROOM_RETENTION_DAYS")
        .ok()
        .and_then(|d| d.parse().ok());
    let store = DynamoStore::connect(&table, None, endpoint.as_deref(), retention_days).await;
    lambda_http::run(app(AppState::new(Arc::new(store)))).await
}
