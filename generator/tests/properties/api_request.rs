//! The `api_request` property: the API under any request body, on every route and invite state,
//! over a real SQLite store: never a 5xx, always `Cache-Control: no-store`, every 4xx in the JSON
//! error shape with a known code, every 422 naming its field, a draft or submission with a
//! control character (other than newline and tab) in any string never accepted, and a created
//! submission sent again answers 200 with the same answer. Shared by the fuzz target and `tests/fuzz_replay.rs` (both include this file by path).

use std::sync::{Arc, LazyLock};

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use submit_fn::model::{FileStatus, Manifest, ManifestFile};
use submit_fn::store::{Invite, ReviewStore, SqliteStore};
use submit_fn::token::Token;
use submit_fn::{AppState, app};
use time::{Duration, OffsetDateTime};
use tower::ServiceExt;

const CODES: &[&str] = &[
    "invalid_token",
    "invite_not_found",
    "invite_expired",
    "invite_revoked",
    "not_found",
    "method_not_allowed",
    "version_conflict",
    "already_submitted",
    "submission_id_reused",
    "payload_too_large",
    "unsupported_media_type",
    "malformed_json",
    "invalid_field",
];

const ROUTES: &[(&str, &str)] = &[
    ("PUT", "/api/draft"),
    ("POST", "/api/submissions"),
    ("GET", "/api/session"),
    ("POST", "/api/session/start"),
    ("DELETE", "/api/draft"),
    ("POST", "/api/unknown"),
];

struct World {
    _dir: tempfile::TempDir,
    store: Arc<SqliteStore>,
    router: axum::Router,
    runtime: tokio::runtime::Runtime,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store =
        Arc::new(SqliteStore::open(&dir.path().join("r.sqlite3"), None).expect("open store"));
    let router = app(AppState::new(store.clone()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    World {
        _dir: dir,
        store,
        router,
        runtime,
    }
});

fn file(path: &str, status: FileStatus, original_lines: u32, modified_lines: u32) -> ManifestFile {
    ManifestFile {
        path: path.into(),
        old_path: None,
        status,
        original_lines,
        modified_lines,
    }
}

/// A fresh invite in the state `kind` picks: new, started and late, expired, or revoked.
fn invite(kind: u8) -> (Invite, Token) {
    let token = Token::mint().expect("OS random source");
    let now = OffsetDateTime::now_utc();
    let hour = Duration::hours(1);
    let manifest = Manifest {
        version: 1,
        scenario: "demo".into(),
        scenario_hash: "hash".into(),
        secret_fingerprint: "0badf00d".into(),
        path: "/s/aaaaaaaaaaaaaaaa/".into(),
        files: vec![
            file("src/a.ts", FileStatus::Modified, 10, 12),
            file("src/new.py", FileStatus::Added, 0, 5),
            file("old.sql", FileStatus::Deleted, 7, 0),
        ],
    };
    let start_by = if kind == 2 { now - hour } else { now + hour };
    let invite = Invite {
        time_limit_seconds: Some(3600),
        revoked_at: (kind == 3).then_some(now),
        started_at: (kind == 1).then_some(now - hour * 2),
        ..Invite::new(&token, manifest, "Ada", now - hour * 3, start_by)
    };
    (invite, token)
}

async fn send(
    method: &str,
    path: &str,
    token: Option<&str>,
    json: bool,
    body: &[u8],
) -> (StatusCode, Value) {
    let mut request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).expect("method"))
        .uri(path);
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    if json {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request.body(Body::from(body.to_vec())).expect("request");
    let response = WORLD
        .router
        .clone()
        .oneshot(request)
        .await
        .expect("infallible");
    let (parts, body) = response.into_parts();
    assert_eq!(
        parts
            .headers
            .get(header::CACHE_CONTROL)
            .map(|v| v.as_bytes()),
        Some(&b"no-store"[..])
    );
    let bytes = body.collect().await.expect("body").to_bytes();
    (
        parts.status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// Panics when the property fails. The first byte picks the route (low 3 bits), the invite's
/// state (next 3: new, started and late, expired, revoked, no token) and whether the body is
/// declared JSON (high bit clear); the rest is the body.
/// Whether any string of the body (keys too) holds a control character the API refuses.
fn has_control(value: &Value) -> bool {
    let bad = |text: &str| {
        text.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
    };
    match value {
        Value::String(text) => bad(text),
        Value::Array(items) => items.iter().any(has_control),
        Value::Object(map) => map.iter().any(|(k, v)| bad(k) || has_control(v)),
        _ => false,
    }
}

pub fn check(data: &[u8]) {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let (method, path) = ROUTES[(selector % 8) as usize % ROUTES.len()];
    let kind = (selector >> 3) % 5;
    let json = selector & 0x80 == 0;
    WORLD.runtime.block_on(async {
        let (invite, token) = invite(kind);
        WORLD
            .store
            .create_invite(&invite)
            .await
            .expect("create invite");
        let token = (kind != 4).then_some(token.as_str());
        let (status, answer) = send(method, path, token, json, body).await;
        assert!(!status.is_server_error(), "{status} {answer}");
        if status.is_client_error() {
            let code = answer["error"]["code"].as_str().unwrap_or_default();
            assert!(CODES.contains(&code), "{status} {answer}");
            assert!(answer["error"]["message"].is_string(), "{answer}");
            if status == StatusCode::UNPROCESSABLE_ENTITY {
                assert!(answer["error"]["field"].is_string(), "{answer}");
            }
        } else {
            assert!(answer.is_object(), "{status} {answer}");
        }
        let sent = serde_json::from_slice::<Value>(body).unwrap_or(Value::Null);
        if has_control(&sent) && matches!(path, "/api/draft" | "/api/submissions") {
            assert!(
                !status.is_success(),
                "control character accepted: {status} {answer}"
            );
        }
        if status == StatusCode::CREATED && path == "/api/submissions" {
            let (again, replayed) = send(method, path, token, json, body).await;
            assert_eq!((again, &replayed), (StatusCode::OK, &answer));
        }
    });
}
