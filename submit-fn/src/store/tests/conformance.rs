//! One conformance suite for every `ReviewStore`: written once, run by the SQLite tests and,
//! against dynalite, by the DynamoDB tests.

use std::sync::Arc;

use time::Duration;

use crate::model::{FileStatus, ManifestFile};
use crate::store::*;
use crate::token::Token;

pub(crate) fn manifest(scenario: &str) -> Manifest {
    Manifest {
        version: 1,
        scenario: scenario.into(),
        scenario_hash: "hash".into(),
        secret_fingerprint: "0badf00d".into(),
        path: "/s/aaaaaaaaaaaaaaaa/".into(),
        files: vec![ManifestFile {
            path: "src/lib.rs".into(),
            old_path: None,
            status: FileStatus::Modified,
            original_lines: 10,
            modified_lines: 12,
        }],
    }
}

/// A fresh invite of `scenario` with its token.
pub(crate) fn new_invite(scenario: &str) -> (Invite, Token) {
    let token = Token::mint().unwrap();
    let now = now();
    let invite = Invite {
        reference: Some("ats-1".into()),
        time_limit_seconds: Some(3600),
        ..Invite::new(
            &token,
            manifest(scenario),
            "Ada",
            now,
            now + Duration::days(7),
        )
    };
    (invite, token)
}

/// Relinks the invite to a new token, as `invite relink` does: the token, and the invite as
/// stored after.
pub(crate) async fn relink(store: &dyn ReviewStore, invite_id: &str) -> (Token, Invite) {
    let token = Token::mint_for(invite_id).unwrap();
    let change = InviteChange::Relink {
        token_hash: token.hash(),
    };
    let invite = store.change(invite_id, change).await.unwrap();
    (token, invite)
}

pub(crate) fn submission(round: u32, id: &str, body: &str) -> Submission {
    Submission {
        round,
        submission_id: id.into(),
        body_hash: format!("hash-of-{body}"),
        review: body.into(),
        received_at: now(),
        late_seconds: 0,
        server_elapsed_seconds: None,
    }
}

/// Runs every case on `store`; each case uses its own invites (and scenario names), so a
/// shared table is fine. Returns the ids the races deleted, for checks of what a store leaves
/// behind.
pub(crate) async fn run(store: Arc<dyn ReviewStore>) -> Vec<String> {
    let tag = Token::mint().unwrap().invite_id();
    invites_and_changes(&*store, &tag).await;
    open_and_start(&*store, &tag).await;
    drafts(&*store, &tag).await;
    submission_once_under_concurrency(store.clone(), &tag).await;
    late_and_reopen(&*store, &tag).await;
    listing(&*store, &tag).await;
    super::grades::one_per_grader(&*store, &tag).await;
    super::races::relink_keeps_acknowledged_writes(store.clone(), &tag).await;
    super::races::delete_leaves_nothing_writable(store, &tag).await
}

async fn invites_and_changes(store: &dyn ReviewStore, tag: &str) {
    let (invite, _) = new_invite(&format!("changes-{tag}"));
    store.create_invite(&invite).await.unwrap();
    assert!(matches!(
        store.create_invite(&invite).await,
        Err(StoreError::Exists(_))
    ));
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.invite, invite);
    assert_eq!(state.draft, None);
    assert!(state.submissions.is_empty());

    store
        .save_draft(&invite.id, DraftSave::new(0, "kept", "{}", now()))
        .await
        .unwrap();
    let (new_token, relinked) = relink(store, &invite.id).await;
    assert_eq!(relinked.id, invite.id, "a relink keeps the id");
    assert!(new_token.hash().matches(&relinked.token_hash().unwrap()));
    let kept = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(kept.invite.token_hash, new_token.hash().to_hex());
    assert_eq!(
        kept.draft.unwrap().save_id,
        "kept",
        "records stay with the invite"
    );
    assert_eq!(kept.invite.candidate, invite.candidate);
    let listed = store.list(Some(&invite.scenario)).await.unwrap();
    assert_eq!(listed.len(), 1, "listed once, under its id");
    assert_eq!(listed[0].invite.id, invite.id);

    let later = invite.expires_at + Duration::days(2);
    let extended = store
        .change(&invite.id, InviteChange::Extend { expires_at: later })
        .await
        .unwrap();
    assert_eq!(extended.expires_at, later);

    let at = now();
    let revoked = store
        .change(&invite.id, InviteChange::Revoke { at })
        .await
        .unwrap();
    assert_eq!(revoked.revoked_at, Some(at));
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.status(now()), InviteStatus::Revoked);

    let reopened = store
        .change(&invite.id, InviteChange::Reopen)
        .await
        .unwrap();
    assert_eq!(reopened.round, 1);
    assert_eq!(
        reopened.revoked_at, None,
        "a reopened invite is usable again"
    );
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.invite.revoked_at, None);
    assert_ne!(state.status(now()), InviteStatus::Revoked);

    assert!(matches!(
        store.change("nosuchinvite2345", InviteChange::Reopen).await,
        Err(StoreError::NotFound(_))
    ));

    store.delete_invite(&invite.id).await.unwrap();
    assert!(store.load(&invite.id).await.unwrap().is_none());
    assert!(matches!(
        store.delete_invite(&invite.id).await,
        Err(StoreError::NotFound(_))
    ));
}

async fn open_and_start(store: &dyn ReviewStore, tag: &str) {
    let (invite, _) = new_invite(&format!("start-{tag}"));
    store.create_invite(&invite).await.unwrap();
    let first = now() - Duration::minutes(5);
    let opened = store.mark_opened(&invite.id, first).await.unwrap();
    assert_eq!(opened.opened_at, Some(first));
    let again = store.mark_opened(&invite.id, now()).await.unwrap();
    assert_eq!(again.opened_at, Some(first), "opened_at is recorded once");
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.status(now()), InviteStatus::Opened);

    let started_at = now() - Duration::minutes(1);
    let started = store.start(&invite.id, started_at).await.unwrap();
    assert_eq!(started.started_at, Some(started_at));
    let restarted = store.start(&invite.id, now()).await.unwrap();
    assert_eq!(
        restarted.started_at,
        Some(started_at),
        "start is idempotent"
    );
    assert_eq!(
        restarted.deadline(),
        Some(started_at + Duration::seconds(3600))
    );
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.status(now()), InviteStatus::Started);

    // A start without an open records the open too.
    let (other, _) = new_invite(&format!("start-{tag}"));
    store.create_invite(&other).await.unwrap();
    let started = store.start(&other.id, started_at).await.unwrap();
    assert_eq!(started.opened_at, Some(started_at));
}

/// What a draft save answered: its kind, and the version and review of the draft it carries.
fn answer(outcome: &DraftOutcome) -> (&str, Option<(u64, &str)>) {
    let (kind, draft) = match outcome {
        DraftOutcome::Saved(d) => ("saved", Some(d)),
        DraftOutcome::Repeated(d) => ("repeated", Some(d)),
        DraftOutcome::Conflict(d) => ("conflict", d.as_ref()),
    };
    (kind, draft.map(|d| (d.version, d.review.as_str())))
}

async fn drafts(store: &dyn ReviewStore, tag: &str) {
    let (invite, _) = new_invite(&format!("drafts-{tag}"));
    store.create_invite(&invite).await.unwrap();
    let at = now();
    let (a, b, c, d) = (
        r#"{"summary":"a"}"#,
        r#"{"summary":"b"}"#,
        r#"{"summary":"c"}"#,
        r#"{"summary":"d"}"#,
    );
    // (base version, save id, review) and what the store answers: its kind, and the version
    // and review of the draft it carries.
    let saves = [
        ((0, "save-1", a), ("saved", Some((1, a)))),
        // The same save retried (same base, same save id) answers the stored version.
        ((0, "save-1", a), ("repeated", Some((1, a)))),
        // Another save from a stale base conflicts and carries the stored draft.
        ((0, "save-2", b), ("conflict", Some((1, a)))),
        ((1, "save-3", c), ("saved", Some((2, c)))),
        ((7, "save-4", d), ("conflict", Some((2, c)))),
    ];
    for ((base, save_id, review), expected) in saves {
        let outcome = store
            .save_draft(&invite.id, DraftSave::new(base, save_id, review, at))
            .await
            .unwrap();
        assert_eq!(answer(&outcome), expected, "{save_id}: {outcome:?}");
    }
    let state = store.load(&invite.id).await.unwrap().unwrap();
    let draft = state.draft.unwrap();
    assert_eq!((draft.version, draft.save_id.as_str()), (2, "save-3"));
    assert_eq!(draft.review, r#"{"summary":"c"}"#);

    let (fresh, _) = new_invite(&format!("drafts-{tag}"));
    store.create_invite(&fresh).await.unwrap();
    let missing_base = store
        .save_draft(&fresh.id, DraftSave::new(3, "s", "{}", at))
        .await
        .unwrap();
    assert_eq!(missing_base, DraftOutcome::Conflict(None));
    assert!(matches!(
        store
            .save_draft("nosuchinvite2345", DraftSave::new(0, "s", "{}", at))
            .await,
        Err(StoreError::NotFound(_))
    ));
}

async fn submission_once_under_concurrency(store: Arc<dyn ReviewStore>, tag: &str) {
    let (invite, _) = new_invite(&format!("submit-{tag}"));
    store.create_invite(&invite).await.unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..50 {
        let store = store.clone();
        let id = invite.id.clone();
        tasks.spawn(async move {
            let s = submission(0, "sub-1", r#"{"verdict":"approve"}"#);
            store.submit(&id, &s).await
        });
    }
    let mut created = 0;
    let mut existing = 0;
    while let Some(result) = tasks.join_next().await {
        match result.unwrap().unwrap() {
            SubmitOutcome::Created(s) => {
                created += 1;
                assert_eq!(s.submission_id, "sub-1");
            }
            SubmitOutcome::Existing(s) => {
                existing += 1;
                assert_eq!(s.submission_id, "sub-1");
                assert_eq!(s.body_hash, r#"hash-of-{"verdict":"approve"}"#);
            }
        }
    }
    assert_eq!((created, existing), (1, 49));
    // A different submission of the same round is refused with the stored one.
    let other = submission(0, "sub-2", r#"{"verdict":"comment"}"#);
    match store.submit(&invite.id, &other).await.unwrap() {
        SubmitOutcome::Existing(s) => assert_eq!(s.submission_id, "sub-1"),
        created => panic!("second submission stored: {created:?}"),
    }
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.submissions.len(), 1);
    assert_eq!(
        state.current_submission().unwrap().review,
        r#"{"verdict":"approve"}"#
    );
}

async fn late_and_reopen(store: &dyn ReviewStore, tag: &str) {
    let (mut invite, _) = new_invite(&format!("late-{tag}"));
    invite.time_limit_seconds = Some(60);
    store.create_invite(&invite).await.unwrap();
    let started = store
        .start(&invite.id, now() - Duration::minutes(10))
        .await
        .unwrap();
    let at = now();
    let late = started.late_seconds(at);
    assert!((535..=545).contains(&late), "{late}");
    let mut s = submission(0, "late-1", "{}");
    s.late_seconds = late;
    s.received_at = at;
    s.server_elapsed_seconds = Some(600);
    assert!(matches!(
        store.submit(&invite.id, &s).await.unwrap(),
        SubmitOutcome::Created(_)
    ));
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(
        state.current_submission(),
        Some(&s),
        "stored as sent, timings included"
    );
    assert_eq!(state.status(now()), InviteStatus::Submitted { late: true });

    // Reopen allows one more submission and keeps the first.
    let reopened = store
        .change(&invite.id, InviteChange::Reopen)
        .await
        .unwrap();
    let state = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(state.current_submission(), None);
    assert_eq!(state.status(now()), InviteStatus::Reopened);
    let again = submission(reopened.round, "late-2", "{}");
    assert!(matches!(
        store.submit(&invite.id, &again).await.unwrap(),
        SubmitOutcome::Created(_)
    ));
    let state = store.load(&invite.id).await.unwrap().unwrap();
    let ids: Vec<_> = state
        .submissions
        .iter()
        .map(|s| s.submission_id.as_str())
        .collect();
    assert_eq!(ids, ["late-1", "late-2"]);
}

async fn listing(store: &dyn ReviewStore, tag: &str) {
    let scenario = format!("list-{tag}");
    let mut ids = Vec::new();
    for i in 0..3 {
        let (mut invite, _) = new_invite(&scenario);
        invite.created_at += Duration::seconds(i);
        store.create_invite(&invite).await.unwrap();
        ids.push(invite.id);
    }
    let (elsewhere, _) = new_invite(&format!("other-{tag}"));
    store.create_invite(&elsewhere).await.unwrap();
    store
        .save_draft(&ids[1], DraftSave::new(0, "d", r#"{"summary":"x"}"#, now()))
        .await
        .unwrap();
    store.start(&ids[2], now()).await.unwrap();
    store
        .submit(&ids[2], &submission(0, "s", "{}"))
        .await
        .unwrap();

    let listed = store.list(Some(&scenario)).await.unwrap();
    let listed_ids: Vec<_> = listed.iter().map(|s| s.invite.id.clone()).collect();
    assert_eq!(
        listed_ids, ids,
        "every invite of the scenario, oldest first"
    );
    assert_eq!(listed[0].status(now()), InviteStatus::Invited);
    assert_eq!(listed[1].draft.as_ref().unwrap().version, 1);
    assert_eq!(listed[2].submissions.len(), 1);
    assert_eq!(
        listed[2].status(now()),
        InviteStatus::Submitted { late: false }
    );
    assert_eq!(listed[2].invite.manifest, manifest(&scenario));
    let all = store.list(None).await.unwrap();
    assert!(all.iter().any(|s| s.invite.id == elsewhere.id));
    assert!(ids.iter().all(|id| all.iter().any(|s| &s.invite.id == id)));
}
