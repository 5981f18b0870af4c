//! The test harness: a router over a fresh SQLite store, and requests through `oneshot`
//! that also check every answer carries `Cache-Control: no-store`.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::api::*;
use crate::store::tests::conformance::new_invite;
use crate::store::{Invite, InviteState, SqliteStore};
use crate::token::Token;

pub(crate) struct Harness {
    _dir: tempfile::TempDir,
    pub store: Arc<SqliteStore>,
    pub router: Router,
}

pub(crate) fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(SqliteStore::open(&dir.path().join("r.sqlite3"), None).unwrap());
    let router = app(AppState::new(store.clone()));
    Harness {
        _dir: dir,
        store,
        router,
    }
}

impl Harness {
    pub async fn invite(&self, edit: impl FnOnce(&mut Invite)) -> (Invite, Token) {
        let (mut invite, token) = new_invite("demo");
        edit(&mut invite);
        self.store.create_invite(&invite).await.unwrap();
        (invite, token)
    }

    /// An invite the candidate started `ago` before now.
    pub async fn started(&self, ago: time::Duration) -> (Invite, Token) {
        self.invite(|i| i.started_at = Some(crate::store::now() - ago))
            .await
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Body>,
    ) -> (StatusCode, axum::http::HeaderMap, Value) {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        if body.is_some() {
            req = req.header(header::CONTENT_TYPE, "application/json");
        }
        let req = req.body(body.unwrap_or_else(Body::empty)).unwrap();
        let res = self.router.clone().oneshot(req).await.unwrap();
        let (parts, body) = res.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        assert_eq!(
            parts.headers.get(header::CACHE_CONTROL).unwrap(),
            "no-store"
        );
        (parts.status, parts.headers, value)
    }

    /// `GET /api/session`, as the page asks on load.
    pub async fn session(&self, token: Option<&str>) -> (StatusCode, Value) {
        let (status, _, value) = self.send(Method::GET, "/api/session", token, None).await;
        (status, value)
    }

    pub async fn json(
        &self,
        method: Method,
        path: &str,
        token: &Token,
        body: Value,
    ) -> (StatusCode, Value) {
        let (status, _, value) = self
            .send(
                method,
                path,
                Some(token.as_str()),
                Some(Body::from(body.to_string())),
            )
            .await;
        (status, value)
    }

    /// `POST /api/submissions`.
    pub async fn submit(&self, token: &Token, body: Value) -> (StatusCode, Value) {
        self.json(Method::POST, "/api/submissions", token, body)
            .await
    }

    /// `PUT /api/draft`.
    pub async fn draft(&self, token: &Token, body: Value) -> (StatusCode, Value) {
        self.json(Method::PUT, "/api/draft", token, body).await
    }

    /// `POST /api/session/start`, which has no body.
    pub async fn start(&self, token: &Token) -> (StatusCode, Value) {
        let (status, _, value) = self
            .send(
                Method::POST,
                "/api/session/start",
                Some(token.as_str()),
                None,
            )
            .await;
        (status, value)
    }

    /// What the store holds for an invite the test made.
    pub async fn stored(&self, invite_id: &str) -> InviteState {
        self.store.load(invite_id).await.unwrap().unwrap()
    }
}

/// Asserts that an answer is the error `expected` with `status`, the pair the error table
/// promises, and gives its body for the checks that follow.
#[track_caller]
pub(crate) fn refused(
    (status, body): (StatusCode, Value),
    expected_status: StatusCode,
    expected: &str,
) -> Value {
    assert_eq!((status, code(&body)), (expected_status, expected), "{body}");
    body
}

pub(crate) fn code(value: &Value) -> &str {
    value["error"]["code"].as_str().unwrap_or("<none>")
}

pub(crate) fn review() -> Value {
    json!({"verdict": "request_changes", "summary": "needs work", "comments": [
        {"id": "c1", "file": "src/lib.rs", "side": "modified", "start_line": 3, "end_line": 4,
         "body": "off by one", "updated_at": "2026-01-01T00:00:00Z"}
    ], "elapsed_seconds": 60})
}

/// `submission(id)` with `value` set at a JSON pointer (`/comments/0/body`, `/viewed_files`).
pub(crate) fn submission_with(id: &str, pointer: &str, value: Value) -> Value {
    let mut body = submission(id);
    let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
    match body.pointer_mut(parent).expect("a part of the submission") {
        Value::Array(items) => items[key.parse::<usize>().expect("an index")] = value,
        object => object[key] = value,
    }
    body
}

pub(crate) fn submission(id: &str) -> Value {
    let mut body = review();
    body["submission_id"] = json!(id);
    body
}
