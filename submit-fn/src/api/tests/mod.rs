//! Each error code a request can reach, and the start, expiry, late and idempotency rules,
//! through `oneshot` (the whole error table is in `unavailable.rs`).
//! Beside it: the harness, property tests, and a store that is down.

mod bodies;
mod grades;
mod harness;
mod proptests;
mod timing;
mod unavailable;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use tower::ServiceExt;

use super::*;
use crate::store::tests::conformance::relink;
use crate::store::{InviteChange, now};
use crate::token::Token;
use harness::{harness, refused, submission, submission_with};

#[tokio::test]
async fn health_and_json_fallbacks() {
    let h = harness();
    let (status, _, body) = h.send(Method::GET, "/api/health", None, None).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
    for path in ["/api/nope", "/elsewhere"] {
        let (status, _, body) = h.send(Method::GET, path, None, None).await;
        refused((status, body), StatusCode::NOT_FOUND, "not_found");
    }
    let (status, _, body) = h.send(Method::DELETE, "/api/session", None, None).await;
    refused(
        (status, body),
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
}

#[tokio::test]
async fn tokens_are_checked_before_and_against_the_store() {
    let h = harness();
    let (_, token) = h.invite(|_| {}).await;
    let answer = h.session(None).await;
    refused(answer, StatusCode::UNAUTHORIZED, "invalid_token");
    let answer = h.session(Some("rr1_short")).await;
    refused(answer, StatusCode::UNAUTHORIZED, "invalid_token");
    let other = Token::mint().unwrap();
    let answer = h.session(Some(other.as_str())).await;
    refused(answer, StatusCode::UNAUTHORIZED, "invite_not_found");
    let (status, body) = h.session(Some(token.as_str())).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "not_started");
    assert_eq!(body["scenario"], "demo");
    assert!(body["opened_at"].is_string());
}

#[tokio::test]
async fn relinked_token_dies_and_revoked_or_expired_answer_403() {
    let h = harness();
    let (invite, old) = h.invite(|_| {}).await;
    let (new, _) = relink(&*h.store, &invite.id).await;
    let answer = h.session(Some(old.as_str())).await;
    refused(answer, StatusCode::UNAUTHORIZED, "invite_not_found");
    let (status, body) = h.session(Some(new.as_str())).await;
    assert_eq!(
        (status, body["invite_id"].as_str()),
        (StatusCode::OK, Some(invite.id.as_str()))
    );

    let (revoked, token) = h.invite(|_| {}).await;
    h.store
        .change(&revoked.id, InviteChange::Revoke { at: now() })
        .await
        .unwrap();
    let answer = h.session(Some(token.as_str())).await;
    refused(answer, StatusCode::FORBIDDEN, "invite_revoked");

    let (_, expired) = h
        .invite(|i| i.expires_at = now() - time::Duration::minutes(1))
        .await;
    refused(
        h.start(&expired).await,
        StatusCode::FORBIDDEN,
        "invite_expired",
    );

    // Started before expiry: still accepted afterwards.
    let (_, started) = h
        .invite(|i| {
            i.expires_at = now() - time::Duration::minutes(1);
            i.started_at = Some(now() - time::Duration::minutes(2));
        })
        .await;
    let (status, body) = h.submit(&started, submission("s1")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

#[tokio::test]
async fn start_is_idempotent_and_open_recorded_once() {
    let h = harness();
    let (invite, token) = h.invite(|i| i.time_limit_seconds = Some(600)).await;
    let (_, first) = h.session(Some(token.as_str())).await;
    let (_, second) = h.session(Some(token.as_str())).await;
    assert_eq!(first["opened_at"], second["opened_at"]);
    // The time box is known before the start, so the page can say what it is.
    assert_eq!(first["time_limit_seconds"], 600);
    assert!(first["deadline"].is_null());
    let (status, a) = h.start(&token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(a["state"], "started");
    let started = h.stored(&invite.id).await.invite.started_at;
    assert!(started.is_some());
    let (_, b) = h.start(&token).await;
    assert_eq!(a["started_at"], b["started_at"]);
    assert!(a["deadline"].is_string());
}

#[tokio::test]
async fn drafts_start_the_invite_conflict_and_repeat() {
    let h = harness();
    let (invite, token) = h.invite(|_| {}).await;
    let save = |version: u64, save_id: &str| json!({"version": version, "save_id": save_id, "review": {"summary": save_id}});
    let (status, body) = h.draft(&token, save(0, "a")).await;
    assert_eq!(
        (status, body["version"].as_u64()),
        (StatusCode::OK, Some(1)),
        "{body}"
    );
    let state = h.stored(&invite.id).await;
    assert!(
        state.invite.started_at.is_some(),
        "a draft starts the invite"
    );
    let (status, body) = h.draft(&token, save(0, "a")).await;
    assert_eq!(
        (status, body["version"].as_u64()),
        (StatusCode::OK, Some(1))
    );
    let answer = h.draft(&token, save(0, "b")).await;
    let body = refused(answer, StatusCode::CONFLICT, "version_conflict");
    assert_eq!(body["version"], 1);
    assert_eq!(body["review"]["summary"], "a");
    let (status, body) = h.draft(&token, save(1, "c")).await;
    assert_eq!(
        (status, body["version"].as_u64()),
        (StatusCode::OK, Some(2))
    );
    let (_, session) = h.session(Some(token.as_str())).await;
    assert_eq!(session["draft"]["version"], 2);
    assert_eq!(session["draft"]["review"]["summary"], "c");
}

#[tokio::test]
async fn submission_replays_and_refuses_others() {
    let h = harness();
    let (_, token) = h.invite(|_| {}).await;
    h.draft(&token, json!({"version": 0, "save_id": "d", "review": {}}))
        .await;
    let (status, first) = h.submit(&token, submission("s1")).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(first["late_seconds"], 0);
    let (status, again) = h.submit(&token, submission("s1")).await;
    assert_eq!((status, &again), (StatusCode::OK, &first));
    let changed = submission_with("s1", "/summary", json!("other"));
    let answer = h.submit(&token, changed).await;
    refused(answer, StatusCode::CONFLICT, "submission_id_reused");
    let answer = h.submit(&token, submission("s2")).await;
    let body = refused(answer, StatusCode::CONFLICT, "already_submitted");
    assert_eq!(body["submission_id"], "s1");
    assert_eq!(body["received_at"], first["received_at"]);
    let (_, session) = h.session(Some(token.as_str())).await;
    assert_eq!(session["state"], "submitted");
    assert_eq!(
        session["draft"],
        Value::Null,
        "no review content after submission"
    );
    assert_eq!(session["submission"]["submission_id"], "s1");
    let answer = h
        .draft(&token, json!({"version": 1, "save_id": "e", "review": {}}))
        .await;
    refused(answer, StatusCode::CONFLICT, "already_submitted");
}

#[tokio::test]
async fn late_work_is_stored_with_its_lateness() {
    let h = harness();
    let (invite, token) = h
        .invite(|i| {
            i.time_limit_seconds = Some(60);
            i.started_at = Some(now() - time::Duration::minutes(5));
        })
        .await;
    let (status, body) = h
        .draft(&token, json!({"version": 0, "save_id": "d", "review": {}}))
        .await;
    assert_eq!(status, StatusCode::OK, "late drafts are kept: {body}");
    let (status, body) = h.submit(&token, submission("s1")).await;
    assert_eq!(status, StatusCode::CREATED);
    let late = body["late_seconds"].as_u64().unwrap();
    assert!((235..=245).contains(&late), "{late}");
    let stored = h.stored(&invite.id).await;
    assert_eq!(stored.current_submission().unwrap().late_seconds, late);
}

#[tokio::test]
async fn bodies_are_checked_in_order() {
    let h = harness();
    let (_, token) = h.invite(|_| {}).await;
    let t = Some(token.as_str());
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/submissions")
        .header(header::AUTHORIZATION, format!("Bearer {}", token.as_str()))
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    let res = h.router.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let big = format!("{{\"summary\": \"{}\"}}", "x".repeat(300 * 1024));
    let (status, _, body) = h
        .send(Method::POST, "/api/submissions", t, Some(Body::from(big)))
        .await;
    refused(
        (status, body),
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    );
    let (status, _, body) = h
        .send(
            Method::POST,
            "/api/submissions",
            t,
            Some(Body::from("{\"submission_id\": ")),
        )
        .await;
    refused((status, body), StatusCode::BAD_REQUEST, "malformed_json");
    let wrong = submission_with("s1", "/comments/0/start_line", json!("three"));
    let answer = h.submit(&token, wrong).await;
    let body = refused(answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert_eq!(body["error"]["field"], "/comments/0/start_line");
    let outside = submission_with("s1", "/comments/0/end_line", json!(13));
    let answer = h.submit(&token, outside).await;
    let body = refused(answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert_eq!(body["error"]["field"], "/comments/0/end_line");
    let draft = json!({"version": 0, "save_id": "d", "review": {"comments": [
        {"id": "x", "file": "nope.rs", "side": "original", "body": "", "updated_at": ""}]}});
    let (status, body) = h.draft(&token, draft).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "/review/comments/0/file");
}
