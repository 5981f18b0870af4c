//! `ApiError`: every rejection the API makes, axum's own too, as docs/design.md §6's JSON error
//! shape and status. 5xx answers never carry internal detail (it is logged instead).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::validate::Invalid;

/// Seconds a client waits before retrying a 503.
pub const RETRY_AFTER_SECONDS: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("missing or malformed bearer token")]
    InvalidToken,
    #[error("no invite matches this token")]
    InviteNotFound,
    #[error("this invite expired before it was started")]
    InviteExpired,
    #[error("this invite was revoked")]
    InviteRevoked,
    #[error("no such route")]
    NotFound,
    #[error("method not allowed on this route")]
    MethodNotAllowed,
    /// The draft was based on an older version; carries the stored `{version, review}`.
    #[error("the draft was changed elsewhere")]
    VersionConflict { version: u64, review: Value },
    #[error("a review was already submitted")]
    AlreadySubmitted {
        submission_id: String,
        received_at: String,
    },
    #[error("this submission id was used for another review")]
    SubmissionIdReused,
    #[error("the request body is larger than 256 KiB")]
    PayloadTooLarge,
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    #[error("the body is not valid JSON")]
    MalformedJson,
    #[error("{message}")]
    InvalidField {
        message: String,
        field: Option<String>,
    },
    #[error("too many requests")]
    RateLimited,
    #[error("the service is briefly unavailable; retry shortly")]
    Unavailable,
    /// Detail is logged, never sent.
    #[error("internal error")]
    Internal(String),
}

impl From<Invalid> for ApiError {
    fn from(e: Invalid) -> Self {
        ApiError::InvalidField {
            message: e.message,
            field: Some(e.field),
        }
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidToken | ApiError::InviteNotFound => StatusCode::UNAUTHORIZED,
            ApiError::InviteExpired | ApiError::InviteRevoked => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::VersionConflict { .. }
            | ApiError::AlreadySubmitted { .. }
            | ApiError::SubmissionIdReused => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::MalformedJson => StatusCode::BAD_REQUEST,
            ApiError::InvalidField { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::InvalidToken => "invalid_token",
            ApiError::InviteNotFound => "invite_not_found",
            ApiError::InviteExpired => "invite_expired",
            ApiError::InviteRevoked => "invite_revoked",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::VersionConflict { .. } => "version_conflict",
            ApiError::AlreadySubmitted { .. } => "already_submitted",
            ApiError::SubmissionIdReused => "submission_id_reused",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::MalformedJson => "malformed_json",
            ApiError::InvalidField { .. } => "invalid_field",
            ApiError::RateLimited => "rate_limited",
            ApiError::Unavailable => "unavailable",
            ApiError::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut error = Map::new();
        error.insert("code".into(), json!(self.code()));
        error.insert("message".into(), json!(self.to_string()));
        let mut body = Map::new();
        match &self {
            ApiError::InvalidField {
                field: Some(field), ..
            } => {
                error.insert("field".into(), json!(field));
            }
            ApiError::VersionConflict { version, review } => {
                body.insert("version".into(), json!(version));
                body.insert("review".into(), review.clone());
            }
            ApiError::AlreadySubmitted {
                submission_id,
                received_at,
            } => {
                body.insert("submission_id".into(), json!(submission_id));
                body.insert("received_at".into(), json!(received_at));
            }
            ApiError::Internal(detail) => tracing::error!(%detail, "internal error"),
            _ => {}
        }
        body.insert("error".into(), Value::Object(error));
        let mut response = (status, Json(Value::Object(body))).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
        }
        response
    }
}
