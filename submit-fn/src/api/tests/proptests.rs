//! Bad input never panics or answers 5xx: forged, truncated, oversized and wrongly typed
//! bodies get their 4xx. Also: captured logs never contain a token or review text.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Method, StatusCode};
use proptest::prelude::*;
use serde_json::{Value, json};

use super::harness::{harness, review};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,20}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("submission_id".to_string()),
                    Just("verdict".to_string()),
                    Just("comments".to_string()),
                    Just("start_line".to_string()),
                    Just("review".to_string()),
                    Just("version".to_string()),
                    "[a-z_]{1,12}".prop_map(String::from),
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A valid submission with one field replaced by anything, or the text cut short.
fn mutated_submission() -> impl Strategy<Value = Vec<u8>> {
    let fields = prop_oneof![
        Just("/submission_id"),
        Just("/verdict"),
        Just("/summary"),
        Just("/comments"),
        Just("/comments/0"),
        Just("/comments/0/start_line"),
        Just("/comments/0/end_line"),
        Just("/comments/0/side"),
        Just("/comments/0/file"),
        Just("/elapsed_seconds"),
    ];
    (fields, any_json(), any::<Option<prop::sample::Index>>()).prop_map(|(at, value, cut)| {
        let mut body = review();
        body["submission_id"] = json!("s1");
        if let Some(slot) = body.pointer_mut(at) {
            *slot = value;
        }
        let mut text = body.to_string().into_bytes();
        if let Some(cut) = cut {
            text.truncate(cut.index(text.len()));
        }
        text
    })
}

fn check_4xx_or_success(bytes: Vec<u8>, method: Method, path: &str) -> Result<(), TestCaseError> {
    runtime().block_on(async {
        let h = harness();
        let (_, token) = h.invite(|_| {}).await;
        let (status, _, body) = h
            .send(method, path, Some(token.as_str()), Some(Body::from(bytes)))
            .await;
        prop_assert!(!status.is_server_error(), "{status} {body}");
        if status.is_client_error() {
            prop_assert!(body["error"]["code"].is_string(), "{body}");
        }
        Ok(())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn mutated_submissions_get_a_4xx_or_are_stored(bytes in mutated_submission()) {
        check_4xx_or_success(bytes, Method::POST, "/api/submissions")?;
    }

    #[test]
    fn arbitrary_json_drafts_never_fail_the_server(value in any_json()) {
        check_4xx_or_success(value.to_string().into_bytes(), Method::PUT, "/api/draft")?;
    }

    #[test]
    fn arbitrary_bytes_never_fail_the_server(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_4xx_or_success(bytes, Method::POST, "/api/submissions")?;
    }

    #[test]
    fn forged_tokens_are_401(token in "rr1_[A-Za-z0-9_-]{0,40}|[ -~]{0,70}") {
        runtime().block_on(async {
            let h = harness();
            let (status, _) = h.session(Some(&token)).await;
            prop_assert_eq!(status, StatusCode::UNAUTHORIZED);
            Ok(())
        })?;
    }
}

#[test]
fn oversized_bodies_are_413() {
    runtime().block_on(async {
        let h = harness();
        let (_, token) = h.invite(|_| {}).await;
        let mut body = review();
        body["submission_id"] = json!("s1");
        body["summary"] = json!("y".repeat(257 * 1024));
        let (status, _, answer) = h
            .send(
                Method::POST,
                "/api/submissions",
                Some(token.as_str()),
                Some(Body::from(body.to_string())),
            )
            .await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{answer}");
    });
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn logs_never_hold_tokens_names_or_review_text() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Global, not scoped: a scoped subscriber misses events whose callsites other test threads
    // registered first. Other tests' logs land here too, which only widens the search.
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let (invite_id, token) = runtime().block_on(async {
        let h = harness();
        let (invite, token) = h.invite(|i| i.candidate = "Zelda Quux".into()).await;
        let mut body = review();
        body["submission_id"] = json!("s1");
        body["summary"] = json!("SECRET-REVIEW-TEXT");
        h.draft(
            &token,
            json!({"version": 0, "save_id": "d", "review": {"summary": "SECRET-DRAFT-TEXT"}}),
        )
        .await;
        let (status, _) = h.submit(&token, body).await;
        assert_eq!(status, StatusCode::CREATED);
        h.send(Method::GET, "/api/session", Some(token.as_str()), None)
            .await;
        (invite.id, token)
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains(&invite_id),
        "the invite id is logged after verification:\n{logs}"
    );
    assert!(logs.contains("route=/submissions"), "routes are logged");
    for secret in [
        token.as_str(),
        "SECRET-REVIEW-TEXT",
        "SECRET-DRAFT-TEXT",
        "Zelda Quux",
    ] {
        assert!(!logs.contains(secret), "{secret} leaked into logs:\n{logs}");
    }
}
