//! Relink and delete while a candidate writes: every draft and submission the store
//! acknowledged is still there after a relink (under the same id), and after a delete no write
//! lands. Each case is repeated with the writers' timing shifted, since a race shows only in
//! some tries.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::task::JoinHandle;

use super::conformance::{new_invite, relink};
use crate::store::*;

/// Tries per case: the race lost a write in about 1 of 24 tries on dynalite before the fence.
pub(crate) const TRIES: u64 = 24;

/// Saves drafts one after another until the store refuses the invite or `stop` is set; the
/// last version the store acknowledged as saved.
fn draft_writer(store: Arc<dyn ReviewStore>, id: String, stop: Arc<AtomicBool>) -> JoinHandle<u64> {
    tokio::spawn(async move {
        let mut acknowledged = 0;
        for _ in 0..500 {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let save_id = format!("save-{}", acknowledged + 1);
            let review = format!("{{\"summary\":\"{save_id}\"}}");
            match store
                .save_draft(&id, DraftSave::new(acknowledged, &save_id, &review, now()))
                .await
            {
                Ok(DraftOutcome::Saved(d) | DraftOutcome::Repeated(d)) => acknowledged = d.version,
                // The invite is gone under the writer: it stops, as the API would.
                Ok(DraftOutcome::Conflict(_)) | Err(StoreError::NotFound(_)) => break,
                Err(e) => panic!("draft write failed: {e}"),
            }
        }
        acknowledged
    })
}

/// One submission after `delay`; whether the store acknowledged it as created.
fn submitter(store: Arc<dyn ReviewStore>, id: String, delay: Duration) -> JoinHandle<bool> {
    tokio::spawn(async move {
        tokio::time::sleep(delay).await;
        let submission = Submission {
            round: 0,
            submission_id: "race".into(),
            body_hash: "hash".into(),
            review: r#"{"verdict":"approve"}"#.into(),
            received_at: now(),
            late_seconds: 0,
            server_elapsed_seconds: Some(1),
        };
        match store.submit(&id, &submission).await {
            Ok(SubmitOutcome::Created(_)) => true,
            Ok(SubmitOutcome::Existing(s)) => panic!("nobody else submitted: {s:?}"),
            Err(StoreError::NotFound(_)) => false,
            Err(e) => panic!("submission failed: {e}"),
        }
    })
}

/// The writers' head start: a different point of the relink or delete in every try.
fn offsets(try_no: u64) -> (Duration, Duration) {
    (
        Duration::from_micros(300 * (try_no % 8)),
        Duration::from_micros(700 * (try_no % 6)),
    )
}

/// A relink only replaces the token hash: the invite keeps its id, and no write, before or
/// after it, is refused or lost.
pub(crate) async fn relink_keeps_acknowledged_writes(store: Arc<dyn ReviewStore>, tag: &str) {
    for try_no in 0..TRIES {
        let (invite, _) = new_invite(&format!("relink-race-{tag}"));
        store.create_invite(&invite).await.unwrap();
        let (head_start, submit_after) = offsets(try_no);
        let stop = Arc::new(AtomicBool::new(false));
        let drafts = draft_writer(store.clone(), invite.id.clone(), stop.clone());
        let submitted = submitter(store.clone(), invite.id.clone(), submit_after);
        tokio::time::sleep(head_start).await;
        let (token, relinked) = relink(&*store, &invite.id).await;
        assert_eq!(relinked.id, invite.id, "try {try_no}: the id moved");
        stop.store(true, Ordering::SeqCst);
        let (acknowledged, submitted) = (drafts.await.unwrap(), submitted.await.unwrap());
        let kept = store.load(&invite.id).await.unwrap().unwrap();
        assert!(token.hash().matches(&kept.invite.token_hash().unwrap()));
        let version = kept.draft.as_ref().map_or(0, |d| d.version);
        assert_eq!(
            version, acknowledged,
            "try {try_no}: draft version {acknowledged} was acknowledged, {version} kept"
        );
        assert!(submitted, "try {try_no}: a relink refused a submission");
        assert_eq!(kept.submissions.len(), 1, "try {try_no}");
    }
}

/// Returns the deleted ids, for checks of what a store leaves behind.
pub(crate) async fn delete_leaves_nothing_writable(
    store: Arc<dyn ReviewStore>,
    tag: &str,
) -> Vec<String> {
    let mut old_ids = Vec::new();
    for try_no in 0..TRIES {
        let (invite, _) = new_invite(&format!("delete-race-{tag}"));
        store.create_invite(&invite).await.unwrap();
        let (head_start, submit_after) = offsets(try_no);
        let never = Arc::new(AtomicBool::new(false));
        let drafts = draft_writer(store.clone(), invite.id.clone(), never);
        let submitted = submitter(store.clone(), invite.id.clone(), submit_after);
        tokio::time::sleep(head_start).await;
        store.delete_invite(&invite.id).await.unwrap();
        drafts.await.unwrap();
        submitted.await.unwrap();
        assert!(store.load(&invite.id).await.unwrap().is_none());
        assert!(matches!(
            store
                .save_draft(&invite.id, DraftSave::new(0, "late", "{}", now()))
                .await,
            Err(StoreError::NotFound(_))
        ));
        assert!(
            !store
                .list(Some(&invite.scenario))
                .await
                .unwrap()
                .iter()
                .any(|s| s.invite.id == invite.id),
            "try {try_no}: a deleted invite is listed"
        );
        old_ids.push(invite.id);
    }
    old_ids
}
