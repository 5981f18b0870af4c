//! Consistent reads of one invite's items, and the scan or index query behind `list`.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;

use super::items::Item;
use super::{DynamoStore, INDEX, errors::sdk, pk, s};
use crate::store::StoreError;

impl DynamoStore {
    pub(super) async fn items(&self, id: &str) -> Result<Vec<Item>, StoreError> {
        let mut out = Vec::new();
        let mut start = None;
        loop {
            let page = self
                .client
                .query()
                .table_name(&self.table)
                .key_condition_expression("pk = :pk")
                .expression_attribute_values(":pk", s(pk(id)))
                .consistent_read(true)
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(sdk)?;
            out.extend(page.items.unwrap_or_default());
            start = page.last_evaluated_key;
            if start.is_none() {
                return Ok(out);
            }
        }
    }

    pub(super) async fn get(&self, id: &str, sk: &str) -> Result<Option<Item>, StoreError> {
        let got = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("pk", s(pk(id)))
            .key("sk", s(sk))
            .consistent_read(true)
            .send()
            .await
            .map_err(sdk)?;
        Ok(got.item)
    }

    /// The invite's META, unless it is missing or fenced (moving or deleted).
    pub(super) async fn meta(&self, id: &str) -> Result<Item, StoreError> {
        self.get(id, "META")
            .await?
            .filter(|meta| !meta.contains_key(super::delete::FENCE))
            .ok_or_else(|| StoreError::NotFound(id.to_string()))
    }

    /// Every item of one scenario (the `by_scenario` index) or of the whole table, all pages.
    pub(super) async fn scan(&self, scenario: Option<&str>) -> Result<Vec<Item>, StoreError> {
        let mut found: Vec<Item> = Vec::new();
        let mut start: Option<HashMap<String, AttributeValue>> = None;
        loop {
            let (page, next) = match scenario {
                Some(scenario) => {
                    let out = self
                        .client
                        .query()
                        .table_name(&self.table)
                        .index_name(INDEX)
                        .key_condition_expression("scenario = :s")
                        .expression_attribute_values(":s", s(scenario))
                        .set_exclusive_start_key(start)
                        .send()
                        .await
                        .map_err(sdk)?;
                    (out.items.unwrap_or_default(), out.last_evaluated_key)
                }
                None => {
                    let out = self
                        .client
                        .scan()
                        .table_name(&self.table)
                        .set_exclusive_start_key(start)
                        .send()
                        .await
                        .map_err(sdk)?;
                    (out.items.unwrap_or_default(), out.last_evaluated_key)
                }
            };
            found.extend(page);
            start = next;
            if start.is_none() {
                break;
            }
        }
        Ok(found)
    }
}
