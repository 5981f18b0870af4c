//! `--relink` on DynamoDB: the invite id follows from the token, so every item of the invite
//! moves under the new token's id.

use super::items::{self, get_s};
use super::{DynamoStore, pk, s, sdk};
use crate::store::{Invite, StoreError};
use crate::token::TokenHash;

impl DynamoStore {
    pub(super) async fn relink(&self, id: &str, hash: TokenHash) -> Result<Invite, StoreError> {
        let old = self.items(id).await?;
        if old.is_empty() {
            return Err(StoreError::NotFound(id.to_string()));
        }
        let new_id = hash.invite_id();
        // Copies first (META last, so the new token works only once all is there), then the
        // old items (META first, so the old token stops at once). Not a transaction: dynalite
        // has none, and a rerun of `--relink` finishes an interrupted move.
        let mut ordered = old.clone();
        ordered.sort_by_key(|item| get_s(item, "sk").map(|sk| sk == "META").unwrap_or(false));
        for item in &ordered {
            let mut moved = item.clone();
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
        for item in ordered.iter().rev() {
            self.client
                .delete_item()
                .table_name(&self.table)
                .key("pk", s(pk(id)))
                .key("sk", s(get_s(item, "sk")?))
                .send()
                .await
                .map_err(sdk)?;
        }
        items::invite(&self.meta(&new_id).await?)
    }
}
