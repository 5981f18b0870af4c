//! `invite delete` on DynamoDB, safe against a candidate writing at the same time.
//!
//! DynamoDB's TransactWriteItems would delete every item in one step, but the local server the
//! tests run on (dynalite) has no transactions, so a delete fences the invite first:
//!
//! 1. META gets a `fence` attribute (conditional on a live META): from then on the invite is
//!    gone for `load` and `list`, its token answers 401, and META changes fail their condition;
//! 2. every item a writer could still write (DRAFT, SUBMISSION for rounds 0..=round) gets
//!    `fence` too, created as a bare placeholder when absent. Draft and submission writes are
//!    conditional on their item carrying no `fence`, so a write that passed authorization
//!    before step 1 either landed before step 2 (and is deleted) or fails (and answers 401);
//! 3. every item is overwritten by a tombstone (keys, `fence`, TTL): no content is left, and a
//!    writer that stalled through all of this still finds a fenced item.
//!
//! Every step is idempotent: a rerun of `invite delete` finishes an interrupted one. A relink
//! needs none of this: the token carries the invite id, so it only replaces META's token hash.

use super::items::{self, Item, get_s};
use super::{DynamoStore, TTL_ATTRIBUTE, errors::failed_condition, pk, s, sdk, submission_sk};
use crate::store::StoreError;

/// The attribute that marks a fenced item.
pub(crate) const FENCE: &str = "fence";

impl DynamoStore {
    /// Steps 1 and 2.
    async fn fence(&self, id: &str, why: &str) -> Result<(), StoreError> {
        let fenced = self
            .client
            .update_item()
            .table_name(&self.table)
            .key("pk", s(pk(id)))
            .key("sk", s("META"))
            .update_expression("SET #fence = :why")
            .condition_expression("attribute_exists(id)")
            .expression_attribute_names("#fence", FENCE)
            .expression_attribute_values(":why", s(why))
            .return_values(aws_sdk_dynamodb::types::ReturnValue::AllNew)
            .send()
            .await;
        let meta = match fenced {
            Ok(out) => out.attributes.unwrap_or_default(),
            Err(e) if failed_condition(&e) => return Err(StoreError::NotFound(id.to_string())),
            Err(e) => return Err(sdk(e)),
        };
        let round: u32 = items::get_n(&meta, "round")?;
        let slots = std::iter::once("DRAFT".to_string()).chain((0..=round).map(submission_sk));
        let mut values = std::collections::HashMap::from([(":why".to_string(), s(why))]);
        let mut expression = "SET #fence = :why".to_string();
        if let Some(ttl) = meta.get(TTL_ATTRIBUTE) {
            values.insert(":ttl".into(), ttl.clone());
            expression.push_str(&format!(", {TTL_ATTRIBUTE} = :ttl"));
        }
        for sk in slots {
            self.client
                .update_item()
                .table_name(&self.table)
                .key("pk", s(pk(id)))
                .key("sk", s(sk))
                .update_expression(&expression)
                .expression_attribute_names("#fence", FENCE)
                .set_expression_attribute_values(Some(values.clone()))
                .send()
                .await
                .map_err(sdk)?;
        }
        Ok(())
    }

    /// Step 3: every item becomes a tombstone.
    async fn bury(&self, id: &str, old: &[Item], why: &str) -> Result<(), StoreError> {
        for item in old {
            let mut tombstone = Item::new();
            tombstone.insert("pk".into(), s(pk(id)));
            tombstone.insert("sk".into(), s(get_s(item, "sk")?));
            tombstone.insert(FENCE.into(), s(why));
            if let Some(ttl) = item.get(TTL_ATTRIBUTE) {
                tombstone.insert(TTL_ATTRIBUTE.into(), ttl.clone());
            }
            self.put(tombstone).send().await.map_err(sdk)?;
        }
        Ok(())
    }

    pub(super) async fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.fence(id, "deleted").await?;
        self.bury(id, &self.items(id).await?, "deleted").await
    }
}
