//! API Gateway HTTP API (v2) event JSON, parsed by lambda_http as in the Lambda, through the
//! same router the binary serves.

use std::sync::Arc;

use axum::body::Body;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use submit_fn::model::{FileStatus, Manifest, ManifestFile};
use submit_fn::store::{Invite, ReviewStore, SqliteStore, now};
use submit_fn::token::Token;
use submit_fn::{AppState, app};
use tower::ServiceExt;

fn fixture(name: &str, token: &Token, body: Option<&str>) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.replace("TOKEN_PLACEHOLDER", token.as_str());
    match body {
        Some(body) => {
            let escaped = serde_json::to_string(body).unwrap();
            text.replace("\"BODY_PLACEHOLDER\"", &escaped)
                .replace("BODY_LENGTH", &body.len().to_string())
        }
        None => text,
    }
}

async fn answer(router: &axum::Router, event: &str) -> (u16, Value, Option<String>) {
    let request = lambda_http::request::from_str(event).expect("a valid v2 event");
    let request = request.map(Body::new);
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let cache = response
        .headers()
        .get("cache-control")
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap(), cache)
}

#[tokio::test]
async fn v2_events_reach_the_router() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(SqliteStore::open(&dir.path().join("r.sqlite3"), None).unwrap());
    let token = Token::mint().unwrap();
    let created = now();
    let manifest = Manifest {
        version: 1,
        scenario: "demo".into(),
        scenario_hash: "abc".into(),
        secret_fingerprint: "00000000".into(),
        path: "/s/aaaaaaaaaaaaaaaa/".into(),
        files: vec![ManifestFile {
            path: "app.py".into(),
            old_path: None,
            status: FileStatus::Modified,
            original_lines: 5,
            modified_lines: 6,
        }],
    };
    let invite = Invite::new(
        &token,
        manifest,
        "Ada",
        created,
        created + time::Duration::days(1),
    );
    store.create_invite(&invite).await.unwrap();
    let router = app(AppState::new(store.clone()));

    let (status, session, cache) =
        answer(&router, &fixture("apigw_v2_get_session.json", &token, None)).await;
    assert_eq!(status, 200, "{session}");
    assert_eq!(session["invite_id"], invite.id);
    assert_eq!(session["scenario_hash"], "abc");
    assert_eq!(cache.as_deref(), Some("no-store"));

    let body = json!({"submission_id": "s1", "verdict": "comment", "summary": "ok",
        "comments": [{"id": "c", "file": "app.py", "side": "modified", "start_line": 6,
        "end_line": 6, "body": "why?", "updated_at": "2026-03-12T19:04:00Z"}]})
    .to_string();
    let event = fixture("apigw_v2_post_submission.json", &token, Some(&body));
    let (status, receipt, _) = answer(&router, &event).await;
    assert_eq!(status, 201, "{receipt}");
    let (status, replay, _) = answer(&router, &event).await;
    assert_eq!((status, &replay), (200, &receipt));
    let stored = store.load(&invite.id).await.unwrap().unwrap();
    assert_eq!(stored.submissions.len(), 1);

    let other = Token::mint().unwrap();
    let (status, error, _) =
        answer(&router, &fixture("apigw_v2_get_session.json", &other, None)).await;
    assert_eq!(
        (status, error["error"]["code"].as_str()),
        (401, Some("invite_not_found"))
    );
}
