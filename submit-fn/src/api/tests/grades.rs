//! Grades are the interviewer's: the candidate's API has no route to them, and no answer of
//! the routes it has carries one.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::harness::{code, harness, review, submission};
use crate::store::{Grade, ReviewStore, now};

const MARK: &str = "grade-only-words";

#[tokio::test]
async fn no_route_reads_or_writes_a_grade() {
    let h = harness();
    let (invite, token) = h.invite(|_| {}).await;
    let grade = Grade {
        grader: format!("Grader {MARK}"),
        review_id: "sub-1".into(),
        sheet: json!({"notes": MARK}).to_string(),
        saved_at: now(),
    };
    h.store.save_grade(&invite.id, &grade).await.unwrap();

    let mut answers = Vec::new();
    let (_, session) = h.session(Some(token.as_str())).await;
    answers.push(session);
    let (_, started) = h
        .json(Method::POST, "/api/session/start", &token, json!({}))
        .await;
    answers.push(started);
    let draft = json!({"version": 0, "save_id": "s1", "review": review()});
    answers.push(h.draft(&token, draft).await.1);
    let (status, created) = h.submit(&token, submission("sub-1")).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    answers.push(created);
    let (_, after) = h.session(Some(token.as_str())).await;
    answers.push(after);
    for answer in answers {
        assert!(!answer.to_string().contains(MARK), "{answer}");
    }

    let id = &invite.id;
    for path in [
        "/api/grades".to_string(),
        "/api/grade".into(),
        "/api/session/grades".into(),
        "/api/session/grade".into(),
        format!("/api/grades/{id}"),
        format!("/api/invites/{id}/grades"),
    ] {
        for method in [Method::GET, Method::POST, Method::PUT, Method::DELETE] {
            let (status, value) = h
                .json(method.clone(), &path, &token, json!({"notes": "x"}))
                .await;
            assert_eq!(
                (status, code(&value)),
                (StatusCode::NOT_FOUND, "not_found"),
                "{method} {path}"
            );
        }
    }
    let stored = h.stored(id).await;
    assert_eq!(
        stored.grades,
        [grade],
        "untouched by the candidate's requests"
    );
}
