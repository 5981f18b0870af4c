//! Creating the table and its `by_scenario` index for local use, polling DescribeTable (not
//! the SDK waiter) until both are active.

use std::time::Duration;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, IndexStatus, KeySchemaElement, KeyType,
    Projection, ProjectionType, ScalarAttributeType, TableStatus,
};

use super::{INDEX, sdk};
use crate::store::StoreError;

fn build<T, E: std::fmt::Display>(result: Result<T, E>) -> Result<T, StoreError> {
    result.map_err(|e| StoreError::Internal(e.to_string()))
}

fn key(name: &str, kind: KeyType) -> Result<KeySchemaElement, StoreError> {
    build(
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(kind)
            .build(),
    )
}

fn string_attribute(name: &str) -> Result<AttributeDefinition, StoreError> {
    build(
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(ScalarAttributeType::S)
            .build(),
    )
}

pub(crate) async fn create(client: &Client, table: &str) -> Result<(), StoreError> {
    let index = build(
        GlobalSecondaryIndex::builder()
            .index_name(INDEX)
            .key_schema(key("scenario", KeyType::Hash)?)
            .key_schema(key("gsi_sk", KeyType::Range)?)
            .projection(
                Projection::builder()
                    .projection_type(ProjectionType::All)
                    .build(),
            )
            .build(),
    )?;
    let mut request = client
        .create_table()
        .table_name(table)
        .billing_mode(BillingMode::PayPerRequest)
        .key_schema(key("pk", KeyType::Hash)?)
        .key_schema(key("sk", KeyType::Range)?)
        .global_secondary_indexes(index);
    for name in ["pk", "sk", "scenario", "gsi_sk"] {
        request = request.attribute_definitions(string_attribute(name)?);
    }
    match request.send().await {
        Ok(_) => {}
        Err(e) if e.code() == Some("ResourceInUseException") => {}
        Err(e) => return Err(sdk(e)),
    }
    for _ in 0..120 {
        let described = client
            .describe_table()
            .table_name(table)
            .send()
            .await
            .map_err(sdk)?;
        if let Some(t) = described.table {
            let table_ready = t.table_status == Some(TableStatus::Active);
            let indexes_ready = t
                .global_secondary_indexes
                .unwrap_or_default()
                .iter()
                .all(|i| i.index_status == Some(IndexStatus::Active));
            if table_ready && indexes_ready {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Err(StoreError::Unavailable(format!(
        "table {table} did not become active"
    )))
}
