//! `--relink` and `--delete` on DynamoDB, safe against a candidate writing at the same time.
//!
//! The invite id follows from the token, so a relink moves every item to the new token's id.
//! DynamoDB's TransactWriteItems would do that in one step, but the local server the tests run
//! on (dynalite) has no transactions, so both operations fence the old id first:
//!
//! 1. META gets a `fence` attribute (conditional on a live META): from then on the invite is
//!    gone for `load` and `list`, its token answers 401, and META changes fail their condition;
//! 2. every item a writer could still write (DRAFT, SUBMISSION for rounds 0..=round) gets
//!    `fence` too, created as a bare placeholder when absent. Draft and submission writes are
//!    conditional on their item carrying no `fence`, so a write that passed authorization
//!    before step 1 either landed before step 2 (and is moved) or fails (and answers 401);
//! 3. the items (grades too), now final, are read consistently, copied to the new id (META last), and
//!    every old item is overwritten by a tombstone (keys, `fence`, TTL): no content is left,
//!    and a writer that stalled through all of this still finds a fenced item.
//!
//! Every step is idempotent: a rerun of `--relink` or `--delete` finishes an interrupted one.

use super::items::{self, Item, get_s};
use super::{DynamoStore, TTL_ATTRIBUTE, errors::failed_condition, pk, s, sdk, submission_sk};
use crate::store::{Invite, StoreError};
use crate::token::TokenHash;

/// The attribute that marks a fenced item.
pub(crate) const FENCE: &str = "fence";

/// A META that is still an invite (a tombstone has no `id`), fenced or not.
fn is_invite_meta(item: &Item) -> bool {
    item.contains_key("id")
}

impl DynamoStore {
    /// Steps 1 and 2; returns META as stored after step 1.
    async fn fence(&self, id: &str, why: &str) -> Result<Item, StoreError> {
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
        Ok(meta)
    }

    /// Step 3's end: every old item becomes a tombstone.
    async fn bury(&self, id: &str, old: &[Item], why: &str) -> Result<(), StoreError> {
        for item in old {
            let mut tombstone = Item::new();
            tombstone.insert("pk".into(), s(pk(id)));
            tombstone.insert("sk".into(), s(get_s(item, "sk")?));
            tombstone.insert(FENCE.into(), s(why));
            if let Some(ttl) = item.get(TTL_ATTRIBUTE) {
                tombstone.insert(TTL_ATTRIBUTE.into(), ttl.clone());
            }
            self.client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(tombstone))
                .send()
                .await
                .map_err(sdk)?;
        }
        Ok(())
    }

    /// The fenced invite's items that hold records (placeholders hold none).
    async fn fenced_items(&self, id: &str) -> Result<Vec<Item>, StoreError> {
        let mut found = self.items(id).await?;
        found.retain(|item| {
            let sk = get_s(item, "sk").unwrap_or_default();
            match sk.as_str() {
                "META" => is_invite_meta(item),
                "DRAFT" => item.contains_key("version"),
                sk if sk.starts_with(items::GRADE_PREFIX) => item.contains_key("grader"),
                _ => item.contains_key("submission_id"),
            }
        });
        Ok(found)
    }

    pub(super) async fn relink(&self, id: &str, hash: TokenHash) -> Result<Invite, StoreError> {
        let new_id = hash.invite_id();
        let why = format!("relinked to {new_id}");
        self.fence(id, &why).await?;
        let mut old = self.fenced_items(id).await?;
        // Copies first, META last, so the new token works only once all is there.
        old.sort_by_key(|item| get_s(item, "sk").map(|sk| sk == "META").unwrap_or(false));
        for item in &old {
            let mut moved = item.clone();
            moved.remove(FENCE);
            let sk = get_s(item, "sk")?;
            moved.insert("pk".into(), s(pk(&new_id)));
            let gsi = get_s(item, "gsi_sk")?;
            let created = gsi.split('#').next().unwrap_or_default();
            moved.insert("gsi_sk".into(), s(format!("{created}#{new_id}#{sk}")));
            if sk == "META" {
                moved.insert("id".into(), s(&new_id));
                moved.insert("token_hash".into(), s(hash.to_hex()));
            }
            self.client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(moved))
                .send()
                .await
                .map_err(sdk)?;
        }
        self.bury(id, &self.items(id).await?, &why).await?;
        items::invite(&self.meta(&new_id).await?)
    }

    pub(super) async fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.fence(id, "deleted").await?;
        self.bury(id, &self.items(id).await?, "deleted").await
    }
}
