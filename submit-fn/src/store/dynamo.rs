//! `DynamoStore`: production: one DynamoDB table (docs/design.md §7). Items `INVITE#<id>` /
//! `META` | `DRAFT` | `SUBMISSION[#round]` | `GRADE#<grader>`, each with `scenario` and `gsi_sk` =
//! `<created>#<id>#<kind>` for the `by_scenario` index. Writes that must happen once are
//! conditional; after a failed condition the item is read back consistently. Draft and
//! submission writes never land on a fenced item, so none is lost to a delete
//! (`delete.rs`); a relink only replaces META's token hash, so nothing moves.

use std::time::Duration;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::operation::put_item::builders::PutItemFluentBuilder;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use time::OffsetDateTime;

use super::{
    DraftOutcome, DraftSave, Grade, Invite, InviteChange, InviteState, ReviewStore, StoreError,
    StoreFuture, Submission, SubmitOutcome, rfc3339,
};

mod delete;
mod errors;
mod items;
mod read;
mod table;

use errors::{failed_condition, sdk};

#[cfg(test)]
use items::get_n;
use items::{Item, get_s};

pub const INDEX: &str = "by_scenario";
/// The TTL attribute (epoch seconds) the SAM template enables; set from `retention_days`.
pub const TTL_ATTRIBUTE: &str = "expires_at";

/// A table client, built once per process.
#[derive(Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
    retention_days: Option<u32>,
}

fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

fn n(value: impl ToString) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

pub(crate) fn pk(id: &str) -> String {
    format!("INVITE#{id}")
}

/// Sends a conditional put: `false` when its condition failed, for the caller to say what
/// that means.
async fn put_if(put: PutItemFluentBuilder) -> Result<bool, StoreError> {
    match put.send().await {
        Ok(_) => Ok(true),
        Err(e) if failed_condition(&e) => Ok(false),
        Err(e) => Err(sdk(e)),
    }
}

fn submission_sk(round: u32) -> String {
    if round == 0 {
        "SUBMISSION".into()
    } else {
        format!("SUBMISSION#{round:04}")
    }
}

impl DynamoStore {
    /// Builds the client from the environment's AWS configuration. With `endpoint_url` (a
    /// local DynamoDB-compatible server) and no credentials in the environment, fake ones are
    /// used. The SDK makes one attempt of at most 2.5 s: the API bounds its own retries.
    pub async fn connect(
        table: &str,
        region: Option<&str>,
        endpoint_url: Option<&str>,
        retention_days: Option<u32>,
    ) -> DynamoStore {
        let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .timeout_config(
                aws_config::timeout::TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(1))
                    .operation_attempt_timeout(Duration::from_millis(2500))
                    .build(),
            )
            .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(1));
        if let Some(region) = region {
            loader = loader.region(aws_config::Region::new(region.to_string()));
        }
        if let Some(endpoint) = endpoint_url {
            loader = loader.endpoint_url(endpoint);
            if region.is_none() && std::env::var_os("AWS_REGION").is_none() {
                loader = loader.region(aws_config::Region::new("us-east-1"));
            }
            if std::env::var_os("AWS_ACCESS_KEY_ID").is_none() {
                loader = loader.credentials_provider(aws_sdk_dynamodb::config::Credentials::new(
                    "local",
                    "local",
                    None,
                    None,
                    "reviewroom-local",
                ));
            }
        }
        let config = loader.load().await;
        DynamoStore {
            client: Client::new(&config),
            table: table.to_string(),
            retention_days,
        }
    }

    pub fn table(&self) -> &str {
        &self.table
    }

    /// Creates the table and its index (local use and tests), polling DescribeTable until
    /// both are active. An existing table is left as it is.
    pub async fn create_table(&self) -> Result<(), StoreError> {
        table::create(&self.client, &self.table).await
    }

    /// `scenario`, `gsi_sk` and the TTL for a child item, copied from the invite's META.
    fn child(meta: &Item, id: &str, sk: &str) -> Result<Item, StoreError> {
        let mut item = Item::new();
        item.insert("pk".into(), s(pk(id)));
        item.insert("sk".into(), s(sk));
        item.insert("scenario".into(), s(get_s(meta, "scenario")?));
        let created = get_s(meta, "created_at")?;
        item.insert("gsi_sk".into(), s(format!("{created}#{id}#{sk}")));
        if let Some(ttl) = meta.get(TTL_ATTRIBUTE) {
            item.insert(TTL_ATTRIBUTE.into(), ttl.clone());
        }
        Ok(item)
    }

    /// A put of `item` into the table, for the caller to add its condition.
    fn put(&self, item: Item) -> PutItemFluentBuilder {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
    }

    /// An update of META that must find the invite; returns it as stored after.
    async fn update_meta(
        &self,
        id: &str,
        expression: &str,
        values: Vec<(&str, AttributeValue)>,
    ) -> Result<Invite, StoreError> {
        let mut request = self
            .client
            .update_item()
            .table_name(&self.table)
            .key("pk", s(pk(id)))
            .key("sk", s("META"))
            .update_expression(expression)
            .condition_expression("attribute_exists(id) AND attribute_not_exists(#fence)")
            .expression_attribute_names("#fence", delete::FENCE)
            .return_values(ReturnValue::AllNew);
        for (name, value) in values {
            request = request.expression_attribute_values(name, value);
        }
        match request.send().await {
            Ok(out) => items::invite(&out.attributes.unwrap_or_default()),
            Err(e) if failed_condition(&e) => Err(StoreError::NotFound(id.to_string())),
            Err(e) => Err(sdk(e)),
        }
    }
}

impl ReviewStore for DynamoStore {
    fn create_invite<'a>(&'a self, invite: &'a Invite) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let item = items::invite_item(invite, self.retention_days)?;
            let put = self
                .put(item)
                .condition_expression("attribute_not_exists(pk)");
            if put_if(put).await? {
                Ok(())
            } else {
                Err(StoreError::Exists(invite.id.clone()))
            }
        })
    }

    fn load<'a>(&'a self, invite_id: &'a str) -> StoreFuture<'a, Option<InviteState>> {
        Box::pin(async move {
            let found = self.items(invite_id).await?;
            let mut states = items::group(found)?;
            Ok(states.pop())
        })
    }

    fn change<'a>(&'a self, invite_id: &'a str, change: InviteChange) -> StoreFuture<'a, Invite> {
        // One conditional write each: the id and every record stay where they are.
        let (expression, values) = match change {
            InviteChange::Relink { token_hash } => (
                "SET token_hash = :hash",
                vec![(":hash", s(token_hash.to_hex()))],
            ),
            InviteChange::Extend { expires_at } => {
                ("SET start_by = :at", vec![(":at", s(rfc3339(expires_at)))])
            }
            InviteChange::Revoke { at } => (
                "SET revoked_at = if_not_exists(revoked_at, :at)",
                vec![(":at", s(rfc3339(at)))],
            ),
            InviteChange::Reopen => ("REMOVE revoked_at ADD round :one", vec![(":one", n(1))]),
        };
        Box::pin(self.update_meta(invite_id, expression, values))
    }

    fn mark_opened<'a>(
        &'a self,
        invite_id: &'a str,
        at: OffsetDateTime,
    ) -> StoreFuture<'a, Invite> {
        Box::pin(self.update_meta(
            invite_id,
            "SET opened_at = if_not_exists(opened_at, :at)",
            vec![(":at", s(rfc3339(at)))],
        ))
    }

    fn start<'a>(&'a self, invite_id: &'a str, at: OffsetDateTime) -> StoreFuture<'a, Invite> {
        Box::pin(self.update_meta(
            invite_id,
            "SET started_at = if_not_exists(started_at, :at), \
             opened_at = if_not_exists(opened_at, :at)",
            vec![(":at", s(rfc3339(at)))],
        ))
    }

    fn save_draft<'a>(
        &'a self,
        invite_id: &'a str,
        save: DraftSave<'a>,
    ) -> StoreFuture<'a, DraftOutcome> {
        Box::pin(async move {
            let meta = self.meta(invite_id).await?;
            let mut item = Self::child(&meta, invite_id, "DRAFT")?;
            let (base_version, draft) = (save.base_version, save.draft());
            item.insert("version".into(), n(draft.version));
            item.insert("save_id".into(), s(save.save_id));
            item.insert("review".into(), s(save.review));
            item.insert("saved_at".into(), s(rfc3339(save.at)));
            // Never over a fenced item: the invite is being deleted (see delete.rs).
            let put = if base_version == 0 {
                self.put(item)
                    .condition_expression("attribute_not_exists(pk)")
            } else {
                self.put(item)
                    .condition_expression("version = :base AND attribute_not_exists(#fence)")
                    .expression_attribute_names("#fence", delete::FENCE)
                    .expression_attribute_values(":base", n(base_version))
            };
            if put_if(put).await? {
                return Ok(DraftOutcome::Saved(draft));
            }
            let stored = self.get(invite_id, "DRAFT").await?;
            if stored
                .as_ref()
                .is_some_and(|item| item.contains_key(delete::FENCE))
            {
                return Err(StoreError::NotFound(invite_id.to_string()));
            }
            let stored = stored.map(|item| items::draft(&item)).transpose()?;
            Ok(match stored {
                Some(d) if d.save_id == save.save_id => DraftOutcome::Repeated(d),
                other => DraftOutcome::Conflict(other),
            })
        })
    }

    fn submit<'a>(
        &'a self,
        invite_id: &'a str,
        submission: &'a Submission,
    ) -> StoreFuture<'a, SubmitOutcome> {
        Box::pin(async move {
            let meta = self.meta(invite_id).await?;
            let sk = submission_sk(submission.round);
            let mut item = Self::child(&meta, invite_id, &sk)?;
            items::put_submission(&mut item, submission);
            let put = self
                .put(item)
                .condition_expression("attribute_not_exists(pk)");
            if put_if(put).await? {
                return Ok(SubmitOutcome::Created(submission.clone()));
            }
            match self.get(invite_id, &sk).await? {
                Some(stored) if !stored.contains_key(delete::FENCE) => {
                    Ok(SubmitOutcome::Existing(items::submission(&stored)?))
                }
                // Fenced (moving or deleted): the write did not land.
                _ => Err(StoreError::NotFound(invite_id.to_string())),
            }
        })
    }

    fn save_grade<'a>(&'a self, invite_id: &'a str, grade: &'a Grade) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let meta = self.meta(invite_id).await?;
            let sk = format!("{}{}", items::GRADE_PREFIX, grade.grader);
            let mut item = Self::child(&meta, invite_id, &sk)?;
            items::put_grade(&mut item, grade);
            // Never over a tombstone: the invite moved or is gone.
            let put = self
                .put(item)
                .condition_expression("attribute_not_exists(#fence)")
                .expression_attribute_names("#fence", delete::FENCE);
            if put_if(put).await? {
                Ok(())
            } else {
                Err(StoreError::NotFound(invite_id.to_string()))
            }
        })
    }

    fn delete_invite<'a>(&'a self, invite_id: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(self.delete(invite_id))
    }

    fn list<'a>(&'a self, scenario: Option<&'a str>) -> StoreFuture<'a, Vec<InviteState>> {
        Box::pin(async move { items::group(self.scan(scenario).await?) })
    }
}

#[cfg(test)]
mod tests;
