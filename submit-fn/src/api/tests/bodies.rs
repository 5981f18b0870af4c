//! Body shape and text: 422 messages in plain words naming the field, objects only, no control
//! characters in candidate text; `HEAD` only looks; unknown API paths answer the JSON 404.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::harness::{code, harness, submission, submission_with};

fn field_and_message(body: &Value) -> (&str, &str) {
    (
        body["error"]["field"].as_str().unwrap_or("<none>"),
        body["error"]["message"].as_str().unwrap_or("<none>"),
    )
}

#[tokio::test]
async fn shape_errors_name_the_field_in_plain_words() {
    let h = harness();
    let (_, token) = h.invite(|_| {}).await;
    let draft = json!({"version": 0, "save_id": "d", "review": {"summary": "s"}});
    let mut cases: Vec<(&str, &str, Value, &str, &str)> = vec![
        (
            "/api/draft",
            "PUT",
            json!([0, "d", {}]),
            "",
            "must be a JSON object",
        ),
        ("/api/draft", "PUT", json!([0]), "", "must be a JSON object"),
        (
            "/api/submissions",
            "POST",
            json!(["s1", "approve"]),
            "",
            "must be a JSON object",
        ),
        (
            "/api/draft",
            "PUT",
            json!("text"),
            "",
            "must be a JSON object",
        ),
        (
            "/api/draft",
            "PUT",
            json!({"version": 0, "save_id": "d", "review": [null, "s"]}),
            "/review",
            "must be an object",
        ),
        (
            "/api/draft",
            "PUT",
            json!({"version": 0, "review": {}}),
            "/save_id",
            "is required",
        ),
        (
            "/api/draft",
            "PUT",
            json!({"version": -1, "save_id": "d", "review": {}}),
            "/version",
            "whole number",
        ),
        (
            "/api/draft",
            "PUT",
            json!({"version": 0, "save_id": "d", "review": {}, "extra": 1}),
            "/extra",
            "not a field",
        ),
    ];
    let array_comment = submission_with(
        "s1",
        "/comments/0",
        json!(["c1", "src/lib.rs", "modified", 3, 4, null, "b", "t"]),
    );
    cases.push((
        "/api/submissions",
        "POST",
        array_comment,
        "/comments/0",
        "comment object",
    ));
    let verdict = submission_with("s1", "/verdict", json!("lgtm"));
    cases.push((
        "/api/submissions",
        "POST",
        verdict,
        "/verdict",
        "one of approve",
    ));
    let line = submission_with("s1", "/comments/0/start_line", json!("three"));
    cases.push((
        "/api/submissions",
        "POST",
        line,
        "/comments/0/start_line",
        "whole number",
    ));
    let mut nested_extra = draft.clone();
    nested_extra["review"]["mood"] = json!("fine");
    cases.push((
        "/api/draft",
        "PUT",
        nested_extra,
        "/review/mood",
        "not a field",
    ));
    let mut missing = submission("s1");
    missing["comments"][0]
        .as_object_mut()
        .unwrap()
        .remove("side");
    cases.push((
        "/api/submissions",
        "POST",
        missing,
        "/comments/0/side",
        "is required",
    ));
    for (path, method, body, field, message) in cases {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let sent = body.to_string();
        let (status, answer) = h.json(method, path, &token, body).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{sent} -> {answer}"
        );
        assert_eq!(code(&answer), "invalid_field");
        let (got_field, got_message) = field_and_message(&answer);
        assert_eq!(got_field, field, "{sent} -> {answer}");
        assert!(got_message.contains(message), "{sent} -> {answer}");
        for internal in [
            "struct",
            "DraftBody",
            "SubmissionBody",
            "Review",
            "u32",
            "u64",
            "elements",
        ] {
            assert!(!got_message.contains(internal), "{sent} -> {answer}");
        }
    }
    let (status, _) = h.draft(&token, draft).await;
    assert_eq!(status, StatusCode::OK, "the object form still works");
}

#[tokio::test]
async fn control_characters_in_candidate_text_answer_422_naming_the_field() {
    let h = harness();
    let (invite, token) = h.invite(|_| {}).await;
    let summary = submission_with("s1", "/summary", json!("done\u{1b}]52;c;cm0gLXJmIH4=\u{7}"));
    let osc8 = "see \u{1b}]8;;https://evil.example\u{1b}\\here";
    let body = submission_with("s1", "/comments/0/body", json!(osc8));
    let c1 = submission_with("s1", "/comments/0/body", json!("csi \u{9b}2J"));
    let cr = submission_with("s1", "/comments/0/body", json!("quote\r## Fake heading"));
    let draft = json!({"version": 0, "save_id": "d", "review": {"summary": "a\u{0}b"}});
    let cases = [
        ("/api/submissions", summary, "/summary"),
        ("/api/submissions", body, "/comments/0/body"),
        ("/api/submissions", c1, "/comments/0/body"),
        ("/api/submissions", cr, "/comments/0/body"),
        ("/api/draft", draft, "/review/summary"),
    ];
    for (path, sent, field) in cases {
        let method = if path == "/api/draft" {
            Method::PUT
        } else {
            Method::POST
        };
        let (status, answer) = h.json(method, path, &token, sent).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        let (got_field, message) = field_and_message(&answer);
        assert_eq!(got_field, field, "{answer}");
        assert!(message.contains("control characters"), "{answer}");
    }
    let state = h.stored(&invite.id).await;
    assert!(state.draft.is_none() && state.submissions.is_empty());
    // Newlines, tabs and bidi controls pass.
    let fine = submission_with(
        "s1",
        "/comments/0/body",
        json!("line\n\tindented \u{202e}quoted\u{202c}"),
    );
    let (status, answer) = h.submit(&token, fine).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
}

#[tokio::test]
async fn head_session_does_not_record_the_open() {
    let h = harness();
    let (invite, token) = h.invite(|_| {}).await;
    let (status, _, _) = h
        .send(Method::HEAD, "/api/session", Some(token.as_str()), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let state = h.stored(&invite.id).await;
    assert_eq!(state.invite.opened_at, None, "HEAD recorded an open");
    let (_, body) = h.session(Some(token.as_str())).await;
    assert!(body["opened_at"].is_string());
}

#[tokio::test]
async fn unknown_api_paths_answer_the_json_404() {
    let h = harness();
    for path in ["/api/", "/api", "/api/session/", "/api/x/y", "/api//"] {
        // `send` also checks Cache-Control: no-store.
        let (status, _, body) = h.send(Method::GET, path, None, None).await;
        assert_eq!(
            (status, code(&body)),
            (StatusCode::NOT_FOUND, "not_found"),
            "{path}"
        );
    }
}

/// `reviewroom serve` nests the API beside the static site: `<api>/` must not fall through.
#[tokio::test]
async fn nested_api_keeps_its_paths_from_the_site() {
    use tower::ServiceExt;
    let h = harness();
    let site = axum::Router::new()
        .merge(crate::api::nested(
            "/rr",
            crate::api::routes(crate::AppState::new(h.store.clone())),
        ))
        .fallback(|| async { (StatusCode::NOT_FOUND, "static 404 page") });
    for path in ["/rr/", "/rr", "/rr/nope"] {
        let req = axum::http::Request::get(path).body(Body::empty()).unwrap();
        let res = site.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(
            res.headers()
                .get(axum::http::header::CACHE_CONTROL)
                .map(|v| v.as_bytes()),
            Some(&b"no-store"[..]),
            "{path}"
        );
        let bytes = http_body_util::BodyExt::collect(res.into_body())
            .await
            .unwrap()
            .to_bytes();
        let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        assert_eq!(code(&body), "not_found", "{path}");
    }
}
