//! The error table, and a store that is down: bounded attempts, then 503 with Retry-After.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use super::harness::code;
use crate::api::*;
use crate::store::{Invite, InviteChange};
use crate::token::Token;

/// A store that is down: every call fails as unavailable, or never answers.
struct Down {
    hang: bool,
}

impl Down {
    fn fail<'a, T: Send + 'a>(&'a self) -> StoreFuture<'a, T> {
        let hang = self.hang;
        Box::pin(async move {
            if hang {
                std::future::pending::<()>().await;
            }
            Err(StoreError::Unavailable("down".into()))
        })
    }
}

impl ReviewStore for Down {
    fn create_invite<'a>(&'a self, _: &'a Invite) -> StoreFuture<'a, ()> {
        self.fail()
    }
    fn load<'a>(&'a self, _: &'a str) -> StoreFuture<'a, Option<crate::store::InviteState>> {
        self.fail()
    }
    fn change<'a>(&'a self, _: &'a str, _: InviteChange) -> StoreFuture<'a, Invite> {
        self.fail()
    }
    fn mark_opened<'a>(&'a self, _: &'a str, _: time::OffsetDateTime) -> StoreFuture<'a, Invite> {
        self.fail()
    }
    fn start<'a>(&'a self, _: &'a str, _: time::OffsetDateTime) -> StoreFuture<'a, Invite> {
        self.fail()
    }
    fn save_draft<'a>(
        &'a self,
        _: &'a str,
        _: crate::store::DraftSave<'a>,
    ) -> StoreFuture<'a, crate::store::DraftOutcome> {
        self.fail()
    }
    fn submit<'a>(
        &'a self,
        _: &'a str,
        _: &'a crate::store::Submission,
    ) -> StoreFuture<'a, crate::store::SubmitOutcome> {
        self.fail()
    }
    fn save_grade<'a>(&'a self, _: &'a str, _: &'a crate::store::Grade) -> StoreFuture<'a, ()> {
        self.fail()
    }
    fn delete_invite<'a>(&'a self, _: &'a str) -> StoreFuture<'a, ()> {
        self.fail()
    }
    fn list<'a>(&'a self, _: Option<&'a str>) -> StoreFuture<'a, Vec<crate::store::InviteState>> {
        self.fail()
    }
}

#[tokio::test]
async fn a_down_store_answers_503_with_retry_after_after_bounded_attempts() {
    for hang in [false, true] {
        let state = AppState {
            store: Arc::new(Down { hang }),
            policy: Policy {
                timeout: Duration::from_millis(50),
                attempts: 3,
                backoff: Duration::from_millis(5),
            },
        };
        let token = Token::mint().unwrap();
        let started = std::time::Instant::now();
        let res = app(state)
            .oneshot(
                Request::get("/api/session")
                    .header(header::AUTHORIZATION, format!("Bearer {}", token.as_str()))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(res.headers().get(header::RETRY_AFTER).unwrap(), "2");
        let body: Value =
            serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
        assert_eq!(code(&body), "unavailable");
        assert!(
            !body.to_string().contains("down"),
            "no internal detail: {body}"
        );
        if hang {
            assert!(
                started.elapsed() >= Duration::from_millis(150),
                "three timed-out attempts"
            );
        }
    }
}

#[tokio::test]
async fn every_error_code_has_its_status_and_json_shape() {
    let cases = [
        (ApiError::InvalidToken, 401, "invalid_token"),
        (ApiError::InviteNotFound, 401, "invite_not_found"),
        (ApiError::InviteExpired, 403, "invite_expired"),
        (ApiError::InviteRevoked, 403, "invite_revoked"),
        (ApiError::NotFound, 404, "not_found"),
        (ApiError::MethodNotAllowed, 405, "method_not_allowed"),
        (ApiError::SubmissionIdReused, 409, "submission_id_reused"),
        (ApiError::PayloadTooLarge, 413, "payload_too_large"),
        (
            ApiError::UnsupportedMediaType,
            415,
            "unsupported_media_type",
        ),
        (ApiError::MalformedJson, 400, "malformed_json"),
        (ApiError::RateLimited, 429, "rate_limited"),
        (ApiError::Unavailable, 503, "unavailable"),
        (ApiError::Internal("disk on fire".into()), 500, "internal"),
    ];
    for (error, status, expected) in cases {
        let response = axum::response::IntoResponse::into_response(error);
        assert_eq!(response.status().as_u16(), status);
        let body: Value =
            serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes())
                .unwrap();
        assert_eq!(code(&body), expected);
        assert!(body["error"]["message"].is_string());
        assert!(
            !body.to_string().contains("disk on fire"),
            "5xx hide detail"
        );
    }
}
