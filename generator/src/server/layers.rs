//! The middleware of [`super::app`]: security headers, the request log, the body limits, and
//! the guard that keeps static serving inside dist/.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

use super::Limits;

/// What the CDN's response headers policy sends (infra/template.yaml), but HSTS, which a
/// browser ignores on plain http and a local address must not pin.
const SECURITY_HEADERS: [(&str, &str); 5] = [
    (
        "content-security-policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("x-robots-tag", "noindex, nofollow"),
];

/// Wraps `router` in the body limits, the security headers and, outermost, the request log.
pub(super) fn around(mut router: Router, limits: &Limits) -> Router {
    router = router.layer(middleware::from_fn_with_state(limits.clone(), bounded_body));
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router.layer(middleware::from_fn(log))
}

/// One line per request: method, path (no query), status, milliseconds. Never a header, so
/// never a token; a 5xx is logged as an error.
async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_millis();
    if status >= 500 {
        tracing::error!(%method, %path, status, ms, "request");
    } else {
        tracing::info!(%method, %path, status, ms, "request");
    }
    response
}

/// Refuses a Content-Length over the limit before reading the body (no `100 Continue` is sent
/// for it), then reads the body within the body timeout, so no slow client holds a
/// connection's memory or a handler waiting.
async fn bounded_body(State(limits): State<Limits>, request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.body_bytes as u64) {
        return closing(submit_fn::api::ApiError::PayloadTooLarge.into_response());
    }
    let (parts, body) = request.into_parts();
    let read = axum::body::to_bytes(body, limits.body_bytes);
    let bytes = match tokio::time::timeout(limits.body, read).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return closing(submit_fn::api::ApiError::PayloadTooLarge.into_response()),
        Err(_) => return closing(timed_out()),
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn timed_out() -> Response {
    let body = serde_json::json!({"error": {
        "code": "request_timeout",
        "message": "the request body did not arrive in time",
    }});
    let mut response = (StatusCode::REQUEST_TIMEOUT, axum::Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The connection is not reused: what is left of the refused body is never read.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Static requests that would pass a symbolic link, a hidden file or `..` answer the site's
/// 404 page, so nothing outside dist/ (the SQLite file, /etc/passwd) is ever served.
pub(super) async fn no_links(
    State(root): State<Arc<PathBuf>>,
    request: Request,
    next: Next,
) -> Response {
    if stays_inside(&root, request.uri().path()) {
        return next.run(request).await;
    }
    let page = std::fs::read(root.join("404.html")).unwrap_or_default();
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        page,
    )
        .into_response()
}

/// Whether `path` names only real files and folders under `root`: each segment decoded as
/// ServeDir decodes it, none hidden or `..`, none a symbolic link on disk.
fn stays_inside(root: &Path, path: &str) -> bool {
    let mut at = root.to_path_buf();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let Ok(segment) = percent_encoding::percent_decode_str(raw).decode_utf8() else {
            return false;
        };
        if segment.starts_with('.') || segment.contains(['/', '\\', '\0']) {
            return false;
        }
        at.push(segment.as_ref());
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return false,
            Ok(_) => {}
            // Missing: ServeDir answers 404 itself.
            Err(_) => return true,
        }
    }
    // A folder is served as its index.html.
    let index = at.join("index.html");
    !std::fs::symlink_metadata(&index).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_hidden_files_and_dot_dot_stay_out() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("dist");
        std::fs::create_dir_all(root.join("s/k")).unwrap();
        std::fs::write(root.join("s/k/index.html"), "page").unwrap();
        std::fs::write(tmp.path().join("secret"), "x").unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret"), root.join("leak")).unwrap();
        std::os::unix::fs::symlink(tmp.path(), root.join("up")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret"), root.join("s/index.html")).unwrap();
        assert!(stays_inside(&root, "/s/k/"));
        assert!(stays_inside(&root, "/s/k/index.html"));
        assert!(stays_inside(&root, "/missing"));
        for bad in [
            "/leak",
            "/%6ceak",
            "/up/secret",
            "/s/",
            "/s/index.html",
            "/.reviewroom-site",
            "/s/%2e%2e/leak",
            "/s/..%2fleak",
        ] {
            assert!(!stays_inside(&root, bad), "{bad}");
        }
    }
}
