//! Request extraction that fails only with `ApiError`: the JSON body (media type, 256 KiB
//! limit, syntax, then types) and the bearer token (shape checked before any read).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::error::ApiError;
use crate::token::Token;
use crate::validate::pointer_token;

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

/// Syntax errors are 400 `malformed_json`; well-formed JSON of the wrong shape is 422 naming
/// the offending field as a JSON pointer, in our words (serde's name Rust types). Bodies and
/// the objects in them must be JSON objects: serde would also take a struct as an array.
pub fn parse<T: DeserializeOwned>(raw: &[u8]) -> Result<T, ApiError> {
    // `from_slice` also refuses trailing bytes after the value.
    let value: Value = serde_json::from_slice(raw).map_err(|_| ApiError::MalformedJson)?;
    objects_only(&value)?;
    serde_path_to_error::deserialize(value).map_err(|e| {
        let at = pointer(e.path());
        let inner = e.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => shape_error(&inner.to_string(), at),
            _ => ApiError::MalformedJson,
        }
    })
}

fn invalid(field: String, message: &str) -> ApiError {
    ApiError::InvalidField {
        message: message.to_string(),
        field: Some(field),
    }
}

/// The body, `review` and every comment are objects: the array forms serde accepts are not.
fn objects_only(body: &Value) -> Result<(), ApiError> {
    let root = body
        .as_object()
        .ok_or_else(|| invalid(String::new(), "the body must be a JSON object"))?;
    let comments = |object: &Map<String, Value>, base: &str| -> Result<(), ApiError> {
        if let Some(Value::Array(items)) = object.get("comments") {
            for (i, item) in items.iter().enumerate() {
                if !item.is_object() {
                    return Err(invalid(format!("{base}/comments/{i}"), expected("0")));
                }
            }
        }
        Ok(())
    };
    comments(root, "")?;
    match root.get("review") {
        Some(Value::Object(review)) => comments(review, "/review"),
        Some(Value::Array(_)) => Err(invalid("/review".into(), expected("review"))),
        _ => Ok(()),
    }
}

/// A serde data error as our own message: which field, and what it must be.
fn shape_error(text: &str, at: String) -> ApiError {
    let named = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(pointer_token)
    };
    if let Some(name) = named("missing field `") {
        return invalid(format!("{at}/{name}"), "is required");
    }
    if let Some(name) = named("unknown field `") {
        let field = if at.ends_with(&format!("/{name}")) {
            at
        } else {
            format!("{at}/{name}")
        };
        return invalid(field, "is not a field of this request");
    }
    let last = at.rsplit('/').next().unwrap_or_default().to_string();
    if at.contains("/viewed_files/") {
        return invalid(at, "must be a file path string");
    }
    invalid(at, expected(&last))
}

/// What the field named `last` (the pointer's last segment) must be.
fn expected(last: &str) -> &'static str {
    match last {
        "" => "the body must be a JSON object",
        "review" => "must be an object",
        "comments" => "must be an array of comment objects",
        "verdict" => "must be one of approve, request_changes, comment",
        "severity" => "must be one of blocker, major, minor, nit, question",
        "side" => "must be original or modified",
        "start_line" | "end_line" => "must be a whole number from 1 to 4294967295",
        "version" | "elapsed_seconds" => "must be a whole number from 0",
        "deleted" => "must be true or false",
        "viewed_files" => "must be an array of file paths",
        "id" | "file" | "body" | "summary" | "updated_at" | "save_id" | "submission_id" => {
            "must be a string"
        }
        index if index.parse::<usize>().is_ok() => "must be a comment object",
        _ => "has the wrong type",
    }
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
                out.push_str(&pointer_token(key))
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
