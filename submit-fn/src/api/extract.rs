//! Request extraction that fails only with `ApiError`: the JSON body (media type, 256 KiB
//! limit, syntax, then types) and the bearer token (shape checked before any read).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::token::Token;

/// The body limit of DESIGN 6: a review is one DynamoDB item.
pub const BODY_LIMIT: usize = 256 * 1024;

/// A JSON body with its raw bytes (the submission keeps SHA-256 of them).
pub struct JsonBody<T> {
    pub value: T,
    pub raw: Bytes,
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Err(ApiError::UnsupportedMediaType);
        }
        let raw = Bytes::from_request(req, state).await.map_err(|rejection| {
            match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
                _ => ApiError::MalformedJson,
            }
        })?;
        Ok(JsonBody {
            value: parse(&raw)?,
            raw,
        })
    }
}

/// Syntax errors are 400 `malformed_json`; well-formed JSON of the wrong shape is 422.
pub fn parse<T: DeserializeOwned>(raw: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(raw).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ApiError::InvalidField {
            message: format!("{e}"),
            field: None,
        },
        _ => ApiError::MalformedJson,
    })
}

/// `Authorization: Bearer rr1_…`, shape-checked.
pub struct Bearer(pub Token);

impl<S: Send + Sync> FromRequestParts<S> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(header::AUTHORIZATION)
            .ok_or(ApiError::InvalidToken)?;
        if value.len() > crate::token::MAX_LEN + 16 {
            return Err(ApiError::InvalidToken);
        }
        let text = value.to_str().map_err(|_| ApiError::InvalidToken)?;
        let token = text.strip_prefix("Bearer ").ok_or(ApiError::InvalidToken)?;
        Token::parse(token.trim())
            .map(Bearer)
            .map_err(|_| ApiError::InvalidToken)
    }
}
