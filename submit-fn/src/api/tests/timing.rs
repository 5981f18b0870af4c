//! Timing evidence: a submission does not start the invite, the server records its own
//! measure beside the candidate-reported `elapsed_seconds`, and that figure is capped.

use axum::http::StatusCode;
use serde_json::json;
use time::Duration;

use super::harness::{code, harness, submission, submission_with};
use crate::store::{InviteChange, ReviewStore, now};
use crate::validate::ELAPSED_SLACK_SECONDS;

#[tokio::test]
async fn a_submission_without_start_records_no_start_and_no_server_time() {
    let h = harness();
    let (invite, token) = h.invite(|_| {}).await;
    let (status, body) = h.submit(&token, submission("s1")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let state = h.stored(&invite.id).await;
    assert_eq!(state.invite.started_at, None, "a start stamped at receipt");
    let stored = state.current_submission().unwrap();
    assert_eq!(stored.server_elapsed_seconds, None);
    // Past the last moment to start, the submitted invite still answers its session.
    h.store
        .change(
            &invite.id,
            InviteChange::Extend {
                expires_at: now() - Duration::minutes(1),
            },
        )
        .await
        .unwrap();
    let (status, session) = h.session(Some(token.as_str())).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["state"], "submitted");
    let (status, again) = h.submit(&token, submission("s1")).await;
    assert_eq!(status, StatusCode::OK, "a replay still answers: {again}");
}

#[tokio::test]
async fn a_started_submission_records_the_server_measure_beside_the_reported_one() {
    let h = harness();
    let (invite, token) = h.started(Duration::minutes(10)).await;
    let body = submission_with("s1", "/elapsed_seconds", json!(590));
    let (status, answer) = h.submit(&token, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let state = h.stored(&invite.id).await;
    let stored = state.current_submission().unwrap();
    let measured = stored.server_elapsed_seconds.unwrap();
    assert!((600..=605).contains(&measured), "{measured}");
    let review: serde_json::Value = serde_json::from_str(&stored.review).unwrap();
    assert_eq!(
        review["elapsed_seconds"], 590,
        "the reported figure is kept as sent"
    );
}

#[tokio::test]
async fn reported_elapsed_seconds_is_capped_by_the_server_measure() {
    let h = harness();
    let (_, token) = h.started(Duration::minutes(10)).await;
    let cap = 600 + ELAPSED_SLACK_SECONDS;
    for (elapsed, field) in [
        (json!(u64::MAX), "/elapsed_seconds"),
        (json!(cap + 60), "/elapsed_seconds"),
    ] {
        let mut body = submission("s1");
        body["elapsed_seconds"] = elapsed.clone();
        let (status, answer) = h.submit(&token, body).await;
        assert_eq!(
            (status, code(&answer)),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field"),
            "{elapsed}: {answer}"
        );
        assert_eq!(answer["error"]["field"], field);
    }
    let draft = json!({"version": 0, "save_id": "d", "review": {"elapsed_seconds": u64::MAX}});
    let (status, answer) = h.draft(&token, draft).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["field"], "/review/elapsed_seconds");

    // Not started: measured from when the invite was made.
    let (_, fresh) = h
        .invite(|i| i.created_at = now() - Duration::hours(1))
        .await;
    let mut body = submission_with(
        "s1",
        "/elapsed_seconds",
        json!(3600 + ELAPSED_SLACK_SECONDS + 60),
    );
    let (status, _) = h.submit(&fresh, body.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    body["elapsed_seconds"] = json!(3600);
    let (status, answer) = h.submit(&fresh, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn viewed_files_are_stored_with_the_review_and_optional() {
    let h = harness();
    let (invite, token) = h.invite(|_| {}).await;
    let mut body = submission_with("s1", "/viewed_files", json!(["nope.rs"]));
    let (status, answer) = h.submit(&token, body.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["field"], "/viewed_files/0");
    body["viewed_files"] = json!(["src/lib.rs"]);
    let (status, answer) = h.submit(&token, body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    let state = h.stored(&invite.id).await;
    let stored = state.current_submission().unwrap();
    let review: crate::model::Review = serde_json::from_str(&stored.review).unwrap();
    assert_eq!(review.viewed_files, Some(vec!["src/lib.rs".to_string()]));
    // A review saved without the field reads back as "not recorded".
    let older: crate::model::Review =
        serde_json::from_str(r#"{"summary": "", "comments": []}"#).unwrap();
    assert_eq!(older.viewed_files, None);
    assert!(
        !serde_json::to_string(&older)
            .unwrap()
            .contains("viewed_files")
    );
}
