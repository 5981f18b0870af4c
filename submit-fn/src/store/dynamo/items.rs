//! DynamoDB items <-> store records: the attributes of docs/design.md §7's single-table layout.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use aws_sdk_dynamodb::types::AttributeValue;

use super::{TTL_ATTRIBUTE, n, pk, s};
use crate::store::{
    Draft, Grade, Invite, InviteState, StoreError, Submission, parse_time, rfc3339,
};

pub(crate) type Item = HashMap<String, AttributeValue>;

fn bad(name: &str) -> StoreError {
    StoreError::Internal(format!("stored item lacks a readable `{name}`"))
}

pub(crate) fn get_s(item: &Item, name: &str) -> Result<String, StoreError> {
    match item.get(name) {
        Some(AttributeValue::S(v)) => Ok(v.clone()),
        _ => Err(bad(name)),
    }
}

fn opt_s(item: &Item, name: &str) -> Option<String> {
    match item.get(name) {
        Some(AttributeValue::S(v)) => Some(v.clone()),
        _ => None,
    }
}

pub(crate) fn get_n<T: FromStr>(item: &Item, name: &str) -> Result<T, StoreError> {
    match item.get(name) {
        Some(AttributeValue::N(v)) => v.parse().map_err(|_| bad(name)),
        _ => Err(bad(name)),
    }
}

fn opt_time(item: &Item, name: &str) -> Result<Option<time::OffsetDateTime>, StoreError> {
    opt_s(item, name).as_deref().map(parse_time).transpose()
}

/// The invite's META item. Its last moment to start is `start_by`: `expires_at` is the
/// table's TTL attribute (epoch seconds, from `retention_days`).
pub(crate) fn invite_item(
    invite: &Invite,
    retention_days: Option<u32>,
) -> Result<Item, StoreError> {
    let created = rfc3339(invite.created_at);
    let mut item = Item::new();
    item.insert("pk".into(), s(pk(&invite.id)));
    item.insert("sk".into(), s("META"));
    item.insert("gsi_sk".into(), s(format!("{created}#{}#META", invite.id)));
    item.insert("id".into(), s(&invite.id));
    item.insert("token_hash".into(), s(&invite.token_hash));
    item.insert("scenario".into(), s(&invite.scenario));
    let manifest =
        serde_json::to_string(&invite.manifest).map_err(|e| StoreError::Internal(e.to_string()))?;
    item.insert("manifest".into(), s(manifest));
    item.insert("candidate".into(), s(&invite.candidate));
    if let Some(reference) = &invite.reference {
        item.insert("reference".into(), s(reference));
    }
    item.insert("created_at".into(), s(created));
    item.insert("start_by".into(), s(rfc3339(invite.expires_at)));
    if let Some(limit) = invite.time_limit_seconds {
        item.insert("time_limit_seconds".into(), n(limit));
    }
    for (name, value) in [
        ("revoked_at", invite.revoked_at),
        ("opened_at", invite.opened_at),
        ("started_at", invite.started_at),
    ] {
        if let Some(at) = value {
            item.insert(name.into(), s(rfc3339(at)));
        }
    }
    item.insert("round".into(), n(invite.round));
    if let Some(days) = retention_days {
        let ttl = invite.created_at + time::Duration::days(i64::from(days));
        item.insert(TTL_ATTRIBUTE.into(), n(ttl.unix_timestamp()));
    }
    Ok(item)
}

pub(crate) fn invite(item: &Item) -> Result<Invite, StoreError> {
    Ok(Invite {
        id: get_s(item, "id")?,
        token_hash: get_s(item, "token_hash")?,
        scenario: get_s(item, "scenario")?,
        manifest: serde_json::from_str(&get_s(item, "manifest")?).map_err(|_| bad("manifest"))?,
        candidate: get_s(item, "candidate")?,
        reference: opt_s(item, "reference"),
        created_at: parse_time(&get_s(item, "created_at")?)?,
        expires_at: parse_time(&get_s(item, "start_by")?)?,
        time_limit_seconds: item
            .contains_key("time_limit_seconds")
            .then(|| get_n(item, "time_limit_seconds"))
            .transpose()?,
        revoked_at: opt_time(item, "revoked_at")?,
        opened_at: opt_time(item, "opened_at")?,
        started_at: opt_time(item, "started_at")?,
        round: get_n(item, "round")?,
    })
}

pub(crate) fn draft(item: &Item) -> Result<Draft, StoreError> {
    Ok(Draft {
        version: get_n(item, "version")?,
        save_id: get_s(item, "save_id")?,
        review: get_s(item, "review")?,
        saved_at: parse_time(&get_s(item, "saved_at")?)?,
    })
}

pub(crate) fn put_submission(item: &mut Item, submission: &Submission) {
    item.insert("round".into(), n(submission.round));
    item.insert("submission_id".into(), s(&submission.submission_id));
    item.insert("body_hash".into(), s(&submission.body_hash));
    item.insert("review".into(), s(&submission.review));
    item.insert("received_at".into(), s(rfc3339(submission.received_at)));
    item.insert("late_seconds".into(), n(submission.late_seconds));
    if let Some(seconds) = submission.server_elapsed_seconds {
        item.insert("server_elapsed_seconds".into(), n(seconds));
    }
}

pub(crate) fn submission(item: &Item) -> Result<Submission, StoreError> {
    Ok(Submission {
        round: get_n(item, "round")?,
        submission_id: get_s(item, "submission_id")?,
        body_hash: get_s(item, "body_hash")?,
        review: get_s(item, "review")?,
        received_at: parse_time(&get_s(item, "received_at")?)?,
        late_seconds: get_n(item, "late_seconds")?,
        server_elapsed_seconds: item
            .contains_key("server_elapsed_seconds")
            .then(|| get_n(item, "server_elapsed_seconds"))
            .transpose()?,
    })
}

/// A grade's sort key is this and the grader's name.
pub(crate) const GRADE_PREFIX: &str = "GRADE#";

pub(crate) fn put_grade(item: &mut Item, grade: &Grade) {
    item.insert("grader".into(), s(&grade.grader));
    item.insert("review_id".into(), s(&grade.review_id));
    item.insert("sheet".into(), s(&grade.sheet));
    item.insert("saved_at".into(), s(rfc3339(grade.saved_at)));
}

pub(crate) fn grade(item: &Item) -> Result<Grade, StoreError> {
    Ok(Grade {
        grader: get_s(item, "grader")?,
        review_id: get_s(item, "review_id")?,
        sheet: get_s(item, "sheet")?,
        saved_at: parse_time(&get_s(item, "saved_at")?)?,
    })
}

/// Items of any number of invites -> each invite's whole state, oldest invite first. Items
/// whose META is missing or fenced (a delete in progress, or done) are skipped.
pub(crate) fn group(items: Vec<Item>) -> Result<Vec<InviteState>, StoreError> {
    let mut by_pk: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    for item in items {
        by_pk.entry(get_s(&item, "pk")?).or_default().push(item);
    }
    let mut states = Vec::new();
    for (_, items) in by_pk {
        let Some(meta) = items.iter().find(|i| {
            opt_s(i, "sk").as_deref() == Some("META") && !i.contains_key(super::delete::FENCE)
        }) else {
            continue;
        };
        let mut state = InviteState {
            invite: invite(meta)?,
            draft: None,
            submissions: Vec::new(),
            grades: Vec::new(),
        };
        for item in &items {
            let sk = get_s(item, "sk")?;
            if sk == "DRAFT" {
                state.draft = Some(draft(item)?);
            } else if sk.starts_with("SUBMISSION") {
                state.submissions.push(submission(item)?);
            } else if sk.starts_with(GRADE_PREFIX) && !item.contains_key(super::delete::FENCE) {
                state.grades.push(grade(item)?);
            }
        }
        state.submissions.sort_by_key(|s| s.round);
        state.grades.sort_by(|a, b| a.grader.cmp(&b.grader));
        states.push(state);
    }
    states.sort_by(|a, b| {
        (a.invite.created_at, &a.invite.id).cmp(&(b.invite.created_at, &b.invite.id))
    });
    Ok(states)
}
