//! Request extraction that fails only with `ApiError`: the JSON body (media type, 256 KiB
//! limit, syntax, then types) and the bearer token (shape checked before any read).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use crate::token::Token;

/// The body limit of docs/design.md §6: a review is one DynamoDB item.
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

/// Syntax errors are 400 `malformed_json`; well-formed JSON of the wrong shape is 422 with
/// the offending field as a JSON pointer.
pub fn parse<T: DeserializeOwned>(raw: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(raw);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let pointer = pointer(e.path());
        let inner = e.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => ApiError::InvalidField {
                message: inner.to_string(),
                field: Some(pointer),
            },
            _ => ApiError::MalformedJson,
        }
    })?;
    // Trailing bytes after the value are not JSON either.
    de.end().map_err(|_| ApiError::MalformedJson)?;
    Ok(value)
}

/// `comments[0].start_line` -> `/comments/0/start_line` (RFC 6901 escaping).
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push_str(&key.replace('~', "~0").replace('/', "~1"))
            }
            Segment::Unknown => out.push('?'),
        }
    }
    out
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
